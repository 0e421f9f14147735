"""Writing records: JSONL and Parquet (explicit Arrow schema, zstd), always atomically.

Files are written to a temporary file in the target folder and renamed into place, so a crash
never leaves a half-written file; the same records always give the same bytes.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from newsclaims.errors import OutputError
from newsclaims.schema import record_arrow_schema

ROW_GROUP_SIZE = 1000


def dumps_record(record: dict) -> str:
    """One JSONL line (no newline): UTF-8 text, keys in schema order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def jsonl_bytes(records: Iterable[dict]) -> bytes:
    return "".join(dumps_record(r) + "\n" for r in records).encode("utf-8")


def parquet_bytes(records: list[dict], schema: pa.Schema | None = None) -> bytes:
    schema = schema or record_arrow_schema()
    sink = io.BytesIO()
    with pq.ParquetWriter(sink, schema, compression="zstd", write_statistics=True) as writer:
        for i in range(0, max(len(records), 1), ROW_GROUP_SIZE):
            writer.write_table(pa.Table.from_pylist(records[i:i + ROW_GROUP_SIZE], schema=schema), row_group_size=ROW_GROUP_SIZE)
    return sink.getvalue()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file to stream into; it replaces ``path`` only once the block ends without error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


class JsonlWriter:
    """Streams records to a JSONL file, one line each (the bytes of :func:`jsonl_bytes`)."""

    def __init__(self, fh: BinaryIO):
        self._fh = fh

    def write(self, record: dict) -> None:
        self._fh.write((dumps_record(record) + "\n").encode("utf-8"))

    def close(self) -> None:
        pass


class ParquetStreamWriter:
    """Streams records to Parquet, one row group per ``ROW_GROUP_SIZE`` records.

    At most one row group is held in memory; the bytes are those of :func:`parquet_bytes`.
    """

    def __init__(self, fh: BinaryIO, schema: pa.Schema | None = None):
        self._schema = schema or record_arrow_schema()
        self._writer = pq.ParquetWriter(fh, self._schema, compression="zstd", write_statistics=True)
        self._rows: list[dict] = []
        self._groups = 0

    def write(self, record: dict) -> None:
        self._rows.append(record)
        if len(self._rows) >= ROW_GROUP_SIZE:
            self._flush()

    def _flush(self) -> None:
        self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema), row_group_size=ROW_GROUP_SIZE)
        self._rows = []
        self._groups += 1

    def close(self) -> None:
        if self._rows or not self._groups:
            self._flush()
        self._writer.close()


@contextmanager
def record_writer(path: Path) -> Iterator[JsonlWriter | ParquetStreamWriter]:
    """A streaming writer for ``path``, JSONL or Parquet by its suffix, written atomically."""
    if path.suffix not in (".jsonl", ".parquet"):
        raise OutputError(f"{path}: unknown output format {path.suffix!r}; use .jsonl or .parquet")
    with atomic_output(path) as fh:
        writer = JsonlWriter(fh) if path.suffix == ".jsonl" else ParquetStreamWriter(fh)
        yield writer
        writer.close()
