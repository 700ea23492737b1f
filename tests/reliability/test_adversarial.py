"""Adversarial inputs: each gets normal output or one error line with exit 2,
within a bounded time and memory."""
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


# ---------------------------------------------------------------- the folder walk trusts nothing in the folder

GIT = __import__("shutil").which("git")


@pytest.mark.skipif(GIT is None and not os.environ.get("CI"), reason="git not installed (install.sh --test)")
def test_a_repository_in_the_folder_runs_no_command(tmp_path):
    """issue 18.1: a .git/config with core.fsmonitor names a command; linting
    the folder (or its parent) must not run it."""
    repo = tmp_path / "archive" / "drafts"
    repo.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    marker = tmp_path / "ran"
    with open(repo / ".git" / "config", "a", encoding="utf-8") as fh:
        fh.write(f'[core]\n\tfsmonitor = "touch {marker}; false"\n')
    (repo / ".gitignore").write_text("old/\n", encoding="utf-8")
    (repo / "old").mkdir()
    (repo / "old" / "a.txt").write_text("请XX同志发言。", encoding="utf-8")
    (repo / "b.txt").write_text("请XX同志发言。", encoding="utf-8")
    for target in (repo, tmp_path / "archive"):
        proc = gwlint("--select", "PH", "--format", "json", target, timeout=60)
        assert normal_or_one_line_error(proc) == 1
        assert not marker.exists()
        assert b"b.txt" in proc.stdout and b"old/a.txt" not in proc.stdout  # .gitignore still honoured


