"""Content boundaries past what the parse hangs on the cue (hand-built parses, no model needed)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc, Span  # noqa: E402

from newsclaims.extract.boundaries import (  # noqa: E402
    inner_content,
    interrupted_parts,
    is_time_only,
    raised_subject,
    relative_pieces,
    with_addressee,
    with_reported_adverbial,
    without_source,
    without_time_of_cue,
)


def parsed(rows: list[tuple]) -> Doc:
    """A Doc from ``(word, head, dep, pos[, tag[, lemma]])`` rows, one space after each word."""
    rows = [r + (None,) * (6 - len(r)) for r in rows]
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    tags = [t or "" for t in tags]
    lemmas = [lemma or w.lower() for w, lemma in zip(words, lemmas)]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def char_span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last])


def widened(rule, doc: Doc, first: int, last: int, head: int) -> str:
    start, end = rule(doc, char_span(doc, first, last), doc[head])
    return doc.text[start:end]


def reported(second_clause: list[tuple]) -> Doc:
    """ "Okafor said the ferries would sail" + a clause hung on "said" (heads counted from 0)."""
    return parsed([
        ("Okafor", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VBD", "say"), ("the", 3, "det", "DET"),
        ("ferries", 5, "nsubj", "NOUN"), ("would", 5, "aux", "AUX"), ("sail", 1, "ccomp", "VERB", "VB", "sail"),
        *second_clause,
    ])


@pytest.mark.parametrize("clause, expected", [
    # a reason hung on "said" is part of what was said
    ([("because", 9, "mark", "SCONJ"), ("the", 8, "det", "DET"), ("storm", 9, "nsubj", "NOUN"),
      ("passed", 1, "advcl", "VERB", "VBD", "pass"), (".", 1, "punct", "PUNCT")],
     "the ferries would sail because the storm passed"),
    # an inverted condition, no subordinator
    ([("should", 8, "aux", "AUX"), ("it", 8, "nsubj", "PRON"), ("clear", 1, "advcl", "VERB", "VB", "clear"),
      (".", 1, "punct", "PUNCT")],
     "the ferries would sail should it clear"),
    # a contrast is the reporter's, not the speaker's
    ([(",", 1, "punct", "PUNCT"), ("while", 10, "mark", "SCONJ"), ("the", 9, "det", "DET"), ("trains", 10, "nsubj", "NOUN"),
      ("wait", 1, "advcl", "VERB", "VBP", "wait"), (".", 1, "punct", "PUNCT")],
     "the ferries would sail"),
    # what the speaker did while saying it: a participle set off by a comma
    ([(",", 1, "punct", "PUNCT"), ("pointing", 1, "advcl", "VERB", "VBG", "point"), ("north", 7, "advmod", "ADV"),
      (".", 1, "punct", "PUNCT")],
     "the ferries would sail"),
    # a clause with a cue of its own is a relation of its own
    ([("as", 8, "mark", "SCONJ"), ("officials", 8, "nsubj", "NOUN"), ("announced", 1, "advcl", "VERB", "VBD", "announce"),
      (".", 1, "punct", "PUNCT")],
     "the ferries would sail"),
    # something else between the content and the clause: not the content's
    ([("on", 1, "prep", "ADP"), ("Monday", 6, "pobj", "PROPN"), ("because", 10, "mark", "SCONJ"),
      ("it", 10, "nsubj", "PRON"), ("cleared", 1, "advcl", "VERB", "VBD", "clear")],
     "the ferries would sail"),
])
def test_an_adverbial_clause_hung_on_the_cue(clause, expected):
    doc = reported(clause)
    assert widened(with_reported_adverbial, doc, 2, 5, 1) == expected


def test_an_adverbial_clause_in_the_next_paragraph_stays_out():
    doc = reported([("\n\n", 5, "dep", "SPACE"), ("because", 10, "mark", "SCONJ"), ("the", 9, "det", "DET"),
                    ("storm", 10, "nsubj", "NOUN"), ("passed", 1, "advcl", "VERB", "VBD", "pass")])
    assert widened(with_reported_adverbial, doc, 2, 5, 1) == "the ferries would sail"


def test_a_content_before_its_cue_is_left_alone():
    # "The ferries would sail, Okafor said because …": the rule widens contents that follow the cue
    doc = parsed([
        ("The", 1, "det", "DET"), ("ferries", 3, "nsubj", "NOUN"), ("would", 3, "aux", "AUX"),
        ("sail", 6, "ccomp", "VERB"), (",", 6, "punct", "PUNCT"), ("Okafor", 6, "nsubj", "PROPN"),
        ("said", 6, "ROOT", "VERB", "VBD", "say"), ("because", 9, "mark", "SCONJ"), ("it", 9, "nsubj", "PRON"),
        ("cleared", 6, "advcl", "VERB", "VBD", "clear"),
    ])
    assert widened(with_reported_adverbial, doc, 0, 3, 6) == "The ferries would sail"


def asked(verb: str, lemma: str, prep: str) -> Doc:
    """ "The mayor <verb> <prep> the harbour board to resign ." """
    return parsed([
        ("The", 1, "det", "DET"), ("mayor", 2, "nsubj", "NOUN"), (verb, 2, "ROOT", "VERB", "VBD", lemma),
        (prep, 2, "prep", "ADP"), ("the", 6, "det", "DET"), ("harbour", 6, "compound", "NOUN"),
        ("board", 3, "pobj", "NOUN"), ("to", 8, "aux", "PART"), ("resign", 2, "xcomp", "VERB", "VB", "resign"),
        (".", 2, "punct", "PUNCT"),
    ])


@pytest.mark.parametrize("verb, lemma, prep, expected", [
    ("called", "call", "on", "the harbour board to resign"),
    ("called", "call", "upon", "the harbour board to resign"),
    ("appealed", "appeal", "to", "the harbour board to resign"),
    # "decided on a whim at the quay to …": not an addressee
    ("decided", "decide", "on", "to resign"),
    ("waited", "wait", "for", "to resign"),
])
def test_the_addressee_of_a_phrasal_cue(verb, lemma, prep, expected):
    doc = asked(verb, lemma, prep)
    assert widened(with_addressee, doc, 7, 8, 2) == expected


def test_no_addressee_when_the_infinitive_follows_the_cue():
    doc = parsed([
        ("The", 1, "det", "DET"), ("mayor", 2, "nsubj", "NOUN"), ("called", 2, "ROOT", "VERB", "VBD", "call"),
        ("on", 2, "prt", "ADP"), ("to", 5, "aux", "PART"), ("resign", 2, "xcomp", "VERB", "VB", "resign"),
    ])
    assert widened(with_addressee, doc, 4, 5, 2) == "to resign"


def tried(verb: str, lemma: str, inner: str, inner_lemma: str) -> Doc:
    """ "Lee <verb> to <inner> that the plan works ." """
    return parsed([
        ("Lee", 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", "VBD", lemma), ("to", 3, "aux", "PART"),
        (inner, 1, "xcomp", "VERB", "VB", inner_lemma), ("that", 7, "mark", "SCONJ"), ("the", 6, "det", "DET"),
        ("plan", 7, "nsubj", "NOUN"), ("works", 3, "ccomp", "VERB", "VBZ", "work"), (".", 1, "punct", "PUNCT"),
    ])


@pytest.mark.parametrize("verb, lemma, inner, inner_lemma, expected", [
    # "tried to show": one cue; the content is what "show" reports
    ("tried", "try", "show", "show", "the plan works"),
    ("continued", "continue", "insist", "insist", "the plan works"),
    # the infinitive is no cue verb: "tried to make sure that …" keeps its infinitive
    ("tried", "try", "ensure", "ensure", "to ensure that the plan works"),
    # an intention is not aspectual: "wanted to show that …" is PolNeAR's content as it stands
    ("wanted", "want", "show", "show", "to show that the plan works"),
])
def test_an_aspectual_cue_and_its_infinitive(verb, lemma, inner, inner_lemma, expected):
    doc = tried(verb, lemma, inner, inner_lemma)
    assert widened(inner_content, doc, 2, 7, 1) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # "tweeted Wednesday": when, not what
    (["Wednesday"], ["B-DATE"], True),
    (["more", "than", "45", "minutes"], ["B-TIME", "I-TIME", "I-TIME", "I-TIME"], True),
    (["Oct.", "23", ","], ["B-DATE", "I-DATE", "O"], True),
    # a content naming a date among other words is a content
    (["the", "vote", "on", "Wednesday"], ["O", "O", "O", "B-DATE"], False),
    (["the", "plan"], ["O", "O"], False),
])
def test_a_time_expression_is_no_content(words, ents, expected):
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    assert is_time_only(doc, (0, len(doc.text))) is expected


@pytest.mark.parametrize("words, pos, content, source, expected", [
    # the parser hung the source on the quote before the cue: '“Denver,” he answered'
    (["“", "Denver", ",", "”", "he", "answered"], ["PUNCT", "PROPN", "PUNCT", "PUNCT", "PRON", "VERB"],
     (0, 4), (4, 4), "“ Denver , ”"),
    # "what do we think": the content is "what"
    (["what", "do", "we", "think"], ["PRON", "AUX", "PRON", "VERB"], (0, 2), (2, 2), "what"),
    # the source opening the content
    (["Lee", ",", "the", "plan", "works"], ["PROPN", "PUNCT", "DET", "NOUN", "VERB"], (0, 4), (0, 0), "the plan works"),
    # "something that Trump mocked": a relative "that" alone stays as it was
    (["that", "Trump", "mocked"], ["SCONJ", "PROPN", "VERB"], (0, 1), (1, 1), "that Trump"),
    # a source apart from the content changes nothing
    (["the", "plan", "works", "Lee", "said"], ["DET", "NOUN", "VERB", "PROPN", "VERB"], (0, 2), (3, 3), "the plan works"),
])
def test_a_content_never_holds_its_source(words, pos, content, source, expected):
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    start, end = without_source(doc, char_span(doc, *content), char_span(doc, *source))
    assert doc.text[start:end] == expected


def announced(tail: list[tuple], time: tuple[int, int] | None) -> Doc:
    """ "Okafor announced her run" + ``tail`` (heads counted from 0), tokens ``time`` a DATE entity."""
    doc = parsed([
        ("Okafor", 1, "nsubj", "PROPN"), ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
        ("her", 3, "poss", "PRON"), ("run", 1, "dobj", "NOUN"), *tail,
    ])
    if time is not None:
        doc.ents = [Span(doc, time[0], time[1], label="DATE")]
    return doc


@pytest.mark.parametrize("tail, time, last, expected", [
    # a time phrase hung on the cue after its object is when the cue happened
    ([("on", 1, "prep", "ADP"), ("Friday", 4, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")], (5, 6), 5, "her run"),
    ([("last", 5, "amod", "ADJ"), ("week", 1, "npadvmod", "NOUN"), (".", 1, "punct", "PUNCT")], (4, 6), 5, "her run"),
    # not when words of the content follow it, nor when it is not a time, nor hung on the object
    ([("on", 1, "prep", "ADP"), ("Friday", 4, "pobj", "PROPN"), ("in", 1, "prep", "ADP"), ("Lagos", 6, "pobj", "PROPN"),
      (".", 1, "punct", "PUNCT")], (5, 6), 7, "her run on Friday in Lagos"),
    ([("on", 1, "prep", "ADP"), ("radio", 4, "pobj", "NOUN"), (".", 1, "punct", "PUNCT")], None, 5, "her run on radio"),
    ([("for", 3, "prep", "ADP"), ("Friday", 4, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")], (5, 6), 5, "her run for Friday"),
])
def test_a_closing_time_of_the_cue_is_not_content(tail, time, last, expected):
    doc = announced(tail, time)
    assert widened(without_time_of_cue, doc, 2, last, 1) == expected


def economy() -> Doc:
    """ "The economy , he said , is growing fast ." with "said" hung on "growing" as a parenthetical."""
    return parsed([
        ("The", 1, "det", "DET"), ("economy", 7, "nsubj", "NOUN"), (",", 4, "punct", "PUNCT"),
        ("he", 4, "nsubj", "PRON"), ("said", 7, "parataxis", "VERB", "VBD", "say"), (",", 4, "punct", "PUNCT"),
        ("is", 7, "aux", "AUX"), ("growing", 7, "ROOT", "VERB", "VBG", "grow"), ("fast", 7, "advmod", "ADV"),
        (".", 7, "punct", "PUNCT"),
    ])


def pieces(doc: Doc, first: int, last: int, head: int, clause: int) -> list[str] | None:
    parts = interrupted_parts(doc, char_span(doc, first, last), doc[head], doc[clause])
    return None if parts is None else [doc.text[a:b] for a, b in parts]


def test_a_content_interrupted_by_its_attribution_is_in_two_pieces():
    doc = economy()
    # the content rule found the piece after the aside, or the one before it: the other one joins
    assert pieces(doc, 6, 8, head=4, clause=7) == ["The economy", "is growing fast"]
    assert pieces(doc, 0, 1, head=4, clause=7) == ["The economy", "is growing fast"]


def test_according_to_inside_a_content():
    doc = parsed([
        ("Turnout", 1, "nsubj", "NOUN"), ("was", 1, "ROOT", "AUX", "VBD", "be"), ("low", 1, "acomp", "ADJ"),
        (",", 1, "punct", "PUNCT"), ("according", 1, "prep", "VERB", "VBG", "accord"), ("to", 4, "prep", "ADP"),
        ("officials", 5, "pobj", "NOUN"), (",", 1, "punct", "PUNCT"), ("in", 1, "prep", "ADP"),
        ("most", 10, "amod", "ADJ"), ("districts", 8, "pobj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ])
    assert pieces(doc, 0, 2, head=4, clause=1) == ["Turnout was low", "in most districts"]


@pytest.mark.parametrize("first, last, head, clause", [
    (0, 1, 4, 4),  # the other side is not the reported clause's (the clause given is the cue itself)
    (6, 8, 7, 7),  # the "cue" is inside the content: no aside
])
def test_no_pieces_without_an_aside_of_the_clause(first, last, head, clause):
    assert pieces(economy(), first, last, head, clause) is None


def test_no_pieces_when_the_attribution_closes_the_sentence():
    doc = parsed([
        ("Prices", 1, "nsubj", "NOUN"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"), (",", 4, "punct", "PUNCT"),
        ("she", 4, "nsubj", "PRON"), ("said", 1, "parataxis", "VERB", "VBD", "say"), (".", 1, "punct", "PUNCT"),
    ])
    assert pieces(doc, 0, 1, head=4, clause=1) is None


def test_no_pieces_without_a_comma_before_the_aside():
    doc = parsed([
        ("The", 1, "det", "DET"), ("economy", 6, "nsubj", "NOUN"), ("he", 3, "nsubj", "PRON"),
        ("said", 6, "parataxis", "VERB", "VBD", "say"), (",", 3, "punct", "PUNCT"), ("is", 6, "aux", "AUX"),
        ("growing", 6, "ROOT", "VERB", "VBG", "grow"), (".", 6, "punct", "PUNCT"),
    ])
    assert pieces(doc, 5, 6, head=3, clause=6) is None


def expected(subject: list[tuple], verb: str = "expected", lemma: str = "expect", dep: str = "nsubjpass") -> Doc:
    """<subject> "is <verb> to speak ." with the subject's last word hung on the verb as ``dep``."""
    n = len(subject)
    rows = [(w, h if h is not None else n + 1, d if h is not None else dep, p) for w, h, d, p in subject]
    return parsed(rows + [
        ("is", n + 1, "auxpass" if dep == "nsubjpass" else "aux", "AUX"), (verb, n + 1, "ROOT", "VERB", "VBN", lemma),
        ("to", n + 3, "aux", "PART"), ("speak", n + 1, "xcomp", "VERB", "VB", "speak"), (".", n + 1, "punct", "PUNCT"),
    ])


