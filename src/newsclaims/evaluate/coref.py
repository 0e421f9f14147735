"""Pronoun resolution against GAP (Webster et al. 2018, "Mind the GAP"), snippet-context setting.

Each GAP row is a Wikipedia snippet with a pronoun and two same-gender names A and B, each marked
coreferent with the pronoun or not. The snippet alone is converted (the URL column is never read):
the actor whose mentions cover the pronoun is the prediction, and A (B) counts as predicted
coreferent when that actor also has a mention overlapping A's (B's) span. Scores are GAP's own:
precision, recall and F1 over the A and B decisions, overall and per pronoun gender, and the bias
F1(feminine) / F1(masculine).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
COLUMNS = ("ID", "Text", "Pronoun", "Pronoun-offset", "A", "A-offset", "A-coref", "B", "B-offset", "B-coref")


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool
    b: str
    b_offset: int
    b_coref: bool

    @property
    def gender(self) -> str:
        return "feminine" if self.pronoun.lower() in FEMININE else "masculine"


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Result:
    gold: str
    examples: int = 0
    overall: Counts = field(default_factory=Counts)
    masculine: Counts = field(default_factory=Counts)
    feminine: Counts = field(default_factory=Counts)
    pronoun_resolved: int = 0  # rows whose pronoun joined some named actor
    warning: str = ""  # e.g. that the packaged ranker was trained on these rows (an in-sample score)

    @property
    def bias(self) -> float:
        return self.feminine.f1 / self.masculine.f1 if self.masculine.f1 else 0.0

    def format(self) -> str:
        lines = [f"GAP {self.gold}: {self.examples} examples (snippet context), pronoun resolved to a named actor in "
                 f"{self.pronoun_resolved}/{self.examples}"]
        for label, c in (("Overall", self.overall), ("Masculine", self.masculine), ("Feminine", self.feminine)):
            lines.append(f"{label:<10} recall: {c.recall:.3f}  precision: {c.precision:.3f}  f1: {c.f1:.3f}  "
                         f"(tp {c.tp} fp {c.fp} fn {c.fn} tn {c.tn})")
        lines.append(f"Bias (F/M): {self.bias:.3f}")
        if self.warning:
            lines.append(f"WARNING: {self.warning}")
        return "\n".join(lines)


def read_gap(path: str | Path, *, limit: int | None = None) -> list[Example]:
    """GAP rows from a TSV file; a missing column is an error that names the expected ones."""
    examples = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: not a GAP TSV (missing columns {', '.join(missing)}; expected {', '.join(COLUMNS)})")
        for row in reader:
            examples.append(Example(
                id=row["ID"], text=row["Text"], pronoun=row["Pronoun"], pronoun_offset=int(row["Pronoun-offset"]),
                a=row["A"], a_offset=int(row["A-offset"]), a_coref=row["A-coref"].strip().upper() == "TRUE",
                b=row["B"], b_offset=int(row["B-offset"]), b_coref=row["B-coref"].strip().upper() == "TRUE",
            ))
            if limit is not None and len(examples) >= limit:
                break
    return examples


def predict(example: Example, actors) -> tuple[bool, bool, bool]:
    """(A predicted coreferent, B predicted coreferent, pronoun resolved) for one row."""
    p0, p1 = example.pronoun_offset, example.pronoun_offset + len(example.pronoun)
    owner = next((a for a in actors if any(m.start <= p0 and p1 <= m.end for m in a.mentions)), None)
    if owner is None:
        return False, False, False

    def has(offset: int, name: str) -> bool:
        s, e = offset, offset + len(name)
        return any(m.start < e and s < m.end and not (m.start <= p0 and p1 <= m.end) for m in owner.mentions)

    return has(example.a_offset, example.a), has(example.b_offset, example.b), True


def diagnose(example: Example, actors, candidates) -> str:
    """What became of one row's referent: chosen ("right"), a candidate ranked below another, or
    no candidate of the pronoun, and then why: a person the binding, gender or reach constraints left
    out, a name typed as something else, or a name not recognised. ``candidates`` are the pronoun's
    (from :func:`newsclaims.extract.actors.extract_actors`'s ``coref_trace``)."""
    from newsclaims.extract.coref_model import label

    if not (example.a_coref or example.b_coref):
        return "neither A nor B"
    pa, pb, _ = predict(example, actors)
    if (example.a_coref and pa and not pb) or (example.b_coref and pb and not pa):
        return "right"
    if not candidates:
        return "pronoun without candidates"
    if any(label(c, example) for c in candidates):
        return "ranked below another"
    name, offset = (example.a, example.a_offset) if example.a_coref else (example.b, example.b_offset)
    owner = next((a for a in actors if any(m.start < offset + len(name) and offset < m.end for m in a.mentions)), None)
    if owner is None:
        return "name not recognised"
    if owner.type != "person":
        return f"name typed {owner.type}"
    before = offset < example.pronoun_offset
    return f"person not a candidate ({'before' if before else 'after'} the pronoun)"


def score(examples: Iterable[Example], predictions: Iterable[tuple[bool, bool, bool]], *, gold: str = "") -> Result:
    result = Result(gold=gold)
    for ex, (pa, pb, resolved) in zip(examples, predictions):
        result.examples += 1
        result.pronoun_resolved += resolved
        by_gender = result.feminine if ex.gender == "feminine" else result.masculine
        for g, p in ((ex.a_coref, pa), (ex.b_coref, pb)):
            result.overall.add(g, p)
            by_gender.add(g, p)
    return result


def parse_examples(examples: list[Example], *, model: str | None = None, batch_size: int = 64,
                   cache: str | Path | None = None) -> Iterator:
    """The parsed snippets, in order. With ``cache`` (a folder) the Docs are kept there as a spaCy
    DocBin keyed by the texts and the pipeline (:func:`newsclaims.nlp.fingerprint`: model, spaCy
    version, tokenizer patterns), and read back instead of re-parsed."""
    from newsclaims.nlp import ORIGINAL_TEXT_KEY, fingerprint, load_nlp, prepare_text

    nlp = load_nlp(model)
    path = None
    if cache is not None:
        import hashlib

        from spacy.tokens import DocBin

        key = hashlib.sha256("\x00".join([fingerprint(nlp), *(e.text for e in examples)]).encode()).hexdigest()[:20]
        path = Path(cache) / f"gap-{key}.spacy"
        if path.exists():
            for ex, doc in zip(examples, DocBin().from_disk(path).get_docs(nlp.vocab)):
                doc.user_data[ORIGINAL_TEXT_KEY] = ex.text
                yield doc
            return
    docs = []
    for ex, doc in zip(examples, nlp.pipe((prepare_text(e.text) for e in examples), batch_size=batch_size)):
        if path is not None:
            docs.append(doc)
        doc.user_data[ORIGINAL_TEXT_KEY] = ex.text
        yield doc
    if path is not None:
        from spacy.tokens import DocBin

        from newsclaims.export import atomic_write

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, DocBin(docs=docs).to_bytes())


