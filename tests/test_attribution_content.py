"""Contents and sources from the parse: a cue's complements on one side of it, the subject past a
time stamp or a misplaced participle (hand-built parses, no model needed)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc, Span  # noqa: E402

from newsclaims.extract.attribution import _whole_quotes, content_of  # noqa: E402
from newsclaims.extract.content import find_quotes  # noqa: E402
from newsclaims.extract.cues import Cue, colon_cue  # noqa: E402
from newsclaims.extract.sources import source_of  # noqa: E402


def parsed(rows: list[tuple[str, int, str, str]]) -> Doc:
    """A Doc from ``(word, head index, dependency, part of speech)`` rows, one space after each word."""
    words, heads, deps, pos = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def content_text(doc: Doc, i: int) -> str | None:
    span, _, _ = content_of(Cue(doc[i], (doc[i],), "speech"))
    return doc.text[span[0]:span[1]] if span else None


def test_the_next_sentence_hung_on_the_cue_is_not_its_content():
    # the parser made the next sentence's "said" a second complement of "Okafor said"
    doc = parsed([
        ("Ferries", 2, "nsubj", "NOUN"), ("will", 2, "aux", "AUX"), ("sail", 5, "ccomp", "VERB"),
        (",", 5, "punct", "PUNCT"), ("Okafor", 5, "nsubj", "PROPN"), ("said", 5, "ROOT", "VERB"),
        (".", 5, "punct", "PUNCT"), ("We", 8, "nsubj", "PRON"), ("agree", 11, "ccomp", "VERB"),
        (",", 11, "punct", "PUNCT"), ("she", 11, "nsubj", "PRON"), ("said", 5, "ccomp", "VERB"),
        (".", 11, "punct", "PUNCT"),
    ])
    assert content_text(doc, 5) == "Ferries will sail"


def test_a_clause_before_the_cue_is_not_its_content():
    # "In May, Okafor said that ferries will sail": "In May" hangs on the complement
    doc = parsed([
        ("In", 7, "prep", "ADP"), ("May", 0, "pobj", "PROPN"), (",", 7, "punct", "PUNCT"),
        ("Okafor", 4, "nsubj", "PROPN"), ("said", 4, "ROOT", "VERB"), ("that", 7, "mark", "SCONJ"),
        ("ferries", 7, "nsubj", "NOUN"), ("sail", 4, "ccomp", "VERB"), (".", 4, "punct", "PUNCT"),
    ])
    assert content_text(doc, 4) == "ferries sail"


def source_text(doc: Doc, i: int) -> str | None:
    span = source_of(Cue(doc[i], (doc[i],), "speech"))
    return doc.text[span[0]:span[1]] if span else None


def test_a_time_stamp_joined_to_the_paragraph_is_not_the_source():
    doc = parsed([
        ("2:40", 1, "nummod", "NUM"), ("p.m.", 5, "nsubj", "NOUN"), ("\n\n", 1, "dep", "SPACE"),
        ("The", 4, "det", "DET"), ("manager", 1, "appos", "NOUN"), ("says", 5, "ROOT", "VERB"),
        ("ferries", 7, "nsubj", "NOUN"), ("sail", 5, "ccomp", "VERB"), (".", 5, "punct", "PUNCT"),
    ])
    assert source_text(doc, 5) == "The manager"


def test_a_line_wrapped_inside_a_sentence_opens_no_paragraph():
    # "Obama, who denounced a hate⏎crime, reiterated …": the word after the break is lower-case
    doc = parsed([
        ("Obama", 8, "nsubj", "PROPN"), (",", 0, "punct", "PUNCT"), ("who", 3, "nsubj", "PRON"),
        ("denounced", 0, "relcl", "VERB"), ("a", 7, "det", "DET"), ("hate", 7, "compound", "NOUN"),
        ("\n", 5, "dep", "SPACE"), ("crime", 3, "dobj", "NOUN"), ("reiterated", 8, "ROOT", "VERB"),
        ("his", 10, "poss", "PRON"), ("frustration", 8, "dobj", "NOUN"), (".", 8, "punct", "PUNCT"),
    ])
    assert source_text(doc, 8) == "Obama"


def test_a_time_opening_the_paragraph_is_not_the_source():
    # a headline's name the parser made the subject, and "Tuesday …" opening the cue's paragraph
    doc = parsed([
        ("Ann", 1, "compound", "PROPN"), ("Lee", 12, "nsubj", "PROPN"), ("Speaks", 1, "appos", "PROPN"),
        ("\n\n", 2, "dep", "SPACE"), ("Tuesday", 1, "appos", "PROPN"), ("in", 4, "prep", "ADP"),
        ("Lisbon", 5, "pobj", "PROPN"), (",", 12, "punct", "PUNCT"), ("former", 9, "amod", "ADJ"),
        ("mayor", 11, "compound", "NOUN"), ("Ann", 11, "compound", "PROPN"), ("Lee", 1, "appos", "PROPN"),
        ("said", 12, "ROOT", "VERB"), ("ferries", 14, "nsubj", "NOUN"), ("sail", 12, "ccomp", "VERB"),
        (".", 12, "punct", "PUNCT"),
    ])
    doc.ents = [Span(doc, 4, 5, label="DATE")]
    assert source_text(doc, 12) == "former mayor Ann Lee"


def test_a_participle_hung_elsewhere_takes_the_subject_of_its_sentence():
    doc = parsed([
        ("Ward", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB"), ("on", 1, "prep", "ADP"),
        ("Friday", 2, "pobj", "PROPN"), (",", 1, "punct", "PUNCT"), ("promising", 3, "npadvmod", "VERB"),
        ("ferries", 7, "nsubj", "NOUN"), ("sail", 5, "ccomp", "VERB"), (".", 1, "punct", "PUNCT"),
    ])
    doc[5].tag_ = "VBG"
    assert source_text(doc, 5) == "Ward"


def test_a_participle_on_a_means_of_a_passive_verb_is_the_passive_subjects():
    # "Lee was heard on a microphone telling …": the parser hung "telling" on "microphone"
    doc = parsed([
        ("Lee", 2, "nsubjpass", "PROPN"), ("was", 2, "auxpass", "AUX"), ("heard", 2, "ROOT", "VERB"),
        ("on", 2, "prep", "ADP"), ("a", 5, "det", "DET"), ("microphone", 3, "pobj", "NOUN"),
        ("telling", 5, "acl", "VERB"), ("the", 8, "det", "DET"), ("driver", 6, "dobj", "NOUN"),
        ("to", 10, "aux", "PART"), ("stop", 6, "xcomp", "VERB"), (".", 2, "punct", "PUNCT"),
    ])
    assert source_text(doc, 6) == "Lee"
    # a means with a possessor is its possessor's, and the passive subject does not take it over
    owned = parsed([
        ("Lee", 2, "nsubjpass", "PROPN"), ("was", 2, "auxpass", "AUX"), ("heard", 2, "ROOT", "VERB"),
        ("on", 2, "prep", "ADP"), ("Ann", 5, "poss", "PROPN"), ("microphone", 3, "pobj", "NOUN"),
        ("telling", 5, "acl", "VERB"), ("the", 8, "det", "DET"), ("driver", 6, "dobj", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ])
    assert source_text(owned, 6) != "Lee"


@pytest.mark.parametrize("noun, prep", [("reference", "with"), ("point", "at"), ("record", "on")])
def test_a_participle_on_a_means_or_an_occasion_is_the_verbs_subject(noun, prep):
    # "ended the debate with a reference to …, remarking", "at one point calling", "are on record opposing"
    doc = parsed([
        ("Okafor", 1, "nsubj", "PROPN"), ("ended", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
        ("debate", 1, "dobj", "NOUN"), (prep, 1, "prep", "ADP"), ("a", 6, "det", "DET"), (noun, 4, "pobj", "NOUN"),
        ("remarking", 6, "acl", "VERB"), ("ferries", 9, "nsubj", "NOUN"), ("sail", 7, "ccomp", "VERB"),
        (".", 1, "punct", "PUNCT"),
    ])
    assert source_text(doc, 7) == "Okafor"


def quoted(doc: Doc, opening: int, closing: int) -> Doc:
    doc[opening].tag_, doc[closing].tag_ = "``", "''"
    return doc


def test_a_participle_hung_on_a_verb_of_the_quotation_after_it_is_not_said_by_its_subject():
    # "Lee spoke, telling the crowd, “Ferries sail.”": the parser hung "telling" on "sail"
    doc = quoted(parsed([
        ("Lee", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB"), (",", 1, "punct", "PUNCT"),
        ("telling", 9, "advcl", "VERB"), ("the", 5, "det", "DET"), ("crowd", 3, "dobj", "NOUN"),
        (",", 3, "punct", "PUNCT"), ("“", 9, "punct", "PUNCT"), ("Ferries", 9, "nsubj", "NOUN"),
        ("sail", 1, "ccomp", "VERB"), ("”", 9, "punct", "PUNCT"), (".", 1, "punct", "PUNCT"),
    ]), 7, 10)
    doc[3].tag_ = "VBG"
    assert source_text(doc, 3) == "Lee"
    # leading the sentence, the participle is said by the subject of the tag after it
    doc = quoted(parsed([
        ("Remarking", 11, "csubj", "VERB"), ("upon", 0, "prep", "ADP"), ("the", 3, "det", "DET"),
        ("plan", 1, "pobj", "NOUN"), (",", 6, "punct", "PUNCT"), ("Starr", 6, "nsubj", "PROPN"),
        ("said", 11, "parataxis", "VERB"), (",", 6, "punct", "PUNCT"), ("“", 11, "punct", "PUNCT"),
        ("The", 10, "det", "DET"), ("plan", 11, "nsubj", "NOUN"), ("is", 11, "ROOT", "AUX"),
        ("clear", 11, "acomp", "ADJ"), (".", 11, "punct", "PUNCT"), ("”", 11, "punct", "PUNCT"),
    ]), 8, 14)
    doc[0].tag_ = "VBG"
    assert source_text(doc, 0) == "Starr"


def test_a_participle_opening_its_paragraph_is_not_said_by_the_paragraph_before():
    # '“It ended.”⏎⏎Continuing his talk, Lee rejected the plan.': the parser joined the paragraphs
    doc = quoted(parsed([
        ("“", 2, "punct", "PUNCT"), ("It", 2, "nsubj", "PRON"), ("ended", 2, "ROOT", "VERB"),
        (".", 2, "punct", "PUNCT"), ("”", 2, "punct", "PUNCT"), ("\n\n", 4, "dep", "SPACE"),
        ("Continuing", 2, "advcl", "VERB"), ("his", 8, "poss", "PRON"), ("talk", 6, "dobj", "NOUN"),
        (",", 11, "punct", "PUNCT"), ("Lee", 11, "nsubj", "PROPN"), ("rejected", 2, "ccomp", "VERB"),
        ("the", 13, "det", "DET"), ("plan", 11, "dobj", "NOUN"), (".", 11, "punct", "PUNCT"),
    ]), 0, 4)
    doc[6].tag_ = "VBG"
    assert source_text(doc, 6) == "Lee"


@pytest.mark.parametrize("subject, tag, source", [("that", "WDT", "Lee"), ("he", "PRP", "he")])
def test_a_participle_after_a_relative_clause_about_a_thing_is_the_main_clauses(subject, tag, source):
    # "Lee had a moment that could matter, forcefully denouncing …": the parser hung "denouncing" on
    # "matter"; in "a moment when he spoke, denouncing …" the clause has a speaker of its own
    doc = parsed([
        ("Lee", 1, "nsubj", "PROPN"), ("had", 1, "ROOT", "VERB"), ("a", 3, "det", "DET"),
        ("moment", 1, "dobj", "NOUN"), (subject, 6, "nsubj", "PRON"), ("could", 6, "aux", "AUX"),
        ("matter", 3, "relcl", "VERB"), (",", 6, "punct", "PUNCT"), ("forcefully", 9, "advmod", "ADV"),
        ("denouncing", 6, "advcl", "VERB"), ("the", 11, "det", "DET"), ("plan", 9, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ])
    doc[4].tag_, doc[9].tag_ = tag, "VBG"
    assert source_text(doc, 9) == source


def test_a_content_ending_inside_a_quotation_takes_the_whole_quotation():
    text = "He told them that “we sail at dawn, and we return at dusk” before he left."
    quote = find_quotes(text)[0]
    cut = text.index(",")  # where a parser might end the complement
    start, end = _whole_quotes((text.index("that"), cut), [quote])
    assert text[start:end] == "that “we sail at dawn, and we return at dusk”"
    assert _whole_quotes((0, 7), [quote]) == (0, 7)  # a content clear of quotations stays


def test_a_headline_colon_after_a_name_the_tagger_took_for_a_noun():
    doc = parsed([
        ("Okafor", 3, "nsubj", "NOUN"), (":", 3, "punct", "PUNCT"), ("Ferries", 3, "nsubj", "NOUN"),
        ("sail", 3, "ROOT", "VERB"), ("today", 3, "npadvmod", "NOUN"),
    ])
    cue = colon_cue(doc, doc[1])
    assert cue is not None and doc.text[slice(*source_of(cue))] == "Okafor"
    lower = parsed([("note", 3, "nsubj", "NOUN"), (":", 3, "punct", "PUNCT"), ("ferries", 3, "nsubj", "NOUN"),
                    ("sail", 3, "ROOT", "VERB")])
    assert colon_cue(lower, lower[1]) is None  # a common noun is not a speaker


def test_a_colon_after_a_heading_and_a_spaced_dash_names_the_speaker():
    doc = parsed([
        ("FERRIES", 1, "compound", "PROPN"), ("LATE", 4, "nsubj", "PROPN"), ("-", 4, "punct", "PUNCT"),
        ("Okafor", 4, "nsubj", "PROPN"), (":", 4, "punct", "PUNCT"), ("Ferries", 6, "nsubj", "NOUN"),
        ("sail", 4, "ccomp", "VERB"),
    ])
    cue = colon_cue(doc, doc[4])
    assert cue is not None and doc.text[slice(*source_of(cue))] == "Okafor"


@pytest.mark.parametrize("label", [["Breaking"], ["BUSTED"], ["Just", "In"]])
def test_a_headline_label_before_a_colon_is_no_speaker(label):
    # "Breaking: Ferries Sail Today": a label of the headline, not a name
    n = len(label)
    rows = [(w, n + 2, "npadvmod", "PROPN") for w in label]
    doc = parsed(rows + [(":", n + 2, "punct", "PUNCT"), ("Ferries", n + 2, "nsubj", "PROPN"),
                         ("Sail", n + 2, "ROOT", "VERB")])
    assert colon_cue(doc, doc[n]) is None
    named = parsed([("Okafor", 3, "npadvmod", "PROPN"), (":", 3, "punct", "PUNCT"), ("Ferries", 3, "nsubj", "PROPN"),
                    ("Sail", 3, "ROOT", "VERB")])
    assert colon_cue(named, named[1]) is not None


@pytest.mark.parametrize("lead, speaker", [
    ("Photo", False), ("Director", False), ("Also Read", False), ("Also Read: Ferries", False),
    ("Harbour TV YouTube", False), ("Like Harbour TV", False), ("2:45 pm Harbour update", False), ("(NOTE (AB CD", False),
    ("Roundup", False), ("Sanders", True), ("Ann Okafor", True), ("Photographer Ann Okafor", True),
    ("Likely voters", True),
])
def test_a_label_before_a_colon_is_no_speaker(lead, speaker):
    # a credit, a heading, a link's name or a live blog's time, not who said what follows
    from newsclaims.extract.cues import is_label

    assert is_label(lead) is not speaker


def test_a_link_after_a_colon_is_not_what_was_said():
    doc = parsed([("Okafor", 2, "npadvmod", "PROPN"), (":", 2, "punct", "PUNCT"), ("http://example.org/okafor", 2, "ROOT", "X")])
    assert doc[2].like_url
    assert colon_cue(doc, doc[1]) is None


def test_a_note_to_editors_is_not_a_headline_colon():
    doc = parsed([
        ("Eds", 3, "nsubj", "PROPN"), (":", 3, "punct", "PUNCT"), ("SUBS", 3, "nsubj", "PROPN"),
        ("graf", 3, "ROOT", "NOUN"),
    ])
    assert colon_cue(doc, doc[1]) is None


def lemmatised(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from ``(word, head, dependency, part of speech, lemma)`` rows."""
    words, heads, deps, pos, lemmas = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


