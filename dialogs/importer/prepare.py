"""Read and parse attached files away from the bot's event loop.

Parsing is pure Python, about half a second per MB of text. In a thread of the bot's process it
would share the GIL with the event loop (and with aiosqlite's threads), and every other
conversation's turn would wait for its slices; so the work runs in one worker process, started
on first use, and a thread is the fallback when no process can be started.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from .errors import ImportFormatError
from .model import ParsedMinutes
from .parse import parse_minutes
from .readers import ReadResult, read_bytes

logger = logging.getLogger(__name__)


@dataclass
class PreparedFile:
    """One attached file, read and parsed (or the reason it could not be read)."""

    filename: str
    read: ReadResult | None = None
    parsed: ParsedMinutes | None = None
    error: ImportFormatError | None = None


def prepare_files(files: list[tuple[str, bytes]]) -> list[PreparedFile]:
    """Read and parse files; CPU-bound, so prepare() runs it in a worker."""
    out: list[PreparedFile] = []
    for filename, data in files:
        try:
            read = read_bytes(data, filename)
        except ImportFormatError as err:
            out.append(PreparedFile(filename, error=err))
            continue
        parsed = parse_minutes(read.text, filename)
        read.text = ""  # the parse holds the text; no second copy travels back
        out.append(PreparedFile(filename, read=read, parsed=parsed))
    return out


_pool: ProcessPoolExecutor | None = None


def _worker_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # spawn: forking a process that runs an event loop and database threads is unsafe.
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
        )
    return _pool


async def prepare(files: list[tuple[str, bytes]]) -> list[PreparedFile]:
    """prepare_files in the worker process; in a thread if the process cannot run."""
    global _pool
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(_worker_pool(), prepare_files, files)
    except (BrokenProcessPool, OSError, RuntimeError) as exc:
        logger.warning("import worker process unavailable (%r); parsing in a thread", exc)
        _pool = None
        return await asyncio.to_thread(prepare_files, files)
