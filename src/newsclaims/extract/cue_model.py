"""The learned cue model: which candidate cues are attribution cues.

Every verb (and every "according to", "in <a poll>", headline colon) is a candidate cue; the rules
of :mod:`newsclaims.extract.attribution` find its content and source. A logistic regression over a
few symbolic features of the candidate — lemma, lemma with content rule, lexicon class, dependency
label, tag, kind of source, content length, complementizer, the object noun and the particle of the
verb ("made *the observation* that", "pointed *out*"), negation, attached quotes — and of
where it stands among the other candidates (the class and lemma of the candidate whose content holds
its cue, the classes of the cues its own content holds: PolNeAR marks one level of "X said Y
believes Z") decides which candidates are cues. A candidate whose cue stands inside the content of
a kept one is kept at a lower threshold.

Trained on the PolNeAR *train* split only (``scripts/train_cue_model.py``): a candidate is a positive
when a gold relation has an overlapping cue and more than 30 % of its content covered. The
thresholds were chosen by 5-fold cross-fitting over the train articles
(``scripts/train_cue_model.py --cross-validate 5``). The model is
a table of feature weights (``resources/cue_model.tsv``): lemmas and labels with numbers, no article
text. When the table is absent the hand lexicon (``resources/cues.tsv``) decides alone.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

from newsclaims.resources import _read

MODEL = "cue_model.tsv"
THRESHOLD = 0.32
#: the threshold for a candidate whose cue stands inside the content of a kept one ("X said Y believes
#: Z"): PolNeAR marks one of the two levels, and keeping the inner one too costs little
NESTED_THRESHOLD = 0.15
#: the L2 penalty of the fit, chosen by 5-fold cross-fitting on train (0.3, 1, 3, 10: 3 had the best
#: speaker and cue accuracy, exact F1 level with 1)
L2 = 3.0
HUMAN_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@lru_cache(maxsize=1)
def load_model() -> dict[str, float]:
    """Feature → weight from ``resources/cue_model.tsv`` (empty when absent)."""
    return read_weights(MODEL)


def read_weights(name: str) -> dict[str, float]:
    """Feature → weight from the resource table ``name`` written by :func:`format_model` (empty when absent)."""
    try:
        raw = _read(name)
    except FileNotFoundError:
        return {}
    rows = csv.reader((line for line in io.StringIO(raw) if not line.startswith("#")), delimiter="\t")
    next(rows, None)
    return {r[0]: float(r[1]) for r in rows if len(r) == 2}


#: weights set by :func:`using_model` (cross-validation judges held-out articles with a fold's model)
_OVERRIDE: list[tuple[dict[str, float], float, float]] = []


@contextmanager
def using_model(weights: dict[str, float], threshold: float = THRESHOLD,
                nested_threshold: float = NESTED_THRESHOLD) -> Iterator[None]:
    """Judge candidates with ``weights`` (and thresholds) instead of the packaged model inside the
    ``with`` block."""
    _OVERRIDE.append((weights, threshold, nested_threshold))
    try:
        yield
    finally:
        _OVERRIDE.pop()


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


def reported_spans(att) -> list[tuple[int, int]]:
    """The character ranges a candidate attribution reports: its content and the quotations it drew."""
    return ([att.content] if att.content else []) + [(q.start, q.end) for q in att.quotes]


def nesting_features(att, others: Sequence) -> list[str]:
    """Where candidate ``att`` stands among the other candidates of its doc: the candidate whose
    content holds its cue ("outer"; the narrowest one), and the candidates whose cues its own
    content holds ("inner"), by lexicon class and lemma. PolNeAR marks one level of "X said Y
    believes Z", and which one depends on the two cues."""
    cue = att.cue
    cls = att.cue_class
    outer = [(b - a, o) for o in others if o is not att and o.cue is not None
             for a, b in reported_spans(o) if a <= cue.start and cue.end <= b]
    feats = []
    if outer:
        o = min(outer, key=lambda x: x[0])[1]
        feats += [f"outer={o.cue_class}", f"class_outer={cls}|{o.cue_class}", f"outer_lemma={o.lemma}",
                  f"outer_rule={o.cue_class}|{o.rule}", f"lemma_outer={att.lemma}|{o.cue_class}",
                  f"outer_quotes={bool(o.quotes)}"]
    else:
        feats.append("outer=none")
    reach = reported_spans(att)
    inner = {i.cue_class: i for i in others if i is not att and i.cue is not None and i.cue_class != "other"
             and any(a <= i.cue.start and i.cue.end <= b for a, b in reach)}
    feats += [f"inner={c}" for c in sorted(inner)] or ["inner=none"]
    feats += [f"class_inner={cls}|{c}" for c in sorted(inner)]
    feats += sorted({f"inner_lemma={i.lemma}" for i in inner.values()})
    return feats