QUOTED = [("“", 0, "punct", "PUNCT", "“"), ("We", 0, "nsubj", "PRON", "we"), ("sail", 0, "ccomp", "VERB", "sail"),
          ("”", 0, "punct", "PUNCT", "”")]


def with_quotation(rows: list[tuple[str, int, str, str, str]], verb: int) -> Doc:
    """``rows`` ending with a colon, then “We sail” hung on the token ``verb``."""
    n = len(rows)
    quoted = [(w, n + 2 if w != "sail" else verb, d, p, lem) for w, _, d, p, lem in QUOTED]
    return lemmatised(rows + quoted)


@pytest.mark.parametrize("rows, verb", [
    # "Lee told Harbour News: “We sail”": the name is the addressee of the verb of saying
    ([("Lee", 1, "nsubj", "PROPN", "Lee"), ("told", 1, "ROOT", "VERB", "tell"), ("Harbour", 3, "compound", "PROPN", "Harbour"),
      ("News", 1, "dobj", "PROPN", "News"), (":", 1, "punct", "PUNCT", ":")], 1),
    # "Stated Stone: “We sail”": the inverted subject of the verb
    ([("Stated", 0, "ROOT", "VERB", "state"), ("Stone", 0, "nsubj", "PROPN", "Stone"), (":", 0, "punct", "PUNCT", ":")], 0),
    # "Lee wrote it on Twitter: “We sail”": the medium, in a phrase of the verb, whatever the verb
    ([("Lee", 1, "nsubj", "PROPN", "Lee"), ("put", 1, "ROOT", "VERB", "put"), ("it", 1, "dobj", "PRON", "it"),
      ("on", 1, "prep", "ADP", "on"), ("Twitter", 3, "pobj", "PROPN", "Twitter"), (":", 1, "punct", "PUNCT", ":")], 1),
])
def test_a_name_that_a_verb_before_it_governs_does_not_speak_after_its_colon(rows, verb):
    doc = with_quotation(rows, verb)
    colon = next(t for t in doc if t.text == ":")
    assert colon_cue(doc, colon) is None


