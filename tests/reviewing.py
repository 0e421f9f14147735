"""Helpers of the review tests: in-memory records, and what a page must draw for a record."""

from __future__ import annotations

import hashlib
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "hr", "img", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class Marked(HTMLParser):
    """Collects the text inside each ``data-span`` key and checks that elements nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: dict[str, str] = {}
        self.scripts = 0
        self.in_text = False
        self.text_parts: list[str] = []
        self.depth_at_text: int | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in VOID:
            return
        if tag == "article" and attrs.get("id") == "text":
            self.depth_at_text = len(self.stack)
        self.stack.append((tag, attrs.get("data-span")))
        if attrs.get("data-span") is not None:
            self.texts.setdefault(attrs["data-span"], "")

    def handle_startendtag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "article" and self.depth_at_text == len(self.stack):
            self.depth_at_text = None

    def handle_data(self, data):
        if self.depth_at_text is not None:
            self.text_parts.append(data)
        for _, key in self.stack:
            if key is not None:
                self.texts[key] += data


def parse(html: str) -> Marked:
    parser = Marked()
    parser.feed(html)
    parser.close()
    return parser


def expected_spans(record: dict) -> dict[str, str]:
    """Every span of the record under the key the page draws it with."""
    out = {}
    dl = record.get("dateline")
    if dl:
        out["dateline"] = dl["text"]
        if dl.get("place"):
            out["place"] = dl["place"]["text"]
    for i, actor in enumerate(record["actors"]):
        for j, m in enumerate(actor["mentions"]):
            out[f"mention:{i}:{j}"] = m["text"]
    for family in ("quote", "claim"):
        for item in record[family + "s"]:
            out[f"{family}:{item['id']}"] = "".join(p["text"] for p in item["parts"]) if item.get("parts") else item["text"]
            for part in ("source", "cue"):
                if item.get(part):
                    out[f"{part}:{item['id']}"] = item[part]["text"]
    return out


def span(text: str, start: int, end: int) -> dict:
    return {"text": text[start:end], "start": start, "end": end}


def make_record(text: str, *, rid: str = "t", actors=(), quotes=(), claims=(), dateline=None) -> dict:
    """A minimal schema-shaped record built in memory."""
    return {"id": rid, "schema_version": "1.1", "text": text, "language": "en",
            "source": {"path": f"{rid}.txt", "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "url": None, "publisher": None, "license": None, "published": None},
            "dateline": dateline, "actors": list(actors), "quotes": list(quotes), "claims": list(claims)}


def actor(aid: str, name: str, mentions: list[dict], kind: str = "person", **kw) -> dict:
    return {"id": aid, "name": name, "type": kind, "titles": kw.get("titles", []), "aliases": [], "country_code": kw.get("country"),
            "handles": [], "mentions": mentions}


def quote(qid: str, content: dict, speaker: str | None, source: dict | None, cue: dict | None, kind: str = "direct") -> dict:
    return {"id": qid, **content, "parts": [], "kind": kind, "speaker": speaker, "source": source, "cue": cue, "platform": None,
            "handle": None, "date": None, "link": None, "method": "test", "confidence": 1.0}


def claim(cid: str, content: dict, speaker: str | None, source: dict | None, cue: dict | None) -> dict:
    return {"id": cid, **content, "parts": [], "kind": "indirect", "speaker": speaker, "source": source, "cue": cue, "method": "test", "confidence": 0.5}


def assert_page_draws(record: dict, html: str) -> Marked:
    page = parse(html)
    assert "".join(page.text_parts) == record["text"], "the page's article text is not the record's text"
    want = expected_spans(record)
    got = {k: v for k, v in page.texts.items() if k in want}
    assert got == want
    return page


def long_record(repeats: int = 400) -> dict:
    """A long article: one paragraph with a quote and a claim, repeated."""
    para = "Minister Ana Lopez said the plan would work. \"It is ready,\" Lopez told reporters in Lima.\n"
    text = para * repeats
    mentions, quotes, claims = [], [], []
    for i in range(repeats):
        base = i * len(para)
        ana = span(text, base + 9, base + 18)
        lopez = span(text, base + para.index("Lopez told"), base + para.index("Lopez told") + 5)
        mentions += [ana, lopez]
        quotes.append(quote(f"q{i + 1}", span(text, base + para.index("It is"), base + para.index(",\" Lopez")), "ana-lopez", lopez,
                            span(text, base + para.index("told"), base + para.index("told") + 4)))
        claims.append(claim(f"c{i + 1}", span(text, base + para.index("the plan"), base + para.index(" work.") + 5), "ana-lopez", ana,
                            span(text, base + para.index("said"), base + para.index("said") + 4)))
    return make_record(text, rid="long", actors=[actor("ana-lopez", "Ana Lopez", mentions, titles=["Minister"])],
                       quotes=quotes, claims=claims)
