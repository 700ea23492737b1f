"""The route to scale (issue 17, "What to build" 8): the same lint on a Dask
cluster — here a local one with 2 worker processes — gives byte for byte the
report, the errors and the exit code of ``gwlint -j2``."""
import os
import shutil

import pytest

from tests.helpers import ROOT, run_cli

distributed = pytest.importorskip("distributed") if not os.environ.get("CI") else __import__("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(40):  # more files than one batch, in nested folders
        sub = folder / f"year{i % 3}"
        sub.mkdir(exist_ok=True)
        shutil.copy(seeds[i % len(seeds)], sub / f"d{i}.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01" * 100)
    (folder / "clean.txt").write_text("同志们：\n今天召开会议。\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_a_dask_cluster_reports_exactly_what_j2_reports(cluster, archive, fmt):
    local = run_cli("--format", fmt, "-j", "2", archive)
    on_dask = run_cli("--format", fmt, "--dask-scheduler", cluster.scheduler_address, archive)
    assert local.returncode == on_dask.returncode == 2  # findings, and one unreadable file
    assert on_dask.stdout == local.stdout
    assert on_dask.stderr == local.stderr
    assert b"broken.txt" in on_dask.stderr


def test_fix_on_the_cluster(cluster, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("同志们:\n今天开会,请大家发言。\n", encoding="utf-8")
    proc = run_cli("--fix", "--select", "PU", "--dask-scheduler", cluster.scheduler_address, f)
    assert proc.returncode == 0, proc.stderr
    assert f.read_text(encoding="utf-8") == "同志们：\n今天开会，请大家发言。\n"


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("请XX同志发言。", encoding="utf-8")
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT), DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    proc = subprocess.run([sys.executable, "-m", "gwlint", "--dask-scheduler", "tcp://127.0.0.1:9", str(f)],
                          capture_output=True, env=env, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert [l for l in err.splitlines() if l][-1].startswith("gwlint: error: --dask-scheduler")