@pytest.mark.parametrize("subject, verb, lemma, dep, piece", [
    # the subject of a passive cue, all of it up to the cue's auxiliary
    ([("The", 1, "det", "DET"), ("birth", None, None, "NOUN"), ("of", 1, "prep", "ADP"), ("Clinton", 2, "pobj", "PROPN")],
     "expected", "expect", "nsubjpass", "The birth of Clinton"),
    # the subject of a raising verb ("is" as its auxiliary keeps the rows simple)
    ([("Trump", None, None, "PROPN")], "seeming", "seem", "nsubj", "Trump"),
    # an expletive is no piece; nor the subject of an active cue that is not a raising verb
    ([("It", None, None, "PRON")], "expected", "expect", "nsubjpass", None),
    ([("Trump", None, None, "PROPN")], "planning", "plan", "nsubj", None),
])
def test_the_raised_subject_is_the_first_piece(subject, verb, lemma, dep, piece):
    doc = expected(subject, verb, lemma, dep)
    n = len(subject)
    got = raised_subject(doc, char_span(doc, n + 2, n + 3), doc[n + 1])
    assert (doc.text[got[0]:got[1]] if got else None) == piece


def test_no_raised_subject_when_the_content_comes_first():
    doc = expected([("Trump", None, None, "PROPN")])
    assert raised_subject(doc, char_span(doc, 0, 0), doc[2]) is None


