"""--fix is as careful as an editor's save (issue 18, 8–15): it writes only
over the file it read, through symlinks, keeping hard links, owner, group,
mode, ACLs and xattrs, never a read-only file, never an input named by -o,
never a Big5 or Shift-JIS draft, whatever the length of the file's name."""
import os
import stat
import struct
import tempfile

import pytest

from gwlint import cli
from tests.helpers import ROOT, run_cli

BAD = "同志们:\n今天召开会议,请大家发言。\n"
FIXED = "同志们：\n今天召开会议，请大家发言。\n"


def _draft(path, text=BAD, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_a_concurrent_save_is_not_overwritten(tmp_path, monkeypatch):
    """issue 18.8: another program saves the draft while --fix runs: its
    edit must survive (it was lost 3 times out of 3)."""
    from gwlint.cli import one_file

    f = _draft(tmp_path / "draft.txt")
    theirs = "同志们：\n另一个程序刚刚保存的内容。\n".encode("utf-8")
    real = one_file.check_document

    def save_meanwhile(*args, **kw):
        result = real(*args, **kw)
        f.write_bytes(theirs)
        return result

    monkeypatch.setattr(one_file, "check_document", save_meanwhile)
    assert cli.main(["--fix", "--select", "PU", str(f)]) == 2
    assert f.read_bytes() == theirs


def test_a_change_that_keeps_size_and_mtime_is_caught_by_the_hash(tmp_path, monkeypatch):
    from gwlint.cli import one_file

    f = _draft(tmp_path / "draft.txt")
    real = one_file.check_document
    theirs = BAD.replace("请", "让").encode("utf-8")

    def save_meanwhile(*args, **kw):
        result = real(*args, **kw)
        st = f.stat()
        f.write_bytes(theirs)
        os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
        return result

    monkeypatch.setattr(one_file, "check_document", save_meanwhile)
    assert cli.main(["--fix", "--select", "PU", str(f)]) == 2
    assert f.read_bytes() == theirs


def test_the_message_says_why(tmp_path, monkeypatch, capsys):
    from gwlint.cli import one_file

    f = _draft(tmp_path / "draft.txt")
    real = one_file.check_document
    monkeypatch.setattr(one_file, "check_document",
                        lambda *a, **k: (real(*a, **k), f.write_text("改了", encoding="utf-8"))[0])
    cli.main(["--fix", "--select", "PU", str(f)])
    assert "the file changed since gwlint read it" in capsys.readouterr().err


def test_owner_group_and_mode_are_kept_when_root_fixes_a_users_file(tmp_path):
    """issue 18.9: the owner became the fixer (root here)."""
    f = _draft(tmp_path / "draft.txt")
    os.chown(f, 1234, 2345)
    f.chmod(0o664)
    assert run_cli("--fix", "--select", "PU", f).returncode == 0
    st = f.stat()
    assert f.read_text(encoding="utf-8") == FIXED
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 2345, 0o664)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user")
def test_a_group_member_fixing_a_group_writable_file_keeps_its_owner():
    """issue 18.9: a colleague (same group) fixes the owner's file; the owner
    must keep it (a rename would hand it to the colleague). The colleague is
    a forked process that drops to another user and writes the fix."""
    import shutil
    from pathlib import Path

    from gwlint.load import read_file
    from gwlint.safe_io import Snapshot, write_fixed

    folder = tempfile.mkdtemp(prefix="gwlint-owner-")
    try:
        os.chmod(folder, 0o777)
        f = _draft(Path(folder) / "draft.txt")
        os.chown(f, 4001, 4000)
        f.chmod(0o664)
        data, st = read_file(f)
        pid = os.fork()
        if pid == 0:  # the colleague: uid 4002, in group 4000
            code = 1
            try:
                os.setgroups([4000])
                os.setresgid(4002, 4002, 4002)
                os.setresuid(4002, 4002, 4002)
                how = write_fixed(f, FIXED.encode("utf-8"), Snapshot.of(st, data))
                code = 0 if how == "in place" else 3
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        st = f.stat()
        assert f.read_text(encoding="utf-8") == FIXED
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4001, 4000, 0o664)
        assert sorted(os.listdir(folder)) == ["draft.txt"]  # the verified copy is gone
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _acl(*entries):
    """A POSIX ACL in the kernel's xattr form (version 2, then tag/perm/id)."""
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", tag, perm, uid) for tag, perm, uid in entries)


