"""Many files at once: one process, or a pool of workers, with a progress
bar; results come back in the order of the files whatever the workers do.

A worker that dies (the kernel's OOM killer, a crash in a C extension) takes
only its own file with it: the files it may have been working on are checked
again one at a time in a fresh worker, the one that kills its worker again is
reported as an error, and every other file's result is kept.
"""
from __future__ import annotations

import gc
import os

from ..model import Document
from ..report import FileResult, RenderedFile
from .args import CheckOptions
from .one_file import check_file

_worker = None  # in a worker process: (options, config resolver), set up once by _start_worker


def _start_worker(opts: CheckOptions) -> None:
    from gwlint.rules import bundled_registry

    global _worker
    _worker = (opts, opts.resolver(bundled_registry()))


def _check_in_worker(path: str, render_file):
    """A worker's task: check one file; when the format is made file by file,
    render the file's part of the report here and send back only that."""
    opts, resolver = _worker
    result = check_file(path, opts, resolver)
    return result if render_file is None else RenderedFile.of(result, render_file)


def _warm_up(opts: CheckOptions, registry) -> None:
    """Load rule packs and lexicons once, before workers fork, so that no
    worker pays for them per file — only those of the selected rules."""
    from ..config import Config
    from ..engine import lint

    try:
        lint(Document("同志们：今天开会。"), Config().with_overrides(opts.select, opts.ignore,
                                                                     extend_select=opts.extend_select),
             registry)
    except Exception:
        pass


def run(files: list[str], opts: CheckOptions, resolver, jobs: int = 1, progress: bool = False,
        render_file=None) -> list:
    """Check ``files``: FileResults, or with workers and a ``render_file`` (a
    format made file by file) RenderedFiles, in the order of ``files``."""
    gc.set_threshold(50_000, 50, 100)  # linting allocates many short-lived objects and few cycles
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    jobs = min(jobs, len(files)) or 1
    if jobs == 1:
        results = (check_file(f, opts, resolver) for f in files)
        return list(_with_progress(results, len(files), progress))
    _warm_up(opts, resolver.registry)
    gc.freeze()  # the loaded tables stay shared: no collector pass in a worker touches (and copies) them
    out: list = [None] * len(files)
    for i, result in _with_progress(_in_workers(files, opts, jobs, render_file), len(files), progress):
        out[i] = result
    return out


def _in_workers(files: list[str], opts: CheckOptions, jobs: int, render_file):
    """(index, result) as workers finish them. At most ``2 × jobs`` files are
    in flight, so when a worker dies only those are suspects."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    todo = list(range(len(files)))[::-1]  # a stack: the next file is at the end
    window = 2 * jobs
    while todo:
        suspects: list[int] = []
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(opts,)) as pool:
            running = {}
            while todo or running:
                while todo and len(running) < window:
                    i = todo.pop()
                    running[pool.submit(_check_in_worker, files[i], render_file)] = i
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    i = running.pop(fut)
                    try:
                        yield i, fut.result()
                    except BrokenProcessPool:
                        suspects.append(i)
                        broken = True
                    except Exception as exc:  # the worker raised what check_file does not catch
                        yield i, _failed(files[i], f"{type(exc).__name__}: {exc}", render_file)
                if broken:
                    suspects.extend(running.values())
                    running.clear()
                    break
        for i in sorted(suspects):
            yield i, _alone(files[i], opts, render_file)


def _alone(path: str, opts: CheckOptions, render_file):
    """Check one file in a worker of its own: its result, or an error if the
    worker dies again."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1, initializer=_start_worker, initargs=(opts,)) as pool:
        try:
            return pool.submit(_check_in_worker, path, render_file).result()
        except BrokenProcessPool:
            return _failed(path, "the worker process checking it was killed (out of memory?)", render_file)
        except Exception as exc:
            return _failed(path, f"{type(exc).__name__}: {exc}", render_file)


def _failed(path: str, why: str, render_file):
    result = FileResult(path, error=f"{path}: {why}; the other files are reported")
    return result if render_file is None else RenderedFile.of(result, render_file)


def _with_progress(results, total: int, show: bool):
    if not show or total < 2:
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("gwlint"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("lint", total=total)
        for r in results:
            bar.advance(task)
            yield r
