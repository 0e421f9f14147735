"""The corpus report: one self-contained HTML page of what the corpus holds, mostly as pictures.

Articles per agency and per dateline country, the articles' dates on a timeline, quotes and claims
per article, the most quoted actors, and validation status, plus a table of every article. Built
from records alone; ``newsclaims build`` writes it as ``data/report.html`` (same records, same bytes)
and ``newsclaims report`` writes it for any JSONL/Parquet files, optionally with a review page per
article linked from the table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from newsclaims.review import charts
from newsclaims.review.assets import environment, read_asset
from newsclaims.review.page import country_name

REPORT_FILE = "report.html"
TOP = 15  # bars in the ranked charts
NO_AGENCY, NO_PLACE, NO_COUNTRY = "(no agency)", "(no dateline place)", "(country unknown)"


@dataclass(slots=True)
class Row:
    """One article in the report's table."""

    id: str
    group: str
    place: str
    country: str | None
    agencies: str
    date: str | None
    date_kind: str  # "dateline", "published" or ""
    actors: int
    quotes: int
    claims: int
    problems: int  # errors under the validation policy
    warnings: int


@dataclass(slots=True)
class Overview:
    """What the report shows, computed from the records."""

    rows: list[Row] = field(default_factory=list)
    agencies: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    dated: list[tuple[date, str]] = field(default_factory=list)
    partial_dates: int = 0
    undated: int = 0
    speakers: dict[str, list[int]] = field(default_factory=dict)  # name → [quotes, claims]
    problems_by_rule: Counter = field(default_factory=Counter)  # (rule, "error" | "warning") → count
    unreadable: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return len(self.rows)

    @property
    def valid(self) -> int:
        """Records without errors (they may have warnings)."""
        return sum(1 for r in self.rows if not r.problems)

    @property
    def warned(self) -> int:
        return sum(1 for r in self.rows if not r.problems and r.warnings)

    def total(self, what: str) -> int:
        return sum(getattr(r, what) for r in self.rows)


def _group(record: dict) -> str:
    """Where an article comes from: its publisher, else the folder its file was read from."""
    source = record.get("source") or {}
    if source.get("publisher"):
        return str(source["publisher"])
    parent = PurePosixPath(str(source.get("path") or "")).parent.name
    return parent or "(unknown source)"


def _date(record: dict) -> tuple[str | None, str]:
    dl = record.get("dateline") or {}
    if dl.get("date"):
        return dl["date"], "dateline"
    published = (record.get("source") or {}).get("published")
    if published:
        return str(published)[:10], "published"
    return None, ""


def overview(records: Iterable[dict], *, unreadable: Iterable[str] = (), policy=None) -> Overview:
    """The report's numbers; validity follows ``policy`` (default: the project's validation policy)."""
    from newsclaims.validate import load_policy, record_problems

    policy = policy or load_policy()
    ov = Overview(unreadable=list(unreadable))
    for record in records:
        dl = record.get("dateline") or {}
        place = dl.get("place") or {}
        agencies = list(dl.get("agencies") or [])
        ov.agencies.update(agencies or [NO_AGENCY])
        code = place.get("country_code")
        ov.countries[(f"{country_name(code) or code} ({code})" if code else NO_COUNTRY if place else NO_PLACE)] += 1
        when, kind = _date(record)
        if when and not when.startswith("-"):
            try:
                ov.dated.append((date.fromisoformat(when), _group(record)))
            except ValueError:
                ov.undated += 1
        elif when:
            ov.partial_dates += 1
        else:
            ov.undated += 1
        actors = {a.get("id"): a for a in record.get("actors") or []}
        for column, family in ((0, "quotes"), (1, "claims")):
            for item in record.get(family) or []:
                speaker = actors.get(item.get("speaker"))
                if speaker:
                    ov.speakers.setdefault(speaker.get("name") or speaker.get("id"), [0, 0])[column] += 1
        levels = [(p.rule, policy.level(p.rule)) for p in record_problems(record, policy)]
        ov.problems_by_rule.update(levels)
        ov.rows.append(Row(id=str(record.get("id")), group=_group(record), place=place.get("name") or place.get("text") or "",
                           country=code, agencies=", ".join(agencies), date=when, date_kind=kind,
                           actors=len(record.get("actors") or []), quotes=len(record.get("quotes") or []),
                           claims=len(record.get("claims") or []),
                           problems=sum(1 for _, level in levels if level == "error"),
                           warnings=sum(1 for _, level in levels if level != "error")))
    ov.rows.sort(key=lambda r: r.id)
    return ov


