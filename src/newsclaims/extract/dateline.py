"""Datelines: the place, agencies and date a story was filed with.

Initial rule set: ``PLACE (AGENCY):`` / ``PLACE (AGENCY) —`` / ``PLACE, Month D -`` at the start of
the article body.
"""

from __future__ import annotations

import re

from newsclaims.nlp import original_text
from newsclaims.record import Dateline, Place

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}?)\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?::|—|--|-|_)\s",
)


def extract_dateline(doc, *, published: str | None = None) -> Dateline | None:
    """The dateline at the start of the article, or ``None`` when it has none."""
    text = original_text(doc)
    m = _DATELINE.match(text)
    if not m or not m.group("agency"):
        return None
    agencies = [a.strip() for a in m.group("agency").split("/") if a.strip()]
    place = Place(text=m.group("place"), start=m.start("place"), end=m.end("place"), name=m.group("place"))
    end = m.end() - 1
    return Dateline(text=text[: end], start=0, end=end, place=place, agencies=agencies)
