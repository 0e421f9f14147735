"""Quotes: text between quote marks, tied to the nearest reporting verb's subject (initial version)."""

from __future__ import annotations

import re

from newsclaims.extract.actors import actor_at
from newsclaims.nlp import original_text
from newsclaims.record import Quote, Span

_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,2000})[\"”]")
CUE_LEMMAS = frozenset({"say", "tell", "add", "write", "tweet", "state", "declare"})


def _cue_near(doc, start: int, end: int):
    for tok in doc:
        if tok.idx >= end and tok.idx - end < 40 and tok.lemma_ in CUE_LEMMAS and tok.pos_ == "VERB":
            return tok
    return None


def extract_quotes(doc, actors) -> list[Quote]:
    text = original_text(doc)
    quotes = []
    for m in _QUOTED.finditer(text):
        start, end = m.start(1), m.end(1)
        cue = _cue_near(doc, start, end)
        source = None
        if cue is not None:
            subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                s, e = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
                source = Span.of(text, s, e)
        speaker = actor_at(actors, source.start, source.end) if source else None
        quotes.append(Quote(
            id=f"q{len(quotes) + 1}", text=text[start:end], start=start, end=end,
            kind="direct" if cue is not None else "partial", speaker=speaker.id if speaker else None,
            source=source, cue=Span.of(text, cue.idx, cue.idx + len(cue)) if cue is not None else None,
            method="rule:quote-marks", confidence=0.6,
        ))
    return quotes