@pytest.mark.parametrize("rest, piece", [
    # a participle cue right after its noun, reporting an infinitive: the noun is the first piece
    ([("to", 4, "aux", "PART"), ("be", 2, "xcomp", "AUX", "VB", "be"), ("quiet", 4, "acomp", "ADJ")], "A town"),
    # not when it reports a phrase of its own
    ([("for", 2, "prep", "ADP"), ("its", 5, "poss", "PRON"), ("calm", 3, "pobj", "NOUN")], None),
])
def test_the_noun_of_a_participle_cue_is_the_first_piece(rest, piece):
    doc = parsed([("A", 1, "det", "DET"), ("town", 1, "ROOT", "NOUN"), ("known", 1, "acl", "VERB", "VBN", "know"),
                  *rest, (".", 1, "punct", "PUNCT")])
    got = raised_subject(doc, char_span(doc, 3, 5), doc[2])
    assert (doc.text[got[0]:got[1]] if got else None) == piece


def fine(pronoun_head: int, pronoun_dep: str, tag: str = "WDT") -> Doc:
    """ "He paid a fine , which he said was small ." with "which" hung as given."""
    return parsed([
        ("He", 1, "nsubj", "PRON"), ("paid", 1, "ROOT", "VERB", "VBD", "pay"), ("a", 3, "det", "DET"),
        ("fine", 1, "dobj", "NOUN"), (",", 3, "punct", "PUNCT"), ("which", pronoun_head, pronoun_dep, "PRON", tag),
        ("he", 7, "nsubj", "PRON"), ("said", 3, "relcl", "VERB", "VBD", "say"), ("was", 7, "ccomp", "AUX", "VBD", "be"),
        ("small", 8, "acomp", "ADJ"), (".", 1, "punct", "PUNCT"),
    ])


