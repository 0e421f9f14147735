"""Claims: indirect speech — a reporting verb with a clausal complement (initial version)."""

from __future__ import annotations

from newsclaims.extract.actors import actor_at
from newsclaims.nlp import original_text
from newsclaims.record import Claim, Span

CUE_LEMMAS = frozenset({"say", "tell", "write", "state", "claim", "view", "announce", "warn", "argue"})


def extract_claims(doc, actors, quotes=()) -> list[Claim]:
    text = original_text(doc)
    claims = []
    for tok in doc:
        if tok.lemma_ not in CUE_LEMMAS or tok.pos_ != "VERB":
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if comp is None or subj is None:
            continue
        toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        if any(q.start <= start < q.end for q in quotes):
            continue
        source = Span.of(text, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
        speaker = actor_at(actors, source.start, source.end)
        claims.append(Claim(
            id=f"c{len(claims) + 1}", text=text[start:end], start=start, end=end, kind="indirect",
            speaker=speaker.id if speaker else None, source=source,
            cue=Span.of(text, tok.idx, tok.idx + len(tok)), method="rule:ccomp", confidence=0.5,
        ))
    return claims
