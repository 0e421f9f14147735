"""Building the corpus: every seed converted, validated and written to ``data/``.

``build_outputs`` computes every file of ``data/`` in memory (relative path → bytes), and
``build_documents`` the files of the dataset's root folder (the parent of ``data/``) that follow
the records: the dataset card ``README.md`` and the loading script. ``build`` either writes them
atomically (``data/`` as a whole, see :func:`newsclaims.export.write_tree`) or, with ``check``, compares them with what is on disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsclaims.export import atomic_write, jsonl_bytes, parquet_bytes, safe_relpath, write_tree
from newsclaims.hf.card import render_card
from newsclaims.hf.loader import SCRIPT_NAME, render_loader
from newsclaims.hf.tables import flattened_table_files
from newsclaims.ingest import iter_article_paths
from newsclaims.pipeline import convert
from newsclaims.review.report import report_files
from newsclaims.validate import Located, Problem, load_policy, record_problems

log = logging.getLogger(__name__)

ARTICLES_JSONL = "articles/train-00000-of-00001.jsonl"
ARTICLES_PARQUET = "articles/train-00000-of-00001.parquet"


@dataclass(slots=True)
class BuildResult:
    records: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # located article errors and invalid records
    files: dict[str, bytes] = field(default_factory=dict)  # relative to the output folder (data/)
    documents: dict[str, bytes] = field(default_factory=dict)  # relative to its parent (the dataset root)
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


# Files of the dataset root whose content follows the records: name → function(records, current
# text or None when the file is missing) → new text. The card keeps its hand-written parts.
DOCUMENTS: dict[str, Callable[[list[dict], str | None], str]] = {
    "README.md": render_card,
    SCRIPT_NAME: render_loader,
}


def build_documents(records: list[dict], dataset_root: Path) -> dict[str, bytes]:
    documents = {}
    for name, render in DOCUMENTS.items():
        path = dataset_root / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        documents[name] = render(records, current).encode("utf-8")
    return documents


def convert_seeds(seeds: Path, *, root: Path, jobs: int = 1, model: str | None = None,
                  progress: bool = False) -> tuple[list[dict], list[str]]:
    paths = list(iter_article_paths([seeds]))
    outcomes = convert(paths, root=root, jobs=jobs, model=model)
    if progress:
        from tqdm import tqdm

        outcomes = tqdm(outcomes, total=len(paths), unit="article", disable=None)
    converted = ((o.path, o.record.to_dict() if o.record else None, o.error) for o in outcomes)
    return collect_records(converted, root=root)


def collect_records(converted: Iterable[tuple[str, dict | None, object]], *, root: Path) -> tuple[list[dict], list[str]]:
    """The valid records of ``(path, record or None, error or None)`` items, sorted by id, and the errors.

    Invalid records are refused with their problems located; warnings (per the validation policy
    of ``root``) are logged; two records with one id are an error. Whoever converted the articles
    (``convert`` here, a datatrove pipeline for :mod:`newsclaims.scale`), the same rules apply.
    """
    records: list[dict] = []
    errors: list[str] = []
    policy = load_policy(root)
    for path, record, error in converted:
        if error is not None:
            errors.append(str(error))
            continue
        problems = [Located(path, "1", p, policy.level(p.rule)) for p in record_problems(record)]
        for warning in (p for p in problems if p.level != "error"):
            log.warning("%s", warning)
        if any(p.level == "error" for p in problems):
            errors.extend(str(p) for p in problems if p.level == "error")
            continue
        records.append(record)
    records.sort(key=lambda r: r["id"])
    seen: set[str] = set()
    articles: dict[str, str] = {}
    for r in records:
        if r["id"] in seen:
            errors.append(str(Located(r["source"]["path"], "1", Problem("/id", f"id {r['id']!r} is used by two articles", "unique-record-id"))))
        seen.add(r["id"])
        first = articles.setdefault(r["source"]["sha256"], r["source"]["path"])
        if first != r["source"]["path"]:
            errors.append(str(Located(r["source"]["path"], "1", Problem("/source/sha256", f"the same article as {first} (same sha256): remove one of them", "duplicate-article"))))
    return records, errors


def build(seeds: Path, out: Path, *, check: bool = False, jobs: int = 1, model: str | None = None,
          root: Path | None = None, progress: bool = False) -> BuildResult:
    root = root or seeds.resolve().parent
    records, errors = convert_seeds(seeds, root=root, jobs=jobs, model=model, progress=progress)
    return write_outputs(records, errors, out, check=check)


def write_outputs(records: list[dict], errors: list[str], out: Path, *, check: bool = False) -> BuildResult:
    """Write (or, with ``check``, compare) ``data/`` and the documents beside it for ``records``."""
    result = BuildResult(records=records, errors=errors, files=build_outputs(records),
                         documents=build_documents(records, out.parent))
    targets = {out / rel: data for rel, data in sorted(result.files.items())}
    targets.update({out.parent / name: data for name, data in sorted(result.documents.items())})
    if check:
        for target, data in targets.items():
            if not target.exists() or target.read_bytes() != data:
                result.stale.append(str(target.relative_to(out)) if target.is_relative_to(out) else str(target))
        return result
    if errors and not records:
        return result
    # data/ is swapped in whole (a build killed at any point leaves the previous data/ intact),
    # then the documents beside it, each atomically.
    write_tree(out, result.files)
    for name, data in sorted(result.documents.items()):
        atomic_write(out.parent / safe_relpath(name), data)
    return result
