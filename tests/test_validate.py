"""The validator: a mutation suite (each corruption of a valid corpus is rejected by its own rule
with its own message, never a traceback), output formats, policies and corpus rules.

The valid corpus is built here by hand over the seed text (a tiny record builder), so it does not
depend on what the extractors currently find.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from newsclaims.cli import main
from newsclaims.validate import RULES, Policy, date_problem, fast_problems, is_clean, load_policy, record_problems, validate_paths

SEED = "000_fdf2c5db0e68fe77"


def _span(text: str, sub: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return {"text": sub, "start": start, "end": start + len(sub)}


def build_record(text: str, rid: str = SEED, path: str | None = None) -> dict:
    """A complete, valid record over the seed text: every kind of field filled in."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    kakar_mentions = [_span(text, "Caretaker Prime Minister Anwaar-ul-Haq Kakar")] + [_span(text, "PM Kakar", i) for i in range(5)]
    said = _span(text, "said")
    quote = _span(text, "Together, we address global issues like Islamophobia and climate change,")
    post = _span(text, "Constructive interaction with President")
    post_end = text.index("November 9, 2023") + len("November 9, 2023")
    post = {"text": text[post["start"]:post_end], "start": post["start"], "end": post_end}
    stance = _span(text, "Pakistan's unwavering support for the sovereignty")
    return {
        "id": rid, "schema_version": "1.1", "text": text, "language": "en",
        "source": {"path": path or f"seeds/{rid}.txt", "sha256": sha, "url": "https://example.org/a",
                   "publisher": "Example News", "license": "CC-BY-4.0", "published": "2023-11-09"},
        "dateline": {
            **_span(text, "Tashkent (Web Desk/Agencies):"),
            "place": {**_span(text, "Tashkent"), "name": "Tashkent", "country_code": "UZ",
                      "geonames_id": 1512569, "lat": 41.26465, "lon": 69.21627},
            "agencies": ["Web Desk", "Agencies"], "date": "2023-11-09", "date_basis": "published",
        },
        "actors": [
            {"id": "kakar", "name": "Anwaar-ul-Haq Kakar", "type": "person", "titles": ["PM"], "aliases": [],
             "country_code": "PK", "handles": ["@anwaar_kakar"], "mentions": kakar_mentions},
            {"id": "aliyev", "name": "Ilham Aliyev", "type": "person", "titles": ["President"], "aliases": [],
             "country_code": "AZ", "handles": [], "mentions": [_span(text, "Ilham Aliyev")]},
            {"id": "pakistan", "name": "Pakistan", "type": "country", "titles": [], "aliases": [],
             "country_code": "PK", "handles": [], "mentions": [_span(text, "Pakistan", 0)]},
        ],
        "quotes": [
            {"id": "q1", **quote, "parts": [], "kind": "direct", "speaker": "kakar", "source": kakar_mentions[5], "cue": said,
             "platform": None, "handle": None, "date": None, "link": None, "method": "rule", "confidence": 0.9},
            {"id": "q2", **post, "parts": [], "kind": "social_post", "speaker": "kakar", "source": None, "cue": None,
             "platform": "X", "handle": "@anwaar_kakar", "date": "2023-11-09", "link": None, "method": "rule", "confidence": 1.0},
        ],
        "claims": [
            {"id": "c1", **stance, "parts": [], "kind": "stance", "speaker": "kakar", "source": kakar_mentions[3],
             "cue": _span(text, "reaffirmed"), "method": "rule", "confidence": 0.8},
        ],
    }