@pytest.mark.parametrize("rows, verb", [
    # "It surprised pollster Dan Shaw: “We sail”": the object of a verb that is not one of saying speaks
    ([("It", 1, "nsubj", "PRON", "it"), ("surprised", 1, "ROOT", "VERB", "surprise"), ("pollster", 4, "compound", "NOUN", "pollster"),
      ("Dan", 4, "compound", "PROPN", "Dan"), ("Shaw", 1, "dobj", "PROPN", "Shaw"), (":", 1, "punct", "PUNCT", ":")], 1),
    # "Lee On Ann Quoting Her Rival: “We sail”": a headline's title-cased verb
    ([("Lee", 0, "ROOT", "PROPN", "Lee"), ("On", 0, "prep", "ADP", "on"), ("Ann", 1, "pobj", "PROPN", "Ann"),
      ("Quoting", 2, "acl", "VERB", "quote"), ("Her", 5, "poss", "PROPN", "Her"), ("Rival", 3, "dobj", "PROPN", "Rival"),
      (":", 0, "punct", "PUNCT", ":")], 0),
])
def test_a_name_before_a_colon_still_speaks_after_other_verbs(rows, verb):
    doc = with_quotation(rows, verb)
    colon = next(t for t in doc if t.text == ":")
    assert colon_cue(doc, colon) is not None


