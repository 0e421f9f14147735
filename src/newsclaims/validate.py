"""Validation of records: the JSON Schema plus the semantic rules no schema can say.

Every problem is located (``file:line: /json/pointer: message``, ``file:row N: …`` for Parquet),
named by its rule (see :data:`RULES`), and collected: nothing stops at the first error. A run that
read no record does not pass.

Speed: a record is first checked by the fast path (:func:`fast_problems`): the schema by the
Rust-backed ``jsonschema_rs`` and the semantic rules by one flat pass that relies on the types the
schema guarantees. Only a record it doubts goes through the full path: the pure-Python
``jsonschema`` for one located message per schema error, then every semantic rule with its own
message (the tests check that both paths agree). JSONL lines are parsed by ``orjson`` (strict
JSON: no NaN). A large JSONL file is cut into line ranges that ``jobs`` processes share: one pool
per run, forked while the process has a single thread (the workers start in milliseconds with the
compiled validators), spawned otherwise; the report is the same whatever ``jobs`` is.

Measured with ``benchmarks/bench.py --validate-only`` on the converted corpus repeated to 20,000
records of about 11 KB (17 actors, 35 mentions, 13 quotes and claims each), on a 2-core machine
shared with other work: about 110 µs of CPU per record with one process and 120 µs with two, the
parent's share included (before: 175 and 220 µs), that is about 9,000 and 17,000 records/s on free
cores (the wall-clock medians, on a machine without a free core, were 4,000 to 4,500). The CPU goes
to orjson building the record's Python objects (about 32 µs: some 200 dicts, lists and strings),
``jsonschema_rs`` walking them (16 µs) and the semantic pass re-slicing some 75 spans (43 µs);
reading, the licence and corpus rules and the report take the rest. The target of 50,000 records/s
on two cores (40 µs per record) is below what parsing and the schema alone cost in CPython, so it
needs the checks in native code over the raw bytes. Tried and dropped: a ``msgspec`` decoder typed
from the schema (parse and types together: about 10 % faster, with a second rendering of the schema
to keep exact) and column-wise checks over Arrow (pyarrow's JSON reader costs more than orjson
here, and building span columns in Python costs as much as the loop).

Corpus rules (unique record ids, one article never twice) hold across every file of one format
that is validated together: ``data/`` holds the same records as JSONL and as Parquet, so ids are
compared among the JSONL files and, separately, among the Parquet files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path, PurePosixPath
from typing import Any

from newsclaims import SCHEMA_VERSION
from newsclaims.errors import NewsclaimsError
from newsclaims.schema import RECORD_SCHEMA, SIDECAR_SCHEMA, load_schema

SUPPORTED_SCHEMA_VERSIONS = (SCHEMA_VERSION,)

#: Every rule a problem can be reported under, with what it checks.
RULES: dict[str, str] = {
    "read": "the file can be read (exists, is JSONL or Parquet)",
    "json": "each JSONL line is one strict JSON value (no NaN, no trailing garbage)",
    "schema": "the record follows schema/record.schema.json",
    "schema-version": "schema_version is one this newsclaims supports",
    "integer": "offsets are JSON integers (not 3.0)",
    "span-range": "0 <= start < end <= len(text) for every span",
    "span-text": "a span's text equals text[start:end]",
    "content-parts": "a quote's or claim's parts are two or more disjoint spans, in order, inside the item",
    "place-in-dateline": "the dateline place lies inside the dateline span",
    "empty-text": "the article text is not blank",
    "date": "dates are real calendar dates (YYYY-MM-DD, or --MM-DD without a year)",
    "country": "country codes are ISO 3166-1 alpha-2 codes (or former ones, ISO 3166-3)",
    "unique-id": "actor, quote and claim ids are unique within a record",
    "speaker-ref": "a quote's or claim's speaker is an actor id of the record",
    "source-mention": "a quote's or claim's source span overlaps a mention of its speaker",
    "actor-mentions": "every actor has at least one mention",
    "mention-owner": "a mention span belongs to one actor only",
    "social-post": "only social posts carry platform, handle and link",
    "source-path": "source.path is a relative POSIX path",
    "sha256-text": "source.sha256 is the SHA-256 of the text (with or without a UTF-8 BOM)",
    "sha256-file": "source.sha256 matches the article file when that file is present",
    "license": "the licence satisfies the configured policy",
    "unique-record-id": "record ids are unique across the corpus",
    "duplicate-article": "one article (same sha256) is in the corpus once",
}

LICENSE_POLICIES = {
    "ignore": "no licence check",
    "present": "source.license is set (any non-blank value, 'unknown' included)",
    "known": "source.license is set and is not a placeholder such as 'unknown'",
    "allowlist": "source.license is one of the configured licences",
}
UNKNOWN_LICENSES = frozenset({"unknown", "unspecified", "none", "n/a", "na", "tbd", "?", "noassertion"})
DEFAULT_LICENSE_POLICY = "present"
#: Rules reported as warnings unless a project says otherwise (``warn = [...]`` in pyproject).
DEFAULT_WARN: frozenset[str] = frozenset()

_DATE = re.compile(r"^(\d{4}|-)-(\d{2})-(\d{2})")
_BOM = b"\xef\xbb\xbf"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ConfigError(NewsclaimsError):
    """The validation configuration (``[tool.newsclaims.validate]`` or options) is invalid."""


@dataclass(frozen=True, slots=True)
class Policy:
    """Corpus policies: what a dataset repository requires beyond the schema.

    ``license``: one of :data:`LICENSE_POLICIES`; ``licenses``: the allowed values for
    ``allowlist``; ``root``: the folder ``source.path`` is relative to (for the sha256-file check;
    ``None``: the project folder around the validated file, else the working folder); ``warn``:
    rules reported as warnings, which do not fail validation.
    """

    license: str = DEFAULT_LICENSE_POLICY
    licenses: tuple[str, ...] = ()
    root: Path | None = None
    check_files: bool = True
    warn: frozenset[str] = DEFAULT_WARN

    def __post_init__(self) -> None:
        if self.license not in LICENSE_POLICIES:
            raise ConfigError(f"unknown licence policy {self.license!r}; choose one of {', '.join(LICENSE_POLICIES)}")
        if self.license == "allowlist" and not self.licenses:
            raise ConfigError("licence policy 'allowlist' needs the allowed licences (licenses = [...] or --allow-license)")
        unknown = sorted(set(self.warn) - set(RULES))
        if unknown:
            raise ConfigError(f"unknown rule(s) to warn about: {', '.join(unknown)}; rules are {', '.join(RULES)}")

    def level(self, rule: str) -> str:
        return "warning" if rule in self.warn else "error"


def find_pyproject(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_policy(start: Path | None = None, **overrides: Any) -> Policy:
    """The policy of ``[tool.newsclaims.validate]`` in the nearest pyproject.toml, then ``overrides``.

    Keys: ``license-policy`` (ignore | present | known | allowlist), ``licenses`` (list of
    strings), ``warn`` (rules reported as warnings instead of errors).
    """
    import tomllib

    values: dict[str, Any] = {}
    pyproject = find_pyproject((start or Path.cwd()).resolve())
    if pyproject is not None:
        try:
            with open(pyproject, "rb") as fh:
                table = tomllib.load(fh).get("tool", {}).get("newsclaims", {}).get("validate", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{pyproject}: cannot read [tool.newsclaims.validate]: {exc}") from None
        unknown = set(table) - {"license-policy", "licenses", "warn"}
        if unknown:
            raise ConfigError(f"{pyproject}: unknown key(s) in [tool.newsclaims.validate]: {', '.join(sorted(unknown))}")
        if "license-policy" in table:
            values["license"] = table["license-policy"]
        if "licenses" in table:
            values["licenses"] = tuple(table["licenses"])
        for key in ("licenses", "warn"):
            if key in table and (not isinstance(table[key], list) or not all(isinstance(x, str) for x in table[key])):
                raise ConfigError(f"{pyproject}: [tool.newsclaims.validate] {key} must be a list of strings")
        if "warn" in table:
            values["warn"] = frozenset(table["warn"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Policy(**values)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a record."""

    pointer: str
    message: str
    rule: str = "schema"