def test_gitignore_rules_as_git_reads_them(tmp_path):
    """Nested .gitignore files, negation, directory patterns, anchoring,
    .git/info/exclude, and a nested repository with its own rules."""
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("secret*.txt\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.md\n!keep.md\n/top.txt\nbuild/\n", encoding="utf-8")
    (tmp_path / "sub" / "inner").mkdir(parents=True)
    (tmp_path / "sub" / ".gitignore").write_text("!again.md\nlocal.txt\n", encoding="utf-8")
    (tmp_path / "nested" / ".git").mkdir(parents=True)  # another repository: the outer rules stop here
    for rel in ("a.txt", "x.md", "keep.md", "top.txt", "sub/top.txt", "build/b.txt", "sub/build/c.txt",
                "sub/again.md", "sub/local.txt", "sub/inner/local.txt", "secret1.txt", "nested/x.md"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("请XX同志发言。", encoding="utf-8")
    proc = gwlint("--show-files", tmp_path)
    listed = sorted(os.path.relpath(l, tmp_path) for l in proc.stdout.decode().splitlines())
    assert listed == ["a.txt", "keep.md", "nested/x.md", "sub/again.md", "sub/top.txt"]
    # linting a subfolder: the rules above it still apply
    proc = gwlint("--show-files", tmp_path / "sub")
    assert sorted(os.path.relpath(l, tmp_path) for l in proc.stdout.decode().splitlines()) == \
        ["sub/again.md", "sub/top.txt"]


def test_a_symlink_out_of_the_folder_is_not_read(tmp_path):
    """issue 18.2: a link to a secrets file outside the folder is skipped with a
    note (its lines would be quoted in the report); --follow-links reads it."""
    (tmp_path / "secrets.txt").write_text("密码是XX，SECRET-TOKEN。", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text("请XX同志发言。", encoding="utf-8")
    os.symlink(tmp_path / "secrets.txt", drafts / "notes.txt")
    os.symlink(tmp_path, drafts / "up")  # a folder outside: not walked
    for fmt in ("text", "html", "json"):
        proc = gwlint("--format", fmt, "--select", "PH", drafts)
        assert normal_or_one_line_error(proc) == 1
        assert b"SECRET" not in proc.stdout
        assert b"notes.txt: a symlink to outside the linted folder, skipped" in proc.stderr
    proc = gwlint("--select", "PH", "--follow-links", drafts)
    assert b"SECRET" in proc.stdout


def test_each_file_is_linted_once_whatever_its_names(tmp_path):
    """A symlink inside the folder, a hard link, a path given twice: one file,
    linted (and fixed) once, under the name that is not a symlink."""
    (tmp_path / "b.txt").write_text("请XX同志发言。", encoding="utf-8")
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    (tmp_path / "c.txt").write_text("请XX同志讲话。", encoding="utf-8")
    os.link(tmp_path / "c.txt", tmp_path / "d.txt")
    proc = gwlint("--select", "PH", "--format", "json", tmp_path, tmp_path / "b.txt")
    import json

    assert sorted(os.path.basename(i["path"]) for i in json.loads(proc.stdout)) == ["b.txt", "c.txt"]


@pytest.mark.parametrize("follow", [False, True])
def test_special_files_in_a_folder_are_skipped_with_a_note(tmp_path, follow):
    """issue 18.5: a FIFO named x.txt and a link to /dev/zero are skipped with
    a one-line note each; the run ends, and the real drafts are linted."""
    os.mkfifo(tmp_path / "fifo.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    (tmp_path / "a.txt").write_text("请XX同志发言。", encoding="utf-8")
    proc = gwlint("--select", "PH", *(["--follow-links"] if follow else []), tmp_path, timeout=60)
    assert normal_or_one_line_error(proc) == 1
    err = proc.stderr.decode()
    assert "fifo.txt: is a named pipe (FIFO), not a regular file, skipped" in err
    assert ("zero.txt: is a device" if follow else "zero.txt: a symlink to outside") in err
    assert b"PH001" in proc.stdout


@pytest.mark.parametrize("make", ["fifo", "dev-zero", "socket"])
def test_a_special_file_named_on_the_command_line_is_refused(tmp_path, make):
    import socket

    path = tmp_path / "x.txt"
    if make == "fifo":
        os.mkfifo(path)
    elif make == "dev-zero":
        path = "/dev/zero"
    else:
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
    proc = gwlint(path, timeout=60)
    assert normal_or_one_line_error(proc) == 2
    assert b"not a regular file" in proc.stderr


# ---------------------------------------------------------------- sizes: bounded by what an input expands to

def _docx_of(path, paragraphs):
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in paragraphs)
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                    '</Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}'
                    "</w:body></w:document>")


def test_a_small_docx_with_200000_paragraphs_is_refused(tmp_path):
    """issue 18.4: 90 KB of zip, 200,000 paragraphs: 33 s and 2.4 GB before."""
    f = tmp_path / "many.docx"
    _docx_of(f, ["一"] * 200_000)
    assert f.stat().st_size < 200_000
    proc = gwlint(f, timeout=60)
    assert normal_or_one_line_error(proc) == 2
    assert b"paragraphs" in proc.stderr and proc.elapsed < 30


def test_docx_text_counts_against_max_file_size(tmp_path):
    (tmp_path / "gwlint.toml").write_text("max-file-size = 100000\n", encoding="utf-8")
    f = tmp_path / "long.docx"
    _docx_of(f, [SENTENCE * 100] * 50)  # 240,000 characters in a few KB of zip
    assert f.stat().st_size < 100_000
    proc = gwlint(f)
    assert normal_or_one_line_error(proc) == 2
    assert b"characters" in proc.stderr and b"max-file-size" in proc.stderr


def test_findings_kept_per_file_are_bounded(tmp_path):
    f = tmp_path / "many.txt"
    f.write_text("XX，" * 12_000, encoding="utf-8")
    proc = gwlint("--format", "json", "--select", "PH001", f)
    assert normal_or_one_line_error(proc) == 1
    import json

    assert len(json.loads(proc.stdout)) == 10_000
    assert b"12,000 findings; only the first 10,000 are reported" in proc.stderr


def test_outline_applies_max_file_size(tmp_path):
    (tmp_path / "gwlint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("一、总体要求\n" + SENTENCE * 100, encoding="utf-8")
    proc = gwlint("outline", f)
    assert normal_or_one_line_error(proc) == 2
    assert b"max-file-size" in proc.stderr


@pytest.mark.parametrize("space", [" ", "\u3000"])
def test_toc_leader_on_a_long_run_of_spaces(tmp_path, space):
    """issue 18.6: a 12 KB line of spaces near the top took 74 s (and every
    keystroke in an editor); 200 KB must take a moment, in outline and check."""
    f = tmp_path / "toc.txt"
    f.write_text("目录\n" + space * 200_000 + "x\n一、总体要求" + space * 200_000 + "……3\n"
                 + "一、总体要求\n" + SENTENCE + "\n", encoding="utf-8")
    for args in (("outline", f), (f,)):
        proc = gwlint(*args, timeout=60)
        assert normal_or_one_line_error(proc) in (0, 1)
        assert proc.elapsed < 30


def test_forty_thousand_fixes(tmp_path):
    """issue 18.7: choose_edits took 71 s on 40,000 fixes (quadratic)."""
    f = tmp_path / "commas.txt"
    f.write_text("同志们,今天开会" * 40_000 + "。\n", encoding="utf-8")
    proc = gwlint("--fix", "--select", "PU001", f, timeout=90)
    assert normal_or_one_line_error(proc) == 0
    assert "," not in f.read_text(encoding="utf-8")


def test_allow_words_on_a_long_draft(tmp_path):
    """issue 18.7: with 5 common words allowed, 4 MB took 131 s (every
    finding was tested against every allowed span)."""
    (tmp_path / "gwlint.toml").write_text('allow = ["同志", "会议", "工作", "发展", "要"]\n', encoding="utf-8")
    f = tmp_path / "long.txt"
    f.write_text(("同志们,要做好工作,推动会议精神落实,促进发展。\n") * 20_000, encoding="utf-8")
    proc = gwlint("--select", "PU001", "--format", "json", f, timeout=90)
    assert normal_or_one_line_error(proc) == 1


def test_one_character_repeated(tmp_path):
    """issue 18.7: TY015 took 180 s on 300,000 characters of one repeated character."""
    f = tmp_path / "rep.txt"
    f.write_text("好" * 300_000, encoding="utf-8")
    proc = gwlint("--select", "TY015", f, timeout=60)
    assert normal_or_one_line_error(proc) == 0


def test_standard_input_that_never_ends(tmp_path):
    """`gwlint - < /dev/zero`: read up to max-file-size, then refused."""
    (tmp_path / "gwlint.toml").write_text("max-file-size = 100000\n", encoding="utf-8")
    with open("/dev/zero", "rb") as zero:
        env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
        proc = subprocess.run([sys.executable, "-m", "gwlint", "-"], stdin=zero, capture_output=True, env=env,
                              cwd=tmp_path, timeout=60)
    assert normal_or_one_line_error(proc) == 2
    assert b"max-file-size" in proc.stderr


# ---------------------------------------------------------------- what --fix may touch (issue 18, 8–14)

def test_fix_across_a_folder_keeps_every_files_metadata(tmp_path):
    """One --fix over a folder of awkward files: a hard link, a symlink, a
    read-only file, an unusual mode and group with an xattr, a 241-byte name.
    Each keeps what it had; the read-only one is reported and left alone."""
    bad, fixed = "同志们:\n今天开会。\n", "同志们：\n今天开会。\n"
    d = tmp_path / "drafts"
    d.mkdir()
    for name in ("linked.txt", "target.txt", "readonly.txt", "attrs.txt", "讲" * 79 + ".txt"):
        (d / name).write_text(bad, encoding="utf-8")
    os.link(d / "linked.txt", tmp_path / "elsewhere.txt")
    os.symlink("target.txt", d / "via-link.txt")
    (d / "readonly.txt").chmod(0o444)
    (d / "attrs.txt").chmod(0o640)
    os.chown(d / "attrs.txt", 1234, 2345)
    try:
        os.setxattr(d / "attrs.txt", "user.origin", b"archive")
        has_xattr = True
    except OSError:
        has_xattr = False
    proc = gwlint("--fix", "--select", "PU", d)
    assert normal_or_one_line_error(proc) == 2
    assert proc.stderr.count(b"gwlint: error: ") == 1 and b"readonly.txt: not fixed: the file is read-only" in proc.stderr
    assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == fixed  # the hard link's other name
    assert (d / "via-link.txt").is_symlink() and (d / "target.txt").read_text(encoding="utf-8") == fixed
    assert (d / "readonly.txt").read_text(encoding="utf-8") == bad
    st = (d / "attrs.txt").stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (1234, 2345, 0o640)
    assert (d / "attrs.txt").read_text(encoding="utf-8") == fixed
    if has_xattr:
        assert os.getxattr(d / "attrs.txt", "user.origin") == b"archive"
    assert (d / ("讲" * 79 + ".txt")).read_text(encoding="utf-8") == fixed
    assert not [p for p in d.iterdir() if p.name.startswith(".gwlint-")]  # no temporary file left
