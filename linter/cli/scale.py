"""Linting an archive too large for one machine, on a Dask cluster
(``gwlint --dask-scheduler tcp://HOST:8786 archive/``; ``pip install
gwlint[scale]``).

Why Dask's ``distributed`` rather than Ray: a lint is thousands of small,
independent, CPU-bound tasks over files on shared storage, whose results are
small (each file's part of the report, already rendered, and its counts).
That is exactly a ``client.map`` over batches of paths; ``distributed`` is pure
Python, installs as one wheel with its dependencies, starts a two-worker local
cluster in a couple of seconds and runs on any machine a ``dask worker``
command can start on (SSH, Kubernetes, SLURM, YARN through the dask-*
deployers). Ray brings a C++ runtime, an object store and a dashboard per
node — more than a map of short tasks needs, and heavy on a small machine.

How it runs: this machine walks the folders (so ``.gitignore``, ``exclude``,
the symlink and special-file rules are those of a local run) and sends
batches of paths; each worker reads and lints its files from the shared file
system (the same paths must exist there), renders its part of the report the
way a ``-j`` worker does, and sends back only that. The batches come back in
order, so the report is byte for byte that of ``gwlint -jN``. A worker that
dies loses its batch, not the run: the batch's files are tried again one by
one, and a file that kills its worker again is reported as an error.
"""
from __future__ import annotations

from ..report import FileResult, RenderedFile
from .args import CheckOptions
from .one_file import check_file

BATCH = 4  # files per task: a task costs the scheduler about a millisecond, a draft ~10 ms to lint
WINDOW = 64  # batches in flight at once; the client holds only their results

_state: dict = {}  # in a worker: CheckOptions → config resolver (rule packs loaded once per process)


def _resolver(opts: CheckOptions):
    resolver = _state.get(opts)
    if resolver is None:
        from gwlint.rules import bundled_registry

        resolver = _state[opts] = opts.resolver(bundled_registry())
    return resolver


def warm_up(opts: CheckOptions) -> None:
    """Run on every worker before the first batch: load the rule packs and
    lexicons the selected rules need (once per worker process)."""
    from ..config import Config
    from ..engine import lint
    from ..model import Document

    resolver = _resolver(opts)
    try:
        lint(Document("同志们：今天开会。"), Config().with_overrides(opts.select, opts.ignore,
                                                                     extend_select=opts.extend_select),
             resolver.registry)
    except Exception:
        pass


def check_batch(paths: list[str], opts: CheckOptions, render_file=None) -> list:
    """A worker's task: check each file, rendering its part of the report
    when the format is made file by file (as ``-j`` workers do)."""
    resolver = _resolver(opts)
    out = []
    for path in paths:
        result = check_file(path, opts, resolver)
        out.append(result if render_file is None else RenderedFile.of(result, render_file))
    return out


def connect(address: str):
    """A client of the scheduler at ``address``, or a one-line error. How
    long to try is Dask's own setting (``distributed.comm.timeouts.connect``,
    e.g. ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=10s``)."""
    from ..errors import GwlintError

    try:
        from distributed import Client
    except ImportError:
        raise GwlintError("--dask-scheduler needs Dask's distributed: pip install 'gwlint[scale]'") from None
    try:
        return Client(address)
    except (OSError, TimeoutError) as exc:
        raise GwlintError(f"--dask-scheduler {address}: cannot connect: {exc}") from None


def run(files: list[str], opts: CheckOptions, client, render_file=None, batch: int = BATCH,
        progress=None) -> list:
    """Check ``files`` on the cluster behind ``client``: results in the order
    of ``files``, the same objects ``pool.run`` returns."""
    from distributed import wait

    client.run(warm_up, opts)
    batches = [files[i:i + batch] for i in range(0, len(files), batch)]
    results: list = []
    pending: list = []  # (batch, future), in order
    todo = iter(batches)
    while True:
        while len(pending) < WINDOW:
            chunk = next(todo, None)
            if chunk is None:
                break
            pending.append((chunk, client.submit(check_batch, chunk, opts, render_file, pure=False)))
        if not pending:
            return results
        chunk, future = pending.pop(0)
        wait(future)
        try:
            done = future.result()
        except Exception:  # the batch's worker died (KilledWorker) or the task failed
            done = [_alone(client, path, opts, render_file) for path in chunk]
        results.extend(done)
        if progress is not None:
            progress(len(done))


def _alone(client, path: str, opts: CheckOptions, render_file):
    try:
        return client.submit(check_batch, [path], opts, render_file, pure=False).result()[0]
    except Exception as exc:
        why = "the worker checking it died (out of memory?)" if type(exc).__name__ == "KilledWorker" else \
            f"{type(exc).__name__}: {exc}"
        result = FileResult(path, error=f"{path}: {why}; the other files are reported")
        return result if render_file is None else RenderedFile.of(result, render_file)
