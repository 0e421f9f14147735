"""The cue model's features of where a candidate stands among the others (built by hand, no model needed)."""

from __future__ import annotations

from types import SimpleNamespace

from newsclaims.extract.cue_model import judged, nesting_features


def candidate(start: int, end: int, lemma: str, cls: str, content=None, rule: str = "comp", quotes=()):
    cue = SimpleNamespace(start=start, end=end)
    return SimpleNamespace(cue=cue, content=content, quotes=list(quotes), lemma=lemma, cue_class=cls, rule=rule)


# "Ann said Bob believes the port will reopen."
#  0   4    9   13       22
SAID = candidate(4, 8, "say", "speech", content=(9, 43))
BELIEVES = candidate(13, 21, "believe", "belief", content=(22, 43))
REOPEN = candidate(36, 42, "reopen", "other")


def test_an_inner_cue_names_the_candidate_whose_content_holds_it():
    feats = nesting_features(BELIEVES, [SAID, BELIEVES, REOPEN])
    assert {"outer=speech", "class_outer=belief|speech", "outer_lemma=say", "lemma_outer=believe|speech"} <= set(feats)
    assert "inner=none" in feats  # "reopen" is no cue of the lexicon


def test_an_outer_cue_names_the_classes_of_the_cues_its_content_holds():
    feats = nesting_features(SAID, [SAID, BELIEVES, REOPEN])
    assert "outer=none" in feats
    assert {"inner=belief", "class_inner=speech|belief", "inner_lemma=believe"} <= set(feats)
    assert "inner=other" not in feats


def test_the_narrowest_content_holding_a_cue_is_its_outer_candidate():
    thinks = candidate(26, 30, "think", "belief", content=(31, 43))
    wide = candidate(0, 3, "report", "speech", content=(4, 43))
    narrow = candidate(9, 12, "hope", "stance", content=(13, 43))
    assert "outer_lemma=hope" in nesting_features(thinks, [wide, narrow, thinks])


def test_a_quotation_a_candidate_drew_holds_cues_too():
    quoted = candidate(0, 4, "say", "speech", quotes=[SimpleNamespace(start=5, end=50)])
    inside = candidate(10, 15, "warn", "speech", content=(16, 40))
    assert "outer=speech" in nesting_features(inside, [quoted, inside])


def test_only_candidates_with_a_content_or_quotes_are_judged_against():
    empty = candidate(50, 54, "say", "speech")
    assert judged([SAID, empty, BELIEVES]) == [SAID, BELIEVES]
