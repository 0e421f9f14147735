"""The corpus report: what it counts, that it is self-contained, escaped and deterministic."""

from __future__ import annotations

import json
import re
from collections import Counter

from reviewing import actor, claim, make_record, quote, span

from newsclaims.review.report import REPORT_FILE, overview, render_report, report_files


def dated(rid: str, *, date=None, published=None, agencies=(), country=None, speaker_name="Ana Lopez") -> dict:
    text = f"LIMA ({'/'.join(agencies) or 'x'}) - Minister {speaker_name} said it is ready. \"Yes,\" she said."
    start = text.index(speaker_name)
    who = span(text, start, start + len(speaker_name))
    said = span(text, text.index("said"), text.index("said") + 4)
    place = {"text": "LIMA", "start": 0, "end": 4, "name": "Lima", "country_code": country, "geonames_id": None, "lat": None, "lon": None}
    dateline = {"text": text[:text.index(" -")], "start": 0, "end": text.index(" -"), "place": place, "agencies": list(agencies),
                "date": date, "date_basis": "test" if date else None}
    record = make_record(text, rid=rid, dateline=dateline, actors=[actor("a", speaker_name, [who])],
                         quotes=[quote("q1", span(text, text.index("Yes"), text.index("Yes") + 3), "a", None, None)],
                         claims=[claim("c1", span(text, text.index("it is"), text.index("ready") + 5), "a", who, said)])
    record["source"]["published"] = published
    return record


def test_overview_counts():
    records = [dated("a1", date="2023-11-09", agencies=("AP", "Reuters"), country="PE"),
               dated("a2", date="--11-09", agencies=("AP",), country="PE"),
               dated("a3", published="1989-01-02"),
               dated("a4", country=None, speaker_name="Bob Smith")]
    from newsclaims.validate import Policy

    ov = overview(records, policy=Policy(license="ignore"))
    assert ov.records == 4 and ov.valid == 4
    assert ov.agencies == Counter({"AP": 2, "Reuters": 1, "(no agency)": 2})
    assert ov.countries["Peru (PE)"] == 2 and ov.countries["(country unknown)"] == 2
    assert sorted(d.isoformat() for d, _ in ov.dated) == ["1989-01-02", "2023-11-09"]
    assert ov.partial_dates == 1 and ov.undated == 1
    assert ov.speakers == {"Ana Lopez": [3, 3], "Bob Smith": [1, 1]}


def test_report_is_self_contained_deterministic_and_escaped():
    records = [dated(f"a{i}", date=f"20{10 + i}-0{1 + i % 9}-1{i % 9}", agencies=("AP",) if i % 2 else ("AFP",), country="FR")
               for i in range(12)]
    records.append(dated("evil", speaker_name="<script>alert(1)</script>"))
    html = render_report(records)
    assert html == render_report(json.loads(json.dumps(records)))
    assert html.count("<script") == 1, "only the page's own script"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<svg") == 6
    assert not re.search(r'(src|href)="(https?:)?//', html) and "<link" not in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids must be unique across the inline charts"


def test_invalid_records_warnings_and_unreadable_lines_are_counted():
    from newsclaims.validate import Policy

    good, bad, warned = dated("good"), dated("bad"), dated("warned")
    bad["quotes"][0]["speaker"] = "nobody"
    warned["claims"][0]["source"] = {k: warned["quotes"][0][k] for k in ("text", "start", "end")}
    policy = Policy(license="ignore", warn=frozenset({"source-mention"}))
    ov = overview([good, bad, warned], policy=policy)
    assert (ov.valid, ov.warned) == (2, 1)
    assert ov.problems_by_rule[("source-mention", "warning")] == 1 and ov.problems_by_rule[("speaker-ref", "error")] == 1
    html = render_report([good, bad], unreadable=["x.jsonl:3: not a JSON object"], policy=policy)
    assert "1/2" in html and "speaker-ref" in html and "x.jsonl:3: not a JSON object" in html


def test_empty_corpus():
    assert "No records to show" in render_report([])


def test_report_is_a_build_artefact(seed_record, root):
    from newsclaims.build import build_outputs

    files = build_outputs([seed_record])
    assert files[REPORT_FILE] == report_files([seed_record])[REPORT_FILE]


def test_report_command(root, tmp_path, capsys, seed_record):
    from newsclaims.cli import main

    data = tmp_path / "records.jsonl"
    data.write_text(json.dumps(seed_record) + "\n", encoding="utf-8")
    assert main(["report", str(data), "--out", str(tmp_path / "out"), "--pages"]) == 0
    html = (tmp_path / "out" / REPORT_FILE).read_text(encoding="utf-8")
    assert f'href="{seed_record["id"]}.html"' in html
    page = (tmp_path / "out" / f"{seed_record['id']}.html").read_text(encoding="utf-8")
    assert f'href="{REPORT_FILE}"' in page, "a page written with the report links back to it"
    data.write_text(json.dumps(seed_record) + "\n{oops\n", encoding="utf-8")
    assert main(["report", str(data), "--out", str(tmp_path / "out2")]) == 1
    assert "records.jsonl:2" in capsys.readouterr().err


def test_timeline_groups_and_stray_dates():
    from datetime import date, timedelta

    from newsclaims.review.charts import robust_range
    from newsclaims.review.report import timeline_series

    days = [date(1990, 1, 1) + timedelta(days=i) for i in range(99)] + [date(1910, 5, 5)]
    assert robust_range(days) == (date(1990, 1, 2), date(1990, 4, 7)), "one stray year must not stretch the axis"
    assert robust_range(days[:10]) == (date(1990, 1, 1), date(1990, 1, 10))
    dated = [(d, f"src{i % 10}") for i, d in enumerate(days)]
    series = timeline_series(dated, top=3)
    assert list(series)[:3] == ["src0", "src1", "src2"] and list(series)[3] == "7 other sources"
    assert sum(len(v) for v in series.values()) == len(days)
