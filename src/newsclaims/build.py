"""Building the corpus: every seed converted, validated and written to ``data/``.

``build_outputs`` computes every file of ``data/`` in memory (relative path → bytes); ``build``
either writes them atomically or, with ``check``, compares them with what is on disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsclaims.export import atomic_write, jsonl_bytes, parquet_bytes
from newsclaims.hf.tables import flattened_table_files
from newsclaims.ingest import iter_article_paths
from newsclaims.pipeline import convert
from newsclaims.review.report import report_files
from newsclaims.validate import Located, Problem, record_problems

log = logging.getLogger(__name__)

ARTICLES_JSONL = "articles/train-00000-of-00001.jsonl"
ARTICLES_PARQUET = "articles/train-00000-of-00001.parquet"


@dataclass(slots=True)
class BuildResult:
    records: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # located article errors and invalid records
    files: dict[str, bytes] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)  # with check: files that differ from data/

    @property
    def ok(self) -> bool:
        return not self.errors and not self.stale


# Extra artefacts derived from the records (card, flattened tables, report...): name → function.
# The flattened tables (data/quotes, data/claims, data/actors) come from newsclaims.hf.tables,
# the corpus report (data/report.html) from newsclaims.review.report.
ARTEFACTS: list[Callable[[list[dict]], dict[str, bytes]]] = [flattened_table_files, report_files]


def build_outputs(records: list[dict]) -> dict[str, bytes]:
    files = {ARTICLES_JSONL: jsonl_bytes(records), ARTICLES_PARQUET: parquet_bytes(records)}
    for artefact in ARTEFACTS:
        files.update(artefact(records))
    return files


def convert_seeds(seeds: Path, *, root: Path, jobs: int = 1, model: str | None = None,
                  progress: bool = False) -> tuple[list[dict], list[str]]:
    records: list[dict] = []
    errors: list[str] = []
    paths = list(iter_article_paths([seeds]))
    outcomes = convert(paths, root=root, jobs=jobs, model=model)
    if progress:
        from tqdm import tqdm

        outcomes = tqdm(outcomes, total=len(paths), unit="article", disable=None)
    for outcome in outcomes:
        if outcome.error:
            errors.append(str(outcome.error))
            continue
        record = outcome.record.to_dict()
        problems = record_problems(record)
        if problems:
            errors.extend(str(Located(outcome.path, "1", p)) for p in problems)
            continue
        records.append(record)
    records.sort(key=lambda r: r["id"])
    seen: set[str] = set()
    for r in records:
        if r["id"] in seen:
            errors.append(str(Located(r["source"]["path"], "1", Problem("/id", f"id {r['id']!r} is used by two articles", "unique-record-id"))))
        seen.add(r["id"])
    return records, errors


def build(seeds: Path, out: Path, *, check: bool = False, jobs: int = 1, model: str | None = None,
          root: Path | None = None, progress: bool = False) -> BuildResult:
    root = root or seeds.resolve().parent
    records, errors = convert_seeds(seeds, root=root, jobs=jobs, model=model, progress=progress)
    result = BuildResult(records=records, errors=errors, files=build_outputs(records))
    if check:
        for rel, data in sorted(result.files.items()):
            target = out / rel
            if not target.exists() or target.read_bytes() != data:
                result.stale.append(rel)
        return result
    if errors and not records:
        return result
    for rel, data in sorted(result.files.items()):
        atomic_write(out / rel, data)
    return result
