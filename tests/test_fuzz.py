"""Property tests of ``convert`` on adversarial articles: every input gives a valid record or a
located error (the file and a reason), never a crash.

Kept quick for CI (small ``max_examples``; the 5 MB case once). ``scripts/fuzz_convert.py`` runs
the same property on 100,000 generated inputs.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclaims.errors import ArticleError
from newsclaims.pipeline import convert
from newsclaims.validate import load_policy, record_problems

ROOT = Path(__file__).resolve().parents[1]
POLICY = load_policy(ROOT)

# Pieces adversarial articles are made of: datelines, quote marks of every kind (balanced or not,
# nested), reporting verbs, names and handles, emoji, right-to-left text, odd whitespace.
PIECES = [
    "WASHINGTON (AP) — ", "TASHKENT (Web Desk/Agencies): ", "NEW DELHI: ", "SAN SALVADOR, 27 SEP 88 (ACAN-EFE) -- ",
    "Paris, Nov 9 (Reuters) - ", "On Thursday", " said", " wrote", " told reporters", " according to officials",
    "“", "”", "\"", "'", "‘", "’", "«", "»", "``", "''", "“nested ‘inner’ quote”", "\"unbalanced",
    "President Ilham Aliyev", "PM Kakar", "He", "she", "@anwaar_kakar", "Mr. Smith", "the ministry",
    "😀", "🇵🇰", "👩‍👩‍👧", "مرحبا بالعالم", "שלום עולם", "\u200f", "\u202e", "\u200b", "\u00a0",
    ".", ",", " ", "\n", "\r\n", "\t", "\n\n", "— Anwaar ul Haq Kakar (@anwaar_kakar) November 9, 2023",
    "pic.twitter.com/x", "2023-11-09", "Feb 30", "1,000", "IIOJK", "SAID", "ALL CAPS WIRE COPY ",
]

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=40).map("".join)


def encodings(text: str) -> st.SearchStrategy[bytes]:
    raw = text.encode("utf-8", "surrogatepass")
    return st.sampled_from([raw, codecs.BOM_UTF8 + raw, raw.replace(b"\n", b"\r\n"), raw.upper()])


articles = texts.flatmap(encodings) | st.binary(max_size=300)


def check_article(data: bytes, name: str = "article") -> None:
    """The property: a record that validates, or a located ArticleError."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.txt"
        path.write_bytes(data)
        (outcome,) = list(convert([path], root=Path(tmp), jobs=1))
        if outcome.error is not None:
            assert isinstance(outcome.error, ArticleError)
            assert outcome.error.path == f"{name}.txt" and outcome.error.reason
            assert str(outcome.error).startswith(f"{name}.txt: ")
            return
        record = outcome.record.to_dict()
        errors = [p for p in record_problems(record) if POLICY.level(p.rule) == "error"]
        assert errors == [], errors
        assert record["text"].encode("utf-8") in (data, data.removeprefix(codecs.BOM_UTF8))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
@example(b"")
@example(b"   \n\t \r\n")
@example(b"\x00\x01\x02binary\xff")
@example(b"\xff\xfe\xfdnot utf-8 \xc3\x28")
@example(codecs.BOM_UTF8)
@example(codecs.BOM_UTF8 + "BOM then text said the minister.".encode())
@example("Line one.\r\nHe said: “CRLF”.\r\n".encode())
@example("TASHKENT (Web Desk/Agencies):".encode())
@example("WASHINGTON (AP) —".encode())
@example("“Open quote never closed, he said.".encode())
@example("“Outer ‘inner “deepest” inner’ outer,” she said.”””".encode())
@example("😀🇵🇰👩‍👩‍👧 “😀,” said @user 😀".encode())
@example("القدس (رويترز) - قال الرئيس “مرحبا” اليوم.\u202e reversed".encode())
def test_convert_never_crashes(data):
    check_article(data)


@pytest.mark.parametrize("name", ["..", "-x", "a b", "ünïcode"])
def test_article_names_that_cannot_be_ids_are_located_errors(name):
    check_article(b"Some text said he.", name=name)


def test_a_5mb_single_line_is_a_located_error():
    check_article(("word " * (5 * 1024 * 1024 // 5)).encode())


def test_a_batch_goes_on_past_every_bad_article(tmp_path):
    bad = {"empty": b"", "binary": b"\x00\x00", "latin1": "café".encode("latin-1"), "huge": b"x" * 1_000_001}
    for name, data in bad.items():
        (tmp_path / f"{name}.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text("PARIS (AFP) — The minister said “yes”.", encoding="utf-8")
    outcomes = {Path(o.path).stem: o for o in convert(sorted(tmp_path.glob("*.txt")), root=tmp_path, jobs=1)}
    assert outcomes["good"].record is not None
    assert all(outcomes[name].error is not None for name in bad)
    assert "characters, more than" in outcomes["huge"].error.reason
    assert "not valid UTF-8 at byte 3" in outcomes["latin1"].error.reason
