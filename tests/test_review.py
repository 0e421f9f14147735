"""The review page: spans drawn as nested HTML, escaping, lookup of records, the ``show`` command."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reviewing import actor, assert_page_draws, expected_spans, long_record, make_record, parse, quote, span

from newsclaims.review.page import build_marks, render_page
from newsclaims.review.sources import resolve
from newsclaims.review.spans import Mark, render_marked

SEED_ID = "000_fdf2c5db0e68fe77"


# --- spans -----------------------------------------------------------------------------------------

def test_nested_marks_nest():
    text = "PM Kakar said: Pakistan backs Azerbaijan."
    html = render_marked(text, [Mark(15, 40, "claim", "c"), Mark(0, 8, "source", "src"), Mark(0, 8, "mention", "m", rank=4),
                                Mark(15, 23, "pak", "m", rank=4), Mark(9, 13, "cue", "cue")])
    assert html.startswith('<span class="src" data-span="source"><span class="m" data-span="mention">PM Kakar</span></span>')
    page = parse(f"<p>{html}</p>")
    assert page.texts == {"claim": text[15:40], "source": "PM Kakar", "mention": "PM Kakar", "pak": "Pakistan", "cue": "said"}


def test_crossing_marks_are_split_and_keep_their_text():
    text = "abcdefghij"
    html = render_marked(text, [Mark(0, 6, "A", "a", anchor="first-a"), Mark(3, 9, "B", "b")])
    # A is outer until it ends, B goes on in a second piece marked as a continuation.
    assert html == ('<span class="a" data-span="A" id="first-a">abc<span class="b" data-span="B">def</span></span>'
                    '<span class="b cont" data-span="B">ghi</span>j')
    assert parse(html).texts == {"A": "abcdef", "B": "defghi"}


def test_marks_outside_the_text_are_refused():
    with pytest.raises(ValueError, match="length 3"):
        render_marked("abc", [Mark(1, 5, "x", "x")])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab <>&\"'\r\n\u00e9\U0001F600", min_size=1, max_size=40).flatmap(
    lambda text: st.tuples(st.just(text), st.lists(
        st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text)), st.integers(0, 5)).filter(lambda t: t[0] < t[1]),
        max_size=8))))
def test_any_marks_nest_and_reslice_the_text(case):
    text, spans = case
    marks = [Mark(s, e, f"k{i}", "x", rank=r) for i, (s, e, r) in enumerate(spans)]
    page = parse(f"<article id=\"text\">{render_marked(text, marks)}</article>")
    assert "".join(page.text_parts) == text
    assert page.texts == {f"k{i}": text[s:e] for i, (s, e, _) in enumerate(spans)}


# --- pages -----------------------------------------------------------------------------------------

def test_seed_page_draws_every_span(seed_record):
    html = render_page(seed_record)
    page = assert_page_draws(seed_record, html)
    assert page.scripts == 1
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace("http://www.w3.org/2000/svg", "")
    assert "<link" not in html and "src=" not in html, "the page must not load anything"
    for a in seed_record["actors"]:
        assert f'data-actor="{seed_record["actors"].index(a)}"' in html


def test_article_text_is_escaped_everywhere():
    text = 'Mayor <script>alert("x")</script> & "Bob" said: "<img src=x onerror=alert(1)>"\r\nEnd.'
    mayor = span(text, 0, 5)
    content = span(text, text.index("<img"), text.index('"\r'))
    evil = actor("bob", '<b onmouseover="alert(1)">Bob</b>', [span(text, text.index("Bob"), text.index("Bob") + 3)],
                 titles=['"><script>alert(2)</script>'])
    record = make_record(text, rid="evil", actors=[evil, actor("mayor", "Mayor", [mayor])],
                         quotes=[quote("q1", content, "bob", evil["mentions"][0], span(text, text.index("said"), text.index("said") + 4))])
    html = render_page(record)
    assert html.count("<script") == 1, "only the page's own script may appear"
    assert "<img" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html or "&lt;script&gt;alert(\"x\")&lt;/script&gt;" in html
    assert "&#13;" in html, "a carriage return must survive the HTML parser"
    assert_page_draws(record, html)


def test_undrawable_spans_are_reported_not_fatal(seed_record):
    record = copy.deepcopy(seed_record)
    n = len(record["actors"][0]["mentions"])
    record["actors"][0]["mentions"].append({"text": "x", "start": len(record["text"]) + 5, "end": len(record["text"]) + 6})
    html = render_page(record)
    assert f"not drawn: /actors/0/mentions/{n}" in html
    assert "1 validation error" in html


@pytest.mark.parametrize("record", [{}, {"id": "x", "text": "abc"},
                                    {"id": "x", "text": "abc", "actors": [{"id": "a", "mentions": [{"start": 0, "end": 2, "text": "ab"}]}],
                                     "quotes": [{"id": "q1", "start": 1, "end": 3}], "claims": [{"id": "c1", "start": 2, "end": 9}]}])
def test_malformed_records_still_render(record):
    html = render_page(record)
    assert "validation error" in html
    if record.get("claims"):
        assert "not drawn: /claims/0" in html


def test_all_caps_article(convert_text):
    text = ("SAN SALVADOR, 12 JAN 90 (ACAN-EFE) -- [TEXT] PRESIDENT ALFREDO CRISTIANI SAID TODAY THAT THE GOVERNMENT "
            "WILL NOT NEGOTIATE WITH THE REBELS UNTIL THEY LAY DOWN THEIR ARMS.\n"
            "\"WE WANT PEACE, BUT NOT AT ANY PRICE,\" CRISTIANI TOLD REPORTERS IN SAN SALVADOR.\n"
            "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT SAID IN A COMMUNIQUE THAT IT IS READY FOR DIALOGUE.\n")
    record = convert_text(text, id="caps")
    html = render_page(record)
    assert_page_draws(record, html)
    assert record["actors"], "an ALL-CAPS article should still have actors to draw"


def test_long_article_with_many_spans():
    record = long_record(400)
    html = render_page(record)
    assert_page_draws(record, html)
    assert html.count('class="item quote') == 400 and html.count('class="item claim') == 400


def test_marks_follow_the_schema_names(seed_record):
    marks, items, undrawn = build_marks(seed_record)
    assert not undrawn
    assert {i.id for i in items} == {q["id"] for q in seed_record["quotes"]} | {c["id"] for c in seed_record["claims"]}
    assert len(marks) == len(expected_spans(seed_record))


# --- finding records and the command ---------------------------------------------------------------

def test_resolve_by_id_and_by_path(root, tmp_path):
    (found,) = resolve(SEED_ID, data=root / "data")
    assert found.record["id"] == SEED_ID
    path = tmp_path / "some.jsonl"
    path.write_text(json.dumps(found.record) + "\n" + "{not json\n", encoding="utf-8")
    good, bad = resolve(str(path), data=root / "data")
    assert good.record == found.record and bad.error and bad.what.endswith(":2")
    (missing,) = resolve("no_such_article", data=root / "data")
    assert missing.record is None and "no record with id 'no_such_article'" in missing.error
    odd = tmp_path / "x.csv"
    odd.write_text("a,b\n")
    (unsupported,) = resolve(str(odd), data=root / "data")
    assert "unsupported file type .csv" in unsupported.error


def test_show_command(root, tmp_path, monkeypatch, capsys):
    from newsclaims.cli import main

    monkeypatch.chdir(root)
    article = tmp_path / "tiny.txt"
    article.write_text("LONDON (Reuters) - \"Rates will stay low,\" Governor Mark Carney said on Tuesday.\n", encoding="utf-8")
    assert main(["show", SEED_ID, str(article), "--out", str(tmp_path / "pages")]) == 0
    assert (tmp_path / "pages" / f"{SEED_ID}.html").is_file()
    tiny = (tmp_path / "pages" / "tiny.html").read_text(encoding="utf-8")
    assert "Mark Carney" in tiny
    assert main(["show", "no_such_article", "--out", str(tmp_path / "pages")]) == 1
    assert "no record with id" in capsys.readouterr().err


def test_a_content_in_pieces_is_drawn_piece_by_piece():
    text = "Ann Lee met reporters. The economy, she said, is growing fast.\n"
    ann = span(text, 0, 7)
    she = span(text, text.index("she"), text.index("she") + 3)
    cue = span(text, text.index("said"), text.index("said") + 4)
    item = quote("q1", span(text, text.index("The economy"), text.index(" fast.") + 5), "ann-lee", she, cue, kind="partial")
    item["parts"] = [span(text, text.index("The economy"), text.index(",")), span(text, text.index("is growing"), text.index(" fast.") + 5)]
    record = make_record(text, actors=[actor("ann-lee", "Ann Lee", [ann, she])], quotes=[item])
    html = render_page(record)
    page = assert_page_draws(record, html)
    assert page.texts["quote:q1"] == "The economyis growing fast"
    assert html.count('data-span="quote:q1"') == 2 and "content in 2 pieces" in html
