"""Reading articles: finding article files, decoding them, and checking their provenance sidecars.

An article is a UTF-8 ``.txt`` file; its id is the file stem. Beside it an optional
``<stem>.meta.json`` sidecar (``schema/sidecar.schema.json``) gives url, publisher, published date,
licence and language. Anything wrong raises :class:`ArticleError` naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsclaims.errors import ArticleError
from newsclaims.record import Provenance, Record

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
NOT_ARTICLES = re.compile(r"^(SOURCE|README|LICENSE|LICENCE|CHANGELOG|NOTICE)(\..*)?$", re.IGNORECASE)
SIDECAR_SUFFIX = ".meta.json"
MAX_BYTES = 20 * 1024 * 1024
#: The longest article text accepted, in characters (spaCy's own ``max_length`` default): the
#: parser needs about 1 GB of memory per 100,000 characters, and no news article is this long.
MAX_CHARS = 1_000_000


def iter_article_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Every article file under ``paths`` (files as given, folders recursively, sorted).

    ``SOURCE.txt``, README/LICENSE files, hidden files and sidecars are not articles. A path that
    does not exist raises :class:`ArticleError`.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*.txt")):
                if child.is_file() and is_article_name(child) and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield child
        elif path.is_file():
            yield path
        else:
            raise ArticleError(str(path), "no such file or folder")


def is_article_name(path: Path) -> bool:
    return path.suffix == ".txt" and not NOT_ARTICLES.match(path.name) and not path.name.startswith(".")


def display_path(path: Path, root: Path | None = None) -> str:
    """A stable, relative, POSIX-style path for provenance and messages."""
    base = Path(root) if root else Path.cwd()
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:
        return path.as_posix()


def decode_article(data: bytes, where: str) -> str:
    """The article text of a file's bytes: UTF-8 (a leading BOM is dropped), refused if binary."""
    if not data.strip():
        raise ArticleError(where, "empty article (no text)")
    if b"\x00" in data:
        raise ArticleError(where, "binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(where, f"not valid UTF-8 at byte {exc.start}: {exc.reason}; re-save the file as UTF-8") from None
    if not text.strip():
        raise ArticleError(where, "empty article (whitespace only)")
    if len(text) > MAX_CHARS:
        raise ArticleError(where, f"article is {len(text):,} characters, more than the {MAX_CHARS:,}-character limit for one article; split it")
    return text


def read_sidecar(path: Path, where: str) -> dict:
    """The provenance sidecar of an article, validated; defaults when there is none."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {"url": None, "publisher": None, "published": None, "license": None, "language": "en"}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(display_path(sidecar), f"unreadable sidecar: {exc}") from None
    from newsclaims.validate import sidecar_problems

    problems = sidecar_problems(meta)
    if problems:
        raise ArticleError(display_path(sidecar), "invalid sidecar: " + "; ".join(problems))
    return meta


def read_article(path: str | os.PathLike, *, root: Path | None = None) -> Record:
    """Read one article file into a :class:`Record` with its provenance (no extraction yet)."""
    path = Path(path)
    where = display_path(path, root)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if not ID_PATTERN.match(stem) or len(stem) > 200:
        raise ArticleError(where, f"file name {stem!r} cannot be a record id (letters, digits, '.', '_', '-' only)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(where, f"file is {size} bytes, more than the {MAX_BYTES}-byte limit for one article")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(where, f"cannot read: {exc.strerror or exc}") from None
    text = decode_article(data, where)
    meta = read_sidecar(path, where)
    provenance = Provenance(
        path=where,
        sha256=hashlib.sha256(data).hexdigest(),
        url=meta.get("url"),
        publisher=meta.get("publisher"),
        license=meta.get("license"),
        published=meta.get("published"),
    )
    return Record(id=stem, text=text, source=provenance, language=meta.get("language") or "en")