@pytest.fixture(scope="module")
def seed_text(root) -> str:
    return (root / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")


@pytest.fixture
def corpus(seed_text) -> list[dict]:
    """Two valid records: the seed and a shorter article cut from it."""
    short = seed_text[: seed_text.index("PM Kakar reaffirmed")]
    second = build_record(seed_text, "second")
    # the second article: same structure, different text (its own sha256), no file on disk
    second["text"] = seed_text + "\nAdded paragraph."
    second["source"]["sha256"] = hashlib.sha256(second["text"].encode()).hexdigest()
    second["source"]["path"] = "elsewhere/second.txt"
    assert len(short) > 0
    return [build_record(seed_text), second]


def write_corpus(tmp: Path, records: list, seed_text: str) -> Path:
    (tmp / "seeds").mkdir(exist_ok=True)
    (tmp / "seeds" / f"{SEED}.txt").write_text(seed_text, encoding="utf-8")
    out = tmp / "data.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def run_validate(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_builder_corpus_is_valid(corpus, tmp_path, seed_text, capsys):
    assert all(is_clean(r) for r in corpus)
    path = write_corpus(tmp_path, corpus, seed_text)
    code, out, err = run_validate(capsys, str(path), "--root", str(tmp_path))
    assert code == 0, out + err
    assert "2 records in 1 files: 0 errors, 0 warnings" in err


# --- the mutation suite --------------------------------------------------------------------------
# (name, mutation of the corpus [records or raw lines], rule, message fragment, extra CLI options)


def _set(path: str, value):
    def mutate(c):
        target = c[0]
        keys = path.split("/")
        for k in keys[:-1]:
            target = target[int(k)] if isinstance(target, list) else target[k]
        last = keys[-1]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return mutate


def _del(path: str):
    def mutate(c):
        target = c[0]
        keys = path.split("/")
        for k in keys[:-1]:
            target = target[int(k)] if isinstance(target, list) else target[k]
        del target[keys[-1]]
    return mutate


def _do(fn):
    def mutate(c):
        fn(c[0], c)
    return mutate


def _dup_actor(r, c):
    r["actors"][2]["id"] = "aliyev"


def _mention_twice(r, c):
    r["actors"][1]["mentions"].append(copy.deepcopy(r["actors"][2]["mentions"][0]))


def _dup_quote(r, c):
    r["quotes"][1]["id"] = "q1"


def _dup_claim(r, c):
    r["claims"].append({**copy.deepcopy(r["claims"][0])})


def _foreign_source(r, c):
    r["quotes"][0]["source"] = copy.deepcopy(r["actors"][1]["mentions"][0])


def _edit_text(r, c):
    r["text"] = r["text"].replace("Later,", "LATER,")  # in no span: only the hash can tell


def _same_id(r, c):
    c[1]["id"] = r["id"]


def _same_article(r, c):
    c[1]["text"] = r["text"]
    c[1]["source"]["sha256"] = r["source"]["sha256"]


def _blank_text(r, c):
    blank = "   \n"
    c[1] = {"id": "blank", "schema_version": "1.1", "text": blank, "language": "en",
            "source": {**r["source"], "path": "blank.txt", "sha256": hashlib.sha256(blank.encode()).hexdigest()},
            "dateline": None, "actors": [], "quotes": [], "claims": []}


def _place_outside(r, c):
    text = r["text"]
    r["dateline"]["place"].update(_span(text, "Tashkent", 1))


def _float_offset(r, c):
    r["dateline"]["place"]["start"] = 0.0


def _no_mentions(r, c):
    r["actors"][2]["mentions"] = []


def _reverse_quote(r, c):
    q = r["quotes"][0]
    q["start"], q["end"] = q["end"], q["start"]


def _claim_parts(r, c, *, shift: int = 0, text: str | None = None):
    """Cut claim 0 into two pieces around a word in its middle, then break the pieces."""
    claim, body = r["claims"][0], r["text"]
    mid = claim["start"] + (claim["end"] - claim["start"]) // 2
    cut = body.index(" ", mid)
    parts = [{"text": body[claim["start"]:cut], "start": claim["start"], "end": cut},
             {"text": body[cut + 1:claim["end"]], "start": cut + 1, "end": claim["end"]}]
    parts[1]["start"] += shift
    parts[1]["end"] += shift
    parts[1]["text"] = text if text is not None else body[parts[1]["start"]:parts[1]["end"]]
    claim["parts"] = parts


def _parts_outside(r, c):
    _claim_parts(r, c, shift=3)


def _parts_text(r, c):
    _claim_parts(r, c, text="support")


def _one_part(r, c):
    _claim_parts(r, c)
    del r["claims"][0]["parts"][1]


def _parts_overlap(r, c):
    _claim_parts(r, c)
    first = r["claims"][0]["parts"][0]
    first["end"] += 2
    first["text"] = r["text"][first["start"]:first["end"]]


def _bad_json(r, c):
    c[1] = '{"id": "broken", "text": '


def _nan(r, c):
    c[1] = json.dumps(c[1]).replace('"confidence": 0.9', '"confidence": NaN')


def _array_line(r, c):
    c[1] = "[1, 2, 3]"


def _change_file(tmp: Path):
    path = tmp / "seeds" / f"{SEED}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nEdited after the build.", encoding="utf-8")


