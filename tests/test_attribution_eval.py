"""The PolNeAR reader and the attribution scorer, on tiny synthetic brat data."""

from __future__ import annotations

import pytest

from newsclaims.errors import NewsclaimsError
from newsclaims.evaluate.attributions import Item, merge_parts, normalise, polnear_span, score
from newsclaims.evaluate.polnear import read_split

TEXT = "“We won,” Ann said. Bob said that rain fell.\nIt is cold, Cy thinks."
#       0123456789012345678901234567890123456789012345 6789012345678901234567

ANN = (
    "T1\tContent 0 9\t“We won,”\n"
    "T2\tSource 10 13\tAnn\n"
    "T3\tCue 14 18\tsaid\n"
    "T4\tAttribution 14 18\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tContent 29 43\tthat rain fell\n"
    "T6\tSource 20 23\tBob\n"
    "T7\tCue 24 28\tsaid\n"
    "E2\tAttribution:T7 Content:T5 Cue:T7 Source:T6\n"
    "T8\tDiscard 45 56\tIt is cold,\n"
    "T9\tContent 45 55;57 59\tIt is cold | Cy\n"
    "E3\tContent:T9 Cue:T7\n"
)


@pytest.fixture
def split(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a1_ann1.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "a1_ann2.ann").write_text("", encoding="utf-8")  # second annotator: ignored
    return tmp_path


def test_reader_takes_the_first_annotator(split):
    (article,) = read_split(split)
    assert article.name == "a1" and article.text == TEXT
    assert [r.content for r in article.relations] == [((0, 9),), ((29, 43),), ((45, 55), (57, 59))]
    assert article.relations[0].source == ((10, 13),) and article.relations[2].source == ()


def test_reader_joins_a_second_content_span_to_the_relation(split):
    (split / "attributions" / "a1_ann1.ann").write_text(
        "T1\tContent 0 9\t“We won,”\nT2\tContent 29 43\tthat rain fell\nT3\tCue 14 18\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Content2:T2\n", encoding="utf-8")
    (article,) = read_split(split)
    assert [r.content for r in article.relations] == [((0, 9), (29, 43))]


def test_reader_rejects_a_folder_that_is_not_a_split(tmp_path):
    with pytest.raises(NewsclaimsError, match="not a PolNeAR split"):
        read_split(tmp_path)


def gold(split):
    (article,) = read_split(split)
    return article.text, [Item(r.content, r.cue, r.source, speech=True) for r in article.relations]


def test_perfect_prediction_scores_one(split):
    text, g = gold(split)
    res = score([(text, g, g)]).scores()
    assert res["F1@0.3"] == res["F1@0.8"] == res["F1 exact"] == 1.0
    assert res["speaker acc"] == res["cue acc"] == 1.0


def test_overlap_thresholds_and_exact(split):
    text, g = gold(split)
    # "that rain" covers 9 of 14 gold characters (>0.3, <0.8); "We won" without the marks is an exact match
    pred = [Item(((0, 8),), ((14, 18),), ((10, 13),)), Item(((29, 38),), ((0, 1),), ((57, 59),))]
    res = score([(text, g, pred)]).scores()
    assert res["R@0.3"] == pytest.approx(2 / 3) and res["P@0.3"] == 1.0
    assert res["R@0.8"] == pytest.approx(1 / 3)
    assert res["R exact"] == pytest.approx(1 / 3) and res["P exact"] == pytest.approx(1 / 2)
    assert res["speaker acc"] == 0.5 and res["cue acc"] == 0.5


def test_unmatched_prediction_lowers_precision(split):
    text, g = gold(split)
    res = score([(text, g, [*g, Item(((60, 66),))])]).scores()
    assert res["P@0.3"] == pytest.approx(3 / 4) and res["R@0.3"] == 1.0


def test_speech_only_view_filters_both_sides(split):
    text, g = gold(split)
    g = [Item(x.content, x.cue, x.source, speech=(i == 0), direct=(i == 0)) for i, x in enumerate(g)]
    result = score([(text, g, [g[0]])])
    assert result.scores("speech")["F1@0.3"] == 1.0
    assert result.scores("all")["R@0.3"] == pytest.approx(1 / 3)
    assert result.scores("all")["direct-quote recall"] == 1.0
    assert "speaker acc" in result.format()


def test_normalise_and_conventions():
    text = "He said that “the sky, is blue.” Yes."
    assert normalise(text, ((13, 32),)) == "the sky, is blue"
    assert polnear_span(text, 13, 32) == (8, 32)
    assert merge_parts([(5, 9), (0, 3), (2, 6)]) == ((0, 9),)