def test_a_speech_verb_beside_the_clause_it_reports():
    # "As the Post reported, …": an adverbial clause opened by "as" reports the main clause
    doc = lemmatised([
        ("As", 3, "mark", "SCONJ", "as"), ("the", 2, "det", "DET", "the"), ("Post", 3, "nsubj", "PROPN", "Post"),
        ("reported", 7, "advcl", "VERB", "report"), (",", 3, "punct", "PUNCT", ","),
        ("ferries", 7, "nsubj", "NOUN", "ferry"), ("will", 7, "aux", "AUX", "will"), ("sail", 7, "ROOT", "VERB", "sail"),
    ])
    assert content_text(doc, 3) == "ferries will sail"
    # "…, his aide told the Post": a conjunct with a subject of its own and no conjunction
    doc = lemmatised([
        ("Ferries", 2, "nsubj", "NOUN", "ferry"), ("will", 2, "aux", "AUX", "will"), ("sail", 2, "ROOT", "VERB", "sail"),
        (",", 6, "punct", "PUNCT", ","), ("his", 5, "poss", "PRON", "his"), ("aide", 6, "nsubj", "NOUN", "aide"),
        ("told", 2, "conj", "VERB", "tell"), ("the", 8, "det", "DET", "the"), ("Post", 6, "dobj", "PROPN", "Post"),
    ])
    assert content_text(doc, 6) == "Ferries will sail"
    # "… and told the Post": a conjunct joined by "and" is a second action, not a report of the first
    doc = lemmatised([
        ("Ferries", 2, "nsubj", "NOUN", "ferry"), ("will", 2, "aux", "AUX", "will"), ("sail", 2, "ROOT", "VERB", "sail"),
        ("and", 2, "cc", "CCONJ", "and"), ("she", 5, "nsubj", "PRON", "she"),
        ("told", 2, "conj", "VERB", "tell"), ("the", 7, "det", "DET", "the"), ("Post", 5, "dobj", "PROPN", "Post"),
    ])
    assert content_text(doc, 5) is None


