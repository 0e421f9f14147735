"""Quotes and claims scored against PolNeAR attribution relations (Source / Cue / Content).

Scoring follows the SFU Gender Gap Tracker's overlap method as described in ``../shared/README.md``:

- a predicted content *matches* a gold content when it covers more than 30 % (strict: 80 %) of the
  gold content's characters; precision counts predicted items that match some gold relation,
  recall counts gold relations matched by some predicted item;
- *exact* match compares the contents after stripping quote marks, spaces and edge punctuation;
- *speaker accuracy*: among matched pairs whose gold relation has a source, the share whose predicted
  source span overlaps the gold source span; *cue accuracy* likewise with the cue (a gold relation
  is paired with the matching prediction of highest intersection-over-union);
- *direct-quote recall*: the share of gold contents that open with a quote mark matched at 30 %.

Predicted items are the record's quotes and claims joined on their cue span (a quote split by
"he said" and its floating continuation form one item, as PolNeAR annotates them as one relation);
an item whose content is in several ``parts`` counts with those pieces, as a gold content in pieces
does: overlap on the characters of the pieces, exact match on the pieces joined.
Every figure is given on all relations and on speech cues only (gold and predicted cues whose lemma
is a speech verb in ``resources/cues.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsclaims.evaluate.polnear import GoldArticle, Parts, read_split

#: the headline figures, in the order the targets name them
KEYS = ("F1@0.3", "F1@0.8", "F1 exact", "speaker acc", "cue acc", "direct-quote recall")
QUOTE_CHARS = "\"“”‘’`'«»„"
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True, slots=True)
class Item:
    """One attribution, gold or predicted: content parts, cue parts, source parts."""

    content: Parts
    cue: Parts = ()
    source: Parts = ()
    speech: bool = False
    direct: bool = False


def chars(parts: Parts) -> set[int]:
    return {i for a, b in parts for i in range(a, b)}


def overlaps(a: Parts, b: Parts) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def merge_parts(parts: Iterable[tuple[int, int]]) -> Parts:
    """Sorted, disjoint parts covering the same characters."""
    out: list[list[int]] = []
    for a, b in sorted(parts):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


def normalise(text: str, parts: Parts) -> str:
    """Content text for exact comparison: parts joined, quote marks removed, spaces collapsed, edges stripped."""
    joined = " ".join(text[a:b] for a, b in sorted(parts))
    joined = "".join(" " if c in QUOTE_CHARS else c for c in joined)
    return _EDGE.sub("", " ".join(joined.split()))


@dataclass(slots=True)
class Counts:
    gold: int = 0
    pred: int = 0
    pred_matched: dict[float, int] = field(default_factory=dict)
    gold_matched: dict[float, int] = field(default_factory=dict)
    pred_exact: int = 0
    gold_exact: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    cue_ok: int = 0
    cue_n: int = 0
    direct_gold: int = 0
    direct_found: int = 0

    def add(self, text: str, gold: Sequence[Item], pred: Sequence[Item], thresholds: Sequence[float]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        gchars = [chars(g.content) for g in gold]
        pchars = [chars(p.content) for p in pred]
        # coverage[i][j]: share of gold i's characters covered by prediction j
        coverage = [[len(gc & pc) / len(gc) if gc else 0.0 for pc in pchars] for gc in gchars]
        for t in thresholds:
            self.gold_matched[t] = self.gold_matched.get(t, 0) + sum(any(c > t for c in row) for row in coverage)
            self.pred_matched[t] = self.pred_matched.get(t, 0) + sum(
                any(coverage[i][j] > t for i in range(len(gold))) for j in range(len(pred)))
        gnorm = [normalise(text, g.content) for g in gold]
        pnorm = [normalise(text, p.content) for p in pred]
        pset = set(pnorm)
        gset = set(gnorm)
        self.gold_exact += sum(g in pset for g in gnorm)
        self.pred_exact += sum(p in gset for p in pnorm)
        for i, g in enumerate(gold):
            row = coverage[i]
            # the matched prediction is the one closest to the gold content (intersection over
            # union), so an outer attribution that contains a nested one is not taken for it
            iou = [len(gchars[i] & pc) / len(gchars[i] | pc) if pc else 0.0 for pc in pchars]
            best = max((j for j in range(len(pred)) if row[j] > thresholds[0]), key=lambda j: iou[j], default=None)
            matched = best is not None and row[best] > thresholds[0]
            if g.direct:
                self.direct_gold += 1
                self.direct_found += matched
            if not matched:
                continue
            p = pred[best]
            if g.source:
                self.speaker_n += 1
                self.speaker_ok += overlaps(g.source, p.source)
            if g.cue:
                self.cue_n += 1
                self.cue_ok += overlaps(g.cue, p.cue)


def _prf(matched_p: int, n_p: int, matched_g: int, n_g: int) -> tuple[float, float, float]:
    p = matched_p / n_p if n_p else 0.0
    r = matched_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Result:
    articles: int
    counts: dict[str, Counts]
    thresholds: tuple[float, ...] = (0.3, 0.8)

    def scores(self, which: str = "all") -> dict[str, float]:
        c = self.counts[which]
        out: dict[str, float] = {}
        for t in self.thresholds:
            p, r, f = _prf(c.pred_matched.get(t, 0), c.pred, c.gold_matched.get(t, 0), c.gold)
            out[f"P@{t}"], out[f"R@{t}"], out[f"F1@{t}"] = p, r, f
        out["P exact"], out["R exact"], out["F1 exact"] = _prf(c.pred_exact, c.pred, c.gold_exact, c.gold)
        out["speaker acc"] = c.speaker_ok / c.speaker_n if c.speaker_n else 0.0
        out["cue acc"] = c.cue_ok / c.cue_n if c.cue_n else 0.0
        out["direct-quote recall"] = c.direct_found / c.direct_gold if c.direct_gold else 0.0
        return out

    def format(self) -> str:
        lines = [f"PolNeAR attributions: {self.articles} articles"]
        header = f"{'':22}" + "".join(f"{w:>12}" for w in self.counts)
        lines.append(header)
        lines.append(f"{'gold relations':22}" + "".join(f"{c.gold:>12}" for c in self.counts.values()))
        lines.append(f"{'predicted items':22}" + "".join(f"{c.pred:>12}" for c in self.counts.values()))
        table = {w: self.scores(w) for w in self.counts}
        for key in next(iter(table.values())):
            lines.append(f"{key:22}" + "".join(f"{table[w][key]:>12.3f}" for w in self.counts))
        return "\n".join(lines)


def score(articles: Iterable[tuple[str, Sequence[Item], Sequence[Item]]], *,
          thresholds: tuple[float, ...] = (0.3, 0.8)) -> Result:
    """Score ``(text, gold items, predicted items)`` per article, on all items and on speech cues only."""
    counts = {"all": Counts(), "speech": Counts()}
    n = 0
    for text, gold, pred in articles:
        n += 1
        counts["all"].add(text, gold, pred, thresholds)
        counts["speech"].add(text, [g for g in gold if g.speech], [p for p in pred if p.speech], thresholds)
    return Result(n, counts, thresholds)


def _is_direct(text: str, parts: Parts) -> bool:
    first = text[parts[0][0]:parts[0][1]].lstrip()
    return first[:1] in "\"“‘`"


def _is_speech(doc, parts: Parts, speech_lemmas: frozenset[str]) -> bool:
    for a, b in parts:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(t.lemma_.lower() in speech_lemmas for t in span):
            return True
    return False


def gold_items(article: GoldArticle, doc, speech_lemmas: frozenset[str]) -> list[Item]:
    return [Item(r.content, r.cue, r.source, speech=_is_speech(doc, r.cue, speech_lemmas),
                 direct=_is_direct(article.text, r.content)) for r in article.relations]


_THAT = re.compile(r"\bthat\s+$")
#: the complementizer before an item with the comma or dash of an aside after it ("that, even if …,
#: the vote stands": the claim starts after the comma); the parse tells it from a pronoun ("all that,")
_THAT_ASIDE = re.compile(r"\bthat\s*[,—–]\s*$")


def polnear_span(text: str, start: int, end: int, doc=None) -> tuple[int, int]:
    """An item's span in PolNeAR's convention, which includes the complementizer ("that the …",
    "that “…”", and "that, even if …" where ``doc`` parses that "that" as one) and the quote marks
    around a quotation."""
    if start > 0 and text[start - 1] in QUOTE_CHARS:
        start -= 2 if start > 1 and text[start - 2:start] in ("``", "''") else 1
        if end < len(text) and text[end] in QUOTE_CHARS:
            end += 2 if text[end:end + 2] in ("``", "''") else 1
    m = _THAT.search(text, max(0, start - 6), start)
    if m is None and doc is not None:
        m = _THAT_ASIDE.search(text, max(0, start - 9), start)
        tok = doc.char_span(m.start(), m.start() + 4) if m else None
        if tok is None or tok[0].dep_ != "mark":
            m = None
    return (m.start(), end) if m else (start, end)


def content_parts(item) -> Parts:
    """The pieces of a quote's or claim's content: its ``parts`` when its attribution interrupts it
    ("The economy, he said, is growing"), else its one span."""
    if item.parts:
        return tuple((p.start, p.end) for p in item.parts)
    return ((item.start, item.end),)


def predicted_items(record, doc, speech_lemmas: frozenset[str]) -> list[Item]:
    """The record's quotes and claims joined on their cue span (items without a cue stay alone).

    Quotes count with their marks and claims with their complementizer, as PolNeAR marks contents.
    """
    groups: dict[object, list] = {}
    for i, x in enumerate([*record.quotes, *record.claims]):
        key = (x.cue.start, x.cue.end) if x.cue is not None else ("alone", i)
        groups.setdefault(key, []).append(x)
    text = record.text
    items = []
    for members in groups.values():
        content = merge_parts(polnear_span(text, a, b, doc) for m in members for a, b in content_parts(m))
        first = members[0]
        cue = ((first.cue.start, first.cue.end),) if first.cue is not None else ()
        source = next((((m.source.start, m.source.end),) for m in members if m.source is not None), ())
        items.append(Item(content, cue, source, speech=bool(cue) and _is_speech(doc, cue, speech_lemmas)))
    return items


def article_record(article: GoldArticle):
    """An empty record of a gold article's text, for the pipeline to annotate."""
    import hashlib

    from newsclaims.record import Provenance, Record

    return Record(id=article.name, text=article.text,
                  source=Provenance(path=f"{article.name}.txt", sha256=hashlib.sha256(article.text.encode()).hexdigest()))


def scored_article(article: GoldArticle, doc, speech_lemmas: frozenset[str]) -> tuple[str, list[Item], list[Item]]:
    """``(text, gold items, predicted items)`` of a gold article, its parsed ``doc`` annotated by the
    pipeline, as :func:`score` takes them."""
    from newsclaims.pipeline import annotate

    record = article_record(article)
    annotate(record, doc)
    return article.text, gold_items(article, doc, speech_lemmas), predicted_items(record, doc, speech_lemmas)


def evaluate(gold: str | Path, *, model: str | None = None, limit: int | None = None) -> Result:
    """Convert every article of a PolNeAR split with the pipeline and score its quotes and claims."""
    from newsclaims.extract.cues import speech_lemmas
    from newsclaims.nlp import load_nlp
    from newsclaims.pipeline import parse

    articles = read_split(gold, limit=limit)
    nlp = load_nlp(model)
    speech = speech_lemmas()
    records = [article_record(a) for a in articles]

    return score(scored_article(article, doc, speech) for article, (_, doc) in zip(articles, parse(nlp, records)))