@dataclass(slots=True)
class Located:
    file: str
    where: str  # "12" (JSONL line) or "row 3" (Parquet row)
    problem: Problem
    level: str = "error"  # or "warning"

    def __str__(self) -> str:
        level = "warning: " if self.level == "warning" else ""
        return f"{self.file}:{self.where}: {self.problem.pointer or '/'}: {level}{self.problem.message}"

    @property
    def line(self) -> int | None:
        return int(self.where) if self.where.isdigit() else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file}
        if self.line is not None:
            out["line"] = self.line
        else:
            out["row"] = int(self.where.split()[-1]) if self.where.split()[-1].isdigit() else self.where
        out.update(pointer=self.problem.pointer or "/", rule=self.problem.rule, level=self.level, message=self.problem.message)
        return out

    def github(self) -> str:
        """A GitHub Actions annotation (``::error file=…,line=…,title=…::message``)."""
        def esc(s: str, prop: bool = False) -> str:
            s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return s.replace(":", "%3A").replace(",", "%2C") if prop else s

        props = f"file={esc(self.file, True)}"
        if self.line is not None:
            props += f",line={self.line}"
        where = "" if self.line is not None else f"{self.where}: "
        return f"::{self.level} {props},title={esc('newsclaims ' + self.problem.rule, True)}::{esc(where + (self.problem.pointer or '/') + ': ' + self.problem.message)}"


@dataclass(slots=True)
class Report:
    records: int = 0
    files: int = 0
    problems: list[Located] = field(default_factory=list)

    @property
    def errors(self) -> list[Located]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Located]:
        return [p for p in self.problems if p.level != "error"]

    @property
    def ok(self) -> bool:
        return self.records > 0 and not self.errors

    def by_rule(self) -> Counter:
        return Counter(p.problem.rule for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "files": self.files, "records": self.records,
            "errors": len(self.errors), "warnings": len(self.warnings),
            "problems": [p.to_dict() for p in self.problems],
            "summary": dict(sorted(self.by_rule().items())),
        }


# --- the schema ------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _validator(name: str):
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@lru_cache(maxsize=None)
def _fast_validator(name: str):
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(load_schema(name))


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _leaves(error) -> Iterator[Any]:
    """The errors under a ``oneOf [null, X]``: those of X, not "is not of type 'null'"."""
    if not error.context:
        yield error
        return
    inner = [c for c in error.context if not (c.validator == "type" and c.validator_value == "null" and not c.relative_path)]
    if not inner:
        yield error
        return
    for sub in inner:
        yield from _leaves(sub)