def test_acls_and_xattrs_are_kept(tmp_path):
    """issue 18.9: POSIX ACLs and xattrs were dropped."""
    f = _draft(tmp_path / "draft.txt")
    acl = _acl((0x01, 6, 0xFFFFFFFF), (0x02, 6, 1234), (0x04, 4, 0xFFFFFFFF), (0x10, 6, 0xFFFFFFFF),
               (0x20, 4, 0xFFFFFFFF))
    try:
        os.setxattr(f, "user.gwlint-test", b"kept")
        os.setxattr(f, "system.posix_acl_access", acl)
    except OSError as exc:
        pytest.skip(f"this file system has no xattrs or ACLs: {exc}")
    before = {n: os.getxattr(f, n) for n in os.listxattr(f)}
    assert run_cli("--fix", "--select", "PU", f).returncode == 0
    assert f.read_text(encoding="utf-8") == FIXED
    assert {n: os.getxattr(f, n) for n in os.listxattr(f)} == before


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    """issue 18.10: the link became a regular file and its target kept the old text."""
    target = _draft(tmp_path / "real.txt")
    link = tmp_path / "link.txt"
    os.symlink("real.txt", link)
    assert run_cli("--fix", "--select", "PU", link).returncode == 0
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert target.read_text(encoding="utf-8") == FIXED