MUTATIONS = [
    ("missing-language", _del("language"), "schema", "'language' is a required property", ()),
    ("missing-actors", _del("actors"), "schema", "'actors' is a required property", ()),
    ("extra-key", _set("foo", 1), "schema", "Additional properties are not allowed ('foo' was unexpected)", ()),
    ("id-not-string", _set("id", 123), "schema", "123 is not of type 'string'", ()),
    ("id-path-traversal", _set("id", "../etc/passwd"), "schema", "'../etc/passwd' does not match", ()),
    ("schema-version", _set("schema_version", "2.0"), "schema-version", "schema_version '2.0' is not supported", ()),
    ("language-tag", _set("language", "English"), "schema", "'English' does not match", ()),
    ("sha256-form", _set("source/sha256", "XYZ"), "schema", "'XYZ' does not match '^[0-9a-f]{64}$'", ()),
    ("text-edited", _do(_edit_text), "sha256-text", "source.sha256 is not the SHA-256 of the text", ()),
    ("file-changed", None, "sha256-file", "the article file changed", ()),
    ("source-path-absolute", _set("source/path", "/etc/passwd"), "source-path", "must be a relative POSIX path", ()),
    ("published-feb-30", _set("source/published", "2023-02-30"), "date", "'2023-02-30' is not a real date: February 2023 has 28 days", ()),
    ("published-bad-time", _set("source/published", "2023-11-09T25:00:00"), "date", "is not a valid ISO 8601 date-time", ()),
    ("dateline-month-13", _set("dateline/date", "2023-13-01"), "date", "month 13 does not exist", ()),
    ("dateline-partial-feb-30", _set("dateline/date", "--02-30"), "date", "'--02-30' is not a real date: February has 29 days", ()),
    ("dateline-year-0", _set("dateline/date", "0000-01-01"), "date", "year 0000 does not exist", ()),
    ("dateline-date-form", _set("dateline/date", "Nov 9"), "schema", "'Nov 9' does not match", ()),
    ("quote-date-apr-31", _set("quotes/1/date", "2023-04-31"), "date", "April 2023 has 30 days", ()),
    ("dateline-empty-span", _set("dateline/end", 0), "span-range", "span start 0 is not before its end 0", ()),
    ("dateline-past-text", _set("dateline/end", 99999), "span-range", "span [0, 99999) lies outside the text", ()),
    ("dateline-text", _set("dateline/text", "Tashkent:"), "span-text", "span text 'Tashkent:' != text[0:29]", ()),
    ("place-country", _set("dateline/place/country_code", "ZZ"), "country", "'ZZ' is not an ISO 3166-1 alpha-2 country code", ()),
    ("place-country-form", _set("dateline/place/country_code", "uz"), "schema", "'uz' does not match '^[A-Z]{2}$'", ()),
    ("place-lat", _set("dateline/place/lat", 100), "schema", "100 is greater than the maximum of 90", ()),
    ("place-outside-dateline", _do(_place_outside), "place-in-dateline", "is not inside the dateline [0, 29)", ()),
    ("offset-float", _do(_float_offset), "integer", "offset 0.0 must be a JSON integer (write 0)", ()),
    ("offset-negative", _set("actors/1/mentions/0/start", -5), "schema", "-5 is less than the minimum of 0", ()),
    ("offset-string", _set("claims/0/cue/start", "12"), "schema", "'12' is not of type 'integer'", ()),
    ("actor-duplicate-id", _do(_dup_actor), "unique-id", "duplicate actor id 'aliyev'", ()),
    ("actor-id-form", _set("actors/2/id", "Pakistan!"), "schema", "'Pakistan!' does not match", ()),
    ("actor-type", _set("actors/0/type", "robot"), "schema", "'robot' is not one of", ()),
    ("actor-country", _set("actors/1/country_code", "QQ"), "country", "'QQ' is not an ISO 3166-1 alpha-2", ()),
    ("actor-handle-form", _set("actors/0/handles", ["anwaar_kakar"]), "schema", "'anwaar_kakar' does not match '^@\\\\w+$'", ()),
    ("actor-no-mentions", _do(_no_mentions), "actor-mentions", "actor 'pakistan' has no mention", ()),
    ("mention-text", _set("actors/1/mentions/0/text", "Aliyev"), "span-text", "span text 'Aliyev' != text", ()),
    ("mention-two-actors", _do(_mention_twice), "mention-owner", "also belongs to actor 'aliyev'", ()),
    ("quote-speaker", _set("quotes/0/speaker", "nobody"), "speaker-ref", "speaker 'nobody' is not an actor id", ()),
    ("quote-source", _do(_foreign_source), "source-mention", "overlaps no mention of the speaker 'kakar'", ()),
    ("quote-cue-text", _set("quotes/0/cue/text", "says"), "span-text", "span text 'says' != text", ()),
    ("quote-reversed", _do(_reverse_quote), "span-range", "is not before its end", ()),
    ("quote-kind", _set("quotes/0/kind", "verbatim"), "schema", "'verbatim' is not one of ['direct', 'partial', 'social_post']", ()),
    ("quote-confidence", _set("quotes/0/confidence", 1.5), "schema", "1.5 is greater than the maximum of 1", ()),
    ("quote-duplicate-id", _do(_dup_quote), "unique-id", "duplicate quote id 'q1'", ()),
    ("quote-id-form", _set("quotes/0/id", "x1"), "schema", "'x1' does not match '^q[0-9]+$'", ()),
    ("quote-platform", _set("quotes/0/platform", "X"), "social-post", "a direct quote has no platform", ()),
    ("claim-speaker", _set("claims/0/speaker", "ghost"), "speaker-ref", "speaker 'ghost' is not an actor id", ()),
    ("claim-text", _set("claims/0/text", "support"), "span-text", "span text 'support' != text", ()),
    ("claim-parts-outside", _do(_parts_outside), "content-parts", "is not inside its item", ()),
    ("claim-parts-text", _do(_parts_text), "span-text", "span text 'support' != text", ()),
    ("claim-parts-one", _do(_one_part), "content-parts", "a content in 1 part is one piece", ()),
    ("claim-parts-overlap", _do(_parts_overlap), "content-parts", "starts before the previous part ends", ()),
    ("claim-duplicate-id", _do(_dup_claim), "unique-id", "duplicate claim id 'c1'", ()),
    ("claim-kind", _set("claims/0/kind", "rumour"), "schema", "'rumour' is not one of ['indirect', 'stance', 'according_to']", ()),
    ("record-id-twice", _do(_same_id), "unique-record-id", "record id '000_fdf2c5db0e68fe77' is already used at", ()),
    ("article-twice", _do(_same_article), "duplicate-article", "is already in the corpus as '000_fdf2c5db0e68fe77'", ()),
    ("blank-text", _do(_blank_text), "empty-text", "the article text is empty or blank", ()),
    ("license-missing", _set("source/license", None), "license", "no licence: the licence policy 'present' needs source.license", ()),
    ("license-placeholder", _set("source/license", "unknown"), "license", "licence 'unknown' is a placeholder", ("--license-policy", "known")),
    ("license-not-allowed", _set("source/license", "MIT"), "license", "licence 'MIT' is not allowed (allowed: CC-BY-4.0)",
     ("--license-policy", "allowlist", "--allow-license", "CC-BY-4.0")),
    ("invalid-json", _do(_bad_json), "json", "not valid JSON", ()),
    ("json-nan", _do(_nan), "json", "not valid JSON", ()),
    ("line-not-object", _do(_array_line), "schema", "[1, 2, 3] is not of type 'object'", ()),
]


