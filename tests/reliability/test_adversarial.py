"""Adversarial inputs: each gets normal output or one error line with exit 2,
within a bounded time and memory."""
import io
import os
import resource
import subprocess
import sys
import threading
import time
import zipfile

import pytest

from tests.helpers import ROOT

TIME_LIMIT = 120  # seconds per run; the run is killed past it
MEMORY_LIMIT_MB = 3000


def gwlint(*args, timeout=TIME_LIMIT, cwd=None):
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "gwlint", *map(str, args)], capture_output=True,
                          env=env, timeout=timeout, cwd=cwd or ROOT)
    proc.elapsed = time.monotonic() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert max(peak, before) / 1024 < MEMORY_LIMIT_MB
    return proc


def normal_or_one_line_error(proc):
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-2000:]
    if proc.returncode == 2:
        lines = [l for l in err.splitlines() if l.strip()]
        assert lines and all(l.startswith("gwlint: error: ") for l in lines), err[-500:]
    else:
        assert proc.returncode in (0, 1), err[-500:]
    return proc.returncode


SENTENCE = "各级党委（党组）要切实履行主体责任，坚持严的基调、严的措施、严的氛围，推动全面从严治党向纵深发展。"


@pytest.mark.slow
def test_ten_megabytes_without_newline(tmp_path):
    f = tmp_path / "long.txt"
    text = SENTENCE * (10_000_000 // len(SENTENCE.encode("utf-8")))
    f.write_text(text, encoding="utf-8")
    assert normal_or_one_line_error(gwlint("--format", "json", f)) in (0, 1)


@pytest.mark.slow
def test_a_million_empty_lines(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"\n" * 1_000_000)
    assert normal_or_one_line_error(gwlint(f)) in (0, 1)


@pytest.mark.slow
@pytest.mark.parametrize("opener, closer", [("（", "）"), ("“", "”"), ("(", ")"), ("《", "》")])
def test_deeply_nested_brackets(tmp_path, opener, closer):
    f = tmp_path / "nested.txt"
    f.write_text("开始" + opener * 100_000 + "内容" + closer * 100_000 + "。", encoding="utf-8")
    assert normal_or_one_line_error(gwlint(f)) in (0, 1)


@pytest.mark.slow
def test_fifty_megabytes_is_refused_by_the_size_limit(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        chunk = (SENTENCE + "\n").encode("utf-8") * 10_000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    proc = gwlint(f, timeout=60)
    assert normal_or_one_line_error(proc) == 2
    assert b"max-file-size" in proc.stderr
    assert proc.elapsed < 30


def test_gb18030_that_is_not_utf8(tmp_path):
    f = tmp_path / "gb.txt"
    f.write_bytes(("请XX同志发言。𠮷" + SENTENCE).encode("gb18030"))
    proc = gwlint("--select", "PH", f)
    assert normal_or_one_line_error(proc) == 1
    assert b"PH001" in proc.stdout


def test_utf16_without_bom(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(("请XX同志发言。\n" + SENTENCE).encode("utf-16-le"))
    proc = gwlint("--select", "PH", f)
    assert normal_or_one_line_error(proc) == 1
    assert b"PH001" in proc.stdout


def test_binary_with_txt_extension(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    assert normal_or_one_line_error(gwlint(f)) == 2


def test_zip_bomb_docx(tmp_path):
    f = tmp_path / "bomb.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(300):
                fh.write(block)
    assert f.stat().st_size < 2 * 1024 * 1024
    proc = gwlint(f, timeout=60)
    assert normal_or_one_line_error(proc) == 2


@pytest.mark.parametrize("data", [b"PK\x03\x04garbage" * 10, b"not a zip at all", b""])
def test_corrupt_docx(tmp_path, data):
    f = tmp_path / "broken.docx"
    f.write_bytes(data)
    assert normal_or_one_line_error(gwlint(f)) == 2


def test_symlink_loop_in_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "draft.txt").write_text("请XX同志发言。", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    os.symlink(tmp_path / "missing", tmp_path / "dangling.txt")
    proc = gwlint("--select", "PH", tmp_path, timeout=60)
    assert normal_or_one_line_error(proc) in (1, 2)
    assert proc.stdout.count(b"PH001") == 1


def test_file_deleted_while_the_batch_runs(tmp_path):
    """Files vanish between discovery and reading: reported, and the run goes on."""
    from gwlint.cli import pool
    from gwlint.cli.args import CheckOptions
    from gwlint.rules import bundled_registry

    files = []
    for i in range(30):
        f = tmp_path / f"d{i:02d}.txt"
        f.write_text("请XX同志发言。" + SENTENCE * 50, encoding="utf-8")
        files.append(str(f))
    os.unlink(files[10])
    opts = CheckOptions(select=("PH",))
    results = pool.run(files, opts, opts.resolver(bundled_registry()))
    assert len(results) == 30
    assert results[10].error and "no such file" in results[10].error
    assert all(r.diagnostics for i, r in enumerate(results) if i != 10)


def test_file_deleted_during_cli_run(tmp_path):
    """A real race: a thread deletes files while the CLI lints the folder."""
    for i in range(200):
        (tmp_path / f"d{i:03d}.txt").write_text("请XX同志发言。" + SENTENCE * 20, encoding="utf-8")

    def delete():
        for i in range(100, 200, 3):
            try:
                os.unlink(tmp_path / f"d{i:03d}.txt")
            except OSError:
                pass
            time.sleep(0.001)

    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "gwlint", "--select", "PH", "-j", "1", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    t = threading.Thread(target=delete)
    time.sleep(0.3)
    t.start()
    out, err = proc.communicate(timeout=TIME_LIMIT)
    t.join()
    proc.stderr = err
    assert b"Traceback" not in err
    assert proc.returncode in (1, 2)
    assert out.count(b"PH001") >= 100


@pytest.mark.parametrize("config, needle", [
    ("select = [\"PH\"\nignore = ", b"malformed TOML"),
    ("select = [\"QQ123\"]", b"unknown rule code"),
    ("[per-file-ignores]\n\"*.txt\" = [\"ZZ\"]", b"unknown rule code"),
])
def test_bad_configuration(tmp_path, config, needle):
    (tmp_path / "gwlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("请XX同志发言。", encoding="utf-8")
    proc = gwlint(tmp_path / "a.txt")
    assert normal_or_one_line_error(proc) == 2
    assert needle in proc.stderr


@pytest.mark.slow
def test_user_lexicon_with_100000_entries(tmp_path):
    import random

    rng = random.Random(7)
    chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
    words = {"".join(rng.choice(chars) for _ in range(rng.choice((2, 3, 4)))) for _ in range(100_000)}
    (tmp_path / "words.txt").write_text("\n".join(sorted(words)), encoding="utf-8")
    (tmp_path / "gwlint.toml").write_text('lexicon = ["words.txt"]\nallow = ["张明"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(SENTENCE * 100, encoding="utf-8")
    proc = gwlint(tmp_path / "a.txt")
    assert normal_or_one_line_error(proc) in (0, 1)
    assert proc.elapsed < 60
