"""Many files at once: one process, or a pool of workers, with a progress
bar; results come back in the order of the files whatever the workers do."""
from __future__ import annotations

import gc
import os

from ..model import Document
from ..report import RenderedFile
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
        lint(Document("同志们：今天开会。"), Config().with_overrides(opts.select, opts.ignore), registry)
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
    from concurrent.futures import ProcessPoolExecutor

    _warm_up(opts, resolver.registry)
    gc.freeze()  # the loaded tables stay shared: no collector pass in a worker touches (and copies) them
    chunk = 1 if len(files) < 2000 else 4  # one file at a time: no worker idles at the end
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(opts,)) as pool:
        results = pool.map(_check_in_worker, files, [render_file] * len(files), chunksize=chunk)
        return list(_with_progress(results, len(files), progress))


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