def judged(candidates: Sequence) -> list:
    """The candidates the cue model judges, each against the others: those with a content or quotes."""
    return [a for a in candidates if a.cue is not None and (a.content is not None or a.quotes)
            and a.rule not in ("speaker-tag", "sign-off")]


def features(att, doc, others: Sequence = ()) -> list[str]:
    """The symbolic features of a candidate attribution (with ``others``, the other candidates of
    its doc, also where it stands among them: :func:`nesting_features`)."""
    cue = att.cue
    head = cue.head
    cls = att.cue_class
    n_content = len(doc.char_span(*att.content, alignment_mode="expand") or ()) if att.content else 0
    src = source_type(doc, att.source)
    comp = next((c for c in head.children if c.dep_ == "ccomp"), None)
    mark = next((m.lower_ for m in comp.children if m.dep_ == "mark"), "-") if comp is not None else "-"
    obj = next((c.lemma_.lower() for c in head.children if c.dep_ in ("dobj", "obj")), "-")
    particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), "-")
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
        f"obj={obj}",
        f"lemma_obj={att.lemma}|{obj}",
        f"lemma_particle={att.lemma}|{particle}",
        f"neg={any(c.dep_ == 'neg' for c in head.children)}",
        f"quotes={bool(att.quotes)}",
        f"lemma_quotes={att.lemma}|{bool(att.quotes)}",
        f"rule_quotes={att.rule}|{bool(att.quotes)}",
        *(nesting_features(att, others) if others else ()),
    ]


def probability(feats: Iterable[str], weights: dict[str, float]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(att, doc, *, others: Sequence = (), nested: bool = False, weights: dict[str, float] | None = None,
         threshold: float | None = None) -> bool:
    """Whether candidate ``att`` (among ``others``, the :func:`judged` candidates of its doc) is an
    attribution cue (the hand lexicon decides without a model); ``nested``: its cue stands inside the
    content of a kept cue (:data:`NESTED_THRESHOLD`)."""
    if weights is None:
        weights, main, inner = _OVERRIDE[-1] if _OVERRIDE else (load_model(), THRESHOLD, NESTED_THRESHOLD)
    else:
        main, inner = THRESHOLD, NESTED_THRESHOLD
    if not weights:
        return att.cue_class != "other"
    if threshold is None:
        threshold = inner if nested else main
    return probability(features(att, doc, others), weights) >= threshold


def fit(examples: Sequence[tuple[list[str], bool]], *, l2: float = L2, min_count: int = 3) -> dict[str, float]:
    """Logistic regression over binary features (features seen in fewer than ``min_count`` examples
    dropped), L2-penalised by ``l2`` (:func:`newsclaims.extract.logistic.fit`)."""
    from newsclaims.extract import logistic

    counts = Counter(f for feats, _ in examples for f in set(feats))
    rows = [Counter(f for f in feats if counts[f] >= min_count) for feats, _ in examples]
    return logistic.fit(rows, [y for _, y in examples], l2=l2)


def article_examples(article, doc) -> list[tuple[list[str], bool]]:
    """Candidate features and gold labels of one gold article and its parsed doc."""
    from newsclaims.evaluate.attributions import chars, overlaps
    from newsclaims.extract.attribution import find_attributions
    from newsclaims.nlp import ORIGINAL_TEXT_KEY

    doc.user_data[ORIGINAL_TEXT_KEY] = article.text
    gold = [(r.cue, chars(r.content)) for r in article.relations]
    out = []
    candidates = find_attributions(doc, learned=False, cache=False)
    others = judged(candidates)
    for att in candidates:
        if att.cue is None:
            continue
        parts = reported_spans(att)
        if not parts:
            continue
        pred = chars(tuple(parts))
        cue = ((att.cue.start, att.cue.end),)
        hit = any(overlaps(g_cue, cue) and len(g & pred) > 0.3 * len(g) for g_cue, g in gold if g)
        out.append((features(att, doc, others), hit))
    return out


def examples(articles, docs) -> list[tuple[list[str], bool]]:
    """Candidate features and gold labels over gold articles and their parsed docs."""
    return [ex for article, doc in zip(articles, docs) for ex in article_examples(article, doc)]



def format_model(weights: dict[str, float], *, source: str = "",
                 title: str = "Learned cue model (see newsclaims/extract/cue_model.py)") -> str:
    """The weights as the tab-separated resource table :func:`read_weights` reads, headed by ``title``
    and what the model was trained on."""
    out = io.StringIO()
    out.write(f"# {title}. Trained on: {source}\n")
    out.write("# Logistic-regression weights of symbolic features; no article text.\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(("feature", "weight"))
    for f, w in sorted(weights.items()):
        if "\t" not in f and "\n" not in f:
            writer.writerow((f, f"{w:.4f}"))
    return out.getvalue()
