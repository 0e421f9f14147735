"""The learned boundary chooser: its candidates from the parse, its choice, its training labels."""

from __future__ import annotations

import pytest

from newsclaims.evaluate.polnear import GoldArticle, GoldRelation
from newsclaims.extract.attribution import find_attributions
from newsclaims.extract.boundary_model import (
    Candidate,
    article_groups,
    best,
    candidates,
    fit_groups,
    format_boundary_model,
    load_model,
    using_model,
)
from newsclaims.extract.cue_model import read_weights
from newsclaims.nlp import ORIGINAL_TEXT_KEY, prepare_text


def parsed(nlp, text: str):
    doc = nlp(prepare_text(text))
    doc.user_data[ORIGINAL_TEXT_KEY] = text
    return doc


def attribution(doc, lemma: str):
    with using_model({}):
        return next(a for a in find_attributions(doc, cache=False) if a.lemma == lemma and a.content)


def content_text(text: str, att) -> str:
    return text[att.content[0]:att.content[1]]


def test_the_first_candidates_are_the_content_as_it_is(nlp):
    text = "Ann Lee said the port would reopen, pointing to the calmer weather."
    doc = parsed(nlp, text)
    att = attribution(doc, "say")
    ends, starts = candidates(doc, att, att.content)
    assert ends[0].offset == att.content[1] and "end:keep" in ends[0].features
    assert starts[0].offset == att.content[0] and "start:keep" in starts[0].features


def test_a_closing_clause_set_off_by_a_comma_is_a_candidate_end(nlp):
    text = "Ann Lee said the port would reopen, pointing to the calmer weather."
    doc = parsed(nlp, text)
    att = attribution(doc, "say")
    assert content_text(text, att) == "the port would reopen, pointing to the calmer weather"
    ends, _ = candidates(doc, att, att.content)
    kept = {text[att.content[0]:c.offset] for c in ends}
    assert "the port would reopen" in kept
    cut = next(c for c in ends if text[att.content[0]:c.offset] == "the port would reopen")
    assert "end:setoff=," in cut.features and "end:cut" in cut.features


def test_the_object_of_a_cue_phrase_is_a_candidate_start(nlp):
    text = "The senator filed a challenge against the law."
    doc = parsed(nlp, text)
    att = attribution(doc, "file")
    _, starts = candidates(doc, att, att.content)
    assert "the law" in {text[c.offset:att.content[1]] for c in starts}


@pytest.mark.parametrize("text", ["He said co-workers were told to leave.", "She praised A.E. Dick Howard warmly."])
def test_no_candidate_edge_falls_inside_a_word(nlp, text):
    doc = parsed(nlp, text)
    att = next(a for a in find_attributions(doc, cache=False) if a.content)
    ends, starts = candidates(doc, att, att.content)
    for c in ends[1:]:
        assert c.offset < len(text) and not (text[c.offset - 1].isalnum() and text[c.offset].isalnum())
    for c in starts[1:]:
        assert text[c.offset - 1] in " \t\n,;:(—–-\"“'"


def test_the_ranker_keeps_the_content_unless_a_cut_scores_higher():
    keep = Candidate("end", 40, ("end:keep",))
    cut = Candidate("end", 20, ("end:cut", "end:dep=relcl"))
    assert best([keep, cut], {"end:keep": 1.0, "end:cut": 0.5}) is keep
    assert best([keep, cut], {"end:keep": 0.0, "end:dep=relcl": 1.0}) is cut
    # a margin counts the content as it is lower: a cut a little below it wins
    assert best([keep, cut], {"end:keep": 1.0, "end:cut": 0.9}, margin=0.1) is cut


def test_without_a_model_the_contents_stay_as_the_rules_found_them(nlp):
    text = "The senator filed a challenge against the law."
    doc = parsed(nlp, text)
    with using_model({}):
        att = next(a for a in find_attributions(doc, cache=False) if a.lemma == "file")
    assert content_text(text, att) == "a challenge against the law"


def test_a_learned_chooser_moves_the_start_past_a_cue_phrase(nlp):
    text = "The senator filed a challenge against the law."
    doc = parsed(nlp, text)
    weights = {"start:keep": -2.0, "start:drop_last=against": 3.0}
    with using_model(weights):
        att = next(a for a in find_attributions(doc, cache=False) if a.lemma == "file")
    assert content_text(text, att) == "the law"


def test_the_packaged_chooser_is_trained_and_takes_a_cue_phrase_s_object(nlp):
    assert load_model(), "resources/boundary_model.tsv is missing: run scripts/train_boundary_model.py"
    text = "Ann Lee threw her support behind the mayor on Tuesday."
    doc = parsed(nlp, text)
    att = next(a for a in find_attributions(doc, cache=False) if a.lemma == "throw")
    assert content_text(text, att) == "the mayor"


def test_training_labels_the_gold_edge_among_the_candidates(nlp):
    text = "The senator filed a challenge against the law."
    doc = parsed(nlp, text)
    cue = text.index("filed")
    law = text.index("the law")
    article = GoldArticle("t", text, [GoldRelation(((law, law + 7),), ((cue, cue + 5),), ((0, 11),))])
    end_groups, start_groups = article_groups(article, doc)
    (ends,) = end_groups
    assert ends[0][1] is True and not any(y for _, y in ends[1:])  # the content already ends where the gold one does
    (group,) = start_groups
    assert group[0][1] is False  # the content as it is starts too early
    assert sum(y for _, y in group) == 1


def test_a_fitted_table_reads_back(tmp_path, monkeypatch):
    groups = [[(["end:keep"], False), (["end:cut", "end:dep=relcl"], True)]] * 5
    weights = fit_groups(groups, [])
    assert weights["end:dep=relcl"] > 0
    table = format_boundary_model(weights, source="test")
    assert table.startswith("# Learned boundary chooser")
    import newsclaims.extract.cue_model as cue_model

    monkeypatch.setattr(cue_model, "_read", lambda name: table)
    assert read_weights("boundary_model.tsv") == pytest.approx({k: round(v, 4) for k, v in weights.items()})
