"""Claims: attributed statements that are not verbatim — indirect speech and stances.

A claim is the content a cue governs in the parse — a clausal complement ("wrote … that ties were
growing": *indirect*), an object or prepositional complement of a stance verb ("reaffirmed
Pakistan's support for …", "welcomed the announcement …": *stance*), or the clause an "according to
X" phrase hangs on (*according_to*) — unless that content is nothing but quotations, which are quotes
instead. A content with a word of its own around a partial quotation ("Trump had “the opportunity
…”") stays a claim: the words outside the marks are part of what is attributed. A content its own
attribution interrupts ("The economy, he said, is growing") is written as its covering span with
its pieces in ``parts``.
"""

from __future__ import annotations

from newsclaims.extract.actors import actor_at
from newsclaims.extract.attribution import CACHE_KEY
from newsclaims.extract.quotes import attributions_of
from newsclaims.nlp import original_text
from newsclaims.record import Claim, Span


def _unquoted_words(text: str, att) -> int:
    """Words of the content outside its quotations (the complementizer "that" before a quotation not counted)."""
    start, end = att.content
    chars = list(text[start:end])
    for q in att.quotes:
        for i in range(max(start, q.start), min(end, q.end)):
            chars[i - start] = " "
    words = [w for w in "".join(chars).split() if any(c.isalnum() for c in w)]
    if not att.quotes:
        return len(words)  # "he said that": the pronoun is the content
    return sum(1 for w in words if w.lower() != "that")


def extract_claims(doc, actors, quotes=(), dateline=None) -> list[Claim]:
    """Every claim of ``doc`` in text order, ids ``c1``, ``c2`` … (``dateline`` as
    :func:`newsclaims.extract.quotes.extract_quotes` takes it)."""
    text = original_text(doc)
    claims: list[Claim] = []
    for att in attributions_of(doc, dateline):
        if att.content is None or att.cue is None or _unquoted_words(text, att) == 0:
            continue
        start, end = att.content
        source = Span.of(text, *att.source) if att.source else None
        actor = actor_at(actors, *att.source, doc=doc) if att.source else None
        claims.append(Claim(
            id="", text=text[start:end], start=start, end=end, kind=att.kind,
            speaker=actor.id if actor else None, source=source, cue=Span.of(text, *att.cue_span),
            method=f"rule:{att.cue.kind}-cue", confidence=0.7,
            parts=[Span.of(text, a, b) for a, b in att.parts],
        ))
    # the relations were shared with the quote stage through the doc; the doc no longer needs them
    # (they hold tokens, which would keep the doc from being serialised with its user data)
    doc.user_data.pop(CACHE_KEY, None)
    claims.sort(key=lambda c: (c.start, c.end))
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    return claims