def test_mutation_suite_is_large_and_distinct():
    assert len(MUTATIONS) >= 40
    assert len({m[0] for m in MUTATIONS}) == len(MUTATIONS)
    covered = {m[2] for m in MUTATIONS}
    assert covered >= set(RULES) - {"read"}, f"rules without a mutation: {set(RULES) - covered - {'read'}}"


def _validate_mutated(name, mutate, options, records, folder, seed_text, capsys):
    """Apply one mutation, write the corpus into ``folder`` and validate it as JSON: (path, code, out, err)."""
    if mutate is not None:
        mutate(records)
    path = write_corpus(folder, records, seed_text)
    if name == "file-changed":
        _change_file(folder)
    code, out, err = run_validate(capsys, str(path), "--root", str(folder), "--format", "json", *options)
    return path, code, out, err


@pytest.mark.parametrize("name,mutate,rule,fragment,options", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_mutation_is_rejected(name, mutate, rule, fragment, options, corpus, seed_text, tmp_path, capsys):
    path, code, out, err = _validate_mutated(name, mutate, options, corpus, tmp_path, seed_text, capsys)
    assert code == 1, err
    assert "Traceback" not in out + err
    report = json.loads(out)
    assert not report["ok"]
    # the fast path does not let a corrupted record through
    if rule not in {"json", "sha256-file", "unique-record-id", "duplicate-article", "license"}:
        assert not all(isinstance(r, dict) and is_clean(r) for r in corpus)
    rules = {p["rule"] for p in report["problems"]}
    assert rules == {rule}, report["problems"]
    messages = [p["message"] for p in report["problems"] if p["rule"] == rule]
    assert any(fragment in m for m in messages), messages
    for p in report["problems"]:
        assert p["file"] == path.as_posix() and p["pointer"].startswith("/")
        assert p.get("line") in (1, 2)


def test_every_mutation_message_is_its_own(corpus, seed_text, tmp_path, capsys):
    """Different corruptions are told apart by their messages, not lumped into one."""
    first_by_messages: dict[frozenset, str] = {}
    for name, mutate, _rule, _fragment, options in MUTATIONS:
        records = copy.deepcopy(corpus)
        folder = tmp_path / name
        folder.mkdir()
        _, code, out, _ = _validate_mutated(name, mutate, options, records, folder, seed_text, capsys)
        assert code == 1, name
        messages = frozenset(p["message"] for p in json.loads(out)["problems"])
        assert messages not in first_by_messages, f"{name} gives the same messages as {first_by_messages.get(messages)}"
        first_by_messages[messages] = name


# --- formats, locations, summary ---------------------------------------------------------------


def test_text_format_locates_and_summarises(corpus, seed_text, tmp_path, capsys):
    corpus[1]["claims"][0]["text"] = "wrong"
    corpus[0]["dateline"]["date"] = "2023-02-29"
    path = write_corpus(tmp_path, corpus, seed_text)
    code, out, err = run_validate(capsys, str(path), "--root", str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    assert f"{path.as_posix()}:1: /dateline/date: '2023-02-29' is not a real date: February 2023 has 28 days" in lines
    assert any(line.startswith(f"{path.as_posix()}:2: /claims/0/text: span text 'wrong'") for line in lines)
    assert "2 records in 1 files: 2 errors, 0 warnings" in err
    assert any(line.split()[:2] == ["1", "date"] for line in err.splitlines())
    assert any(line.split()[:2] == ["1", "span-text"] for line in err.splitlines())


def test_github_format(corpus, seed_text, tmp_path, capsys):
    corpus[0]["quotes"][0]["speaker"] = "nobody"
    path = write_corpus(tmp_path, corpus, seed_text)
    code, out, _ = run_validate(capsys, str(path), "--root", str(tmp_path), "--format", "github")
    assert code == 1
    assert out.strip() == (f"::error file={path.as_posix()},line=1,title=newsclaims speaker-ref::"
                           "/quotes/0/speaker: speaker 'nobody' is not an actor id of this record")


def test_warn_makes_a_rule_a_warning(corpus, seed_text, tmp_path, capsys):
    corpus[0]["actors"][1]["country_code"] = "QQ"
    path = write_corpus(tmp_path, corpus, seed_text)
    code, out, err = run_validate(capsys, str(path), "--root", str(tmp_path), "--warn", "country")
    assert code == 0
    assert ": warning: 'QQ' is not an ISO 3166-1" in out
    assert "0 errors, 1 warnings" in err
    code, out, err = run_validate(capsys, str(path), "--root", str(tmp_path), "--strict")
    assert code == 1 and "1 errors, 0 warnings" in err


def test_source_mention_is_an_error_unless_configured_as_a_warning(corpus, seed_text, tmp_path, capsys):
    _foreign_source(corpus[0], corpus)
    path = write_corpus(tmp_path, corpus, seed_text)
    code, out, err = run_validate(capsys, str(path), "--root", str(tmp_path))
    assert code == 1 and ": source [" in out and "overlaps no mention" in out
    code, out, err = run_validate(capsys, str(path), "--root", str(tmp_path), "--warn", "source-mention")
    assert code == 0 and ": warning: source [" in out


def test_a_source_that_contains_the_speakers_mention_names_the_speaker(corpus, seed_text, tmp_path, capsys):
    quote = corpus[0]["quotes"][0]
    text = corpus[0]["text"]
    s, e = quote["source"]["start"], quote["source"]["end"] + 1  # "PM Kakar" + the next character
    quote["source"] = {"text": text[s:e], "start": s, "end": e}
    path = write_corpus(tmp_path, corpus, seed_text)
    code, out, err = run_validate(capsys, str(path), "--root", str(tmp_path))
    assert code == 0, out


def test_parquet_rows_are_located(corpus, tmp_path, capsys):
    from newsclaims.export import parquet_bytes

    corpus[1]["dateline"]["text"] = "Nowhere:"
    path = tmp_path / "articles.parquet"
    path.write_bytes(parquet_bytes(corpus))
    code, out, _ = run_validate(capsys, str(path), "--root", str(tmp_path))
    assert code == 1
    assert out.startswith(f"{path.as_posix()}:row 2: /dateline/text: span text 'Nowhere:'")


def test_unreadable_parquet_is_one_problem(tmp_path, capsys):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    code, out, err = run_validate(capsys, str(path))
    assert code == 1
    assert "unreadable Parquet" in out and "Traceback" not in out + err


def test_zero_records_do_not_pass(tmp_path, capsys):
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    code, _, err = run_validate(capsys, str(tmp_path / "empty.jsonl"))
    assert code == 1 and "nothing was validated" in err


def test_missing_file_is_located(tmp_path, capsys):
    code, out, _ = run_validate(capsys, str(tmp_path / "nope.jsonl"))
    assert code == 1 and "nope.jsonl:0: /: no such file or folder" in out


def test_derived_tables_are_not_records(corpus, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "quotes").mkdir()
    (tmp_path / "articles" / "train.jsonl").write_text(json.dumps(corpus[1]) + "\n", encoding="utf-8")
    (tmp_path / "quotes" / "train.jsonl").write_text('{"quote_id": "x"}\n', encoding="utf-8")
    report = validate_paths([tmp_path], Policy(root=tmp_path))
    assert report.records == 1 and report.ok, [str(p) for p in report.problems]


def test_jsonl_and_parquet_copies_are_not_duplicates(corpus, tmp_path):
    from newsclaims.export import jsonl_bytes, parquet_bytes

    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes(corpus))
    (tmp_path / "a.parquet").write_bytes(parquet_bytes(corpus))
    report = validate_paths([tmp_path], Policy(root=tmp_path))
    assert report.records == 4 and report.ok, [str(p) for p in report.problems]


def test_ids_are_unique_across_files(corpus, tmp_path):
    from newsclaims.export import jsonl_bytes

    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes(corpus[:1]))
    other = copy.deepcopy(corpus[1])
    other["id"] = corpus[0]["id"]
    (tmp_path / "b.jsonl").write_bytes(jsonl_bytes([other]))
    report = validate_paths([tmp_path], Policy(root=tmp_path))
    assert [p.problem.rule for p in report.problems] == ["unique-record-id"]
    assert str(report.problems[0]).startswith(f"{(tmp_path / 'b.jsonl').as_posix()}:1: /id: record id")


