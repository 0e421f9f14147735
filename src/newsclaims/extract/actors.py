"""Actors: entities recognised by spaCy NER, one actor per distinct name (initial version)."""

from __future__ import annotations

import re

from newsclaims.nlp import original_text
from newsclaims.record import Actor, Span

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country", "LOC": "place", "NORP": "group", "FAC": "place"}


def actor_id(name: str, taken: set[str]) -> str:
    """A stable slug for ``name``, unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def extract_actors(doc, *, dateline=None) -> list[Actor]:
    """One actor per distinct entity name, with every mention's span."""
    text = original_text(doc)
    by_name: dict[str, Actor] = {}
    taken: set[str] = set()
    for ent in doc.ents:
        kind = LABEL_TYPES.get(ent.label_)
        if not kind:
            continue
        name = text[ent.start_char:ent.end_char]
        actor = by_name.get(name)
        if actor is None:
            actor = by_name[name] = Actor(id=actor_id(name, taken), name=name, type=kind)
        actor.mentions.append(Span.of(text, ent.start_char, ent.end_char))
    return sorted(by_name.values(), key=lambda a: a.mentions[0].start)


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping ``[start, end)``, if any."""
    for actor in actors:
        for m in actor.mentions:
            if m.start < end and start < m.end:
                return actor
    return None
