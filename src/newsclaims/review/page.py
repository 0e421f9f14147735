"""The review page of one article: its text with the dateline, actors, quotes and claims drawn on it.

Built from a record alone (``schema/record.schema.json``): one static, self-contained HTML file
(CSS and JS inline, no network). Actor mentions get one colour per actor and a hover card (name,
type, titles, country); quote and claim contents (each of their pieces, when their own attribution
interrupts them) are highlighted with a label naming the speaker, their source mention is outlined
in the speaker's colour and their cue underlined; hovering one draws a line to its source. A side
panel lists actors with mention counts, the quotes and the claims; clicking an item scrolls to it.
Article text is HTML-escaped everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsclaims.review.assets import environment, read_asset
from newsclaims.review.spans import Mark, render_marked

# Tableau 10, then golden-angle hues: distinct colours for the first actors, stable for any count.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17a2b8")

# Nesting of marks over the same range, outer first.
RANK = {"quote": 0, "claim": 0, "dateline": 1, "place": 2, "source": 3, "mention": 4, "cue": 5}

TYPE_LABELS = {"person": "person", "organization": "organisation", "country": "country", "place": "place", "group": "group"}
KIND_LABELS = {"direct": "direct quote", "partial": "partial quote", "social_post": "social post",
               "indirect": "indirect speech", "stance": "stance", "according_to": "according to"}


def actor_colour(index: int) -> str:
    if index < len(PALETTE):
        return PALETTE[index]
    return f"hsl({(index * 137.508) % 360:.1f}, 60%, 45%)"


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None


@dataclass(slots=True)
class Item:
    """A quote or claim as the side panel and the labels show it."""

    id: str
    family: str  # "quote" or "claim"
    kind: str
    kind_label: str
    text: str
    start: int
    end: int
    speaker: str | None  # actor name, or None
    speaker_index: int | None
    source: str | None
    cue: str | None
    method: str
    confidence: float
    drawn: bool


def _valid_span(span: object, length: int) -> bool:
    return (isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int)
            and 0 <= span["start"] < span["end"] <= length)


def _actor_tip(actor: dict) -> str:
    lines = [actor.get("name") or actor.get("id", "?")]
    kind = TYPE_LABELS.get(actor.get("type"), actor.get("type") or "?")
    country = actor.get("country_code")
    lines.append(kind + (f" · {country_name(country) or country} ({country})" if country else ""))
    if actor.get("titles"):
        lines.append("titles: " + ", ".join(actor["titles"]))
    if actor.get("aliases"):
        lines.append("also: " + ", ".join(actor["aliases"]))
    if actor.get("handles"):
        lines.append("handles: " + ", ".join(actor["handles"]))
    n = len(actor.get("mentions") or [])
    lines.append(f"{n} mention{'s' if n != 1 else ''} · id {actor.get('id')}")
    return "\n".join(lines)


def _dateline_tip(dl: dict) -> str:
    lines = ["dateline"]
    place = dl.get("place") or {}
    if place:
        where = place.get("name") or place.get("text")
        if place.get("country_code"):
            where += f", {country_name(place['country_code']) or place['country_code']}"
        lines.append(f"place: {where}")
    if dl.get("agencies"):
        lines.append("agencies: " + ", ".join(dl["agencies"]))
    if dl.get("date"):
        lines.append(f"date: {dl['date']}" + (f" ({dl['date_basis']})" if dl.get("date_basis") else ""))
    return "\n".join(lines)


def build_marks(record: dict) -> tuple[list[Mark], list[Item], list[str]]:
    """Every span of ``record`` as a :class:`Mark`, the quote/claim items, and the spans left undrawn."""
    text = record.get("text") or ""
    n = len(text)
    marks: list[Mark] = []
    undrawn: list[str] = []
    actors = record.get("actors") or []
    index = {a.get("id"): i for i, a in enumerate(actors)}

    def add(span: dict | None, where: str, **kw) -> bool:
        if span is None:
            return False
        if not _valid_span(span, n):
            undrawn.append(f"{where}: [{span.get('start')}, {span.get('end')}) is outside the text (length {n})")
            return False
        marks.append(Mark(span["start"], span["end"], **kw))
        return True

    dl = record.get("dateline")
    if isinstance(dl, dict):
        add(dl, "/dateline", key="dateline", classes="dl", rank=RANK["dateline"], anchor="dateline",
            attrs={"data-tip": _dateline_tip(dl)})
        if isinstance(dl.get("place"), dict):
            add(dl["place"], "/dateline/place", key="place", classes="place", rank=RANK["place"])
    for i, actor in enumerate(actors):
        tip = _actor_tip(actor)
        for j, mention in enumerate(actor.get("mentions") or []):
            add(mention, f"/actors/{i}/mentions/{j}", key=f"mention:{i}:{j}", classes=f"m a{i}",
                rank=RANK["mention"], anchor=f"m{i}-{j}", attrs={"data-actor": str(i), "data-tip": tip})
    items: list[Item] = []
    for family in ("quote", "claim"):
        for i, it in enumerate(record.get(family + "s") or []):
            qid = str(it.get("id"))
            speaker_index = index.get(it.get("speaker"))
            speaker = actors[speaker_index].get("name") if speaker_index is not None else None
            source, cue = it.get("source"), it.get("cue")
            label = f"{qid} · {speaker or (source or {}).get('text') or 'no speaker'}"
            tip = [f"{KIND_LABELS.get(it.get('kind'), it.get('kind'))} {qid}",
                   f"speaker: {speaker or 'unresolved'}" + (f" (named as “{source['text']}”)" if source else ""),
                   f"cue: {cue['text'] if cue else '—'}",
                   f"{it.get('method')} · confidence {it.get('confidence')}"]
            if family == "quote" and it.get("platform"):
                tip.append(f"posted on {it['platform']}" + (f" by {it['handle']}" if it.get("handle") else "")
                           + (f" on {it['date']}" if it.get("date") else ""))
            parts = [p for p in it.get("parts") or [] if isinstance(p, dict)]
            if parts:
                tip.insert(1, f"content in {len(parts)} pieces (its attribution interrupts it)")
            colour = f" a{speaker_index}" if speaker_index is not None else " nospeaker"
            attrs = {"data-label": label, "data-tip": "\n".join(tip), "data-item": qid}
            kw = dict(key=f"{family}:{qid}", classes=f"{family[0]} k-{it.get('kind')}{colour}", rank=RANK[family],
                      anchor=f"x-{qid}", attrs=attrs)
            if parts:  # each piece drawn, the words that interrupt it ("he said") left out; the label on the first
                drawn = all([add(part, f"/{family}s/{i}/parts/{k}", **kw) for k, part in enumerate(parts)])
            else:
                drawn = add(it, f"/{family}s/{i}", **kw)
            add(source, f"/{family}s/{i}/source", key=f"source:{qid}", classes=f"src{colour}", rank=RANK["source"],
                attrs={"data-of": qid})
            add(cue, f"/{family}s/{i}/cue", key=f"cue:{qid}", classes="cue", rank=RANK["cue"], attrs={"data-of": qid})
            kind = str(it.get("kind"))
            items.append(Item(qid, family, kind, KIND_LABELS.get(kind, kind), str(it.get("text", "")), it.get("start", 0), it.get("end", 0),
                              speaker, speaker_index, source.get("text") if isinstance(source, dict) else None,
                              cue.get("text") if isinstance(cue, dict) else None, str(it.get("method")),
                              it.get("confidence", 0), drawn))
    return marks, items, undrawn


def render_page(record: dict, *, policy=None, back: str | None = None) -> str:
    """The review page of ``record`` as one HTML document; problems are judged by ``policy``
    (default: the project's validation policy); ``back`` links to a corpus report."""
    from newsclaims.validate import load_policy, record_problems

    policy = policy or load_policy()
    text = record.get("text") or ""
    marks, items, undrawn = build_marks(record)
    body = render_marked(text, marks)
    actors = record.get("actors") or []
    dl = record.get("dateline") if isinstance(record.get("dateline"), dict) else None
    place = (dl or {}).get("place") or None
    problems = [(policy.level(p.rule), f"{p.pointer or '/'}: {p.message} [{p.rule}]") for p in record_problems(record, policy)]
    return environment().get_template("page.html").render(
        record=record, body=body, actors=[
            {"index": i, "id": a.get("id"), "name": a.get("name"), "type": TYPE_LABELS.get(a.get("type"), a.get("type")),
             "country": a.get("country_code"), "titles": a.get("titles") or [], "count": len(a.get("mentions") or []),
             "colour": actor_colour(i)} for i, a in enumerate(actors)],
        quotes=[it for it in items if it.family == "quote"], claims=[it for it in items if it.family == "claim"],
        dateline=dl, place=place, country=country_name((place or {}).get("country_code")),
        errors=[p for level, p in problems if level == "error"], warnings=[p for level, p in problems if level != "error"], undrawn=undrawn, css=read_asset("page.css"), js=read_asset("page.js"),
        n_chars=len(text), back=back)


def page_name(record: dict) -> str:
    return f"{record.get('id') or 'record'}.html"


def write_pages(records: Iterable[dict], out: Path, *, policy=None, back: str | None = None) -> list[Path]:
    """Write one page per record into ``out`` (atomically); return the paths written."""
    from newsclaims.export import atomic_write
    from newsclaims.validate import load_policy

    policy = policy or load_policy()
    written = []
    for record in records:
        path = out / page_name(record)
        atomic_write(path, render_page(record, policy=policy, back=back).encode("utf-8"))
        written.append(path)
    return written
