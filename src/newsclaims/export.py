"""Writing records: JSONL and Parquet (explicit Arrow schema, zstd), always atomically.

Files are written to a temporary file in the target folder and renamed into place, so a crash
never leaves a half-written file; the same records always give the same bytes.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

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