def test_the_issuer_of_a_statement_is_the_source_of_what_it_says():
    # "Okafor issued a statement saying …": Okafor speaks, not the statement
    doc = lemmatised([
        ("Okafor", 1, "nsubj", "PROPN", "Okafor"), ("issued", 1, "ROOT", "VERB", "issue"),
        ("a", 3, "det", "DET", "a"), ("statement", 1, "dobj", "NOUN", "statement"),
        ("saying", 3, "acl", "VERB", "say"), ("ferries", 6, "nsubj", "NOUN", "ferry"),
        ("sail", 4, "ccomp", "VERB", "sail"),
    ])
    cue = Cue(doc[4], (doc[4],), "speech")
    assert doc.text[slice(*source_of(cue))] == "Okafor"
    # a poll is not issued by whoever cites it: "Okafor cited a poll showing …" keeps its own rule
    doc = lemmatised([
        ("Okafor", 1, "nsubj", "PROPN", "Okafor"), ("cited", 1, "ROOT", "VERB", "cite"),
        ("a", 3, "det", "DET", "a"), ("poll", 1, "dobj", "NOUN", "poll"),
        ("showing", 3, "acl", "VERB", "show"), ("ferries", 6, "nsubj", "NOUN", "ferry"),
        ("sail", 4, "ccomp", "VERB", "sail"),
    ])
    cue = Cue(doc[4], (doc[4],), "evidence")
    assert doc.text[slice(*source_of(cue))] != "Okafor"