def test_a_relative_pronoun_opening_the_cue_clause_is_the_first_piece():
    doc = fine(8, "nsubj")  # "which" the subject of the reported "was"
    parts = relative_pieces(doc, char_span(doc, 8, 9), doc[7])
    assert [doc.text[a:b] for a, b in parts] == ["which", "was small"]
    doc = fine(7, "dobj")  # "which" the object of "said", the content starting at it
    parts = relative_pieces(doc, char_span(doc, 5, 9), doc[7])
    assert [doc.text[a:b] for a, b in parts] == ["which", "was small"]
    doc = fine(7, "nsubj")  # "which" made a second subject of "said", beside its source "he"
    parts = relative_pieces(doc, char_span(doc, 8, 9), doc[7])
    assert [doc.text[a:b] for a, b in parts] == ["which", "was small"]


def test_no_relative_piece_for_a_pronoun_of_another_clause():
    doc = fine(1, "advmod")  # hung outside the cue's clause
    assert relative_pieces(doc, char_span(doc, 8, 9), doc[7]) is None
    doc = fine(8, "nsubj", tag="DT")  # a determiner, not a relative pronoun
    assert relative_pieces(doc, char_span(doc, 8, 9), doc[7]) is None


def test_the_second_piece_may_open_with_a_quotation_mark():
    """ 'The economy , he said , " is growing . "' with the content found inside the marks."""
    doc = parsed([
        ("The", 1, "det", "DET"), ("economy", 8, "nsubj", "NOUN"), (",", 4, "punct", "PUNCT"),
        ("he", 4, "nsubj", "PRON"), ("said", 8, "parataxis", "VERB", "VBD", "say"), (",", 4, "punct", "PUNCT"),
        ('"', 8, "punct", "PUNCT", "``"), ("is", 8, "aux", "AUX"), ("growing", 8, "ROOT", "VERB", "VBG", "grow"),
        (".", 8, "punct", "PUNCT"), ('"', 8, "punct", "PUNCT", "''"),
    ])
    assert pieces(doc, 7, 8, head=4, clause=8) == ["The economy", "is growing"]


