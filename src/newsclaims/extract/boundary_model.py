"""The learned boundary chooser: where a kept content starts and ends among points the parse offers.

The content rules (:mod:`newsclaims.extract.attribution`, :mod:`newsclaims.extract.boundaries`)
take the subtree the parser hangs on a cue. Its last words are often a phrase that is not part of
what was reported — a time or place of the saying ("… *in the plan released Tuesday*"), a
relative clause about the last noun ("…, *which one employee considered illegal*"), a participle
clause of what the speaker did next ("…, *pointing to Cruz's victories*") — and its first words
may be part of the cue ("called *attention to* Islamophobia", "heaping *praise on* Kennedy"). Hand
rules that cut such phrases cut too often: PolNeAR's annotators keep many of them. Here the parse
offers candidate boundaries and a ranker learned on PolNeAR train picks one:

- *ends*: the content as it is, or ending before any constituent that closes it (a token whose
  subtree runs to the content's last word: a prepositional phrase, an adverbial, relative or
  participle clause, a conjunct), or before a comma, dash, semicolon or parenthesis inside it;
- *starts*: the content as it is, or starting at any such closing constituent (the words before it
  then belong to the cue: "attention to | Islamophobia").

Each candidate is described by symbolic features (the constituent's dependency label, its first
word, what it hangs on, whether punctuation sets it off, how long the cut and kept parts are, the
cue's lemma, class and content rule); a logistic regression
(:func:`newsclaims.extract.logistic.fit`) scores every candidate and the best one wins, the
content as it is included. Trained on the PolNeAR *train* split only
(``scripts/train_boundary_model.py``): a candidate is positive when its edge is the edge of the gold
content of the relation the attribution matches (same cue, overlapping content), compared as the
exact score compares contents (edge punctuation and quote marks aside). The weights
(``resources/boundary_model.tsv``) are lemmas and labels with numbers, no article text; with no
table the content stays as the rules found it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from newsclaims.extract.cue_model import format_model, probability, read_weights
from newsclaims.extract.cues import cue_classes

MODEL = "boundary_model.tsv"
#: punctuation inside a content before which it may end
CUT_PUNCT = frozenset({",", ";", "—", "–", "--", "-", "(", ":"})
#: parts of speech whose words stand for themselves in the features (function words); others by their tag
FUNCTION_POS = frozenset({"ADP", "SCONJ", "CCONJ", "PRON", "DET", "ADV", "PART", "AUX"})
#: at most this many candidates of each side (the nearest to the content's edges first)
MAX_CANDIDATES = 12
#: a start candidate drops at most this many words from the content: the words of a cue's phrase
#: ("made *a reference to*", "threw *their support behind*"), not a phrase of the content itself
MAX_DROPPED_WORDS = 5
#: the L2 penalty of the fit (5-fold cross-fitting on train, ``scripts/train_boundary_model.py``: of 0.03,
#: 0.1, 0.3, 1, 3 and 10, 0.3 had the best exact content F1, F1@0.3 within 0.001 of the best)
L2 = 0.3
#: a new end (start) is taken when its probability is above that of the content as it is less this
#: margin (5-fold cross-fitting on train: 0 against ±0.1 and 0.3, which cost more F1@0.3 per exact match won)
END_MARGIN = 0.0
START_MARGIN = 0.0


@lru_cache(maxsize=1)
def load_model() -> dict[str, float]:
    """Feature → weight from ``resources/boundary_model.tsv`` (empty when absent)."""
    return read_weights(MODEL)


_OVERRIDE: list[tuple[dict[str, float], float, float]] = []


@contextmanager
def using_model(weights: dict[str, float], end_margin: float = END_MARGIN,
                start_margin: float = START_MARGIN) -> Iterator[None]:
    """Choose boundaries with ``weights`` (and margins) instead of the packaged model inside the
    ``with`` block (``{}``: keep the contents as the rules found them)."""
    _OVERRIDE.append((weights, end_margin, start_margin))
    try:
        yield
    finally:
        _OVERRIDE.pop()


def current_model() -> tuple[dict[str, float], float, float]:
    return _OVERRIDE[-1] if _OVERRIDE else (load_model(), END_MARGIN, START_MARGIN)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate boundary: the character offset and its features (``side`` is "end" or "start")."""

    side: str
    offset: int
    features: tuple[str, ...]


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def _word(tok) -> str:
    return tok.lower_ if tok.pos_ in FUNCTION_POS or tok.is_punct else tok.pos_


