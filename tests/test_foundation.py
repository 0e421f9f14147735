"""The built corpus in data/: valid, consistent between JSONL and Parquet, spans re-slice; the CLI contract."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsclaims.build import ARTICLES_JSONL, ARTICLES_PARQUET
from newsclaims.schema import load_schema, record_arrow_schema
from newsclaims.validate import _spans, record_problems


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsclaims", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def jsonl_records(root):
    with open(root / "data" / ARTICLES_JSONL, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_every_seed_has_a_record(root, jsonl_records):
    stems = sorted(p.stem for p in (root / "seeds").glob("*.txt"))
    assert [r["id"] for r in jsonl_records] == stems


def test_every_record_validates(root, jsonl_records):
    from newsclaims.validate import load_policy

    policy = load_policy(root)  # rules the project reports as warnings do not fail
    for record in jsonl_records:
        assert [p for p in record_problems(record) if policy.level(p.rule) == "error"] == []


def test_record_text_is_the_file_unchanged(root, jsonl_records):
    for record in jsonl_records:
        data = (root / record["source"]["path"]).read_bytes()
        assert record["text"] == data.decode("utf-8-sig")
        assert record["source"]["sha256"] == hashlib.sha256(data).hexdigest()


def test_every_span_reslices(jsonl_records):
    n = 0
    for record in jsonl_records:
        for pointer, span in _spans(record):
            assert record["text"][span["start"]:span["end"]] == span["text"], pointer
            n += 1
    assert n > 0


def test_parquet_holds_the_jsonl_records(root, jsonl_records):
    table = pq.read_table(root / "data" / ARTICLES_PARQUET)
    assert table.schema.equals(record_arrow_schema(), check_metadata=False)
    assert table.to_pylist() == jsonl_records


def test_arrow_schema_follows_json_schema():
    schema = load_schema()
    assert record_arrow_schema().names == list(schema["properties"])


def test_build_check_passes_on_committed_data(root):
    result = cli("build", "--check", "--jobs", "1", cwd=root)
    assert result.returncode == 0, result.stderr


def test_build_check_fails_on_stale_data(root, tmp_path):
    shutil.copytree(root / "seeds", tmp_path / "seeds")
    shutil.copytree(root / "data", tmp_path / "data")
    path = tmp_path / "data" / ARTICLES_JSONL
    path.write_text(path.read_text(encoding="utf-8").replace("Tashkent", "Tashkend", 1), encoding="utf-8")
    result = cli("build", "--check", "--jobs", "1", "--seeds", str(tmp_path / "seeds"), "--out", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "stale" in result.stderr and ARTICLES_JSONL in result.stderr


def test_validate_passes_on_data(root):
    result = cli("validate", str(root / "data"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_validate_locates_a_corruption(root, tmp_path, jsonl_records):
    bad = dict(jsonl_records[0], dateline=None)
    bad["quotes"] = [dict(q) for q in bad["quotes"]] or bad["quotes"]
    bad["actors"] = [dict(a) for a in bad["actors"]]
    bad["actors"][0] = dict(bad["actors"][0], mentions=[{"text": "nope", "start": 0, "end": 4}])
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(jsonl_records[0]) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    result = cli("validate", str(path))
    assert result.returncode == 1
    assert f"{path.as_posix()}:2: /actors/0/mentions/0/text:" in result.stdout


def test_validate_refuses_zero_records(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = cli("validate", str(empty))
    assert result.returncode == 1
    assert "no records" in result.stderr


def test_convert_goes_on_after_a_bad_article(tmp_path, root):
    shutil.copy(root / "seeds" / "000_fdf2c5db0e68fe77.txt", tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8 \xff")
    (tmp_path / "SOURCE.txt").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = cli("convert", str(tmp_path), "--out", str(out), "--jobs", "1")
    assert result.returncode == 1
    assert "bad.txt: not valid UTF-8 at byte 0" in result.stderr
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["good"]


def test_one_pipeline_per_model_name_and_the_truecaser_reads_it(nlp, monkeypatch):
    from newsclaims import nlp as nlp_module
    from newsclaims.errors import ModelNotFound

    monkeypatch.delenv(nlp_module.ENV_VAR, raising=False)
    assert nlp_module.load_nlp() is nlp
    assert nlp_module.load_nlp(nlp_module.DEFAULT_MODEL) is nlp  # named or not: one pipeline
    assert nlp_module.first_loaded_nlp() is nlp
    with pytest.raises(ModelNotFound, match="no_such_model_xyz"):
        nlp_module.load_nlp("no_such_model_xyz")  # a named model never falls back to another


def test_fingerprint_tells_a_changed_tokenizer(nlp):
    # parse caches are keyed on it: a Doc cached before a tokenizer change must not be read back after it
    import spacy
    from spacy.util import compile_infix_regex

    from newsclaims.nlp import fingerprint

    plain = spacy.blank("en")
    key = fingerprint(plain)
    assert key == fingerprint(spacy.blank("en")) and key != fingerprint(nlp)
    plain.tokenizer.infix_finditer = compile_infix_regex([r"~"]).finditer
    assert fingerprint(plain) != key


def test_a_sentence_starts_after_every_blank_line(nlp):
    text = ("HARBOUR TALKS STALL\n\nAnn Okafor said the ferry deal was off. The pier\nwill close.\n\n"
            "Okafor continued:\n\n“We will try again in May.”")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "HARBOUR TALKS STALL"
    assert "Okafor continued:" in sents and "“We will try again in May.”" in sents
    assert not any(s.endswith("The pier") for s in sents)  # a single line break wraps, starts nothing


def test_a_sentence_starts_after_a_wire_headline_and_a_credit_line(nlp):
    text = ("Ferry talks stall in Bergen over crew pay\nBERGEN, Norway, April 7 (AFP)\n"
            "Talks on the ferry crews' pay broke down on Monday, officials said.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == ["Ferry talks stall in Bergen over crew pay", "BERGEN, Norway, April 7 (AFP)",
                     "Talks on the ferry crews' pay broke down on Monday, officials said."]
    # a byline's lines too
    text = "Harbour Talks Stall\nBy ANN OKAFOR\nAssociated Press Writer\nBERGEN, Norway (AP)\n   The talks stalled."
    assert [s.text.strip() for s in nlp(text).sents] == ["Harbour Talks Stall", "By ANN OKAFOR", "Associated Press Writer",
                                                        "BERGEN, Norway (AP)", "The talks stalled."]
    # not a wrapped first line, nor a headline in capitals (it parses better with its lead)
    assert len(list(nlp("The mayor of the island said on Monday that the\nFerry would sail in May.").sents)) == 1
    caps = "HARBOURCO SEES HIGHER NET\nOSLO, March 2 - Harbourco Inc said net income rose."
    assert not any(t.is_sent_start for t in nlp(caps) if t.text == "OSLO")


def test_the_parse_fingerprint_names_the_pipeline_components(nlp):
    from newsclaims.nlp import fingerprint

    assert "newsclaims_paragraphs" in nlp.pipe_names
    components = nlp.pipe_names
    before = fingerprint(nlp)
    nlp.disable_pipe("newsclaims_paragraphs")
    try:
        assert fingerprint(nlp) != before
    finally:
        nlp.enable_pipe("newsclaims_paragraphs")
    assert nlp.pipe_names == components
