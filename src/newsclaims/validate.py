"""Validation of records: the JSON Schema plus the semantic rules no schema can say.

Every problem is located (``file:line: /json/pointer: message``); all are collected; a run that
read no record does not pass.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsclaims.schema import RECORD_SCHEMA, SIDECAR_SCHEMA, load_schema


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a record."""

    pointer: str
    message: str
    rule: str = "schema"


@dataclass(slots=True)
class Located:
    file: str
    where: str  # "12" (JSONL line) or "row 3" (Parquet row)
    problem: Problem

    def __str__(self) -> str:
        return f"{self.file}:{self.where}: {self.problem.pointer or '/'}: {self.problem.message}"


@dataclass(slots=True)
class Report:
    records: int = 0
    problems: list[Located] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.records > 0 and not self.problems

    def by_rule(self) -> Counter:
        return Counter(p.problem.rule for p in self.problems)


@lru_cache(maxsize=None)
def _validator(name: str):
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def schema_problems(obj: Any, name: str = RECORD_SCHEMA) -> list[Problem]:
    errors = sorted(_validator(name).iter_errors(obj), key=lambda e: list(map(str, e.absolute_path)))
    return [Problem(_pointer(e.absolute_path), e.message, "schema") for e in errors]


def sidecar_problems(meta: Any) -> list[str]:
    """Schema problems of a provenance sidecar, as readable strings."""
    return [f"{p.pointer or '/'}: {p.message}" for p in schema_problems(meta, SIDECAR_SCHEMA)]


def _spans(record: dict) -> Iterator[tuple[str, dict]]:
    """Every span-like object of a record with its JSON pointer."""
    dl = record.get("dateline")
    if isinstance(dl, dict):
        yield "/dateline", dl
        if isinstance(dl.get("place"), dict):
            yield "/dateline/place", dl["place"]
    for i, actor in enumerate(record.get("actors") or []):
        for j, m in enumerate(actor.get("mentions") or []):
            yield f"/actors/{i}/mentions/{j}", m
    for key in ("quotes", "claims"):
        for i, item in enumerate(record.get(key) or []):
            yield f"/{key}/{i}", item
            for part in ("source", "cue"):
                if isinstance(item.get(part), dict):
                    yield f"/{key}/{i}/{part}", item[part]


def semantic_problems(record: dict) -> list[Problem]:
    """Rules beyond the schema: spans re-slice the text, references resolve, ids are unique."""
    problems: list[Problem] = []
    text = record.get("text")
    if not isinstance(text, str):
        return problems
    for ptr, span in _spans(record):
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            continue
        if not 0 <= start < end <= len(text):
            problems.append(Problem(ptr, f"span [{start}, {end}) is not a non-empty range inside the text (length {len(text)})", "span-range"))
        elif text[start:end] != span.get("text"):
            problems.append(Problem(ptr + "/text", f"span text {span.get('text')!r} != text[{start}:{end}] {text[start:end]!r}", "span-text"))
    actor_ids = [a.get("id") for a in record.get("actors") or []]
    for i, dup in enumerate(actor_ids):
        if dup in actor_ids[:i]:
            problems.append(Problem(f"/actors/{i}/id", f"duplicate actor id {dup!r}", "unique-id"))
    known = set(actor_ids)
    for key in ("quotes", "claims"):
        ids = []
        for i, item in enumerate(record.get(key) or []):
            if item.get("id") in ids:
                problems.append(Problem(f"/{key}/{i}/id", f"duplicate {key[:-1]} id {item.get('id')!r}", "unique-id"))
            ids.append(item.get("id"))
            speaker = item.get("speaker")
            if speaker is not None and speaker not in known:
                problems.append(Problem(f"/{key}/{i}/speaker", f"speaker {speaker!r} is not an actor id of this record", "speaker-ref"))
    return problems


def record_problems(record: Any) -> list[Problem]:
    problems = schema_problems(record)
    if isinstance(record, dict):
        problems += semantic_problems(record)
    return problems


def iter_file_records(path: Path) -> Iterator[tuple[str, Any, Problem | None]]:
    """(location, record, read problem) for each record of a JSONL or Parquet file."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is one located problem
            yield "row 0", None, Problem("", f"unreadable Parquet: {exc}", "read")
            return
        row = 0
        for batch in pf.iter_batches(batch_size=1024):
            for rec in batch.to_pylist():
                row += 1
                yield f"row {row}", rec, None
        return
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                yield str(lineno), json.loads(raw), None
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield str(lineno), None, Problem("", f"not a JSON object: {exc}", "json")


def iter_data_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".jsonl", ".parquet") and p.is_file() and _is_articles_table(p))
        else:
            yield path


def _is_articles_table(path: Path) -> bool:
    """Folders may hold derived tables (quotes, claims, actors); only article files are records."""
    parts = path.parts
    return not any(p in ("quotes", "claims", "actors") for p in parts[-3:-1])


def validate_paths(paths: Iterable[str | Path]) -> Report:
    report = Report()
    for path in iter_data_files(paths):
        shown = path.as_posix()
        if not path.exists():
            report.problems.append(Located(shown, "0", Problem("", "no such file", "read")))
            continue
        seen_ids: dict[str, str] = {}
        for where, record, read_problem in iter_file_records(path):
            if read_problem:
                report.problems.append(Located(shown, where, read_problem))
                continue
            report.records += 1
            for problem in record_problems(record):
                report.problems.append(Located(shown, where, problem))
            rid = record.get("id") if isinstance(record, dict) else None
            if isinstance(rid, str):
                if rid in seen_ids:
                    report.problems.append(Located(shown, where, Problem("/id", f"record id {rid!r} already used at line {seen_ids[rid]}", "unique-record-id")))
                seen_ids.setdefault(rid, where)
    return report
