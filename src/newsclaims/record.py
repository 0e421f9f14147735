"""The one record type that flows through every stage of the pipeline.

Spans are ``{text, start, end}`` with Python code-point offsets into the unchanged article text.
``Record.to_dict()`` yields exactly the shape of ``schema/record.schema.json`` (every key present,
``None`` where unknown), in schema order, so JSONL and Parquet rows are byte-stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from newsclaims import SCHEMA_VERSION


def _pickled_by_fields(cls):
    """Pickle instances as a call of ``cls`` on their field values.

    Records cross process boundaries in a parallel convert; the default pickling of slotted
    dataclasses restores each object's state attribute by attribute in Python, which made
    unpickling a record (hundreds of spans) cost the parent ~3–5 ms, 14× this.
    """
    names = tuple(f.name for f in fields(cls))
    assert all(f.init for f in fields(cls)), f"{cls.__name__}: every field must be an __init__ argument"

    def __reduce__(self):
        return (cls, tuple(getattr(self, name) for name in names))

    cls.__reduce__ = __reduce__
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text[start:end]`` (the only sanctioned way to build one from offsets)."""
        return cls(text[start:end], start, end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@_pickled_by_fields
@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str | None = None
    country_code: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name,
            "country_code": self.country_code, "geonames_id": self.geonames_id,
            "lat": self.lat, "lon": self.lon,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Dateline:
    text: str
    start: int
    end: int
    place: Place | None = None
    agencies: list[str] = field(default_factory=list)
    date: str | None = None
    date_basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "place": self.place.to_dict() if self.place else None,
            "agencies": list(self.agencies), "date": self.date, "date_basis": self.date_basis,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: str  # person | organization | country | place | group
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country_code: str | None = None
    handles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "titles": list(self.titles),
            "aliases": list(self.aliases), "country_code": self.country_code,
            "handles": list(self.handles),
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: (m.start, m.end))],
        }


def _span_or_none(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span else None


@_pickled_by_fields
@dataclass(slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str  # direct | partial | social_post
    speaker: str | None = None
    source: Span | None = None
    cue: Span | None = None
    platform: str | None = None
    handle: str | None = None
    date: str | None = None
    link: str | None = None
    method: str = "rule"
    confidence: float = 1.0
    parts: list[Span] = field(default_factory=list)  # the content's pieces when it is discontinuous

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "parts": [p.to_dict() for p in self.parts],
            "kind": self.kind, "speaker": self.speaker, "source": _span_or_none(self.source),
            "cue": _span_or_none(self.cue), "platform": self.platform, "handle": self.handle,
            "date": self.date, "link": self.link, "method": self.method,
            "confidence": round(float(self.confidence), 4),
        }


@_pickled_by_fields
@dataclass(slots=True)
class Claim:
    id: str
    text: str
    start: int
    end: int
    kind: str  # indirect | stance | according_to
    speaker: str | None = None
    source: Span | None = None
    cue: Span | None = None
    method: str = "rule"
    confidence: float = 1.0
    parts: list[Span] = field(default_factory=list)  # the content's pieces when it is discontinuous

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "parts": [p.to_dict() for p in self.parts],
            "kind": self.kind, "speaker": self.speaker, "source": _span_or_none(self.source),
            "cue": _span_or_none(self.cue), "method": self.method,
            "confidence": round(float(self.confidence), 4),
        }


@_pickled_by_fields
@dataclass(slots=True)
class Provenance:
    path: str
    sha256: str
    url: str | None = None
    publisher: str | None = None
    license: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "sha256": self.sha256, "url": self.url,
            "publisher": self.publisher, "license": self.license, "published": self.published,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Record:
    """An article and everything extracted from it. Stages fill the fields in turn."""

    id: str
    text: str
    source: Provenance
    language: str | None = "en"
    dateline: Dateline | None = None
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "language": self.language,
            "source": self.source.to_dict(),
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
        }