def _short(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def schema_problems(obj: Any, name: str = RECORD_SCHEMA) -> list[Problem]:
    if _fast_validator(name).is_valid(obj):
        return []
    problems = []
    for error in _validator(name).iter_errors(obj):
        for leaf in _leaves(error):
            path = list(leaf.absolute_path)
            if name == RECORD_SCHEMA and path == ["schema_version"] and leaf.validator == "enum":
                continue  # reported by the schema-version rule, with the supported versions
            problems.append(Problem(_pointer(path), _short(leaf.message), "schema"))
    problems.sort(key=lambda p: p.pointer)
    return problems


def sidecar_problems(meta: Any) -> list[str]:
    """Schema problems of a provenance sidecar, as readable strings."""
    problems = [f"{p.pointer or '/'}: {p.message}" for p in schema_problems(meta, SIDECAR_SCHEMA)]
    if isinstance(meta, dict) and isinstance(meta.get("published"), str):
        message = date_problem(meta["published"])
        if message:
            problems.append(f"/published: {message}")
    return problems


# --- semantic rules --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Valid country codes: ISO 3166-1 alpha-2 (pycountry), the former codes of ISO 3166-3
    (SU, DD, YU… — the right codes for an archive story from 1988), and XK (Kosovo, user-assigned
    but used by GeoNames)."""
    import pycountry

    current = {c.alpha_2 for c in pycountry.countries}
    former = {c.alpha_2 for c in pycountry.historic_countries if getattr(c, "alpha_2", None)}
    return frozenset(current | former | {"XK"})


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a real calendar date (YYYY-MM-DD[Thh:mm…] or --MM-DD), or None."""
    m = _DATE.match(value)
    if not m:
        return None  # the schema pattern reports the form
    year, month, day = m.groups()
    month_i, day_i = int(month), int(day)
    if not 1 <= month_i <= 12:
        return f"{value!r} is not a real date: month {month} does not exist"
    last = calendar.monthrange(2000 if year == "-" else int(year), month_i)[1]
    if year != "-" and int(year) == 0:
        return f"{value!r} is not a real date: year 0000 does not exist"
    if not 1 <= day_i <= last:
        where = calendar.month_name[month_i] + ("" if year == "-" else f" {year}")
        return f"{value!r} is not a real date: {where} has {last} days"
    if len(value) > 10:
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a valid ISO 8601 date-time"
    return None


def _is_int(x: Any) -> bool:
    return type(x) is int


def iter_spans(record: dict) -> Iterator[tuple[str, dict]]:
    """Every span-like object of a record (dateline, place, mentions, quotes, claims, their
    sources and cues) with its JSON pointer."""
    dl = record.get("dateline")
    if isinstance(dl, dict):
        yield "/dateline", dl
        if isinstance(dl.get("place"), dict):
            yield "/dateline/place", dl["place"]
    for i, actor in enumerate(record.get("actors") or []):
        for j, m in enumerate(actor.get("mentions") or [] if isinstance(actor, dict) else []):
            yield f"/actors/{i}/mentions/{j}", m
    for key in ("quotes", "claims"):
        for i, item in enumerate(record.get(key) or []):
            if not isinstance(item, dict):
                continue
            yield f"/{key}/{i}", item
            for j, piece in enumerate(item.get("parts") or [] if isinstance(item.get("parts"), list) else []):
                if isinstance(piece, dict):
                    yield f"/{key}/{i}/parts/{j}", piece
            for part in ("source", "cue"):
                if isinstance(item.get(part), dict):
                    yield f"/{key}/{i}/{part}", item[part]


_spans = iter_spans  # the name the first tests used


class _SemanticCheck:
    """One pass over a record for the semantic rules.

    Written for any input: a wrongly typed field is skipped here (the schema reports it), never a
    crash. Pointers are only built for problems, keeping the pass over a valid record short.
    """

    __slots__ = ("text", "n", "problems")

    def __init__(self, text: str):
        self.text, self.n, self.problems = text, len(text), []

    def add(self, pointer: str, message: str, rule: str) -> None:
        self.problems.append(Problem(pointer, message, rule))

    def span(self, span: dict, pointer: Any) -> tuple[int, int] | None:
        """Check one span; its (start, end) when they are integers. ``pointer``: str or callable."""
        start, end = span.get("start"), span.get("end")
        if type(start) is not int or type(end) is not int:
            for key, value in (("start", start), ("end", end)):
                if isinstance(value, float) and value.is_integer():
                    self.add(f"{_ptr(pointer)}/{key}", f"offset {value!r} must be a JSON integer (write {int(value)})", "integer")
            return None
        if start < 0 or end < 0:
            return None  # the schema's minimum reports it
        if not start < end <= self.n:
            if start >= end:
                msg = f"span start {start} is not before its end {end}: spans are non-empty [start, end) ranges"
            else:
                msg = f"span [{start}, {end}) lies outside the text (length {self.n})"
            self.add(_ptr(pointer), msg, "span-range")
            return start, end
        got = span.get("text")
        if got.__class__ is str and self.text[start:end] != got:
            self.add(_ptr(pointer) + "/text", f"span text {_short(repr(got), 80)} != text[{start}:{end}] {_short(repr(self.text[start:end]), 80)}", "span-text")
        return start, end

    def date(self, value: Any, pointer: str) -> None:
        if value.__class__ is str:
            message = date_problem(value)
            if message:
                self.add(pointer, message, "date")

    def country(self, cc: Any, pointer: str) -> None:
        if cc.__class__ is str and len(cc) == 2 and cc.isupper() and cc not in country_codes():
            self.add(pointer, f"{cc!r} is not an ISO 3166-1 alpha-2 country code, current or former", "country")

    def dateline(self, dl: dict) -> None:
        outer = self.span(dl, "/dateline")
        place = dl.get("place")
        if isinstance(place, dict):
            inner = self.span(place, "/dateline/place")
            self.country(place.get("country_code"), "/dateline/place/country_code")
            if outer and inner and outer[0] < outer[1] and inner[0] < inner[1] and not (outer[0] <= inner[0] and inner[1] <= outer[1]):
                self.add("/dateline/place", f"place [{inner[0]}, {inner[1]}) is not inside the dateline [{outer[0]}, {outer[1]})", "place-in-dateline")
        self.date(dl.get("date"), "/dateline/date")

    def actors(self, actors: list) -> dict[str, set[tuple[int, int]]]:
        """Actor rules; returns actor id → its mention offsets."""
        mentions_of: dict[str, set[tuple[int, int]]] = {}
        owner: dict[tuple[int, int], Any] = {}
        for i, actor in enumerate(actors):
            if not isinstance(actor, dict):
                continue
            aid = actor.get("id")
            if aid.__class__ is str and aid in mentions_of:
                self.add(f"/actors/{i}/id", f"duplicate actor id {aid!r}", "unique-id")
            self.country(actor.get("country_code"), f"/actors/{i}/country_code") if actor.get("country_code") is not None else None
            mentions = actor.get("mentions")
            if not isinstance(mentions, list):
                continue
            if not mentions:
                self.add(f"/actors/{i}/mentions", f"actor {aid!r} has no mention: an actor exists only through its mentions", "actor-mentions")
            spans = mentions_of.setdefault(aid, set()) if aid.__class__ is str else set()
            for j, m in enumerate(mentions):
                if not isinstance(m, dict):
                    continue
                key = self.span(m, lambda i=i, j=j: f"/actors/{i}/mentions/{j}")
                if key is None:
                    continue
                spans.add(key)
                other = owner.setdefault(key, aid)
                if other != aid:
                    self.add(f"/actors/{i}/mentions/{j}", f"mention [{key[0]}, {key[1]}) also belongs to actor {other!r}: one mention names one actor", "mention-owner")
        return mentions_of

    def attributions(self, key: str, items: list, mentions_of: dict[str, set[tuple[int, int]]] | None) -> None:
        """Quote or claim rules; speakers are checked only when the actor list is readable."""
        seen: set[str] = set()
        quotes = key == "quotes"
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            bounds = self.span(item, lambda i=i: f"/{key}/{i}")
            parts = item.get("parts")
            if isinstance(parts, list) and parts:
                self.parts(parts, bounds, f"/{key}/{i}")
            source, cue = item.get("source"), item.get("cue")
            if isinstance(source, dict):
                self.span(source, lambda i=i: f"/{key}/{i}/source")
            if isinstance(cue, dict):
                self.span(cue, lambda i=i: f"/{key}/{i}/cue")
            iid = item.get("id")
            if iid.__class__ is str:
                if iid in seen:
                    self.add(f"/{key}/{i}/id", f"duplicate {key[:-1]} id {iid!r}", "unique-id")
                seen.add(iid)
            speaker = item.get("speaker")
            if speaker.__class__ is str and mentions_of is not None:
                if speaker not in mentions_of:
                    self.add(f"/{key}/{i}/speaker", f"speaker {speaker!r} is not an actor id of this record", "speaker-ref")
                elif isinstance(source, dict) and not _names(source, mentions_of[speaker]):
                    self.problems.append(_source_mention(key, i, source, speaker))
            if quotes:
                if item.get("date") is not None:
                    self.date(item.get("date"), f"/quotes/{i}/date")
                kind = item.get("kind")
                if kind == "direct" or kind == "partial":
                    for attr in ("platform", "handle", "link"):
                        if item.get(attr) is not None:
                            self.add(f"/quotes/{i}/{attr}", f"a {kind} quote has no {attr}: only social_post quotes do", "social-post")

    def parts(self, parts: list, bounds: tuple[int, int] | None, pointer: str) -> None:
        """The pieces of a discontinuous content: each a span, two or more, in order, disjoint,
        inside the item's ``bounds``."""
        if len(parts) < 2:
            self.add(f"{pointer}/parts", f"a content in {len(parts)} part is one piece: write parts as [] (pieces are for a content its attribution interrupts)", "content-parts")
        previous_end = None
        for j, piece in enumerate(parts):
            if not isinstance(piece, dict):
                continue
            got = self.span(piece, f"{pointer}/parts/{j}")
            if got is None:
                continue
            start, end = got
            if bounds is not None and not (bounds[0] <= start and end <= bounds[1]):
                self.add(f"{pointer}/parts/{j}", f"part [{start}, {end}) is not inside its item [{bounds[0]}, {bounds[1]}): the item's start/end cover all its parts", "content-parts")
            if previous_end is not None and start < previous_end:
                self.add(f"{pointer}/parts/{j}", f"part [{start}, {end}) starts before the previous part ends ({previous_end}): parts are disjoint and in text order", "content-parts")
            previous_end = end

    def source(self, source: dict) -> None:
        sha = source.get("sha256")
        if sha.__class__ is str and len(sha) == 64:
            data = self.text.encode("utf-8", "surrogatepass")
            if hashlib.sha256(data).hexdigest() != sha and hashlib.sha256(_BOM + data).hexdigest() != sha:
                self.add("/source/sha256", "source.sha256 is not the SHA-256 of the text: the text was edited after conversion; rebuild (newsclaims build)", "sha256-text")
        if source.get("published") is not None:
            self.date(source.get("published"), "/source/published")
        path = source.get("path")
        if path.__class__ is str and (path.startswith("/") or "\\" in path or "\x00" in path or _WINDOWS_DRIVE.match(path)):
            self.add("/source/path", f"source.path {_short(repr(path), 80)} must be a relative POSIX path (from the build root)", "source-path")


_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


def _ptr(pointer: Any) -> str:
    return pointer if isinstance(pointer, str) else pointer()


def semantic_problems(record: dict) -> list[Problem]:
    """Rules beyond the schema (see :data:`RULES`), for a record of any shape."""
    problems: list[Problem] = []
    version = record.get("schema_version")
    if version not in SUPPORTED_SCHEMA_VERSIONS and "schema_version" in record:
        problems.append(Problem("/schema_version", f"schema_version {version!r} is not supported by this newsclaims (supported: {', '.join(SUPPORTED_SCHEMA_VERSIONS)})", "schema-version"))
    text = record.get("text")
    if not isinstance(text, str):
        return problems
    check = _SemanticCheck(text)
    check.problems = problems
    if not text.strip():
        check.add("/text", "the article text is empty or blank", "empty-text")
    dl = record.get("dateline")
    if isinstance(dl, dict):
        check.dateline(dl)
    actors = record.get("actors")
    mentions_of = check.actors(actors) if isinstance(actors, list) else None
    for key in ("quotes", "claims"):
        items = record.get(key)
        if isinstance(items, list):
            check.attributions(key, items, mentions_of)
    source = record.get("source")
    if isinstance(source, dict):
        check.source(source)
    return problems


def license_problem(record: dict, policy: Policy) -> Problem | None:
    if policy.license == "ignore":
        return None
    source = record.get("source")
    value = source.get("license") if isinstance(source, dict) else None
    if value is not None and not isinstance(value, str):
        return None  # the schema reports it
    if value is None or not value.strip():
        return Problem("/source/license", f"no licence: the licence policy {policy.license!r} needs source.license (add \"license\" to the article's .meta.json sidecar)", "license")
    if policy.license == "known" and value.strip().lower() in UNKNOWN_LICENSES:
        return Problem("/source/license", f"licence {value!r} is a placeholder: the licence policy 'known' needs the actual licence", "license")
    if policy.license == "allowlist" and value not in policy.licenses:
        return Problem("/source/license", f"licence {value!r} is not allowed (allowed: {', '.join(policy.licenses)})", "license")
    return None


def _names(source: dict, mentions: set[tuple[int, int]]) -> bool:
    """True when the source span overlaps one of the speaker's mentions.

    A source is the phrase that names the speaker as written ("Blassie, who…", "PM Kakar's office"),
    so it contains, or is, one of the speaker's mentions; a source naming nobody the speaker is
    called by is an error.
    """
    s, e = source.get("start"), source.get("end")
    if type(s) is not int or type(e) is not int:
        return True  # range problems are reported by the span rules
    return any(ms < e and s < me for ms, me in mentions)


def _source_mention(key: str, i: int, source: dict, speaker: str) -> Problem:
    return Problem(f"/{key}/{i}/source", f"source [{source.get('start')}, {source.get('end')}) overlaps no mention of the speaker {speaker!r}", "source-mention")


def fast_problems(record: dict) -> list[Problem] | None:
    """The fast path: the problems of ``record`` when it is sure of them, else None.

    The schema is checked by ``jsonschema_rs`` and the semantic rules by one tight pass that relies
    on the types the schema guarantees. It names only source-mention problems; at any other doubt
    it returns None and :func:`record_problems` takes the full path, which names every problem.
    The tests check that both paths agree.
    """
    if not _fast_validator(RECORD_SCHEMA).is_valid(record):
        return None
    soft: list[Problem] = []
    try:
        return soft if _semantically_clean(record, soft) else None
    except TypeError:  # an offset written 3.0 (a JSON Schema integer) cannot slice: the full path names it
        return None


def is_clean(record: Any) -> bool:
    """True when ``record`` breaks no schema or semantic rule (the fast path's answer)."""
    return isinstance(record, dict) and fast_problems(record) == []


_span_fields = itemgetter("start", "end", "text")


def _semantically_clean(r: dict, soft: list[Problem]) -> bool:  # noqa: C901 - one flat pass on purpose (speed)
    """The semantic rules on a record that passed the schema: False at the first doubt.

    Written for speed: fields are read without checks the schema makes (required keys, types,
    offsets >= 0); an integral float offset, which the schema lets through, raises TypeError when
    it slices the text.
    """
    text = r["text"]
    n = len(text)
    if r["schema_version"] not in SUPPORTED_SCHEMA_VERSIONS or not text or text.isspace():
        return False
    span = _span_fields
    codes = country_codes()
    dl = r["dateline"]
    if dl is not None:
        s, e, t = span(dl)
        if not s < e <= n or text[s:e] != t:
            return False
        place = dl["place"]
        if place is not None:
            ps, pe, t = span(place)
            if not ps < pe <= n or text[ps:pe] != t or not (s <= ps and pe <= e):
                return False
            if place["country_code"] is not None and place["country_code"] not in codes:
                return False
        if dl["date"] is not None and date_problem(dl["date"]):
            return False
    # actor id -> its mention offsets; one mention names one actor
    mentions_of: dict[str, set[tuple[int, int]]] = {}
    owned = 0
    for actor in r["actors"]:
        aid = actor["id"]
        if aid in mentions_of or (actor["country_code"] is not None and actor["country_code"] not in codes):
            return False
        mentions = actor["mentions"]
        if not mentions:
            return False
        offsets = mentions_of[aid] = set()
        add = offsets.add
        for s, e, t in map(span, mentions):
            if not s < e <= n or text[s:e] != t:
                return False
            add((s, e))
        owned += len(offsets)
    if len(mentions_of) > 1 and len(set().union(*mentions_of.values())) != owned:
        return False
    for key in ("quotes", "claims"):
        seen: set[str] = set()
        quotes = key == "quotes"
        for i, item in enumerate(r[key]):
            source, cue = item["source"], item["cue"]
            for s, e, t in map(span, (item, source, cue) if source is not None and cue is not None else filter(None, (item, source, cue))):
                if not s < e <= n or text[s:e] != t:
                    return False
            parts = item.get("parts")
            if parts:
                if len(parts) < 2:
                    return False
                previous_end = item["start"]
                for s, e, t in map(span, parts):
                    if not previous_end <= s < e <= item["end"] or text[s:e] != t:
                        return False
                    previous_end = e
            iid = item["id"]
            if iid in seen:
                return False
            seen.add(iid)
            speaker = item["speaker"]
            if speaker is not None:
                offsets = mentions_of.get(speaker)
                if offsets is None:
                    return False
                if source is not None and (source["start"], source["end"]) not in offsets and not _names(source, offsets):
                    soft.append(_source_mention(key, i, source, speaker))
            if quotes:
                if item["date"] is not None and date_problem(item["date"]):
                    return False
                if item["kind"] != "social_post" and (item["platform"] is not None or item["handle"] is not None or item["link"] is not None):
                    return False
    source = r["source"]
    data = text.encode("utf-8", "surrogatepass")
    sha = source["sha256"]
    if hashlib.sha256(data).hexdigest() != sha and hashlib.sha256(_BOM + data).hexdigest() != sha:
        return False
    if source["published"] is not None and date_problem(source["published"]):
        return False
    path = source["path"]
    return not (path.startswith("/") or "\\" in path or "\x00" in path or _WINDOWS_DRIVE.match(path))


def record_problems(record: Any, policy: Policy | None = None) -> list[Problem]:
    """Schema and semantic problems of one record; with a ``policy``, its licence rule too."""
    fast = fast_problems(record) if isinstance(record, dict) else None
    if fast is not None:
        problems = fast
    else:
        problems = schema_problems(record)
        if isinstance(record, dict):
            problems += semantic_problems(record)
    if policy is not None and isinstance(record, dict):
        lic = license_problem(record, policy)
        if lic:
            problems.append(lic)
    return problems


# --- files and corpora -----------------------------------------------------------------------

def _strict_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _json_loads(raw: bytes) -> Any:
    return json.loads(raw, parse_constant=_strict_constant)


try:
    from orjson import loads as _loads  # strict JSON (no NaN), several times faster than json
except ImportError:  # pragma: no cover - orjson is a dependency
    _loads = _json_loads

#: Read buffer for JSONL files: larger than a record (~11 KB), so a line is not pieced together
#: from several reads (a third of the time of reading a file line by line with the default 8 KB).
_READ_BUFFER = 1 << 20


def iter_file_records(path: Path) -> Iterator[tuple[str, Any, Problem | None]]:
    """(location, record, read problem) for each record of a JSONL or Parquet file."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        row = 0
        try:
            pf = pq.ParquetFile(path)
            for batch in pf.iter_batches(batch_size=1024):
                for rec in batch.to_pylist():
                    row += 1
                    yield f"row {row}", rec, None
        except Exception as exc:  # noqa: BLE001 - any unreadable file is one located problem
            yield f"row {row + 1 if row else 0}", None, Problem("", f"unreadable Parquet: {type(exc).__name__}: {exc}", "read")
        return
    try:
        fh = open(path, "rb", buffering=_READ_BUFFER)
    except OSError as exc:
        yield "0", None, Problem("", f"cannot read: {exc.strerror or exc}", "read")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if raw.isspace():
                continue
            try:
                yield str(lineno), _loads(raw), None
            except ValueError as exc:  # json / orjson decode errors, invalid UTF-8
                yield str(lineno), None, Problem("", f"not valid JSON: {exc}", "json")


@lru_cache(maxsize=1)
def _derived_tables() -> frozenset[str]:
    """The configurations of ``data/`` that are not article records (quotes, claims, actors…)."""
    try:
        from newsclaims.hf.tables import DEFAULT_CONFIG, tables
    except ImportError:  # pragma: no cover - the packaging module is part of newsclaims
        return frozenset({"quotes", "claims", "actors"})
    return frozenset(name for name in tables() if name != DEFAULT_CONFIG)


def _is_articles_table(path: Path) -> bool:
    """Folders may hold derived tables (quotes, claims, actors); only article files are records."""
    derived = _derived_tables()
    return not any(p in derived for p in path.parts[-3:-1])


def iter_data_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.suffix in (".jsonl", ".parquet") and p.is_file() and _is_articles_table(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


class _FileHashes:
    """SHA-256 of the article files that ``source.path`` names, when they are present."""

    def __init__(self, root: Path | None):
        self.root = root
        self.cache: dict[tuple[Path, str], str | None] = {}

    def root_for(self, data_file: Path) -> Path:
        if self.root is not None:
            return self.root.resolve()
        pyproject = find_pyproject(data_file.resolve().parent)
        return pyproject.parent if pyproject else Path.cwd().resolve()

    def sha256(self, root: Path, rel: str) -> str | None:
        """SHA-256 of the file ``rel`` names under ``root``; None when absent or outside ``root``."""
        key = (root, rel)
        if key not in self.cache:
            self.cache[key] = self._hash(root, rel)
        return self.cache[key]

    @staticmethod
    def _hash(root: Path, rel: str) -> str | None:
        if not rel or rel.startswith("/") or "\x00" in rel or not os.path.isfile(os.path.join(root, rel)):
            return None  # absent: one stat, no path resolution (most records of a moved corpus)
        target = (root / PurePosixPath(rel)).resolve()
        if root not in target.parents or not target.is_file():
            return None  # never read outside the root a record names
        try:
            return hashlib.sha256(target.read_bytes()).hexdigest()
        except OSError:
            return None


#: JSONL files at least this large are validated by several processes (``jobs``), in line ranges.
PARALLEL_MIN_BYTES = 8 * 1024 * 1024
#: Line ranges per process and file: enough to even out uneven ranges, few enough to cost nothing.
RANGES_PER_JOB = 4

# (where, record id, sha256, source path, sha256 of the file it names) of one record, for the
# corpus rules; the file's hash is computed where the record is checked (in the worker)
_Key = tuple[str, Any, Any, Any, "str | None"]
# what a line range or file gives: (records read, (where, problem) in file order, keys)
_Checked = tuple[int, list[tuple[str, Problem]], list[_Key]]


def _check_records(items: Iterable[tuple[str, Any, Problem | None]], policy: Policy,
                   root: Path | None = None, files: _FileHashes | None = None) -> _Checked:
    """The per-record rules over ``items``: (records read, located problems, keys for corpus rules).

    ``root``: the folder ``source.path`` is relative to (None: no file check); ``files``: the
    file hashes known so far.
    """
    files = files or _FileHashes(None)
    records = 0
    problems: list[tuple[str, Problem]] = []
    keys: list[_Key] = []
    for where, record, read_problem in items:
        if read_problem:
            problems.append((where, read_problem))
            continue
        records += 1
        for problem in record_problems(record, policy):
            problems.append((where, problem))
        if isinstance(record, dict):
            source = record.get("source")
            if isinstance(source, dict):
                sha, rel = source.get("sha256"), source.get("path")
                found = (files.sha256(root, rel) if root is not None and isinstance(rel, str) and isinstance(sha, str)
                         and _SHA256.match(sha) else None)
                keys.append((where, record.get("id"), sha, rel, found))
            else:
                keys.append((where, record.get("id"), None, None, None))
    return records, problems, keys


def _iter_jsonl_range(path: Path, start: int, stop: int, lines: list[int]) -> Iterator[tuple[int, Any, Problem | None]]:
    """The records of the lines that start in bytes [start, stop), numbered from 1 at ``start``;
    ``lines[0]`` is left at the number of lines read."""
    with open(path, "rb", buffering=_READ_BUFFER) as fh:
        fh.seek(start)
        lineno = 0
        pos = start
        while pos < stop:
            raw = fh.readline()
            if not raw:
                break
            pos += len(raw)
            lineno += 1
            lines[0] = lineno
            if raw.isspace():
                continue
            try:
                yield lineno, _loads(raw), None
            except ValueError as exc:
                yield lineno, None, Problem("", f"not valid JSON: {exc}", "json")


def _check_jsonl_range(args: tuple[str, int, int, Policy, Path | None]) -> tuple[int, int, list[tuple[int, str, str, str]], list[_Key]]:
    """A worker's share: one line range. Its lines are numbered from 1 (the parent, which knows
    how many lines came before, shifts them) and its problems are plain tuples (cheap to send)."""
    path, start, stop, policy, root = args
    lines = [0]
    records, problems, keys = _check_records(_iter_jsonl_range(Path(path), start, stop, lines), policy, root)
    return records, lines[0], [(where, p.pointer, p.message, p.rule) for where, p in problems], keys


def _shifted(results: Iterable[tuple[int, int, list[tuple[int, str, str, str]], list[_Key]]]) -> Iterator[_Checked]:
    """The workers' results of consecutive ranges, with line numbers counted from the file start."""
    before = 0
    for records, lines, problems, keys in results:
        yield (records,
               [(str(before + line), Problem(pointer, message, rule)) for line, pointer, message, rule in problems],
               [(str(before + line), *key) for line, *key in keys])
        before += lines