# --- policy configuration ----------------------------------------------------------------------


def test_policy_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newsclaims.validate]\nlicense-policy = "allowlist"\nlicenses = ["CC0-1.0"]\nwarn = ["country"]\n', encoding="utf-8")
    policy = load_policy(tmp_path)
    assert policy.license == "allowlist" and policy.licenses == ("CC0-1.0",) and policy.level("country") == "warning"
    assert load_policy(tmp_path, license="ignore").license == "ignore"


@pytest.mark.parametrize("body,message", [
    ('license-policy = "strict"', "unknown licence policy 'strict'"),
    ('license-policy = "allowlist"', "needs the allowed licences"),
    ('licence = "MIT"', "unknown key(s)"),
    ('warn = ["no-such-rule"]', "unknown rule(s)"),
    ('warn = "country"', "must be a list of strings"),
])
def test_bad_policy_is_a_clear_error(tmp_path, capsys, body, message):
    (tmp_path / "pyproject.toml").write_text(f"[tool.newsclaims.validate]\n{body}\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    code, _, err = run_validate(capsys, str(tmp_path / "a.jsonl"))
    assert code == 2 and message in err


def test_project_policy_is_readable(root):
    policy = load_policy(root)
    assert policy.license in ("ignore", "present", "known", "allowlist")


# --- rules as functions ----------------------------------------------------------------------------


@pytest.mark.parametrize("value,ok", [
    ("2024-02-29", True), ("2023-02-29", False), ("--02-29", True), ("--02-30", False), ("--13-01", False),
    ("2023-11-09T10:00:00+05:00", True), ("2023-11-09T10:61:00", False), ("1999-12-31", True), ("2023-00-10", False),
])
def test_calendar_dates(value, ok):
    assert (date_problem(value) is None) is ok


def test_record_problems_never_raise_on_garbage():
    for garbage in (None, 1, "x", [], {"text": 5}, {"text": "abc", "actors": [1, None, {"mentions": "x"}],
                    "quotes": [None, {"source": 3, "speaker": []}], "claims": "no", "dateline": {"place": 7}},
                    {"text": "abc", "dateline": {"start": 0, "end": 2.5, "text": "ab", "place": {"start": "a"}}}):
        problems = record_problems(garbage)
        assert problems and all(p.rule in RULES for p in problems)


def test_contributing_lists_every_rule(root):
    guide = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"| `{rule}` |" not in guide]
    assert missing == [], f"CONTRIBUTING.md does not describe: {missing}"


