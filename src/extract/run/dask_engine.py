"""Recognition on a Dask cluster: ``extract run --engine dask [--scheduler ADDRESS]``.

Recognition (the spaCy models and the rules) is where the time goes and its documents are
independent, so it is the stage spread over machines; the other stages stay local, since they are
cheap and the entity linking needs every document at once. The batches are those of the local
engine and each goes through the same function (:func:`extract.run.annotate.annotate_batch`), so the
tables are byte-identical whichever engine made them.

- Each worker keeps one :class:`~extract.recognise.recogniser.Recogniser` (so loads each model once),
  made by a worker plugin: a worker that joins the cluster later gets one too.
- Each task writes its batch's rows as one part of a partitioned Parquet dataset,
  ``WORK/recognised.parts/part-NNNNNN.parquet``, with the schema of ``recognised.parquet``, and sends
  back only the part's path: results do not travel through the scheduler. The client reads the parts
  in batch order and merges them into ``recognised.parquet`` as the local engine writes it, then
  removes them. With a remote scheduler the work folder (under ``--out``) must therefore be on storage
  that the workers and this machine share (NFS, a cluster file system); a part the client cannot read
  stops the run with a message that says so. A part carries its checksum, like every work file: one
  that arrives damaged is named in a warning and its batch is run again, once.
- A bounded number of batches per worker is in flight and parts are taken back in the order they
  were submitted: memory on the client and the scheduler stays flat in the number of documents, the
  progress bar moves while the cluster works, and no result needs re-sorting.
- Without an address, a :class:`distributed.LocalCluster` of worker processes is started for the
  run (one thread each: spaCy and the rules hold the GIL) and closed at its end.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.core.checksums import Damaged
from extract.core.errors import ExtractError, message
from extract.core.settings import Settings
from extract.core.work_files import KEY_COLUMNS, RECOGNISED

try:
    from distributed import WorkerPlugin
except ImportError:  # the module still imports; connect() says dask is missing when it is asked for
    WorkerPlugin = object  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from distributed import Client

    from extract.run.annotate import Items

log = logging.getLogger(__name__)

#: Batches per worker submitted ahead of the one being collected: enough that no worker waits for
#: the client, few enough that only a handful of batches' texts are ever held by the scheduler.
IN_FLIGHT_PER_WORKER = 3
#: Seconds to wait for a scheduler at a given address before giving up with a message.
CONNECT_TIMEOUT = 30
#: Worker processes of the local cluster when ``run.processes`` does not say (1 would be no gain).
LOCAL_WORKERS = 2

#: The recognisers of this worker process, by plugin name (set up by :class:`RecogniserPlugin`).
_recognisers: dict[str, Any] = {}


def plugin_name(settings: Settings, *, baseline: bool) -> str:
    """A name that differs for different settings, so runs with other settings share a cluster safely."""
    digest = hashlib.sha256(f"{settings!r}|{baseline}".encode()).hexdigest()[:12]
    return f"extract-recogniser-{digest}"


class RecogniserPlugin(WorkerPlugin):
    """Gives each worker one Recogniser for its lifetime; the models load on the first batch."""

    def __init__(self, settings: Settings, *, baseline: bool) -> None:
        self.settings = settings
        self.baseline = baseline
        self.name = plugin_name(settings, baseline=baseline)

    def setup(self, worker: Any) -> None:
        from extract.recognise.recogniser import Recogniser

        _recognisers[self.name] = Recogniser(self.settings, baseline=self.baseline)

    def teardown(self, worker: Any) -> None:
        _recognisers.pop(self.name, None)


def annotate_to_part(
    name: str, items: Items, keys: Sequence[dict[str, str]], part: str
) -> tuple[str, list[str]]:
    """The task run on a worker: one batch through that worker's Recogniser, its rows written to ``part``.

    ``keys`` are the KEY_COLUMNS of each document of the batch. Returns the part's path and the model
    languages loaded so far. The part is written atomically, so a task retried after its worker died
    never leaves half a file.
    """
    import pyarrow as pa

    from extract.core.checksums import sealed_parquet
    from extract.core.tables import write_atomic
    from extract.run.annotate import annotate_batch

    results, loaded = annotate_batch(_recognisers[name], items)
    rows = [{**key, **result} for key, result in zip(keys, results, strict=True)]
    write_atomic(Path(part), sealed_parquet(pa.Table.from_pylist(rows, schema=RECOGNISED)))
    return part, loaded


def read_part(part: str) -> list[dict[str, Any]]:
    """The recognised fields of each document of a part, in batch order.

    Raises :class:`Damaged` when the part fails its checksum, and a stop when it cannot be read at all.
    """
    from extract.core.checksums import unseal_parquet

    try:
        data = Path(part).read_bytes()
    except OSError as error:
        raise ExtractError("run.part_unreadable", path=part, error=error) from error
    rows = unseal_parquet(data).to_pylist()
    return [{k: v for k, v in row.items() if k not in KEY_COLUMNS} for row in rows]


def local_workers(settings: Settings) -> int:
    """Workers of the local cluster: ``run.processes`` (0 = one per core), at least 2."""
    wanted = settings.run_processes or os.cpu_count() or LOCAL_WORKERS
    return max(wanted, LOCAL_WORKERS)


@contextmanager
def connect(settings: Settings, scheduler: str | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster started (and closed) here."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ExtractError("run.no_dask", error=error) from error
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # its INFO lines (cluster start, worker joins) would bury the summary
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as error:
                raise ExtractError("run.scheduler_unreachable", address=scheduler, error=error) from error
            with client:
                yield client
        else:
            with (
                LocalCluster(
                    n_workers=local_workers(settings),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.WARNING,
                ) as cluster,
                Client(cluster) as client,
            ):
                yield client
    finally:
        quiet.setLevel(level)


def dask_outcomes(
    batches: Iterable[tuple[Items, Sequence[dict[str, str]]]],
    settings: Settings,
    *,
    parts: Path,
    baseline: bool,
    scheduler: str | None = None,
) -> Iterator[tuple[list[dict[str, Any]], list[str]]]:
    """(recognised rows, model languages loaded) of every batch, in the order of ``batches``.

    Each batch is (items, the KEY_COLUMNS of its documents); its rows go through a part under ``parts``
    (see the module's docstring), a folder that is emptied first and removed at the end.
    """
    parts = parts.resolve()  # the workers may not share this process's working directory
    shutil.rmtree(parts, ignore_errors=True)  # parts of a run that was killed
    parts.mkdir(parents=True)
    try:
        with connect(settings, scheduler) as client:
            plugin = RecogniserPlugin(settings, baseline=baseline)
            client.register_plugin(plugin, name=plugin.name)
            window = IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values()))
            pending: deque[tuple[Any, tuple[Any, ...]]] = deque()
            for number, (items, keys) in enumerate(batches):
                args = (plugin.name, items, keys, str(parts / f"part-{number:06d}.parquet"))
                pending.append((_submit(client, args), args))
                if len(pending) >= window:
                    yield _collect(client, *pending.popleft())
            while pending:
                yield _collect(client, *pending.popleft())
    finally:
        shutil.rmtree(parts, ignore_errors=True)


def _submit(client: Client, args: tuple[Any, ...]) -> Any:
    """Submit one batch; pure=False: two identical batches are still two tasks, each with its own part."""
    return client.submit(annotate_to_part, *args, pure=False, retries=1)


def _collect(client: Client, task: Any, args: tuple[Any, ...]) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of a batch's part; a damaged part is said in a warning and its batch run once more."""
    part, loaded = task.result()
    try:
        return read_part(part), loaded
    except Damaged as error:
        log.warning("%s", message("work.rebuilt", path=part, error=error))
    part, loaded = _submit(client, args).result()
    try:
        return read_part(part), loaded
    except Damaged as error:
        raise ExtractError("run.part_unreadable", path=part, error=error) from error
