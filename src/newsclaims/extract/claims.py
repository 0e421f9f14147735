"""Claims: attributed statements that are not verbatim — indirect speech and stances.

A claim is the content a cue governs in the parse — a clausal complement ("wrote … that ties were
growing": *indirect*), an object or prepositional complement of a stance verb ("reaffirmed
Pakistan's support for …", "welcomed the announcement …": *stance*), or the clause an "according to
X" phrase hangs on (*according_to*) — unless that content is a quotation, which is a quote instead.
"""

from __future__ import annotations

from newsclaims.extract.actors import actor_at
from newsclaims.extract.attribution import CACHE_KEY
from newsclaims.extract.quotes import attributions_of
from newsclaims.nlp import original_text
from newsclaims.record import Claim, Span

#: a content at least this much inside quote marks is a quote, not a claim
QUOTED_SHARE = 0.8


def _quoted_share(att) -> float:
    start, end = att.content
    covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in att.quotes)
    return covered / max(1, end - start)


def extract_claims(doc, actors, quotes=()) -> list[Claim]:
    """Every claim of ``doc`` in text order, ids ``c1``, ``c2`` …"""
    text = original_text(doc)
    claims: list[Claim] = []
    for att in attributions_of(doc):
        if att.content is None or att.cue is None or _quoted_share(att) >= QUOTED_SHARE:
            continue
        start, end = att.content
        source = Span.of(text, *att.source) if att.source else None
        actor = actor_at(actors, *att.source) if att.source else None
        claims.append(Claim(
            id="", text=text[start:end], start=start, end=end, kind=att.kind,
            speaker=actor.id if actor else None, source=source, cue=Span.of(text, *att.cue_span),
            method=f"rule:{att.cue.kind}-cue", confidence=0.7,
        ))
    # the relations were shared with the quote stage through the doc; the doc no longer needs them
    # (they hold tokens, which would keep the doc from being serialised with its user data)
    doc.user_data.pop(CACHE_KEY, None)
    claims.sort(key=lambda c: (c.start, c.end))
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    return claims