# --- the fast path agrees with the full one ----------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SPAN_PATHS = [("dateline",), ("dateline", "place"), ("actors", 0, "mentions", 2), ("actors", 2, "mentions", 0),
               ("quotes", 0), ("quotes", 0, "source"), ("quotes", 0, "cue"), ("claims", 0), ("claims", 0, "cue")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(_SPAN_PATHS), field=st.sampled_from(["start", "end", "text"]),
       delta=st.integers(-3, 3), value=st.sampled_from([None, "", "x", 0, 10**6, 1.0, -1, True]), use_delta=st.booleans())
def test_fast_path_agrees_with_full_path(seed_text, where, field, delta, value, use_delta):
    record = build_record(seed_text)
    target = record
    for key in where:
        target = target[key]
    if use_delta and field != "text":
        target[field] = target[field] + delta
    else:
        target[field] = value
    full = schema_problems_and_semantic(record)
    assert is_clean(record) == (full == []), full
    fast = fast_problems(record)
    assert fast is None or fast == full


def schema_problems_and_semantic(record):
    from newsclaims.validate import schema_problems, semantic_problems

    return schema_problems(record) + semantic_problems(record)


def test_parallel_validation_gives_the_same_report(corpus, seed_text, tmp_path, monkeypatch):
    import newsclaims.validate as validate

    records = []
    for k in range(40):
        r = copy.deepcopy(corpus[k % 2])
        r["id"] = f"{r['id']}-{k}"
        records.append(r)
    records[7]["claims"][0]["text"] = "wrong"
    records[31]["id"] = records[3]["id"]
    lines = [json.dumps(r) for r in records]
    lines[20] = "{not json"
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines[:10]) + "\n\n" + "\n".join(lines[10:]) + "\n", encoding="utf-8")
    policy = Policy(root=tmp_path)
    one = validate_paths([path], policy, jobs=1)
    monkeypatch.setattr(validate, "PARALLEL_MIN_BYTES", 0)
    two = validate_paths([path], policy, jobs=2)
    assert [str(p) for p in two.problems] == [str(p) for p in one.problems]
    assert two.records == one.records == 39
    rules = [p.problem.rule for p in one.problems]
    assert rules.count("span-text") == 1 and rules.count("json") == 1 and "unique-record-id" in rules
    assert any(str(p).startswith(f"{path.as_posix()}:22: /: not valid JSON") for p in one.problems)