def test_a_participle_setting_the_scene_is_no_piece():
    """ "Asked about it , he said , the party would win ." """
    doc = parsed([
        ("Asked", 10, "advcl", "VERB", "VBN", "ask"), ("about", 0, "prep", "ADP"), ("it", 1, "pobj", "PRON"),
        (",", 5, "punct", "PUNCT"), ("he", 5, "nsubj", "PRON"), ("said", 10, "parataxis", "VERB", "VBD", "say"),
        (",", 5, "punct", "PUNCT"), ("the", 8, "det", "DET"), ("party", 10, "nsubj", "NOUN"),
        ("would", 10, "aux", "AUX"), ("win", 10, "ROOT", "VERB", "VB", "win"), (".", 10, "punct", "PUNCT"),
    ])
    assert pieces(doc, 7, 10, head=5, clause=10) is None
    # the same words as a fronted phrase of the reported clause are its first piece
    doc = parsed([
        ("In", 10, "prep", "ADP"), ("the", 2, "det", "DET"), ("end", 0, "pobj", "NOUN"),
        (",", 5, "punct", "PUNCT"), ("he", 5, "nsubj", "PRON"), ("said", 10, "parataxis", "VERB", "VBD", "say"),
        (",", 5, "punct", "PUNCT"), ("the", 8, "det", "DET"), ("party", 10, "nsubj", "NOUN"),
        ("would", 10, "aux", "AUX"), ("win", 10, "ROOT", "VERB", "VB", "win"), (".", 10, "punct", "PUNCT"),
    ])
    assert pieces(doc, 7, 10, head=5, clause=10) == ["In the end", "the party would win"]