def _attach(tok, cue_head) -> str:
    head = tok.head
    if head.i == tok.i:
        return "root"
    if head.i == cue_head.i:
        return "cue"
    if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return "noun"
    if head.pos_ in ("VERB", "AUX"):
        return "verb"
    return head.pos_.lower()


def _has_cue(tok) -> bool:
    classes = cue_classes()
    return any(t.pos_ in ("VERB", "AUX") and classes.get(t.lemma_.lower(), "other") != "other" for t in tok.subtree)


def _inside(pos: int, quotes) -> bool:
    return any(q.start < pos < q.end for q in quotes)


def _words(toks) -> int:
    return sum(1 for t in toks if not (t.is_punct or t.is_space))


def candidates(doc, att, content: tuple[int, int], quotes=()) -> tuple[list[Candidate], list[Candidate]]:
    """The candidate ends and starts of ``content`` (the kept content of attribution ``att``): the
    first of each list is the content as it is."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    cue = att.cue
    base = (f"rule={att.rule}", f"class={att.cue_class}", f"kind={cue.kind}")
    keep_end = Candidate("end", end, ("end:keep",) + tuple(f"end:keep|{f}" for f in base))
    keep_start = Candidate("start", start, ("start:keep",) + tuple(f"start:keep|{f}" for f in base))
    if span is None or len(span) < 2 or cue is None:
        return [keep_end], [keep_start]
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) < 2:
        return [keep_end], [keep_start]
    first, last = words[0], words[-1]
    n_words = len(words)
    size = _bucket(n_words)
    keep_end = Candidate("end", end, keep_end.features + (f"end:keep|len={size}", f"end:keep|last={_word(last)}",
                                                          f"end:keep|lastdep={last.dep_}", f"end:keep|lemma={att.lemma}"))
    keep_start = Candidate("start", start, keep_start.features + (f"start:keep|len={size}",
                                                                  f"start:keep|first={_word(first)}",
                                                                  f"start:keep|lemma={att.lemma}"))
    head = cue.head
    # closing constituents: the outermost token for each left edge whose subtree reaches the last word
    closing: dict[int, object] = {}
    for tok in span:
        if tok.is_punct or tok.is_space or tok.right_edge.i < last.i:
            continue
        le = tok.left_edge
        while le.i < tok.i and (le.is_punct or le.is_space):
            le = doc[le.i + 1]
        if le.i <= first.i or le.i > last.i or _inside(le.idx, quotes):
            continue
        held = closing.get(le.i)
        if held is None or len(list(tok.subtree)) > len(list(held.subtree)):
            closing[le.i] = tok
    # a mark between words, not within one ("co-workers", "A.E."), and a constituent that opens a word
    punct = {t.i: t for t in span if t.text in CUT_PUNCT and first.i < t.i < last.i and not _inside(t.idx, quotes)
             and (t.whitespace_ or t.text == ",")}
    closing = {i: t for i, t in closing.items() if doc[i - 1].whitespace_ or doc[i - 1].i in punct}
    ends: dict[int, list[str]] = {}
    starts: dict[int, list[str]] = {}
    for i in sorted(set(closing) | {p + 1 for p in punct}):
        tok = closing.get(i)
        k = i - 1
        while k > first.i and (doc[k].is_punct or doc[k].is_space or doc[k].dep_ == "cc"):
            k -= 1
        setoff = doc[i - 1].text if doc[i - 1].is_punct else "none"
        if i - 1 in punct:
            setoff = doc[i - 1].text
        cut_words = _words(doc[i:last.i + 1])
        kept_words = _words(doc[first.i:k + 1])
        feats = [f"setoff={setoff}", f"cut={_bucket(cut_words)}", f"kept={_bucket(kept_words)}",
                 f"next={_word(doc[i])}", f"prev={_word(doc[k])}", f"rule={att.rule}",
                 f"class={att.cue_class}"]
        if tok is not None:
            dep, attach = tok.dep_, _attach(tok, head)
            feats += [f"dep={dep}", f"attach={attach}", f"dep_attach={dep}|{attach}", f"dep_next={dep}|{_word(doc[i])}",
                      f"dep_setoff={dep}|{setoff}", f"dep_rule={dep}|{att.rule}", f"tag={tok.tag_}",
                      f"dep_class={dep}|{att.cue_class}", f"lemma_dep={att.lemma}|{dep}",
                      f"cuein={_has_cue(tok)}", f"dep_cut={dep}|{_bucket(cut_words)}"]
        else:
            feats += ["dep=punct-only"]
        feats += [f"next_setoff={_word(doc[i])}|{setoff}", f"next_rule={_word(doc[i])}|{att.rule}"]
        if k >= first.i and doc[k].i < i:
            ends[doc[k].idx + len(doc[k])] = ["end:cut"] + [f"end:{f}" for f in feats]
        if tok is not None and _words(doc[first.i:i]) <= MAX_DROPPED_WORDS:
            dropped = doc[first.i:i]
            drop_last = next((t for t in reversed(dropped) if not (t.is_punct or t.is_space)), first)
            # the last word the cue would take, a common word as itself ("support", "behind"), a name by its tag
            word = drop_last.pos_ if drop_last.pos_ in ("PROPN", "NUM", "X") else drop_last.lower_
            sfeats = feats + [f"drop_first={_word(first)}", f"drop_last={word}",
                              f"lemma_drop_last={att.lemma}|{word}", f"drop_last_dep={drop_last.dep_}",
                              f"drop_has_cue={any(t.i == head.i for t in dropped)}"]
            starts[doc[i].idx] = ["start:cut"] + [f"start:{f}" for f in sfeats]
    end_list = [keep_end] + [Candidate("end", e, tuple(f)) for e, f in sorted(ends.items(), reverse=True)
                             if start < e < end][:MAX_CANDIDATES]
    start_list = [keep_start] + [Candidate("start", s, tuple(f)) for s, f in sorted(starts.items())
                                 if start < s < end][:MAX_CANDIDATES]
    return end_list, start_list


def best(cands: list[Candidate], weights: dict[str, float], margin: float = 0.0) -> Candidate:
    """The candidate of highest probability, the first (the content as it is) counted ``margin`` lower."""
    p_keep = probability(cands[0].features, weights)
    top, p_top = cands[0], p_keep - margin
    for c in cands[1:]:
        p = probability(c.features, weights)
        if p > p_top:
            top, p_top = c, p
    return top


def choose(doc, att, content: tuple[int, int], quotes=()) -> tuple[int, int]:
    """``content`` with the start and end the packaged ranker prefers (unchanged with no model)."""
    weights, end_margin, start_margin = current_model()
    if not weights or content is None:
        return content
    ends, starts = candidates(doc, att, content, quotes)
    end = best(ends, weights, end_margin).offset
    start = best([c for c in starts if c.offset < end], weights, start_margin).offset
    return (start, end) if start < end else content


def format_boundary_model(weights: dict[str, float], *, source: str = "") -> str:
    return format_model(weights, source=source, title="Learned boundary chooser (see newsclaims/extract/boundary_model.py)")


def _edge_end(text: str, e: int) -> int:
    while e > 0 and not text[e - 1].isalnum():
        e -= 1
    return e


def _edge_start(text: str, s: int) -> int:
    while s < len(text) and not text[s].isalnum():
        s += 1
    return s


Group = list[tuple[list[str], bool]]


def article_groups(article, doc, *, all_groups: bool = False) -> tuple[list[Group], list[Group]]:
    """The end and start candidate groups (features, gold label) of one gold article and its parsed
    doc: one group per kept single-piece content matching a gold content of the same cue.

    A candidate is positive when its edge is the gold edge and the content it leaves still covers
    more than 30 % of every gold content the content as it is covered so (a trailing clause may hold
    a relation of its own, which the longer content matches); when no candidate is, the content as
    it is is positive if some candidate has the gold edge (or always, with ``all_groups``), and the
    group is left out otherwise."""
    from newsclaims.evaluate.attributions import chars, overlaps, polnear_span
    from newsclaims.extract.attribution import find_attributions
    from newsclaims.extract.content import find_quotes
    from newsclaims.nlp import ORIGINAL_TEXT_KEY

    text = article.text
    doc.user_data[ORIGINAL_TEXT_KEY] = text
    quotes = find_quotes(text)
    gold = [(r.cue, r.content) for r in article.relations if r.cue and len(r.content) == 1]
    contents = [chars(r.content) for r in article.relations]
    with using_model({}):
        kept = find_attributions(doc, cache=False)
    end_groups: list[Group] = []
    start_groups: list[Group] = []
    for att in kept:
        if att.cue is None or att.content is None or att.parts:
            continue
        mine = chars((att.content,))
        cue = ((att.cue.start, att.cue.end),)
        scored = [(len(mine & chars(c)) / len(mine | chars(c)), c[0]) for g_cue, c in gold
                  if overlaps(g_cue, cue) and len(mine & chars(c)) > 0.3 * len(chars(c))]
        if not scored:
            continue
        covered = [g for g in contents if len(g & mine) > 0.3 * len(g)]

        def safe(start: int, end: int, covered=covered) -> bool:
            left = set(range(start, end))
            return all(len(g & left) > 0.3 * len(g) for g in covered)

        gs, ge = max(scored)[1]
        ends, starts = candidates(doc, att, att.content, quotes)
        g_end, g_start = _edge_end(text, ge), _edge_start(text, gs)
        a, b = att.content
        for side, cands, groups in (("end", ends, end_groups), ("start", starts, start_groups)):
            if side == "end":
                hits = [_edge_end(text, c.offset) == g_end for c in cands]
                ok = [safe(a, c.offset) for c in cands]
            else:
                hits = [_edge_start(text, polnear_span(text, c.offset, b, doc)[0]) == g_start for c in cands]
                ok = [safe(c.offset, b) for c in cands]
            labels = [h and k for h, k in zip(hits, ok)]
            if not any(labels):
                if not (all_groups or any(hits)):
                    continue
                labels = [True] + [False] * (len(cands) - 1)
            groups.append([(list(c.features), y) for c, y in zip(cands, labels)])
    return end_groups, start_groups


def fit_groups(end_groups: list[Group], start_groups: list[Group]) -> dict[str, float]:
    """One table of weights for both rankers (their features are prefixed "end:" and "start:"). The
    fits' intercepts are left out: a constant does not change which candidate of a group scores highest."""
    from newsclaims.extract.cue_model import fit
    from newsclaims.extract.logistic import BIAS

    weights = {}
    for groups in (end_groups, start_groups):
        side = fit([ex for g in groups for ex in g], l2=L2)
        side.pop(BIAS)
        weights.update(side)
    return weights


def group_accuracy(groups: list[Group], weights: dict[str, float]) -> tuple[int, int, int]:
    """``(groups, right with the ranker, right keeping the content as it is)``."""
    right = sum(max(g, key=lambda ex: probability(ex[0], weights))[1] for g in groups)
    return len(groups), right, sum(g[0][1] for g in groups)