def test_hard_links_are_kept(tmp_path):
    """issue 18.10: the other name kept the old text."""
    f = _draft(tmp_path / "draft.txt")
    other = tmp_path / "copy.txt"
    os.link(f, other)
    assert run_cli("--fix", "--select", "PU", f).returncode == 0
    assert other.read_text(encoding="utf-8") == FIXED
    assert os.path.samefile(f, other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.txt", "draft.txt"]


def test_a_read_only_file_is_not_rewritten(tmp_path):
    """issue 18.11: a 0444 file was rewritten (root, too, respects the bits here)."""
    f = _draft(tmp_path / "draft.txt")
    f.chmod(0o444)
    proc = run_cli("--fix", "--select", "PU", f)
    assert proc.returncode == 2
    assert b"read-only" in proc.stderr
    assert f.read_text(encoding="utf-8") == BAD


def test_minus_o_naming_the_input_is_refused(tmp_path):
    """issue 18.12: -o draft.txt draft.txt replaced the draft with the report."""
    f = _draft(tmp_path / "draft.txt")
    for out in (f, tmp_path / "." / "draft.txt"):
        proc = run_cli("-o", out, f)
        assert proc.returncode == 2 and b"is the input" in proc.stderr
        assert f.read_text(encoding="utf-8") == BAD


def test_minus_o_a_hard_link_to_the_input_docx_is_refused(tmp_path):
    """issue 18.12: --format docx-comments -o x.docx, x.docx a hard link to the input."""
    import docx

    src = tmp_path / "draft.docx"
    d = docx.Document()
    d.add_paragraph("请XX同志发言。")
    d.save(src)
    before = src.read_bytes()
    os.link(src, tmp_path / "x.docx")
    proc = run_cli("--format", "docx-comments", "-o", tmp_path / "x.docx", src)
    assert proc.returncode == 2 and b"is the input" in proc.stderr
    assert src.read_bytes() == before


def test_a_241_byte_file_name_can_be_fixed(tmp_path):
    """issue 18.14: the temporary name went past the 255-byte limit."""
    name = "讲" * 79 + ".txt"  # 237 + 4 bytes
    assert len(name.encode()) == 241
    f = _draft(tmp_path / name)
    proc = run_cli("--fix", "--select", "PU", f)
    assert proc.returncode == 0, proc.stderr
    assert f.read_text(encoding="utf-8") == FIXED


TRADITIONAL = "各級黨委要切實履行主體責任，堅持嚴的基調、嚴的措施、嚴的氛圍，推動全面從嚴治黨向縱深發展。請張明同志發言,會議到此結束。\n"
JAPANESE = "本日は会議にご出席いただき、誠にありがとうございます。私たちは、地域の発展のために力を合わせて取り組んでまいります。\n"


@pytest.mark.parametrize("text, encoding, name", [(TRADITIONAL, "big5", b"Big5"), (JAPANESE, "shift_jis", b"Shift-JIS")])
def test_big5_and_shift_jis_are_refused_not_rewritten_as_gb18030(tmp_path, text, encoding, name):
    """issue 18.15: they were decoded as GB18030 and --fix wrote GB18030 bytes into them."""
    f = tmp_path / "draft.txt"
    data = text.encode(encoding)
    f.write_bytes(data)
    proc = run_cli("--fix", f)
    assert proc.returncode == 2
    assert name in proc.stderr and b"iconv" in proc.stderr
    assert f.read_bytes() == data


def test_gb18030_traditional_text_is_still_read(tmp_path):
    """Traditional characters written in GB18030 are not mistaken for Big5."""
    f = tmp_path / "draft.txt"
    f.write_bytes(("请XX同志发言。" + TRADITIONAL).encode("gb18030"))
    proc = run_cli("--select", "PH", f)
    assert proc.returncode == 1 and b"PH001" in proc.stdout


def test_the_real_documents_in_gb18030_are_read_as_gb18030(tmp_path):
    from gwlint.load import decode

    docs = sorted((ROOT.parent / "shared" / "data" / "realgov").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if not docs:
        pytest.skip("no shared documents")
    for path in docs:
        text = decode(path.read_bytes(), str(path))[0]
        try:
            data = text.encode("gb18030")
        except UnicodeEncodeError:
            continue
        assert decode(data, str(path))[1] == "gb18030", path


def test_a_failed_in_place_write_restores_the_original(tmp_path, monkeypatch):
    """A hard-linked file is rewritten in place; if the write fails half-way,
    the original comes back from the verified copy, and the copy is removed."""
    from gwlint import safe_io

    f = _draft(tmp_path / "draft.txt")
    os.link(f, tmp_path / "other.txt")
    real_write = safe_io._write_all
    calls = []

    def fail_on_the_target(fd, data):
        calls.append(len(data))
        if len(calls) == 2:  # 1: the verified copy; 2: the new text over the original
            os.write(fd, data[:5])
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(safe_io, "_write_all", fail_on_the_target)
    assert cli.main(["--fix", "--select", "PU", str(f)]) == 2
    assert f.read_text(encoding="utf-8") == BAD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "other.txt"]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user")
def test_a_writable_file_in_a_folder_that_is_not():
    """A file the user may write in a folder the user may not: written in
    place, its verified copy kept in the temporary folder meanwhile."""
    import shutil
    from pathlib import Path

    from gwlint.load import read_file
    from gwlint.safe_io import Snapshot, write_fixed

    folder = tempfile.mkdtemp(prefix="gwlint-folder-")
    try:
        os.chmod(folder, 0o755)  # root's folder: others may not create files in it
        f = _draft(Path(folder) / "draft.txt")
        os.chown(f, 4002, 4002)
        data, st = read_file(f)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.setgroups([])
                os.setresgid(4002, 4002, 4002)
                os.setresuid(4002, 4002, 4002)
                code = 0 if write_fixed(f, FIXED.encode("utf-8"), Snapshot.of(st, data)) == "in place" else 3
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert f.read_text(encoding="utf-8") == FIXED and f.stat().st_uid == 4002
        assert sorted(os.listdir(folder)) == ["draft.txt"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
