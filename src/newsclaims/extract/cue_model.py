"""The learned cue model: which candidate cues are attribution cues.

Every verb (and every "according to", "in <a poll>", headline colon) is a candidate cue; the rules
of :mod:`newsclaims.extract.attribution` find its content and source. A logistic regression over a
few symbolic features of the candidate — lemma, lemma with content rule, lexicon class, dependency
label, tag, kind of source, content length, complementizer, negation, attached quotes — decides
which candidates are cues.

Trained on the PolNeAR *train* split only (``scripts/train_cue_model.py``): a candidate is a positive
when a gold relation has an overlapping cue and more than 30 % of its content covered. The model is
a table of feature weights (``resources/cue_model.tsv``): lemmas and labels with numbers, no article
text. When the table is absent the hand lexicon (``resources/cues.tsv``) decides alone.
"""

from __future__ import annotations

import csv
import io
import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from newsclaims.resources import _read

MODEL = "cue_model.tsv"
THRESHOLD = 0.25
HUMAN_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@lru_cache(maxsize=1)
def load_model() -> dict[str, float]:
    """Feature → weight from ``resources/cue_model.tsv`` (empty when absent)."""
    try:
        raw = _read(MODEL)
    except FileNotFoundError:
        return {}
    rows = csv.reader((line for line in io.StringIO(raw) if not line.startswith("#")), delimiter="\t")
    next(rows, None)
    return {r[0]: float(r[1]) for r in rows if len(r) == 2}


def _length_bucket(n: int) -> str:
    return "0" if n == 0 else "1-3" if n <= 3 else "4-10" if n <= 10 else "11-30" if n <= 30 else "31+"


def source_type(doc, source: tuple[int, int] | None) -> str:
    if source is None:
        return "none"
    span = doc.char_span(*source, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    root = span.root
    if root.pos_ == "PRON":
        return "pron:" + root.lower_ if root.lower_ in ("i", "we", "you", "it", "they", "who", "which", "that") else "pron"
    if root.ent_type_:
        return "ent:" + root.ent_type_
    return "noun" if root.pos_ in ("NOUN", "PROPN") else "other"


def features(att, doc) -> list[str]:
    """The symbolic features of a candidate attribution."""
    cue = att.cue
    head = cue.head
    cls = att.cue_class
    n_content = len(doc.char_span(*att.content, alignment_mode="expand") or ()) if att.content else 0
    src = source_type(doc, att.source)
    comp = next((c for c in head.children if c.dep_ == "ccomp"), None)
    mark = next((m.lower_ for m in comp.children if m.dep_ == "mark"), "-") if comp is not None else "-"
    return [
        "bias",
        f"lemma={att.lemma}",
        f"lemma_rule={att.lemma}|{att.rule}",
        f"rule={att.rule}",
        f"class={cls}",
        f"class_rule={cls}|{att.rule}",
        f"dep={head.dep_}",
        f"tag={head.tag_}",
        f"src={src}",
        f"rule_src={att.rule}|{src}",
        f"class_src={cls}|{src}",
        f"len={_length_bucket(n_content)}",
        f"mark={mark}",
        f"neg={any(c.dep_ == 'neg' for c in head.children)}",
        f"quotes={bool(att.quotes)}",
        f"lemma_quotes={att.lemma}|{bool(att.quotes)}",
        f"rule_quotes={att.rule}|{bool(att.quotes)}",
    ]


def probability(feats: Iterable[str], weights: dict[str, float]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(att, doc, *, weights: dict[str, float] | None = None, threshold: float | None = None) -> bool:
    """Whether candidate ``att`` is an attribution cue (the hand lexicon decides without a model)."""
    weights = load_model() if weights is None else weights
    if not weights:
        return att.cue_class != "other"
    return probability(features(att, doc), weights) >= (THRESHOLD if threshold is None else threshold)


def fit(examples: Sequence[tuple[list[str], bool]], *, epochs: int = 6, rate: float = 0.1, l2: float = 1e-5,
        min_count: int = 3, seed: int = 0) -> dict[str, float]:
    """Logistic regression by SGD over binary features (features seen fewer than ``min_count`` times dropped)."""
    counts = Counter(f for feats, _ in examples for f in set(feats))
    data = [([f for f in feats if counts[f] >= min_count], y) for feats, y in examples]
    weights: dict[str, float] = {}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + epoch)
        for i in order:
            feats, y = data[i]
            g = probability(feats, weights) - (1.0 if y else 0.0)
            for f in feats:
                w = weights.get(f, 0.0)
                weights[f] = w - lr * (g + l2 * w)
    return {f: w for f, w in weights.items() if abs(w) >= 1e-3}


def examples(articles, docs) -> list[tuple[list[str], bool]]:
    """Candidate features and gold labels over gold articles and their parsed docs."""
    from newsclaims.evaluate.attributions import chars, overlaps
    from newsclaims.extract.attribution import find_attributions
    from newsclaims.nlp import ORIGINAL_TEXT_KEY

    out = []
    for article, doc in zip(articles, docs):
        doc.user_data[ORIGINAL_TEXT_KEY] = article.text
        gold = [(r.cue, chars(r.content)) for r in article.relations]
        for att in find_attributions(doc, learned=False, cache=False):
            if att.cue is None:
                continue
            parts = ([att.content] if att.content else []) + [(q.start, q.end) for q in att.quotes]
            if not parts:
                continue
            pred = chars(tuple(parts))
            cue = ((att.cue.start, att.cue.end),)
            hit = any(overlaps(g_cue, cue) and len(g & pred) > 0.3 * len(g) for g_cue, g in gold if g)
            out.append((features(att, doc), hit))
    return out


def train(split: str | Path, *, model: str | None = None, limit: int | None = None) -> dict[str, float]:
    """Fit the cue model on a PolNeAR split (parsed with the project's spaCy pipeline)."""
    from newsclaims.evaluate.polnear import read_split
    from newsclaims.nlp import load_nlp, prepare_text

    articles = read_split(split, limit=limit)
    nlp = load_nlp(model)
    return fit(examples(articles, nlp.pipe((prepare_text(a.text) for a in articles), batch_size=32)))


def format_model(weights: dict[str, float], *, source: str = "") -> str:
    out = io.StringIO()
    out.write(f"# Learned cue model (see newsclaims/extract/cue_model.py). Trained on: {source}\n")
    out.write("# Logistic-regression weights of symbolic features; no article text.\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(("feature", "weight"))
    for f, w in sorted(weights.items()):
        if "\t" not in f and "\n" not in f:
            writer.writerow((f, f"{w:.4f}"))
    return out.getvalue()