@pytest.mark.parametrize("tail, expected", [
    # '“…,” Ann Okafor, head of the port, told …': the source and its apposition after the quotation
    ([(",", 6, "punct", "PUNCT"), ("head", 6, "appos", "NOUN"), ("of", 8, "prep", "ADP"), ("the", 11, "det", "DET"),
      ("port", 9, "pobj", "NOUN")], "“ Ferries sail , ”"),
    # the source alone after the quotation (the rule before this one)
    ([], "“ Ferries sail , ”"),
])
def test_a_content_never_holds_its_source_and_its_description(tail, expected):
    doc = parsed([("“", 1, "punct", "PUNCT", "``"), ("Ferries", 2, "nsubj", "NOUN"), ("sail", 2, "ROOT", "VERB"),
                  (",", 2, "punct", "PUNCT"), ("”", 2, "punct", "PUNCT", "''"), ("Ann", 6, "compound", "PROPN"),
                  ("Okafor", 2, "nsubj", "PROPN"), *tail])
    start, end = without_source(doc, char_span(doc, 0, len(doc) - 1), char_span(doc, 5, 6))
    assert doc.text[start:end] == expected


def test_a_name_inside_the_content_not_set_off_stays():
    # "the speeches by Lee, who …": a source the parse found inside the content, not set off before it
    doc = parsed([("the", 1, "det", "DET"), ("speeches", 1, "ROOT", "NOUN"), ("by", 1, "prep", "ADP"),
                  ("Lee", 2, "pobj", "PROPN"), (",", 3, "punct", "PUNCT"), ("who", 6, "nsubj", "PRON"),
                  ("cites", 3, "relcl", "VERB"), ("them", 6, "dobj", "PRON")])
    start, end = without_source(doc, char_span(doc, 0, 7), char_span(doc, 3, 3))
    assert doc.text[start:end] == "the speeches by Lee , who cites them"
