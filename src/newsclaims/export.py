"""Writing records: JSONL and Parquet (explicit Arrow schema, zstd), always atomically.

A single file is written to a temporary file in its folder and renamed into place
(:func:`atomic_write`). A whole output folder is staged beside itself and swapped in with one
atomic rename (:func:`write_tree`), so a build killed at any moment leaves either the previous
folder or the new one, never a mix. The same records always give the same bytes.
"""

from __future__ import annotations

import ctypes
import errno
import io
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from newsclaims.errors import OutputError
from newsclaims.schema import record_arrow_schema

log = logging.getLogger(__name__)

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


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with atomic_output(path) as fh:
        fh.write(data)


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


def safe_relpath(rel: str) -> PurePosixPath:
    """``rel`` as a path that stays inside an output folder, or :class:`OutputError`.

    Output names may come from article ids or metadata: ``..``, absolute paths, backslashes and
    NUL bytes are refused so nothing can be written outside the folder.
    """
    path = PurePosixPath(rel)
    if (not rel or "\\" in rel or "\x00" in rel or path.is_absolute()
            or any(part in ("", ".", "..") for part in rel.split("/"))):
        raise OutputError(f"output path {rel!r} is not a plain relative path inside the output folder")
    return path


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, f"cannot swap {a} and {b}: {os.strerror(err)}")


def _staging_prefix(out: Path) -> str:
    return f".{out.name}.staging-"


def _remove_stale_staging(out: Path) -> None:
    """Remove staging folders left by builds that were killed (their process is gone)."""
    prefix = _staging_prefix(out)
    if not out.parent.is_dir():
        return
    for entry in out.parent.iterdir():
        if not entry.name.startswith(prefix) or not entry.is_dir() or entry.is_symlink():
            continue
        pid = entry.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid():
            try:
                os.kill(int(pid), 0)
                continue  # a build still running
            except ProcessLookupError:
                pass
            except PermissionError:
                continue
        log.info("removing %s left by an interrupted build", entry)
        shutil.rmtree(entry, ignore_errors=True)


def _carry_over(out: Path, staging: Path, generated: set[PurePosixPath]) -> None:
    """Link the files of ``out`` that are not generated into ``staging`` (kept as they are)."""
    for folder, dirs, names in os.walk(out):
        rel_folder = Path(folder).relative_to(out)
        for name in sorted(dirs):
            src = Path(folder) / name
            dst = staging / rel_folder / name
            if src.is_symlink():
                os.symlink(os.readlink(src), dst)
            else:
                dst.mkdir(exist_ok=True)
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
        for name in names:
            rel = PurePosixPath((rel_folder / name).as_posix())
            if rel in generated:
                continue
            src, dst = Path(folder) / name, staging / rel_folder / name
            if src.is_symlink():
                os.symlink(os.readlink(src), dst)
                continue
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)


def _unchanged(out: Path, files: Mapping[PurePosixPath, bytes]) -> bool:
    for rel, data in files.items():
        target = out / rel
        try:
            if target.is_symlink() or target.stat().st_size != len(data) or target.read_bytes() != data:
                return False
        except OSError:
            return False
    return True


def write_tree(out: Path, files: Mapping[str, bytes]) -> bool:
    """Replace the generated files of the folder ``out`` all at once; False when nothing changed.

    Every file is written and fsynced into a staging folder beside ``out`` (files of ``out`` that
    are not generated are linked in unchanged), then the staging folder and ``out`` are exchanged
    in one atomic rename. A process killed before the exchange leaves ``out`` as it was (the
    staging folder is removed by the next build); after it, ``out`` is entirely new. Where the
    exchange is not supported (not Linux, ``out`` a symlink), each file is replaced atomically.
    """
    checked = {safe_relpath(rel): data for rel, data in files.items()}
    out = Path(os.path.abspath(out))
    _remove_stale_staging(out)
    if out.is_dir() and _unchanged(out, checked):
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(out)}{os.getpid()}-", dir=out.parent))
    try:
        os.chmod(staging, 0o777 & ~_umask())
        if out.is_dir():
            _carry_over(out, staging, set(checked))
        real_staging = staging.resolve()
        for rel, data in sorted(checked.items()):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if real_staging not in target.parent.resolve().parents and target.parent.resolve() != real_staging:
                raise OutputError(f"output path {rel} would leave the output folder through a symbolic link")
            if target.is_symlink():
                target.unlink()
            with open(target, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(target, 0o666 & ~_umask())
        for folder, _dirs, _names in os.walk(staging):
            _fsync_dir(Path(folder))
        if not out.exists() and not out.is_symlink():
            os.rename(staging, out)
            _fsync_dir(out.parent)
            return True
        if not out.is_symlink() and out.is_dir() and _exchange(staging, out):
            _fsync_dir(out.parent)
            shutil.rmtree(staging, ignore_errors=True)  # now the previous folder
            return True
        for rel in sorted(checked):
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, target)
        _fsync_dir(out)
        shutil.rmtree(staging, ignore_errors=True)
        return True
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
