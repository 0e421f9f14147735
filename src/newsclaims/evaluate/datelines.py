"""Dateline accuracy against gold (``eval/datelines.jsonl``) and false datelines on PolNeAR articles.

Gold lines: ``{"path", "place", "agency", "date", "year_in_text"}`` with ``path`` relative to the
folder that holds ``eval/`` (the shared material). Each gold article is read and converted through
the real pipeline (ingest → spaCy parse → ``extract_dateline``). Scoring:

* place — the predicted place as written or its normalised name equals the gold place, case- and
  punctuation-insensitively;
* agency — the predicted credits equal the gold credit canonicalised with the same agency table,
  or their concatenation equals it as written (``ACAN - EFE``); a gold ``null`` wants no credit;
* date — ISO equality when the gold says the year is in the text; month and day otherwise; a gold
  ``null`` wants no date.

Beside the gold, ``eval/polnear/dev/text`` (when present) measures false datelines: every article
not listed in ``eval/polnear_datelines.jsonl`` should get none, and the listed ones should be found
with their place.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsclaims.errors import NewsclaimsError
from newsclaims.extract.dateline import canonical_credits, extract_dateline
from newsclaims.record import Dateline

POLNEAR_TEXT = Path("eval/polnear/dev/text")
POLNEAR_GOLD = Path("eval/polnear_datelines.jsonl")
FIELDS = ("place", "agency", "date")


def _norm(value: str | None) -> str:
    return re.sub(r"[\W_]+", "", (value or "").casefold())


def place_matches(gold: str | None, dl: Dateline | None) -> bool:
    predicted = dl.place if dl else None
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    return _norm(gold) in {_norm(predicted.text), _norm(predicted.name)}


def agency_matches(gold: str | None, dl: Dateline | None) -> bool:
    predicted = list(dl.agencies) if dl else []
    if gold is None:
        return not predicted
    return predicted == canonical_credits(gold) or _norm("".join(predicted)) == _norm(gold)


def date_matches(gold: str | None, year_in_text: bool, dl: Dateline | None) -> bool:
    predicted = dl.date if dl else None
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    return predicted == gold if year_in_text else predicted[-5:] == gold[-5:]


@dataclass
class Miss:
    path: str
    field: str
    gold: object
    predicted: object


@dataclass
class Result:
    total: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    by_source: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: {"n": 0, **dict.fromkeys(FIELDS, 0)}))
    misses: list[Miss] = field(default_factory=list)
    negatives: int = 0
    false_datelines: list[tuple[str, str]] = field(default_factory=list)
    listed: int = 0
    listed_found: int = 0
    listed_misses: list[Miss] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.total if self.total else 0.0

    @property
    def false_rate(self) -> float:
        return len(self.false_datelines) / self.negatives if self.negatives else 0.0

    def format(self) -> str:
        lines = [f"datelines: {self.total} gold articles"]
        for name in FIELDS:
            lines.append(f"  {name:<7} {self.accuracy(name):.4f}  ({self.correct[name]}/{self.total})")
        if self.by_source:
            lines.append("  by source:              n   place  agency    date")
            for source, c in sorted(self.by_source.items()):
                n = c["n"]
                lines.append(f"    {source:<20} {n:>4}  " + "  ".join(f"{c[f] / n:.3f}" for f in FIELDS))
        if self.negatives or self.listed:
            lines.append(f"false datelines: {self.false_rate:.4f}  ({len(self.false_datelines)}/{self.negatives} "
                         f"PolNeAR dev articles listed without a dateline)")
            lines.append(f"listed datelines found with their place: {self.listed_found}/{self.listed}")
        if self.misses or self.false_datelines or self.listed_misses:
            lines.append("misses:")
            for m in self.misses + self.listed_misses:
                lines.append(f"  {m.path}: {m.field}: gold {m.gold!r}, got {m.predicted!r}")
            for path, text in self.false_datelines:
                lines.append(f"  {path}: false dateline {text!r}")
        return "\n".join(lines)


def _read_jsonl(path: Path) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise NewsclaimsError(f"cannot read gold {path}: {exc}") from None


def _root_of(gold_path: Path, items: list[dict]) -> Path:
    """The folder the gold paths are relative to (the gold file's folder or one above it)."""
    for root in (gold_path.parent, gold_path.parent.parent):
        if items and (root / items[0]["path"]).exists():
            return root
    if not items:
        return gold_path.parent.parent
    raise NewsclaimsError(f"gold path {items[0]['path']!r} not found beside {gold_path}")


def _pipeline_datelines(paths: list[Path], model: str | None) -> Iterable[Dateline | None]:
    """Read and parse each article with the real pipeline, then extract its dateline."""
    from newsclaims.ingest import read_article
    from newsclaims.nlp import load_nlp
    from newsclaims.pipeline import parse

    nlp = load_nlp(model)
    records = [read_article(p) for p in paths]
    for record, doc in parse(nlp, records):
        yield extract_dateline(doc, published=record.source.published)


def score(gold_items: list[dict], predictions: list[Dateline | None], *, result: Result | None = None) -> Result:
    result = result or Result()
    for item, dl in zip(gold_items, predictions):
        source = item["path"].split("/")[1] if item["path"].startswith("corpus/") else item["path"].split("/")[0]
        checks = {
            "place": place_matches(item["place"], dl),
            "agency": agency_matches(item["agency"], dl),
            "date": date_matches(item["date"], bool(item.get("year_in_text")), dl),
        }
        result.total += 1
        result.by_source[source]["n"] += 1
        for name, ok in checks.items():
            if ok:
                result.correct[name] += 1
                result.by_source[source][name] += 1
            else:
                got = {"place": dl and dl.place and dl.place.text, "agency": dl and dl.agencies,
                       "date": dl and dl.date}[name]
                result.misses.append(Miss(item["path"], name, item[name], got if dl else None))
    return result


def evaluate(gold: str | Path, *, model: str | None = None, limit: int | None = None,
             extract: Callable[[list[Path]], Iterable[Dateline | None]] | None = None) -> Result:
    """Score datelines on ``gold``; the PolNeAR dev articles beside it measure false datelines.

    ``extract`` maps article paths to datelines (default: the real pipeline with ``model``).
    """
    gold_path = Path(gold)
    items = _read_jsonl(gold_path)[:limit] if limit else _read_jsonl(gold_path)
    root = _root_of(gold_path, items)
    extract = extract or (lambda paths: _pipeline_datelines(paths, model))
    result = score(items, list(extract([root / it["path"] for it in items])))

    text_dir = root / POLNEAR_TEXT
    if text_dir.is_dir():
        listed = {Path(it["path"]).name: it for it in (_read_jsonl(root / POLNEAR_GOLD) if (root / POLNEAR_GOLD).exists() else [])}
        paths = sorted(text_dir.glob("*.txt"))[:limit] if limit else sorted(text_dir.glob("*.txt"))
        for path, dl in zip(paths, extract(paths)):
            shown = f"{POLNEAR_TEXT.as_posix()}/{path.name}"
            item = listed.get(path.name)
            if item is None:
                result.negatives += 1
                if dl is not None:
                    result.false_datelines.append((shown, dl.text))
            else:
                result.listed += 1
                if dl is not None and place_matches(item["place"], dl):
                    result.listed_found += 1
                else:
                    result.listed_misses.append(Miss(shown, "place", item["place"], dl.place.text if dl and dl.place else None))
    return result