def tagged(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from ``(word, head, dependency, part of speech, fine tag)`` rows."""
    words, heads, deps, pos, tags = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_participle_after_a_closing_quotation_mark_takes_the_outer_speaker():
    # 'Okafor insisted that he has “won,” claiming …': claiming hangs on "won", Okafor claims
    doc = tagged([
        ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("insisted", 1, "ROOT", "VERB", "VBD"),
        ("that", 5, "mark", "SCONJ", "IN"), ("he", 5, "nsubj", "PRON", "PRP"), ("has", 5, "aux", "AUX", "VBZ"),
        ("won", 1, "ccomp", "VERB", "VBN"), (",", 5, "punct", "PUNCT", ","), ("”", 5, "punct", "PUNCT", "''"),
        ("claiming", 5, "advcl", "VERB", "VBG"), ("ferries", 10, "nsubj", "NOUN", "NNS"),
        ("sail", 8, "ccomp", "VERB", "VBP"),
    ])
    assert source_text(doc, 8) == "Okafor"


def test_a_participle_does_not_take_the_speaker_of_a_paragraph_the_parser_joined_to_it():
    # 'I hope it sails.⏎⏎Reyes responded, calling ferries slow': the parser hung "responded" on the
    # previous paragraph's "hope"; the one calling is Reyes
    doc = tagged([
        ("I", 1, "nsubj", "PRON", "PRP"), ("hope", 1, "ROOT", "VERB", "VBP"), ("it", 3, "nsubj", "PRON", "PRP"),
        ("sails", 1, "ccomp", "VERB", "VBZ"), (".", 1, "punct", "PUNCT", "."), ("\n\n", 4, "dep", "SPACE", "_SP"),
        ("Reyes", 7, "nsubj", "PROPN", "NNP"), ("responded", 1, "ccomp", "VERB", "VBD"), (",", 7, "punct", "PUNCT", ","),
        ("calling", 7, "advcl", "VERB", "VBG"), ("ferries", 9, "dobj", "NOUN", "NNS"), ("slow", 9, "oprd", "ADJ", "JJ"),
    ])
    assert source_text(doc, 9) == "Reyes"


def test_a_participle_hung_on_the_quotation_after_it_takes_the_outer_speaker():
    # '"We sail," Okafor said, adding of Ward, "He agrees"': adding hangs on "agrees"
    doc = tagged([
        ("We", 1, "nsubj", "PRON", "PRP"), ("sail", 4, "ccomp", "VERB", "VBP"), (",", 4, "punct", "PUNCT", ","),
        ("Okafor", 4, "nsubj", "PROPN", "NNP"), ("said", 4, "ROOT", "VERB", "VBD"), (",", 4, "punct", "PUNCT", ","),
        ("adding", 10, "advcl", "VERB", "VBG"), ("of", 6, "prep", "ADP", "IN"), ("Ward", 7, "pobj", "PROPN", "NNP"),
        ("he", 10, "nsubj", "PRON", "PRP"), ("agrees", 4, "ccomp", "VERB", "VBZ"),
    ])
    assert source_text(doc, 6) == "Okafor"


def test_a_conjunct_hung_inside_a_complement_in_the_same_tense_takes_the_outer_speaker():
    # "Okafor said he welcomed it and added …": the parser joined "added" to "welcomed"
    rows = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("said", 1, "ROOT", "VERB", "VBD"),
        ("he", 3, "nsubj", "PRON", "PRP"), ("welcomed", 1, "ccomp", "VERB", "VBD"), ("it", 3, "dobj", "PRON", "PRP"),
        ("and", 3, "cc", "CCONJ", "CC"), ("added", 3, "conj", "VERB", "VBD"), ("ferries", 8, "nsubj", "NOUN", "NNS"),
        ("sail", 6, "ccomp", "VERB", "VBP"),
    ]
    assert source_text(tagged(rows), 6) == "Okafor"
    # "… and Ward added …": a conjunct with a subject of its own keeps it
    rows[5:7] = [("and", 3, "cc", "CCONJ", "CC"), ("Ward", 7, "nsubj", "PROPN", "NNP"), ("added", 3, "conj", "VERB", "VBD")]
    rows[8:] = [("ferries", 9, "nsubj", "NOUN", "NNS"), ("sail", 7, "ccomp", "VERB", "VBP")]
    assert source_text(tagged(rows), 7) == "Ward"


def test_the_name_after_a_cue_that_follows_a_quotation_is_its_source():
    # '“Ferries sail,” declared Ann Okafor, a pilot.': the parser gave "declared" no subject
    rows = [
        ("“", 3, "punct", "PUNCT", "``"), ("Ferries", 2, "nsubj", "NOUN", "NNS"), ("sail", 5, "ccomp", "VERB", "VBP"),
        (",", 5, "punct", "PUNCT", ","), ("”", 5, "punct", "PUNCT", "''"), ("declared", 5, "ROOT", "VERB", "VBD"),
        ("Ann", 7, "compound", "PROPN", "NNP"), ("Okafor", 5, "dep", "PROPN", "NNP"), (",", 7, "punct", "PUNCT", ","),
        ("a", 10, "det", "DET", "DT"), ("pilot", 7, "appos", "NOUN", "NN"),
    ]
    assert source_text(tagged(rows), 5) == "Ann Okafor"
    # '…,” attacking Ann Okafor': a participle's object is not its source
    rows[5] = ("attacking", 5, "ROOT", "VERB", "VBG")
    assert source_text(tagged(rows), 5) is None


def test_a_participle_leading_the_sentence_takes_the_subject_of_the_main_clause():
    # "In addition to stating that ferries sail, Okafor has vowed to sail."
    rows = [
        ("In", 10, "prep", "ADP", "IN"), ("addition", 0, "pobj", "NOUN", "NN"), ("to", 1, "prep", "ADP", "IN"),
        ("stating", 2, "pcomp", "VERB", "VBG"), ("that", 6, "mark", "SCONJ", "IN"),
        ("ferries", 6, "nsubj", "NOUN", "NNS"), ("sail", 3, "ccomp", "VERB", "VBP"), (",", 10, "punct", "PUNCT", ","),
        ("Okafor", 10, "nsubj", "PROPN", "NNP"), ("has", 10, "aux", "AUX", "VBZ"), ("vowed", 10, "ROOT", "VERB", "VBN"),
        ("to", 12, "aux", "PART", "TO"), ("sail", 10, "xcomp", "VERB", "VB"),
    ]
    assert source_text(tagged(rows), 3) == "Okafor"
    # "Ward in addition to stating …": a participle after a name does not lead the sentence
    rows[0] = ("Ward", 10, "nsubj", "PROPN", "NNP")
    assert source_text(tagged(rows), 3) is None


def test_a_cue_hung_on_a_means_of_speech_takes_the_subject_of_the_verb_that_uses_it():
    # "Okafor used his speech to call for calm": Okafor calls, not the speech
    rows = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("used", 1, "ROOT", "VERB", "VBD"), ("his", 3, "poss", "PRON", "PRP$"),
        ("speech", 1, "dobj", "NOUN", "NN"), ("to", 5, "aux", "PART", "TO"), ("call", 1, "xcomp", "VERB", "VB"),
        ("for", 5, "prep", "ADP", "IN"), ("calm", 6, "pobj", "NOUN", "NN"),
    ]
    assert source_text(tagged(rows), 5) == "Okafor"
    # "Okafor urged the pilots to call for calm": the object of a verb of object control speaks
    rows[1:4] = [("urged", 1, "ROOT", "VERB", "VBD"), ("the", 3, "det", "DET", "DT"), ("pilots", 1, "dobj", "NOUN", "NNS")]
    doc = tagged(rows)
    doc[1].lemma_ = "urge"
    assert source_text(doc, 5) == "the pilots"
    # "Okafor adopted the plan to call for calm": a purpose; the one who adopted it calls
    rows[1] = ("adopted", 1, "ROOT", "VERB", "VBD")
    doc = tagged(rows)
    doc[1].lemma_ = "adopt"
    assert source_text(doc, 5) == "Okafor"


def test_the_object_before_a_participle_is_the_one_doing_it():
    # "Okafor recalled Ward asking for calm": Ward asks (no "to": no verb of object control needed)
    rows = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("recalled", 1, "ROOT", "VERB", "VBD"), ("Ward", 1, "dobj", "PROPN", "NNP"),
        ("asking", 1, "xcomp", "VERB", "VBG"), ("for", 3, "prep", "ADP", "IN"), ("calm", 4, "pobj", "NOUN", "NN"),
    ]
    doc = tagged(rows)
    doc[1].lemma_ = "recall"
    assert source_text(doc, 3) == "Ward"
    # "Okafor spent $80,000 supporting the plan": the money does not support it
    rows[1:3] = [("spent", 1, "ROOT", "VERB", "VBD"), ("money", 1, "dobj", "NOUN", "NN")]
    doc = tagged(rows)
    doc[1].lemma_ = "spend"
    assert source_text(doc, 3) == "Okafor"


def test_a_participle_on_a_document_after_the_verb_speaks_for_the_subject():
    # "Okafor shot back in an article stating that ferries sail"
    doc = tagged([
        ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("shot", 1, "ROOT", "VERB", "VBD"), ("back", 1, "advmod", "ADV", "RB"),
        ("in", 1, "prep", "ADP", "IN"), ("an", 5, "det", "DET", "DT"), ("article", 3, "pobj", "NOUN", "NN"),
        ("stating", 5, "acl", "VERB", "VBG"), ("that", 9, "mark", "SCONJ", "IN"), ("ferries", 9, "nsubj", "NOUN", "NNS"),
        ("sail", 6, "ccomp", "VERB", "VBP"),
    ])
    assert source_text(doc, 6) == "Okafor"
    # "In a statement defending Ward, the port said …": a statement before the verb is the source
    doc = tagged([
        ("In", 7, "prep", "ADP", "IN"), ("a", 2, "det", "DET", "DT"), ("statement", 0, "pobj", "NOUN", "NN"),
        ("defending", 2, "acl", "VERB", "VBG"), ("Ward", 3, "dobj", "PROPN", "NNP"), (",", 7, "punct", "PUNCT", ","),
        ("port", 7, "nsubj", "NOUN", "NN"), ("said", 7, "ROOT", "VERB", "VBD"),
    ])
    assert source_text(doc, 3) == "a statement"


def lemma_tagged(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A Doc from ``(word, head, dependency, part of speech, fine tag, lemma)`` rows."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_contracted_has_read_as_a_passive_keeps_its_subject():
    # "He’s spoken out against the law": "’s" is "has", not a passive "is"
    rows = [
        ("He", 2, "nsubjpass", "PRON", "PRP", "he"), ("’s", 2, "auxpass", "AUX", "VBZ", "’s"),
        ("spoken", 2, "ROOT", "VERB", "VBN", "speak"), ("out", 2, "prt", "ADP", "RP", "out"),
    ]
    assert source_text(lemma_tagged(rows), 2) == "He"
    rows[1] = ("is", 2, "auxpass", "AUX", "VBZ", "be")  # "He is told": the one who hears does not speak
    rows[2] = ("told", 2, "ROOT", "VERB", "VBN", "tell")
    assert source_text(lemma_tagged(rows), 2) is None
    # "Senators are split on whether …": the senators hold the views
    rows = [("Senators", 2, "nsubjpass", "NOUN", "NNS", "senator"), ("are", 2, "auxpass", "AUX", "VBP", "be"),
            ("split", 2, "ROOT", "VERB", "VBN", "split"), ("on", 2, "prep", "ADP", "IN", "on")]
    assert source_text(lemma_tagged(rows), 2) == "Senators"


def test_a_perfect_cue_the_parser_left_without_a_subject_takes_the_name_before_it():
    # "… for Plan B. Sanders hasn't said whether …": the parser hung "Sanders" on the heading
    doc = lemma_tagged([
        ("for", 3, "prep", "ADP", "IN", "for"), ("Sanders", 0, "pobj", "PROPN", "NNP", "Sanders"),
        ("has", 3, "aux", "AUX", "VBZ", "have"), ("said", 3, "ROOT", "VERB", "VBN", "say"),
        ("whether", 6, "mark", "SCONJ", "IN", "whether"), ("he", 6, "nsubj", "PRON", "PRP", "he"),
        ("runs", 3, "ccomp", "VERB", "VBZ", "run"),
    ])
    assert source_text(doc, 3) == "Sanders"


def test_the_name_after_a_quotation_speaks_when_the_parser_joined_the_cue_to_the_quotation():
    # "“We sail,” Ward, a pilot, said.": "said" hung on "sail" as a conjunct, with no subject
    rows = [
        ("“", 2, "punct", "PUNCT", "``"), ("We", 2, "nsubj", "PRON", "PRP"), ("sail", 2, "ROOT", "VERB", "VBP"),
        (",", 2, "punct", "PUNCT", ","), ("”", 2, "punct", "PUNCT", "''"), ("Ward", 2, "npadvmod", "PROPN", "NNP"),
        (",", 5, "punct", "PUNCT", ","), ("a", 8, "det", "DET", "DT"), ("pilot", 5, "appos", "NOUN", "NN"),
        (",", 5, "punct", "PUNCT", ","), ("said", 2, "conj", "VERB", "VBD"),
    ]
    assert source_text(tagged(rows), 10) == "Ward"
    # a closing mark after a word rather than after punctuation (a scare quote) ends no quotation
    rows[3] = ("and", 2, "cc", "CCONJ", "CC")
    assert source_text(tagged(rows), 10) == "We"


def test_a_participle_on_the_addressee_of_a_message_speaks_for_the_sender():
    # "The senator emailed supporters saying ferries sail": the senator speaks, not the supporters
    rows = [
        ("The", 1, "det", "DET", "DT", "the"), ("senator", 2, "nsubj", "NOUN", "NN", "senator"),
        ("emailed", 2, "ROOT", "VERB", "VBD", "email"), ("supporters", 2, "dobj", "NOUN", "NNS", "supporter"),
        ("saying", 3, "acl", "VERB", "VBG", "say"), ("ferries", 6, "nsubj", "NOUN", "NNS", "ferry"),
        ("sail", 4, "ccomp", "VERB", "VBP", "sail"),
    ]
    assert source_text(lemma_tagged(rows), 4) == "The senator"
    # "The senator met supporters saying ferries sail": those met speak for themselves
    rows[2] = ("met", 2, "ROOT", "VERB", "VBD", "meet")
    assert source_text(lemma_tagged(rows), 4) == "supporters"


def test_a_finite_cue_hung_under_a_headline_takes_the_name_before_it():
    # "Okafor Says Ferries Sail⏎Okafor said ferries sail": the second "said" hung on the headline's
    # "Says", with "Okafor" read as part of the headline
    doc = tagged([
        ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("Says", 1, "ROOT", "VERB", "VBZ"), ("Ferries", 3, "nsubj", "NOUN", "NNS"),
        ("Sail", 1, "ccomp", "VERB", "VBP"), ("\n", 3, "dep", "SPACE", "_SP"), ("Okafor", 3, "dobj", "PROPN", "NNP"),
        ("said", 1, "ccomp", "VERB", "VBD"), ("ferries", 8, "nsubj", "NOUN", "NNS"), ("sail", 6, "ccomp", "VERB", "VBP"),
    ])
    assert source_text(doc, 6) == "Okafor"


def test_a_participle_hung_inside_the_clause_of_an_object_noun_takes_the_outer_speaker():
    # "Okafor denied the claim that ferries sail, explaining …": explaining hangs on "sail"
    doc = tagged([
        ("Okafor", 1, "nsubj", "PROPN", "NNP"), ("denied", 1, "ROOT", "VERB", "VBD"), ("the", 3, "det", "DET", "DT"),
        ("claim", 1, "dobj", "NOUN", "NN"), ("that", 6, "mark", "SCONJ", "IN"), ("ferries", 6, "nsubj", "NOUN", "NNS"),
        ("sail", 3, "acl", "VERB", "VBP"), (",", 6, "punct", "PUNCT", ","), ("explaining", 6, "advcl", "VERB", "VBG"),
        ("he", 10, "nsubj", "PRON", "PRP"), ("knew", 8, "ccomp", "VERB", "VBD"),
    ])
    assert source_text(doc, 8) == "Okafor"


def test_an_object_content_ends_at_a_set_off_participle_cue():
    # "Ward tweeted thanks, adding “to all: Onward!”": the parser hung "Onward" on "tweeted"; what
    # follows "adding" is what was added, not part of the thanks
    doc = parsed([
        ("Ward", 1, "nsubj", "PROPN"), ("tweeted", 1, "ROOT", "VERB"), ("thanks", 1, "dobj", "NOUN"),
        (",", 1, "punct", "PUNCT"), ("adding", 1, "advcl", "VERB"), ("“", 4, "punct", "PUNCT"),
        ("to", 4, "prep", "ADP"), ("all", 6, "pobj", "PRON"), (":", 4, "punct", "PUNCT"),
        ("Onward", 1, "advmod", "ADV"), ("!", 1, "punct", "PUNCT"), ("”", 1, "punct", "PUNCT"),
    ])
    doc[4].tag_, doc[4].lemma_ = "VBG", "add"
    assert content_text(doc, 1) == "thanks"


@pytest.mark.parametrize("clause", [
    # "Ward urged voters, as she explained the plan": the circumstance of the urging
    [("as", 6, "mark", "SCONJ"), ("she", 6, "nsubj", "PRON"), ("explained", 1, "advcl", "VERB"),
     ("the", 8, "det", "DET"), ("plan", 6, "dobj", "NOUN")],
    # "Ward urged voters, cementing her lead": what she did next, a verb of no cue class
    [("cementing", 1, "advcl", "VERB"), ("her", 6, "poss", "PRON"), ("lead", 4, "dobj", "NOUN")],
])
def test_an_object_content_ends_at_any_set_off_adverbial_clause(clause):
    rows = [("Ward", 1, "nsubj", "PROPN"), ("urged", 1, "ROOT", "VERB"), ("voters", 1, "dobj", "NOUN"),
            (",", 1, "punct", "PUNCT")]
    doc = parsed(rows + clause + [(".", 1, "punct", "PUNCT")])
    assert content_text(doc, 1) == "voters"


def test_an_object_content_keeps_an_adverbial_clause_not_set_off():
    # "Ward urged voters as storms hit": no comma sets the clause off
    doc = parsed([
        ("Ward", 1, "nsubj", "PROPN"), ("urged", 1, "ROOT", "VERB"), ("voters", 1, "dobj", "NOUN"),
        ("as", 5, "mark", "SCONJ"), ("storms", 5, "nsubj", "NOUN"), ("hit", 1, "advcl", "VERB"),
    ])
    assert content_text(doc, 1) == "voters as storms hit"


def test_a_cue_the_parser_hung_on_an_auxiliary_reports_the_whole_clause():
    # "Even then, he said, he's learned enough": "said" hangs on the auxiliary "'s", whose subtree
    # is only "he's"; the clause is that of "learned"
    doc = parsed([
        ("Even", 1, "advmod", "ADV"), ("then", 8, "advmod", "ADV"), (",", 4, "punct", "PUNCT"),
        ("he", 4, "nsubj", "PRON"), ("said", 7, "parataxis", "VERB"), (",", 4, "punct", "PUNCT"),
        ("he", 7, "nsubj", "PRON"), ("'s", 8, "aux", "AUX"), ("learned", 8, "ROOT", "VERB"),
        ("enough", 8, "advmod", "ADV"),
    ])
    assert content_text(doc, 4) == "he 's learned enough"


def test_a_speaker_set_off_before_its_cue_by_a_clause():
    # "Lee, whose firm builds boats, said ferries sail": the parser made "Lee … builds boats" a
    # clause before "said"; Lee is the source and the clause after "said" the content
    doc = parsed([
        ("Lee", 5, "nsubj", "PROPN"), (",", 0, "punct", "PUNCT"), ("whose", 3, "poss", "PRON"),
        ("firm", 0, "appos", "NOUN"), (",", 0, "punct", "PUNCT"), ("builds", 8, "ccomp", "VERB"),
        ("boats", 5, "dobj", "NOUN"), (",", 8, "punct", "PUNCT"), ("said", 8, "ROOT", "VERB"),
        ("ferries", 10, "nsubj", "NOUN"), ("sail", 8, "ccomp", "VERB"), (".", 8, "punct", "PUNCT"),
    ])
    doc[8].tag_ = "VBD"
    assert source_text(doc, 8) == "Lee"
    assert content_text(doc, 8) == "ferries sail"


def test_a_cue_hung_beside_a_set_off_participle_takes_its_subject():
    # "Durbin, noting the crowd, said …": the parser made "noting" the main verb and hung "said" on it
    doc = parsed([
        ("Durbin", 2, "nsubj", "PROPN"), (",", 0, "punct", "PUNCT"), ("noting", 2, "ROOT", "VERB"),
        ("the", 4, "det", "DET"), ("crowd", 2, "dobj", "NOUN"), (",", 6, "punct", "PUNCT"),
        ("said", 2, "parataxis", "VERB"), ("ferries", 8, "nsubj", "NOUN"), ("sail", 6, "ccomp", "VERB"),
        (".", 2, "punct", "PUNCT"),
    ])
    doc[2].tag_, doc[6].tag_ = "VBG", "VBD"
    assert source_text(doc, 6) == "Durbin"