@pytest.mark.parametrize("text, claim, expected", [
    ("He said that rain fell.", "rain fell", "that rain fell"),
    # the claim starts after the comma of an aside that follows the complementizer
    ("He said that, if it rains, the vote stands.", "if it rains, the vote stands", "that, if it rains, the vote stands"),
    ("He said that — for now — the vote stands.", "for now — the vote stands", "that — for now — the vote stands"),
    # "that" ending a noun phrase is no complementizer
    ("She denied all that, saying the vote stands.", "saying the vote stands", "saying the vote stands"),
])
def test_polnear_span_takes_the_complementizer(nlp, text, claim, expected):
    start = text.index(claim)
    a, b = polnear_span(text, start, start + len(claim), nlp(text))
    assert text[a:b] == expected


def test_polnear_span_without_a_parse_takes_only_a_plain_complementizer():
    text = "He said that, if it rains, the vote stands."
    start = text.index("if it rains")
    assert polnear_span(text, start, len(text) - 1) == (start, len(text) - 1)


def test_a_prediction_in_parts_counts_its_parts(nlp):
    from newsclaims.evaluate.attributions import predicted_items
    from newsclaims.record import Claim, Provenance, Record, Span

    text = "The economy, he said, is growing."
    said = Span.of(text, text.index("said"), text.index("said") + 4)
    first, second = Span.of(text, 0, 11), Span.of(text, text.index("is"), len(text) - 1)
    claim = Claim(id="c1", text=text[0:second.end], start=0, end=second.end, kind="indirect", cue=said,
                  parts=[first, second])
    record = Record(id="t", text=text, source=Provenance(path="t.txt", sha256="0" * 64), claims=[claim])
    (item,) = predicted_items(record, nlp(text), frozenset({"say"}))
    assert item.content == ((0, 11), (second.start, second.end))
    assert normalise(text, item.content) == "The economy is growing"
    gold = [Item(((0, 11), (second.start, second.end)), ((said.start, said.end),))]
    assert score([(text, gold, [item])]).scores("all")["F1 exact"] == 1.0
    # the same claim without its parts covers the cue too: no exact match
    claim.parts = []
    (whole,) = predicted_items(record, nlp(text), frozenset({"say"}))
    assert score([(text, gold, [whole])]).scores("all")["F1 exact"] == 0.0


def test_read_annotators_gives_every_marking_of_articles_marked_twice(split):
    from newsclaims.evaluate.polnear import read_annotators

    (split / "text" / "a2.txt").write_text("Nobody said a thing.", encoding="utf-8")
    (split / "attributions" / "a2_ann1.ann").write_text("", encoding="utf-8")  # one annotator: left out
    (markings,) = read_annotators(split)
    assert [(m.name, m.annotator, len(m.relations)) for m in markings] == [("a1", "ann1", 3), ("a1", "ann2", 0)]
    assert read_split(split)[0].annotator == "ann1"


def test_annotator_agreement_scores_each_ordered_pair(split, nlp):
    from newsclaims.evaluate.agreement import Agreement, agreement_rows
    from newsclaims.evaluate.polnear import read_annotators

    # the second annotator marks the first two relations alike, the second with another cue, and skips the third
    (split / "attributions" / "a1_ann2.ann").write_text(ANN.replace("T7\tCue 24 28", "T7\tCue 20 23"
                                                                    ).split("T8\t")[0], encoding="utf-8")
    (markings,) = read_annotators(split)
    pairs, system = agreement_rows(markings, nlp(TEXT), frozenset({"say"}))
    assert len(pairs) == 2 and len(system) == 2
    result = Agreement(1, 2, score(pairs), score(system))
    human = result.annotators.scores("all")
    # 2 of 3 relations, then 2 of 2, are marked by the other annotator
    assert human["R@0.3"] == pytest.approx(4 / 5) and human["P@0.3"] == pytest.approx(4 / 5)
    assert human["cue acc"] == pytest.approx(2 / 4) and human["speaker acc"] == 1.0
    # the pipeline finds "We won" with Ann and "said" whichever annotator is gold
    assert result.system.scores("all")["R@0.3"] > 0
    assert "annotator vs annotator" in result.format() and "system vs each annotator" in result.format()


def test_agreement_needs_an_article_marked_twice(split):
    from newsclaims.evaluate.agreement import evaluate

    (split / "attributions" / "a1_ann2.ann").unlink()
    with pytest.raises(NewsclaimsError, match="several annotators"):
        evaluate(split)