CROSS_VALIDATE = ("python scripts/train_coref_model.py ../shared/eval/gap/gap-validation.tsv "
                  "../shared/eval/gap/gap-development.tsv --cross-validate 5")


def in_sample_warning(gold: str | Path) -> str:
    """A warning when the packaged ranker was fitted on ``gold`` (same sha256), else ''."""
    from newsclaims.extract.coref_model import sha256, trained_on

    seen = trained_on()
    name = seen.get(sha256(gold)) if seen else None
    if name is None:
        return ""
    return (f"the packaged pronoun ranker was trained on {name}: this score is IN-SAMPLE and "
            f"overstates quality; for an honest number use cross-validation ({CROSS_VALIDATE}) or a held-out split")


def evaluate(gold: str | Path, *, model: str | None = None, limit: int | None = None, weights=None) -> Result:
    """Convert every GAP snippet, resolve its pronouns and score the A/B decisions. The result
    carries a warning when the packaged ranker was trained on ``gold``."""
    from newsclaims.extract.actors import extract_actors
    from newsclaims.extract.coref import DEFAULT_WEIGHTS

    examples = read_gap(gold, limit=limit)
    predictions = (predict(ex, extract_actors(doc, weights=weights or DEFAULT_WEIGHTS))
                   for ex, doc in zip(examples, parse_examples(examples, model=model)))
    result = score(examples, predictions, gold=str(gold))
    result.warning = in_sample_warning(gold)
    return result