@pytest.mark.parametrize("code,ok", [("UZ", True), ("SU", True), ("DD", True), ("YU", True), ("XK", True), ("ZZ", False), ("QQ", False)])
def test_country_codes_current_and_former(code, ok):
    from newsclaims.validate import country_codes

    assert (code in country_codes()) is ok


def test_sidecar_dates_are_real_dates(tmp_path):
    from newsclaims.errors import ArticleError
    from newsclaims.ingest import read_article

    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"url": null, "publisher": null, "published": "2023-02-30", '
                                          '"license": "CC0-1.0", "language": "en"}', encoding="utf-8")
    with pytest.raises(ArticleError, match="February 2023 has 28 days"):
        read_article(tmp_path / "a.txt", root=tmp_path)


def test_convert_does_not_write_an_invalid_record(tmp_path, capsys, monkeypatch, nlp):
    import newsclaims.pipeline as pipeline

    real = pipeline.annotate

    def broken(record, doc):
        record = real(record, doc)
        if record.id == "bad":
            record.source.sha256 = "0" * 64  # no longer the hash of the text
        return record

    monkeypatch.setattr(pipeline, "annotate", broken)
    (tmp_path / "bad.txt").write_text("PARIS (AFP) — The minister said “yes”.", encoding="utf-8")
    (tmp_path / "good.txt").write_text("PARIS (AFP) — The minister said “no”.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["convert", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "/source/sha256: source.sha256 is not the SHA-256 of the text" in err
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["good"]


def test_fast_path_names_source_mention_problems_like_the_full_path(seed_text):
    from newsclaims.validate import schema_problems, semantic_problems

    record = build_record(seed_text)
    _foreign_source(record, [record])
    record["claims"][0]["source"] = copy.deepcopy(record["actors"][2]["mentions"][0])
    fast = fast_problems(record)
    assert fast is not None and [p.rule for p in fast] == ["source-mention", "source-mention"]
    assert fast == schema_problems(record) + semantic_problems(record)


def test_parallel_validation_numbers_lines_across_ranges(tmp_path, monkeypatch):
    """Every range of a file shared among processes starts its own count; the report shows file lines."""
    import newsclaims.validate as validate

    lines = ['{"id": "x"}' if k % 5 else "{not json" for k in range(1, 41)]
    lines[11] = lines[23] = "   "  # blank lines count as lines but hold no record
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    one = validate_paths([path], Policy(license="ignore"), jobs=1)
    monkeypatch.setattr(validate, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(validate, "RANGES_PER_JOB", 7)
    two = validate_paths([path], Policy(license="ignore"), jobs=2)
    assert [str(p) for p in two.problems] == [str(p) for p in one.problems]
    assert one.records == 30 and {p.line for p in one.problems if p.problem.rule == "json"} == {5, 10, 15, 20, 25, 30, 35, 40}


def test_the_command_shares_a_large_file_among_processes_with_the_same_report(root, tmp_path):
    """A fresh ``newsclaims validate`` process forks its workers (no thread yet): same report as one process."""
    import subprocess
    import sys

    import newsclaims.validate as validate

    (line,) = (root / "data" / "articles" / "train-00000-of-00001.jsonl").read_text(encoding="utf-8").splitlines()
    seed = json.loads(line)
    lines = []
    for k in range(validate.PARALLEL_MIN_BYTES // len(line.encode()) + 50):
        r = copy.deepcopy(seed)
        r["id"], r["text"] = f"{seed['id']}-{k}", seed["text"] + f"\n({k})"
        r["source"]["sha256"] = hashlib.sha256(r["text"].encode()).hexdigest()
        lines.append(json.dumps(r, ensure_ascii=False))
    lines[77] = lines[78]  # the same record twice
    lines[500] = "{not json"
    broken = json.loads(lines[-3])
    broken["actors"][0]["mentions"][0]["text"] = "wrong"
    lines[-3] = json.dumps(broken)
    moved = json.loads(lines[-2])
    moved["source"]["path"] = "article.txt"  # names a file whose bytes are not the record's text
    (tmp_path / "article.txt").write_text("another text", encoding="utf-8")
    lines[-2] = json.dumps(moved)
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size >= validate.PARALLEL_MIN_BYTES
    reports = {}
    for jobs in ("1", "2"):
        run = subprocess.run([sys.executable, "-m", "newsclaims", "validate", str(path), "--jobs", jobs, "--format", "json",
                              "--license-policy", "ignore", "--root", str(tmp_path)], capture_output=True, text=True, timeout=300)
        assert run.returncode == 1, run.stderr
        reports[jobs] = json.loads(run.stdout)
    assert reports["2"] == reports["1"]
    assert [(p["line"], p["rule"]) for p in reports["1"]["problems"]] == [
        (79, "unique-record-id"), (501, "json"), (len(lines) - 2, "span-text"), (len(lines) - 1, "sha256-file")]