def _line_ranges(path: Path, parts: int) -> list[tuple[int, int]]:
    """``parts`` byte ranges of a file, cut after a line end: (start, stop)."""
    size = path.stat().st_size
    cuts = [0]
    with open(path, "rb") as fh:
        for k in range(1, parts):
            fh.seek(max(size * k // parts, cuts[-1]))
            fh.readline()  # to the end of the line the cut falls in
            cut = fh.tell()
            if cut >= size:
                break
            if cut > cuts[-1]:
                cuts.append(cut)
    cuts.append(size)
    return list(zip(cuts, cuts[1:]))


def _pool_context():
    """``fork`` where it is safe (Linux, one thread: workers start in milliseconds with the
    compiled validators), else ``spawn`` (workers import newsclaims first)."""
    import multiprocessing as mp
    import threading

    if "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        try:
            if len(os.listdir("/proc/self/task")) == 1:  # no native threads either (Arrow's pools…)
                return mp.get_context("fork")
        except OSError:
            pass
    return mp.get_context("spawn")


class _Checker:
    """Checks files, a large JSONL file in line ranges on ``jobs`` processes (one pool per run)."""

    def __init__(self, policy: Policy, jobs: int):
        self.policy, self.jobs, self._pool = policy, jobs, None

    def __enter__(self) -> _Checker:
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=exc[0] is not None)

    def parallel(self, path: Path) -> bool:
        return self.jobs > 1 and path.suffix == ".jsonl" and path.stat().st_size >= PARALLEL_MIN_BYTES

    def warm(self, paths: list[Path]) -> None:
        """Start the processes now when ``paths`` may hold a large JSONL file: before walking a
        folder loads pyarrow (and its threads), while forking is still safe."""
        if self.jobs > 1 and self._pool is None and any(
                self.parallel(f) for p in paths for f in (p.rglob("*.jsonl") if p.is_dir() else [p]) if f.is_file()):
            self._start_pool()

    def _start_pool(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        _fast_validator(RECORD_SCHEMA), country_codes()  # compiled once, inherited by forked workers
        # a process that dies (killed, out of memory) fails the run (BrokenProcessPool), never hangs it
        self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=_pool_context())
        self._pool.submit(int).result()  # forks every worker now, before the pool's own thread starts

    def start(self, path: Path, root: Path | None, files: _FileHashes) -> Iterator[_Checked]:
        """Start checking ``path`` (``source.path`` relative to ``root``); the results come, in
        file order, as the iterator is read."""
        if not self.parallel(path):
            return iter([_check_records(iter_file_records(path), self.policy, root, files)])
        if self._pool is None:
            self._start_pool()
        tasks = [(str(path), a, b, self.policy, root) for a, b in _line_ranges(path, self.jobs * RANGES_PER_JOB)]
        return _shifted(self._pool.map(_check_jsonl_range, tasks))


def validate_paths(paths: Iterable[str | Path], policy: Policy | None = None, *, jobs: int = 1) -> Report:
    """Validate every record of the JSONL / Parquet files (folders: their article tables).

    ``jobs`` processes share the large JSONL files (:data:`PARALLEL_MIN_BYTES`), all of them queued
    at once so that no process waits between files; the report is the same whatever ``jobs`` is.
    """
    policy = policy or Policy()
    report = Report()
    hashes = _FileHashes(policy.root)
    # per format: record id -> first location; sha256 -> (first location, id)
    ids: dict[str, dict[str, str]] = {}
    shas: dict[str, dict[str, tuple[str, str]]] = {}

    def add(shown: str, where: str, problem: Problem) -> None:
        report.problems.append(Located(shown, where, problem, policy.level(problem.rule)))

    paths = [Path(p) for p in paths]
    with _Checker(policy, jobs) as checker:
        checker.warm(paths)
        queue: list[tuple[Path, Path | None, Iterator[_Checked] | None]] = []
        for path in iter_data_files(paths):
            ok = path.exists() and path.suffix in (".jsonl", ".parquet")
            root = hashes.root_for(path) if ok and policy.check_files else None
            # large files are queued now, read in order below
            queue.append((path, root, checker.start(path, root, hashes) if ok and checker.parallel(path) else None))
        for path, root, started in queue:
            shown = path.as_posix()
            if not path.exists():
                add(shown, "0", Problem("", "no such file or folder", "read"))
                continue
            if path.suffix not in (".jsonl", ".parquet"):
                add(shown, "0", Problem("", "not a .jsonl or .parquet file", "read"))
                continue
            report.files += 1
            seen_ids = ids.setdefault(path.suffix, {})
            seen_shas = shas.setdefault(path.suffix, {})
            for records, problems, keys in started or checker.start(path, root, hashes):
                report.records += records
                # record problems and corpus problems, in file order
                located, in_order = problems, len(problems)  # the record problems come in file order
                for where, rid, sha, rel, found in keys:
                    here = f"{shown}:{where}"
                    if isinstance(rid, str):
                        if rid in seen_ids:
                            located.append((where, Problem("/id", f"record id {rid!r} is already used at {seen_ids[rid]}", "unique-record-id")))
                        else:
                            seen_ids[rid] = here
                    if not isinstance(sha, str):
                        continue
                    if sha in seen_shas and seen_shas[sha][1] != rid:
                        first, other = seen_shas[sha]
                        located.append((where, Problem("/source/sha256", f"the same article (sha256 {sha[:12]}…) is already in the corpus as {other!r} at {first}", "duplicate-article")))
                    else:
                        seen_shas.setdefault(sha, (here, rid))
                    if found is not None and found != sha:
                        located.append((where, Problem(
                            "/source/sha256",
                            f"expected sha256 {sha[:12]}… (source.sha256), got {found[:12]}… from {rel}: "
                            "the article file changed; rebuild (newsclaims build) and commit data/", "sha256-file")))
                if len(located) > in_order:
                    located.sort(key=lambda wp: _where_key(wp[0]))
                for where, problem in located:
                    add(shown, where, problem)
    return report


def _where_key(where: str) -> int:
    last = where.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0