def _ranked(counter: Counter, top: int = TOP) -> tuple[list[str], list[int]]:
    """The ``top`` largest counts (ties by name), the rest summed as "other"."""
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    head, rest = ranked[:top], ranked[top:]
    if rest:
        head.append((f"{len(rest)} others", sum(v for _, v in rest)))
    return [k for k, _ in head], [v for _, v in head]


def timeline_series(dated: list[tuple[date, str]], top: int = 8) -> dict[str, list[date]]:
    """Dates by group, the ``top`` largest groups by name and the rest together as "other sources"."""
    by_group: dict[str, list[date]] = {}
    for when, group in dated:
        by_group.setdefault(group, []).append(when)
    ranked = sorted(by_group, key=lambda g: (-len(by_group[g]), g))
    series = {g: sorted(by_group[g]) for g in sorted(ranked[:top])}
    rest = sorted(d for g in ranked[top:] for d in by_group[g])
    if rest:
        series[f"{len(ranked) - top} other sources"] = rest
    return series


def plots(ov: Overview) -> dict[str, str | None]:
    """Each chart's inline SVG, or None when there is nothing to draw."""
    if not ov.records:
        return {}
    out: dict[str, str | None] = {}
    labels, values = _ranked(ov.agencies)
    out["agencies"] = charts.barh("agencies", labels, values, xlabel="articles")
    labels, values = _ranked(ov.countries)
    out["countries"] = charts.barh("countries", labels, values, xlabel="articles", colour=charts.ORANGE)
    out["timeline"] = charts.timeline("timeline", timeline_series(ov.dated)) if ov.dated else None
    out["per_article"] = charts.counts_histogram("per-article", {"quotes": [r.quotes for r in ov.rows],
                                                                 "claims": [r.claims for r in ov.rows]},
                                                 (charts.BLUE, charts.ORANGE))
    top = sorted(ov.speakers.items(), key=lambda kv: (-sum(kv[1]), kv[0]))[:TOP]
    out["speakers"] = charts.stacked_barh("speakers", [k for k, _ in top], {"quotes": [v[0] for _, v in top], "claims": [v[1] for _, v in top]},
                                          (charts.BLUE, charts.ORANGE), xlabel="quotes and claims attributed") if top else None
    out["status"] = charts.status_bar("status", ov.valid - ov.warned, ov.warned, ov.records - ov.valid, len(ov.unreadable))
    return out


def render_report(records: Iterable[dict], *, unreadable: Iterable[str] = (), title: str = "newsclaims corpus",
                  pages: str | None = None, policy=None) -> str:
    """The report page; with ``pages``, article ids link to ``{pages}{id}.html``."""
    ov = overview(records, unreadable=unreadable, policy=policy)
    return environment().get_template("report.html").render(
        ov=ov, title=title, plots=plots(ov), pages=pages, css=read_asset("report.css"),
        rules=[(rule, level, n) for (rule, level), n in sorted(ov.problems_by_rule.items(), key=lambda kv: (-kv[1], kv[0]))],
        with_dateline=sum(1 for r in ov.rows if r.place or r.agencies),
    )


def report_files(records: list[dict]) -> dict[str, bytes]:
    """The report as a file of ``data/`` (a build artefact)."""
    return {REPORT_FILE: render_report(records).encode("utf-8")}


def read_corpus(paths: Iterable[Path]) -> tuple[list[dict], list[str]]:
    """Records of JSONL/Parquet files or corpus folders, and the located lines that could not be read."""
    from newsclaims.review.sources import corpus_files, read_records

    records, unreadable = [], []
    for path in paths:
        for file in corpus_files(path) if path.is_dir() else [path]:
            if not file.exists():
                unreadable.append(f"{file}: no such file")
                continue
            for found in read_records(file):
                if found.record is None:
                    unreadable.append(f"{found.what}: {found.error}")
                else:
                    records.append(found.record)
    return records, unreadable
