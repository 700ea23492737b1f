"""The disk cache of numpy tables: same results as building them, rebuilt
when the data changes or the cache is damaged, and never an error."""
import os
import subprocess
import sys

import numpy as np
import pytest

from gwlint import table_cache
from tests.helpers import ROOT


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "data.txt"
    path.write_text("一二三", encoding="utf-8")
    return path


def counting_build():
    calls = []

    def build():
        calls.append(1)
        return {"table": np.arange(12, dtype=np.int32).reshape(3, 4), "codes": np.array([5, 7, 9])}

    return build, calls


def test_second_run_maps_the_stored_tables(cache_dir, source):
    build, calls = counting_build()
    first = table_cache.cached_arrays("t", [source], build)
    second = table_cache.cached_arrays("t", [source], build)
    assert len(calls) == 1
    assert isinstance(second["table"].base, np.memmap)  # mapped from the file, not read into memory
    assert not second["table"].flags.writeable  # shared pages: nobody may write them
    for name in first:
        assert np.array_equal(first[name], second[name]) and first[name].dtype == second[name].dtype


def test_a_changed_source_rebuilds_and_drops_the_stale_version(cache_dir, source):
    build, calls = counting_build()
    table_cache.cached_arrays("t", [source], build)
    source.write_text("一二三四", encoding="utf-8")
    table_cache.cached_arrays("t", [source], build)
    assert len(calls) == 2
    assert len(list(cache_dir.glob("t-*"))) == 1


def test_two_installations_keep_their_own_tables(cache_dir, tmp_path):
    """A project's gwlint and pre-commit's copy must not evict each other."""
    mine, theirs = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (mine, theirs):
        path.write_text("一二三", encoding="utf-8")
    build, calls = counting_build()
    for _ in range(2):
        table_cache.cached_arrays("t", [mine], build)
        table_cache.cached_arrays("t", [theirs], build)
    assert len(calls) == 2
    assert len(list(cache_dir.glob("t-*"))) == 2


@pytest.mark.parametrize("damage", ["truncate", "manifest", "garbage"])
def test_a_damaged_cache_is_rebuilt(cache_dir, source, damage):
    build, calls = counting_build()
    table_cache.cached_arrays("t", [source], build)
    (folder,) = cache_dir.glob("t-*")
    if damage == "truncate":
        data = (folder / "table.npy").read_bytes()
        (folder / "table.npy").write_bytes(data[:len(data) // 2])
    elif damage == "manifest":
        (folder / table_cache.MANIFEST).write_text("table\nmissing\n", encoding="utf-8")
    else:
        (folder / "codes.npy").write_bytes(b"\x00garbage" * 10)
    again = table_cache.cached_arrays("t", [source], build)
    assert len(calls) == 2
    assert np.array_equal(again["codes"], [5, 7, 9])
    assert np.array_equal(table_cache.cached_arrays("t", [source], build)["table"], np.arange(12).reshape(3, 4))
    assert len(calls) == 2  # the repaired cache is used


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch, source):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(blocker / "cache"))
    build, calls = counting_build()
    assert np.array_equal(table_cache.cached_arrays("t", [source], build)["codes"], [5, 7, 9])
    table_cache.cached_arrays("t", [source], build)
    assert len(calls) == 2


def test_empty_setting_turns_the_cache_off(monkeypatch, source):
    monkeypatch.setenv("GWLINT_CACHE_DIR", "")
    assert table_cache.cache_root() is None
    build, calls = counting_build()
    table_cache.cached_arrays("t", [source], build)
    table_cache.cached_arrays("t", [source], build)
    assert len(calls) == 2


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("GWLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert table_cache.cache_root() == tmp_path / "gwlint"


@pytest.mark.needs_lm
def test_typo_findings_are_the_same_built_stored_and_mapped(tmp_path):
    """The real TY tables: a run without the cache, the run that stores it
    and a run that maps it find exactly the same."""
    draft = tmp_path / "draft.txt"
    draft.write_text("我们要市帜鲜明地反对形式主义，开展集中专项行动市从严履行职责的重要举措。\n"
                     "这项工作已经基本完成了，大家要认真地学习，把工作做的更好。\n", encoding="utf-8")
    outputs = []
    for cache in ("", str(tmp_path / "cache"), str(tmp_path / "cache")):
        env = dict(os.environ, GWLINT_CACHE_DIR=cache)
        proc = subprocess.run([sys.executable, "-m", "gwlint", "--format", "json", "--select", "TY", str(draft)],
                              capture_output=True, cwd=ROOT, env=env)
        assert proc.returncode == 1, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert b"TY" in outputs[0]
    assert len(list((tmp_path / "cache").glob("typo-doubtful-*"))) == 1


@pytest.mark.needs_lm
def test_runs_racing_to_build_the_cache_all_succeed(tmp_path):
    """pre-commit starts several gwlint processes at once on a cold cache."""
    draft = tmp_path / "draft.txt"
    draft.write_text("开展集中专项行动市从严履行职责的重要举措。\n", encoding="utf-8")
    env = dict(os.environ, GWLINT_CACHE_DIR=str(tmp_path / "cache"))
    procs = [subprocess.Popen([sys.executable, "-m", "gwlint", "--format", "json", "--select", "TY", str(draft)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
             for _ in range(4)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1, 1], [err for _, err in results]
    assert len({out for out, _ in results}) == 1
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.name.startswith(".tmp-")] == []


def test_plain_data_is_stored_once_and_read_back(cache_dir, source):
    calls = []

    def build():
        calls.append(1)
        return {"z i": ("字", "自"), "shi": ("是", "市")}

    first = table_cache.cached_data("d", [source], build)
    second = table_cache.cached_data("d", [source], build)
    assert first == second == {"z i": ("字", "自"), "shi": ("是", "市")} and calls == [1]
    source.write_text("一二三四", encoding="utf-8")  # the data changed: built again, the stale copy removed
    table_cache.cached_data("d", [source], build)
    assert calls == [1, 1] and len(list(cache_dir.glob("d-*"))) == 1


def test_damaged_or_disabled_data_cache_builds_in_memory(cache_dir, source, monkeypatch):
    table_cache.cached_data("d", [source], lambda: {"a": 1})
    (folder,) = cache_dir.glob("d-*")
    (folder / table_cache.DATA_FILE).write_bytes(b"\x00garbage")
    assert table_cache.cached_data("d", [source], lambda: {"a": 2}) == {"a": 2}
    monkeypatch.setenv("GWLINT_CACHE_DIR", "")
    assert table_cache.cached_data("d", [source], lambda: {"a": 3}) == {"a": 3}
