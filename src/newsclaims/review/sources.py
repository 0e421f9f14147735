"""Finding the records to look at: by article id in the corpus, or from a file given by path.

``ID_OR_PATH`` is, in this order: a ``.jsonl`` / ``.parquet`` file of records (every record in
it), a ``.txt`` article or a folder of them (converted on the fly), or an article id looked up in
the corpus files under ``data``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsclaims.errors import NewsclaimsError

RECORD_SUFFIXES = (".jsonl", ".parquet")


class NotFound(NewsclaimsError):
    """An id or path that names no record."""


@dataclass(slots=True)
class Found:
    """A record to show, or the located reason there is none."""

    what: str
    record: dict | None = None
    error: str | None = None


def corpus_files(data: Path) -> list[Path]:
    """The record files of a corpus folder: its JSONL files, or its Parquet files when it has no JSONL."""
    from newsclaims.validate import iter_data_files

    files = [p for p in iter_data_files([data]) if p.suffix in RECORD_SUFFIXES] if data.is_dir() else []
    jsonl = [p for p in files if p.suffix == ".jsonl"]
    return jsonl or files


def read_records(path: Path) -> Iterator[Found]:
    from newsclaims.validate import iter_file_records

    for where, record, problem in iter_file_records(path):
        if problem or not isinstance(record, dict):
            yield Found(f"{path}:{where}", error=problem.message if problem else "not a JSON object")
        else:
            yield Found(f"{path}:{where}", record=record)


def convert_articles(targets: list[Path], *, model: str | None = None) -> Iterator[Found]:
    """Records of .txt articles and folders of them, converted in one batch (the model loads once)."""
    from newsclaims.errors import ArticleError
    from newsclaims.ingest import iter_article_paths
    from newsclaims.pipeline import convert

    paths: list[Path] = []
    for target in targets:
        try:
            found = list(iter_article_paths([target]))
        except ArticleError as exc:
            yield Found(str(target), error=str(exc))
            continue
        if not found:
            yield Found(str(target), error="no .txt articles in this folder")
        paths.extend(found)
    if not paths:
        return
    for outcome in convert(paths, model=model):
        if outcome.error:
            yield Found(outcome.path, error=str(outcome.error))
        else:
            yield Found(outcome.path, record=outcome.record.to_dict())


def find_by_id(article_id: str, data: Path) -> Found:
    files = corpus_files(data)
    if not files:
        return Found(article_id, error=f"not a file, and no corpus files (.jsonl/.parquet) under {data} to look the id up in")
    for path in files:
        for found in read_records(path):
            if found.record is not None and found.record.get("id") == article_id:
                return found
    return Found(article_id, error=f"no record with id {article_id!r} in {', '.join(map(str, files))}; "
                                   "give an article id of the corpus or a path to a .jsonl, .parquet or .txt file")


def resolve(*targets: str, data: Path, model: str | None = None) -> Iterator[Found]:
    """Every record the ``targets`` name (see the module docstring); articles are converted last, together."""
    articles: list[Path] = []
    for target in targets:
        path = Path(target)
        if path.is_file() and path.suffix in RECORD_SUFFIXES:
            yield from read_records(path)
        elif path.is_file() and path.suffix == ".txt" or path.is_dir():
            articles.append(path)
        elif path.is_file():
            yield Found(target, error=f"unsupported file type {path.suffix or '(none)'}: give a .jsonl, .parquet or .txt file")
        else:
            yield find_by_id(target, data)
    if articles:
        yield from convert_articles(articles, model=model)
