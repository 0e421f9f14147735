"""The learned pronoun ranker: which candidate antecedent a he / she / his / her refers to.

:func:`newsclaims.extract.coref.resolve` finds the candidates of each pronoun (persons of
compatible gender within reach that survive the binding constraints) and describes each with a
few generic features: the Lappin & Leass salience sum, distance in sentences and tokens, recency
rank, the grammatical role of its last mention and that role against the pronoun's (parallelism),
whether it is the subject governing the pronoun or the subject of the pronoun's clause, gender
evidence (names, titles, earlier pronouns), how often and how early the text names it. A logistic
regression over these features scores every candidate; the best one wins when its probability
reaches the model's threshold.

Trained on GAP *validation* only (``scripts/train_coref_model.py``; GAP development is the
measuring split and GAP test the team's): a candidate is a positive when one of its mentions
overlaps the name GAP marks coreferent, a negative when it overlaps the other name or when GAP
names the referent and the candidate shares no name word with it. The model is a table of feature
weights and a threshold (``resources/coref_model.tsv``): numbers, no text. When the table is absent
the salience sum decides alone.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache

from newsclaims.resources import _read

MODEL = "coref_model.tsv"
DEFAULT_THRESHOLD = 0.5


@lru_cache(maxsize=1)
def load_model() -> tuple[dict[str, float], float]:
    """(feature → weight, threshold) from ``resources/coref_model.tsv``; no weights when absent."""
    try:
        raw = _read(MODEL)
    except FileNotFoundError:
        return {}, DEFAULT_THRESHOLD
    return parse_model(raw)


def parse_model(raw: str) -> tuple[dict[str, float], float]:
    weights: dict[str, float] = {}
    threshold = DEFAULT_THRESHOLD
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{MODEL}:{n}: expected 'feature<TAB>weight', got {line!r}")
        if parts[0] == "threshold":
            threshold = float(parts[1])
        else:
            weights[parts[0]] = float(parts[1])
    return weights, threshold


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) * v for f, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# --- training -----------------------------------------------------------------------------------

def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def label(candidate, example) -> bool | None:
    """A candidate's gold label for a GAP row: True / False, or None when GAP does not say."""
    a = (example.a_offset, example.a_offset + len(example.a))
    b = (example.b_offset, example.b_offset + len(example.b))
    on_a, on_b = _overlaps(candidate.spans, *a), _overlaps(candidate.spans, *b)
    if (on_a and example.a_coref) or (on_b and example.b_coref):
        return True
    if on_a or on_b:
        return False
    referent = example.a if example.a_coref else example.b if example.b_coref else None
    if referent is None:
        return None  # neither A nor B: the referent is someone else, perhaps this candidate
    words = {w.lower() for w in referent.split()}
    if any(w.lower() in words for s, e in candidate.spans for w in example.text[s:e].split()):
        return None  # a variant of the referent's name that merging missed
    return False


def names_gap_name(candidate, example) -> bool:
    """Whether one of the candidate's mentions overlaps A's or B's span (what GAP's scorer sees)."""
    return any(_overlaps(candidate.spans, off, off + len(name)) for off, name in ((example.a_offset, example.a), (example.b_offset, example.b)))


Rows = list[tuple[list[dict[str, float]], list[bool | None], list[bool]]]


def examples(gap_examples, docs, *, model: tuple[dict[str, float], float] | None = None) -> Rows:
    """For every GAP row, its pronoun's candidates' features, labels, and whether each names A or
    B (rows without candidates give empty lists). ``model`` is the ranker that resolves the earlier
    pronouns of each snippet."""
    from newsclaims.extract.actors import extract_actors
    from newsclaims.nlp import ORIGINAL_TEXT_KEY

    out = []
    for ex, doc in zip(gap_examples, docs):
        doc.user_data[ORIGINAL_TEXT_KEY] = ex.text
        trace: list = []
        extract_actors(doc, coref_model=model, coref_trace=trace)
        cands = next((c for at, c in trace if at == ex.pronoun_offset), [])
        out.append(([c.features for c in cands], [label(c, ex) for c in cands], [names_gap_name(c, ex) for c in cands]))
    return out


