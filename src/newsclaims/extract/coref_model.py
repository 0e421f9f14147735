"""The learned pronoun ranker: which candidate antecedent a he / she / his / her refers to.

:func:`newsclaims.extract.coref.resolve` finds the candidates of each pronoun (persons of
compatible gender within reach that survive the binding constraints) and describes each with a
few generic features: the Lappin & Leass salience sum, distance in sentences and tokens, recency
rank, the grammatical role of its last mention and that role against the pronoun's (parallelism),
whether it is the subject governing the pronoun or the subject of the pronoun's clause, gender
evidence (names, titles, earlier pronouns), how often and how early the text names it. A logistic
regression over these features scores every candidate; the best one wins when its probability
reaches the model's threshold.

Trained on GAP (``scripts/train_coref_model.py``; the files, their sha256 and row counts are in the
table's header; GAP test, the split the team verifies on, is never used): a candidate is a positive
when one of its mentions overlaps the name GAP marks coreferent, a negative when it overlaps the
other name or when GAP names the referent and the candidate shares no name word with it. A split the
ranker was trained on is measured by k-fold cross-validation (:func:`cross_validate`), and
``newsclaims eval coref`` warns that its score on such a split is in-sample. The model is a table of
feature weights and a threshold (``resources/coref_model.tsv``): numbers, no text. When the table is
absent the salience sum decides alone.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Iterable, Sequence
from functools import lru_cache

from newsclaims.resources import _read

MODEL = "coref_model.tsv"
DEFAULT_THRESHOLD = 0.5
L2 = 10.0  # the L2 penalty strength, chosen by 5-fold cross-validation over GAP development (1, 3, 10, 30)


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


def fit(data: Sequence[tuple], *, l2: float = L2) -> dict[str, float]:
    """Logistic regression over the labelled candidates (features and, for the ones in
    ``coref.PAIRED``, their pairwise products), L2-penalised by ``l2``
    (:func:`newsclaims.extract.logistic.fit`)."""
    from newsclaims.extract import logistic

    rows = [(f, y) for feats, labels, *_ in data for f, y in zip(feats, labels) if y is not None]
    return logistic.fit([f for f, _ in rows], [y for _, y in rows], l2=l2)


def choose_threshold(data: Rows, *, folds: int = 5, tolerance: float = 0.01, l2: float = L2) -> float:
    """The threshold with the best GAP F1 on the training rows, each row scored by a model fitted
    without its fold (cross-validation: in-sample probabilities are overconfident). As GAP's scorer
    counts: choosing the coreferent name is a true positive, choosing the other name a false
    positive, and a referent not chosen a false negative. Of the thresholds within ``tolerance`` of
    the best F1 the lowest wins: an article's pronouns are better resolved than left alone when the
    evidence is even."""
    best = []
    for k in range(folds):
        weights = fit([row for i, row in enumerate(data) if i % folds != k], l2=l2)
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


def fit_model(gap_examples, docs, *, rounds: int = 1, l2: float = L2,
              first: Rows | None = None) -> tuple[dict[str, float], float]:
    """Fit the ranker on parsed GAP rows. Round one traces with the salience sum (``first``: that
    round's rows when already traced); each further round traces with the previous round's model,
    so the features of pronoun chains are the ranker's own."""
    current: tuple[dict[str, float], float] = ({}, DEFAULT_THRESHOLD)
    for n in range(rounds):
        data = first if n == 0 and first is not None else examples(gap_examples, docs, model=current)
        current = (fit(data, l2=l2), choose_threshold(data, l2=l2))
    return current


def _parsed(golds, *, model: str | None, limit: int | None, cache) -> tuple[list, list]:
    from newsclaims.evaluate.coref import parse_examples, read_gap

    rows, docs = [], []
    for gold in golds:
        part = read_gap(gold, limit=limit)
        rows += part
        docs += list(parse_examples(part, model=model, cache=cache))
    return rows, docs


def train(golds, *, model: str | None = None, limit: int | None = None, rounds: int = 1, l2: float = L2,
          cache=None) -> tuple[dict[str, float], float]:
    """Fit the ranker on the rows of one or more GAP TSVs (``limit``: the first N rows of each)."""
    if isinstance(golds, (str, bytes)) or hasattr(golds, "__fspath__"):
        golds = [golds]
    rows, docs = _parsed(golds, model=model, limit=limit, cache=cache)
    return fit_model(rows, docs, rounds=rounds, l2=l2)


def fold_of(n: int, folds: int, seed: int = 0) -> list[int]:
    """The fold of each of ``n`` rows: row i in fold i mod k for seed 0, else the rows shuffled
    with ``random.Random(seed)`` first (repeated cross-validation)."""
    order = list(range(n))
    if seed:
        random.Random(seed).shuffle(order)
    fold = [0] * n
    for position, row in enumerate(order):
        fold[row] = position % folds
    return fold


def cross_validate(golds, *, folds: int = 5, model: str | None = None, limit: int | None = None, rounds: int = 1,
                   l2: float = L2, cache=None, seeds: Sequence[int] = (0,)):
    """K-fold cross-validation over the LAST of ``golds``: its rows are split into ``folds`` folds
    (:func:`fold_of`, once per seed of ``seeds``); each fold is resolved by a ranker fitted on the
    other files and the other folds, and the pooled held-out predictions are scored as ``newsclaims
    eval coref`` scores (:class:`newsclaims.evaluate.coref.Result`), one result per seed. No row is
    ever scored by a model that saw it. Repeating with other splits shows how much of a difference
    is the split's: a row whose two candidates score almost alike goes either way with the refit."""
    from newsclaims.evaluate.coref import predict, score
    from newsclaims.extract.actors import extract_actors

    golds = list(golds)
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, got {folds}")
    fixed_rows, fixed_docs = _parsed(golds[:-1], model=model, limit=limit, cache=cache)
    rows, docs = _parsed(golds[-1:], model=model, limit=limit, cache=cache)
    all_rows, all_docs = fixed_rows + rows, fixed_docs + docs
    traced = examples(all_rows, all_docs, model=({}, DEFAULT_THRESHOLD))  # round one is the same for every fold
    held = len(fixed_rows)
    results = []
    for seed in seeds:
        fold = fold_of(len(rows), folds, seed)
        predictions: list = [None] * len(rows)
        for k in range(folds):
            keep = [i for i in range(len(all_rows)) if i < held or fold[i - held] != k]
            fitted = fit_model([all_rows[i] for i in keep], [all_docs[i] for i in keep], rounds=rounds, l2=l2,
                               first=[traced[i] for i in keep])
            for j in (j for j in range(len(rows)) if fold[j] == k):
                predictions[j] = predict(rows[j], extract_actors(docs[j], coref_model=fitted))
        split = f"{folds}-fold cross-validation" + (f", folds shuffled with seed {seed}" if seed else "")
        results.append(score(rows, predictions, gold=f"{golds[-1]} ({split}"
                             + (f", also trained on {', '.join(str(g) for g in golds[:-1])}" if golds[:-1] else "") + ")"))
    return results


def sha256(path) -> str:
    import hashlib

    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def trained_on(raw: str | None = None) -> dict[str, str]:
    """sha256 → file name of the GAP files the packaged ranker was fitted on (from its header)."""
    if raw is None:
        try:
            raw = _read(MODEL)
        except FileNotFoundError:
            return {}
    out = {}
    for line in raw.splitlines():
        if line.startswith("# trained-on:"):
            parts = line.split(":", 1)[1].split()
            if len(parts) >= 2:
                out[parts[1].removeprefix("sha256=")] = parts[0]
    return out


def format_model(weights: dict[str, float], threshold: float, *, sources: Sequence[tuple[str, str, int]] = (),
                 settings: str = "") -> str:
    """The model table; ``sources`` are the training files as (name, sha256, rows used)."""
    out = io.StringIO()
    names = ", ".join(f"{name} ({n} rows)" for name, _, n in sources) or "(unknown)"
    out.write(f"# Learned pronoun ranker (see newsclaims/extract/coref_model.py). Trained on: {names}\n")
    for name, digest, n in sources:
        out.write(f"# trained-on: {name} sha256={digest} rows={n}\n")
    if settings:
        out.write(f"# settings: {settings}\n")
    out.write("# Logistic-regression weights of candidate-antecedent features, and the decision threshold; no text.\n")
    out.write("feature\tweight\n")
    out.write(f"threshold\t{threshold:.2f}\n")
    for f, w in sorted(weights.items()):
        out.write(f"{f}\t{w:.4f}\n")
    return out.getvalue()