def fit(data: Sequence[tuple], *, l2: float = 1.0,
        iterations: int = 8000, rate: float = 0.5) -> dict[str, float]:
    """Logistic regression (full-batch gradient descent, L2 penalty) over the labelled candidates
    (features and, for the ones in ``coref.PAIRED``, their pairwise products)."""
    import numpy as np

    rows = [(f, y) for feats, labels, *_ in data for f, y in zip(feats, labels) if y is not None]
    names = sorted({k for f, _ in rows for k in f})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    y = np.zeros(len(rows))
    for r, (f, lab) in enumerate(rows):
        x[r, -1] = 1.0
        for k, v in f.items():
            x[r, index[k]] = v
        y[r] = 1.0 if lab else 0.0
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2 / len(rows))
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= rate * (x.T @ (p - y) / len(rows) + penalty * w)
    weights = {k: float(w[i]) for k, i in index.items() if abs(w[i]) >= 1e-4}
    weights["bias"] = float(w[-1])
    return weights


def choose_threshold(data: Rows, *, folds: int = 5, tolerance: float = 0.01) -> float:
    """The threshold with the best GAP F1 on the training rows, each row scored by a model fitted
    without its fold (cross-validation: in-sample probabilities are overconfident). As GAP's scorer
    counts: choosing the coreferent name is a true positive, choosing the other name a false
    positive, and a referent not chosen a false negative. Of the thresholds within ``tolerance`` of
    the best F1 the lowest wins: an article's pronouns are better resolved than left alone when the
    evidence is even."""
    best = []
    for k in range(folds):
        weights = fit([row for i, row in enumerate(data) if i % folds != k])
        for feats, labels, named in data[k::folds]:
            if not feats:
                continue
            scored = max(((probability(f, weights), y, n) for f, y, n in zip(feats, labels, named)), key=lambda t: t[0])
            best.append((scored[0], bool(scored[1]), scored[2] and scored[1] is False, any(y for y in labels)))
    curve = []
    for t in [i / 100 for i in range(0, 80)]:
        tp = sum(1 for p, right, _, _ in best if p >= t and right)
        fp = sum(1 for p, _, wrong, _ in best if p >= t and wrong)
        fn = sum(1 for p, right, _, pos in best if pos and not (p >= t and right))
        curve.append((t, 2 * tp / (2 * tp + fp + fn) if tp else 0.0))
    top = max(f1 for _, f1 in curve)
    return next(t for t, f1 in curve if f1 >= top - tolerance)


def train(gold, *, model: str | None = None, limit: int | None = None, rounds: int = 1) -> tuple[dict[str, float], float]:
    """Fit the ranker on a GAP TSV. Round one traces with the salience sum; each further round
    traces with the previous round's model, so the features of pronoun chains are the ranker's own."""
    from newsclaims.evaluate.coref import parse_examples, read_gap

    rows = read_gap(gold, limit=limit)
    docs = list(parse_examples(rows, model=model))
    current: tuple[dict[str, float], float] = ({}, DEFAULT_THRESHOLD)
    for _ in range(rounds):
        data = examples(rows, docs, model=current)
        weights = fit(data)
        current = (weights, choose_threshold(data))
    return current


def format_model(weights: dict[str, float], threshold: float, *, source: str = "") -> str:
    out = io.StringIO()
    out.write(f"# Learned pronoun ranker (see newsclaims/extract/coref_model.py). Trained on: {source}\n")
    out.write("# Logistic-regression weights of candidate-antecedent features, and the decision threshold; no text.\n")
    out.write("feature\tweight\n")
    out.write(f"threshold\t{threshold:.2f}\n")
    for f, w in sorted(weights.items()):
        out.write(f"{f}\t{w:.4f}\n")
    return out.getvalue()
