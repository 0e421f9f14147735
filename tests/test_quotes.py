"""Quotes: quote-mark pairing (pure text), speakers and cues from the parse, embedded posts, the seed."""

from __future__ import annotations

import json

import pytest

from newsclaims.extract.content import find_quotes
from newsclaims.extract.social import find_posts


def inner(text: str) -> list[str]:
    return [text[q.inner_start:q.inner_end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win" today.', ["we will win"]),
    ("He said “we will win” today.", ["we will win"]),
    ("He said ``we will win'' today.", ["we will win"]),
    ("''We will win,'' he said. ''Soon.''", ["We will win,", "Soon."]),  # two apostrophes at both ends
    ("It is ‘in their heads.’ Really.", ["in their heads."]),
    ("Don’t panic, it’s fine.", []),  # apostrophes are not quote marks
    ('“One,” he said. “Two.”', ["One,", "Two."]),
    ('A 5\'10" man said nothing.', []),  # a stray closing mark (inches) is ignored
    ('“Outer ‘inner’ outer,” she said.', ["Outer ‘inner’ outer,"]),
    # attribute values of markup left in scraped copy are not quotations
    ('<post id="12" author="@mayor">We sail “today” at noon</post>.', ["today"]),
])
def test_quote_marks_pair(text, expected):
    assert inner(text) == expected


def test_multi_paragraph_quote_runs_to_the_paragraph_end():
    text = "“First paragraph of the quote.\n“Second and last.”\nPlain prose."
    assert inner(text) == ["First paragraph of the quote.", "Second and last."]
    first = find_quotes(text)[0]
    assert not first.closed and first.paragraph_start


def test_unbalanced_mark_stays_local():
    text = "He used a stray “ mark here.\nLater she said “all is well.”"
    assert inner(text) == ["all is well."]


def test_spans_reslice():
    text = 'A ``b'' c “d” e "f" g ‘h’'
    for q in find_quotes(text):
        assert text[q.start] in "`“\"‘" and text[q.end - 1] in "'”\"’"
        assert q.start < q.inner_start <= q.inner_end < q.end


POST = ("PM wrote it.\nOur ties are growing. pic.twitter.com/AbC123\n"
        "— Anwaar ul Haq Kakar (@anwaar_kakar) November 9, 2023\n")


def test_post_body_signature_and_link():
    (post,) = find_posts(POST)
    assert POST[post.start:post.end] == "Our ties are growing."
    assert (post.link, post.handle, post.date, post.platform) == ("pic.twitter.com/AbC123", "@anwaar_kakar", "2023-11-09", "X")
    older = POST.replace("2023", "2019")
    assert find_posts(older)[0].platform == "Twitter"


def test_direct_quote_speaker_and_cue(convert_text):
    rec = convert_text('“We will not back down,” Senator Jane Smith said on Monday.')
    (q,) = rec["quotes"]
    assert q["text"] == "We will not back down," and q["kind"] == "direct"
    assert q["source"]["text"] == "Senator Jane Smith" and q["cue"]["text"] == "said"
    assert q["speaker"] is not None


def test_inverted_cue_and_split_quote(convert_text):
    text = '“The economy is strong,” said John Brown, the minister. “Jobs are up.”'
    rec = convert_text(text)
    assert [q["text"] for q in rec["quotes"]] == ["The economy is strong,", "Jobs are up."]
    assert {q["source"]["text"] for q in rec["quotes"]} == {"John Brown"}
    assert {q["cue"]["text"] for q in rec["quotes"]} == {"said"}


def test_floating_quote_takes_the_previous_speaker(convert_text):
    text = ("Mary Jones told reporters the plan was sound.\n"
            "“We have studied it for two years and we are sure of the numbers,” she said.\n"
            "“Nobody has shown us a better one, and nobody will.”")
    rec = convert_text(text)
    last = rec["quotes"][-1]
    assert last["text"].startswith("Nobody has shown")
    assert last["cue"] is not None and last["cue"]["start"] == rec["quotes"][0]["cue"]["start"]


@pytest.mark.parametrize("later, cue", [
    # a paraphrase cue later in the same sentence ("noting that …") does not take the next quotation
    ("noting", "said"),
    # but "adding that …" does: what follows is added (PolNeAR train: cue and exact +3 each)
    ("adding", "adding"),
])
def test_floating_quote_takes_the_cue_of_the_quotation_before_it(convert_text, later, cue):
    text = (f"“The bridge will open in May,” Ana Costa said, {later} that the tolls would stay low for local drivers. "
            "“We have the money for all of it.”")
    rec = convert_text(text)
    last = rec["quotes"][-1]
    assert last["text"].startswith("We have the money")
    assert last["cue"] is not None and last["cue"]["text"] == cue


def test_floating_quote_takes_the_verb_that_tagged_the_quotation_before_it(convert_text):
    # "reads" is no speech verb of the lexicon, but it tags the first quotation: the second is the sign's too
    text = ("“We built this town with our own hands!” a sign at the gate reads. "
            "“Nobody will take it from us, and nobody will sell it to a stranger.”")
    rec = convert_text(text)
    assert [q["text"][:9] for q in rec["quotes"]] == ["We built ", "Nobody wi"]
    assert [q["cue"]["text"] if q["cue"] else None for q in rec["quotes"]] == ["reads", "reads"]


def test_floating_quote_after_a_quotation_inside_a_report_takes_the_reporter(convert_text):
    # the partial quotation is the friends' calling, but the paragraph's last speaker is Ana Costa
    text = ("Her neighbours have mocked the ferry plan, calling it “a floating folly,” Ana Costa said as she left.\n\n"
            "“But it is our folly, and we will sail it!”")
    rec = convert_text(text)
    last = rec["quotes"][-1]
    assert last["text"].startswith("But it is our folly")
    assert last["cue"] is not None and last["cue"]["text"] == "said" and last["source"]["text"] == "Ana Costa"


def test_quotation_inside_two_contents_goes_to_the_tag_after_it(convert_text):
    # the content of "praised" holds the second quotation too, but "she said" tags it
    text = ("Costa also praised her brother’s “deep and quiet faith” - “faith that shows itself through good "
            "works, not loud words,” she said - and left.")
    rec = convert_text(text)
    assert [(q["cue"]["text"], q["source"]["text"]) for q in rec["quotes"]] == [("praised", "Costa"), ("said", "she")]


def test_partial_quote(convert_text):
    rec = convert_text("The minister called the deal “a historic step” for both countries, officials said.")
    kinds = {q["text"]: q["kind"] for q in rec["quotes"]}
    assert kinds == {"a historic step": "partial"}


def test_scare_quotes_are_not_speech(convert_text):
    rec = convert_text("The so-called “experts” met in a hall near the river on Friday.")
    assert rec["quotes"] == []


@pytest.mark.parametrize("text", [
    "“The port will reopen in May,” Okafor said on Channel Nine’s “Morning Report” yesterday.",
    "“The port will reopen in May,” Okafor told “Harbour Hour” on Friday.",  # the show told
    "“The port will reopen in May,” Okafor said on the podcast “Tide Talk.”",  # after a noun of a work
    "“The port will reopen in May,” said Okafor, a host on the radio show “Tide Talk.”",
    "“The port will reopen in May,” Okafor wrote in her 2019 book, “Salt and Iron.”",
    "In an interview with “Harbour Hour,” Okafor said: “The port will reopen in May,”",
    "“The port will reopen in May,” Okafor said in the ad, “Open Waters.”",
])
def test_titles_are_not_speech(convert_text, text):
    rec = convert_text(text)
    assert [q["text"] for q in rec["quotes"]] == ["The port will reopen in May,"]


@pytest.mark.parametrize("text, spoken", [
    # a name, a title or a scare quote inside a phrase of the sentence is nobody's speech, even with
    # a speech verb beside it
    ("“The ferries will sail at dawn,” Okafor said at the “Harbour Days” fair.", ["The ferries will sail at dawn,"]),
    ("“The ferries will sail at dawn,” Okafor said, wearing a “Save the Port” cap.", ["The ferries will sail at dawn,"]),
    ("“The ferries will sail at dawn,” said Okafor, one of the original “big three” captains.",
     ["The ferries will sail at dawn,"]),
    ("In their new book “Tides of Trade”, two economists argue that the port must grow.", []),
    # a label that someone gives stays that person's words
    ("Okafor called the plan “a harbour of broken promises.”", ["a harbour of broken promises."]),
    ("Okafor described the plan as “a harbour of broken promises.”", ["a harbour of broken promises."]),
])
def test_names_in_a_phrase_are_not_speech(convert_text, text, spoken):
    rec = convert_text(text)
    assert [q["text"] for q in rec["quotes"]] == spoken


def test_quote_ids_in_text_order(convert_text):
    rec = convert_text('“First,” he said. Then “second thing here,” she added.')
    assert [q["id"] for q in rec["quotes"]] == [f"q{i}" for i in range(1, len(rec["quotes"]) + 1)]
    assert [q["start"] for q in rec["quotes"]] == sorted(q["start"] for q in rec["quotes"])


FIELDS = ("text", "start", "end", "kind", "source", "cue", "platform", "handle", "date", "link")


@pytest.fixture(scope="module")
def seed_pair(shared, convert_text):
    expected = json.loads((shared / "examples" / "000_fdf2c5db0e68fe77.expected.json").read_text(encoding="utf-8"))
    text = (shared / "seeds" / "000_fdf2c5db0e68fe77.txt").read_bytes().decode("utf-8")
    return expected, convert_text(text, id="000_fdf2c5db0e68fe77")


def test_seed_reproduces_every_expected_quote(seed_pair):
    expected, record = seed_pair
    got = {(q["start"], q["end"]): q for q in record["quotes"]}
    for want in expected["quotes"]:
        q = got.get((want["start"], want["end"]))
        assert q is not None, f"missing quote {want['text']!r}"
        for key in FIELDS:
            if key in want:
                assert q[key] == want[key], (want["text"], key)


def test_seed_speakers_are_the_source_actors(seed_pair):
    from newsclaims.extract.actors import actor_at
    from newsclaims.record import Actor, Span

    expected, record = seed_pair
    actors = [Actor(a["id"], a["name"], a["type"], mentions=[Span(**m) for m in a["mentions"]]) for a in record["actors"]]
    for item in record["quotes"] + record["claims"]:
        if item["source"] is not None:
            actor = actor_at(actors, item["source"]["start"], item["source"]["end"])
            assert item["speaker"] == (actor.id if actor else None), item["text"]
    handles = {h: a["id"] for a in record["actors"] for h in a["handles"]}
    post = next(q for q in record["quotes"] if q["kind"] == "social_post")
    assert post["speaker"] == handles.get("@anwaar_kakar", post["speaker"])


WRAPPED = (
    "WASHINGTON (AP)\n"
    "   The chief spoke on Friday about the harbour and its crowded\n"
    "quays, which he has patrolled for years.\n"
    "   ``What we have here is a crowd of skippers arguing\n"
    "over berths,'' said Police Chief Lars Dahl.\n"
    "   ``Each of them wants the best mooring.''\n"
)


def test_hard_wrapped_wire_copy_joins_lines_into_paragraphs():
    from newsclaims.extract.content import paragraphs

    paras = [WRAPPED[a:b] for a, b in paragraphs(WRAPPED)]
    assert len(paras) == 4 and paras[2].endswith("said Police Chief Lars Dahl.")
    assert inner(WRAPPED)[0] == "What we have here is a crowd of skippers arguing\nover berths,"


def test_hard_wrapped_quote_keeps_its_speaker(convert_text):
    rec = convert_text(WRAPPED)
    first, second = rec["quotes"]
    assert first["source"]["text"] == "Police Chief Lars Dahl" and first["cue"]["text"] == "said"
    assert second["cue"] == first["cue"]  # the next paragraph's quote floats to the same speaker


def test_transcript_speaker_tags():
    from newsclaims.extract.content import speaker_tags

    text = "[BEGIN RECORDING] [CRISTIANI] We will not negotiate.\n\n[TEXT] The army said so.\n"
    (tag,) = speaker_tags(text, find_quotes(text))
    assert text[tag.name_start:tag.name_end] == "CRISTIANI"
    assert text[tag.speech.inner_start:tag.speech.inner_end] == "We will not negotiate."


@pytest.mark.parametrize("text, voice, body", [
    ("DOC-1 (X)\n\nLIMA, 4 MAR 90 (RADIO SUR) -- [SPEECH] [PERUVIAN PRESIDENT ANA QUISPE] [TEXT] DEAR FRIENDS:",
     "PERUVIAN PRESIDENT ANA QUISPE", "DEAR FRIENDS:"),
    ("QUITO, 8 MAR 89 (EFE) -- [INTERVIEW WITH TOMAS REYES, MEMBER OF THE ALFARO GROUP, BY LUIS PAZ] [TEXT] "
     "[PAZ] WHY NOW?", "TOMAS REYES", "[PAZ] WHY NOW?"),
    ("QUITO, 8 MAR 89 (EFE) -- [STATEMENT] [ALFARO LIVES GROUP (AVC)] [TEXT] WE SIGNED.", "ALFARO LIVES GROUP", "WE SIGNED."),
    ("BOGOTA, 2 MAY 90 (EFE) -- [COMMUNIQUE FROM THE NORTH FRONT TO THE GOVERNMENT] [TEXT] WE DEMAND PEACE.",
     "THE NORTH FRONT", "WE DEMAND PEACE."),
    # the label after the markers is a speaker tag, not the speaker of the report
    ("LIMA, 4 MAR 90 (RADIO SUR) -- [REPORT] [TEXT] [CONTINUED] [QUISPE] WE WILL WIN.", None, "[QUISPE] WE WILL WIN."),
    ("LIMA, 4 MAR 90 (RADIO SUR) -- [TEXT] THE ARMY SAID SO.", None, "THE ARMY SAID SO."),
    ("LIMA, 4 MAR 90 (RADIO SUR) -- [EDITORIAL REPORT] [TEXT] A STATION SAID SO.", None, "A STATION SAID SO."),
])
def test_monitoring_service_header_names_the_voice(text, voice, body):
    from newsclaims.extract.content import text_header

    header = text_header(text)
    assert (text[header.voice[0]:header.voice[1]] if header.voice else None) == voice
    assert text[header.end:] == body


def test_no_header_without_bracketed_labels():
    from newsclaims.extract.content import text_header

    assert text_header("LIMA -- The army said so [sic].") is None
    assert text_header("The army said so.") is None


def test_speaker_tag_right_after_the_header():
    from newsclaims.extract.content import speaker_tags

    text = "LIMA, 4 MAR 90 (RADIO SUR) -- [INTERVIEW WITH ANA QUISPE BY LUIS PAZ] [TEXT] [QUISPE] YES, WE WILL.\n"
    (tag,) = speaker_tags(text, find_quotes(text))
    assert text[tag.name_start:tag.name_end] == "QUISPE"
    assert text[tag.speech.inner_start:tag.speech.inner_end] == "YES, WE WILL."


@pytest.mark.parametrize("text, cue, source", [
    # a verb right after the quotation tags it, whatever its lemma
    ("“Would the new bridge be finished by May?” Okafor pressed.", "pressed", "Okafor"),
    ("“We built this town with our own hands,” a sign at the gate reads.", "reads", "a sign at the gate"),
    # a surname the tagger took for an adverb, after an inverted cue
    ("“The pier will reopen next spring,” said Skelly, explaining the delay.", "said", "Skelly"),
    # a speaker set off from the cue by a participle the parser made a clause of the cue
    ('But Sen. Ada Brennan (D-Ohio), noting the size of the crowd, said, "Let me tell you, the ferry has '
     'a lot of friends."', "said", "Sen. Ada Brennan"),
    # an inverted cue after the quotation and two spaces; a name after it that opens a clause of its own
    ("“The bridge is safe and the ferry will run,”  added Lindqvist.", "added", "Lindqvist"),
    ("“I never said that, so forget about it,” said retired engineer Ann Okafor, asked about her claims that "
     "the bridge was unsafe.", "said", "retired engineer Ann Okafor"),
    # a name the tagger reads as a modal before a verb it tags as a participle
    ("“The harbour plan is a waste of money,” Will wrote.", "wrote", "Will"),
    # a tag verb the tagger reads as a noun ending the phrase after the quotation
    ('"Friend, the ferry will run again next spring," the email read.', "read", "the email"),
    ("“The harbour has never been this busy,” the two write.", "write", "the two"),
    ("“Nobody asked the riders,” the editorial read.", "read", "the editorial"),
])
def test_quote_tag_cue_and_source(convert_text, text, cue, source):
    (q,) = convert_text(text)["quotes"]
    assert (q["cue"]["text"] if q["cue"] else None, q["source"]["text"] if q["source"] else None) == (cue, source)


@pytest.mark.parametrize("text, source", [
    # a name and a colon inside a line introduce the quotation after them
    ('The debate turned to the ferry. Okafor: "The ferry will run all winter, and nobody will pay more."', "Okafor"),
    # a space (here a no-break space) between the colon and the mark
    ("AN EARLY START - Ann P. Okafor:\u00a0“At long last the ferry runs again.”", "Ann P. Okafor"),
])
def test_a_name_and_a_colon_introduce_a_quotation(convert_text, text, source):
    (q,) = convert_text(text)["quotes"]
    assert (q["cue"]["text"], q["source"]["text"]) == (":", source)


@pytest.mark.parametrize("text, cue, source", [
    # a verb set off by a comma right before the quotation introduces it, whatever its lemma
    ("After the vote, Okafor shot back, “I suppose I could have stayed home, but I chose to fight for the ferry.”",
     "shot", "Okafor"),
    ("As the harbour master Ann Lee put it, “nobody rides a ferry that never leaves the pier at all.”",
     "put", "the harbour master Ann Lee"),
])
def test_a_verb_before_a_quotation_introduces_it(convert_text, text, cue, source):
    (q,) = convert_text(text)["quotes"]
    assert (q["cue"]["text"], q["source"]["text"]) == (cue, source)


def test_a_verb_and_a_colon_introduce_a_quotation(convert_text):
    # "put it:": the quotation is what was put, "it" is no claim of its own
    record = convert_text("Or, as Tom Reyes put it: “The ferries are no longer at the mercy of the tide, and the town knows it.”")
    assert [(q["cue"]["text"], q["source"]["text"]) for q in record["quotes"]] == [("put", "Tom Reyes")]
    assert [c["text"] for c in record["claims"]] == []


def test_a_condition_before_a_quotation_does_not_introduce_it(convert_text):
    text = ("“The ferry will run,” said Ann Lee, the harbour master. "
            "Unless the council changes course, “it will run all winter and at the same fares as now.”")
    assert [q["cue"]["text"] for q in convert_text(text)["quotes"]] == ["said", "said"]


def test_a_colon_after_a_common_noun_is_no_speaker(convert_text):
    (q,) = convert_text('The rule at the pier is simple: "No dogs on the ferry after nine."')["quotes"]
    assert q["cue"] is None or q["cue"]["text"] != ":"


@pytest.mark.parametrize("text", [
    # a title followed by a relative clause is not tagged by the verb of that clause
    "“Harbour Nights and Days,” which ends at nine, is the best show on the radio.",
    # a speech verb later in the sentence tags the quotation, not a verb of the set-off phrase
    "“The pier will reopen next spring,” Ann Lee, now retired in Ohio, said on Monday.",
])
def test_a_verb_after_a_quotation_is_not_always_its_tag(convert_text, text):
    cues = {q["cue"]["text"] if q["cue"] else None for q in convert_text(text)["quotes"]}
    assert not cues & {"ends", "retired"}, cues


def test_sign_off_paragraph_names_the_speaker_of_the_quotation_before_it(convert_text):
    text = ('"The ferry will run all winter, and nobody will pay more for a ticket."\n\n- Ann Okafor.\n\n'
            "The claim does not hold up.")
    (q,) = convert_text(text)["quotes"]
    assert q["text"].startswith("The ferry will run") and q["source"]["text"] == "Ann Okafor"
    assert q["cue"]["text"] == "-"


@pytest.mark.parametrize("text, names", [
    ('"We will win."\n\n—Ann Okafor, in a radio interview.\n', ["Ann Okafor"]),
    ('"We will win."\n\n– A long night ahead –.\n', []),  # a subheading, not a name
    ("The vote is close.\n\n- Ann Okafor.\n", []),  # no quotation before it
    # closing the quotation's own paragraph, with a horizontal bar
    ("“We will win. The harbour is ours.” ― Ann Okafor\n“Nobody asked us.”― Jo Lee\xa0\n", ["Ann Okafor", "Jo Lee"]),
    ("“We will win,” she said ― Ann Okafor\n", []),  # words of the paragraph's own after the quotation
])
def test_sign_offs(text, names):
    from newsclaims.extract.content import sign_offs

    found = sign_offs(text, find_quotes(text))
    assert [text[s.name_start:s.name_end] for s in found] == names


def test_a_past_tense_read_as_a_participle_takes_the_name_before_it(nlp):
    # '“Go back,” Okafor barked and …': the tagger read "barked" as a participle (VBN, the root, no
    # auxiliary) and hung "Okafor" on it as a compound; the name before it is still who speaks
    from spacy.tokens import Doc

    from newsclaims.extract.cues import Cue
    from newsclaims.extract.sources import source_of

    words = ["“", "Go", "back", ",", "”", "Okafor", "barked", "and", "a", "guard", "left", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[False, True, False, False, True, True, True, True, True, True, False, False],
              heads=[1, 6, 1, 1, 1, 6, 6, 6, 9, 10, 6, 6],
              deps=["punct", "ccomp", "advmod", "punct", "punct", "compound", "ROOT", "cc", "det", "nsubj", "conj", "punct"],
              tags=["``", "VB", "RB", ",", "''", "NNP", "VBN", "CC", "DT", "NN", "VBD", "."],
              pos=["PUNCT", "VERB", "ADV", "PUNCT", "PUNCT", "PROPN", "VERB", "CCONJ", "DET", "NOUN", "VERB", "PUNCT"],
              lemmas=["“", "go", "back", ",", "”", "Okafor", "bark", "and", "a", "guard", "leave", "."])
    start, end = source_of(Cue(doc[6], (doc[6],), "speech"))
    assert doc.text[start:end] == "Okafor"


def test_quotation_tagged_by_its_speaker_keeps_its_speaker_under_according_to(convert_text):
    # "according to" says who reports the scene; the question is still Lee's
    (quote,) = convert_text("“Is the bridge safe?” Lee asked, according to two people in the room.")["quotes"]
    assert (quote["cue"]["text"], quote["source"]["text"]) == ("asked", "Lee")


@pytest.mark.parametrize("credit, source", [
    (" [Harbour Post.]", "Harbour Post"),  # a news digest credits the quotation to its source
    ("", None),  # no credit: the quotation floats with no speaker
])
def test_bracketed_credit_after_a_floating_quotation(convert_text, credit, source):
    text = ("HARBOUR TRAFFIC DOUBLES The port is busier than ever.\n\n“Harbour traffic has doubled since the "
            f"bridge closed, and the port cannot keep up.”{credit}\n\nFERRY NEWS The ferry sails again.")
    (quote,) = convert_text(text)["quotes"]
    assert (quote["cue"] or {}).get("text") == source
    assert (quote["source"] or {}).get("text") == source


@pytest.mark.parametrize("text, source", [
    ("As she put it, “The ferry will keep running all winter.”", "she"),
    ("“The ferry will keep running all winter,” as the harbour master put it.", "the harbour master"),
])
def test_as_x_put_it_tags_the_quotation(convert_text, text, source):
    quote, = convert_text(text)["quotes"]
    assert (quote["cue"]["text"], quote["source"]["text"]) == ("put", source)


def test_the_cues_own_subject_is_no_piece_of_what_it_reports(convert_text):
    # "As the harbour master, Ann Okafor, put it …": the comma inside the subject is not the aside's opening
    rec = convert_text("As the harbour master, Ann Okafor, put it in her letter to the council, "
                       "“The ferry will keep running all winter.”")
    assert [q["text"] for q in rec["quotes"]] == ["The ferry will keep running all winter."]
    assert not any("harbour master" in p["text"] for c in rec["claims"] for p in c["parts"])



@pytest.mark.parametrize("text, place", [
    ('"Yet another quay the board would have sold if the island had no say," another islander wrote on Reddit.', "Reddit"),
    ('"We need much calmer, much smarter harbour rules - and we need them NOW!" the mayor said on Twitter.', "Twitter"),
    ('"Who do they think they are?" the mayor said of the ferry company.', "the ferry company"),
])
def test_where_or_of_whom_a_quotation_was_said_is_no_claim(convert_text, text, place):
    # "wrote on Reddit": the preposition beside the quotation names where (or of whom) it was said
    rec = convert_text(text)
    assert len(rec["quotes"]) == 1 and rec["quotes"][0]["cue"] is not None
    assert [c["text"] for c in rec["claims"] if c["text"] == place] == []


@pytest.mark.parametrize("text, claim", [
    ('"Dangerous," the mayor warned against closing the harbour before the storm.', "closing the harbour before the storm"),
    ('"Enough," the union called for a new vote on the ferry contract.', "a new vote on the ferry contract"),
])
def test_what_a_cue_beside_a_quotation_takes_a_stance_on_stays_its_claim(convert_text, text, claim):
    rec = convert_text(text)
    assert [c["text"] for c in rec["claims"]] == [claim]


@pytest.mark.parametrize("text", [
    "''The mill was busy every night,'' said Ann Okafor, who noted that the plant had closed in 2009 after "
    "the owners moved production abroad. ''But those nights are never coming back.''",
    '"It was a good job," she said, describing how she assembled ferry engines at the plant near the harbour. '
    '"And when you work there for years, people are like family."',
])
def test_a_quotation_after_a_cue_inside_the_tag_goes_to_the_tag(convert_text, text):
    # the speaker goes on after the writer's note on the saying ("who noted …", "describing …")
    rec = convert_text(text)
    assert len(rec["quotes"]) == 2
    assert rec["quotes"][0]["cue"] == rec["quotes"][1]["cue"] and rec["quotes"][1]["cue"]["text"] == "said"


def test_a_quotation_after_adding_stays_with_adding(convert_text):
    rec = convert_text('"It was a good job," she said, adding that the plant paid well. '
                       '"And when you work there for years, people are like family."')
    assert [q["cue"]["text"] for q in rec["quotes"]] == ["said", "adding"]


@pytest.mark.parametrize("text", [
    "Ryan said,“Look at the harbour, it is full.”",  # scraped copy: no space after the comma
    "Ryan said:“Look at the harbour, it is full.”",
    'Ryan said,"Look at the harbour, it is full."',
])
def test_a_quotation_glued_to_its_cue_keeps_its_cue(convert_text, text):
    (quote,) = convert_text(text)["quotes"]
    assert quote["text"] == "Look at the harbour, it is full."
    assert quote["cue"]["text"] == "said" and quote["source"]["text"] == "Ryan"


def test_glued_punctuation_and_marks_are_tokens(nlp):
    assert [t.text for t in nlp("It was “great”,he said.")] == ["It", "was", "“", "great", "”", ",", "he", "said", "."]
    assert [t.text for t in nlp("He didn’t, 3,4 and U.S.-made.")][:5] == ["He", "did", "n’t", ",", "3,4"]


def test_a_horizontal_bar_is_a_token(nlp):
    assert [t.text for t in nlp("“We will vote.”― Jo Lee")][-4:] == ["”", "―", "Jo", "Lee"]
    assert [t.text for t in nlp("win―Ann")] == ["win", "―", "Ann"]


def test_a_sign_off_closing_the_quotations_paragraph_names_their_speaker(convert_text):
    text = ("Readers wrote in after the debate.\n“We will win. The harbour is ours.” ― Ann Okafor\n"
            "“Nobody asked us about the harbour, and we will vote.”― Jo Lee\nThe vote is on Tuesday.\n")
    quotes = convert_text(text)["quotes"]
    assert [(q["source"]["text"], q["cue"]["text"]) for q in quotes] == [("Ann Okafor", "―"), ("Jo Lee", "―")]


def test_a_paragraph_of_quotation_after_what_someone_said_is_theirs(convert_text):
    text = ("Ann Okafor said the council would meet on Monday, although the mayor has suggested that it "
            "should wait.\n\n\"We cannot wait. The ferries have to sail in May.\"")
    record = convert_text(text)
    (quote,) = record["quotes"]
    assert quote["speaker"] == next(a["id"] for a in record["actors"] if a["name"] == "Ann Okafor")
    # not when the paragraph before ends in no one's words
    record = convert_text(text.replace("Ann Okafor said the council", "The council").replace(
        ", although the mayor has suggested that it should wait", ""))
    assert record["quotes"][0]["speaker"] is None


@pytest.mark.parametrize("intro", ["Ann Okafor said:", "Ann Okafor said the ferry would sail."])
def test_every_paragraph_of_a_quotation_over_several_is_the_speakers(convert_text, intro):
    # each paragraph opens with a mark, only the last closes
    text = (f"{intro}\n\n\"I believe the ferry will sail, but there are many problems.\n\n"
            "\"The council emerged from a long struggle. Now they are in opposition.\n\n"
            "\"The split is for the better. We are now in the final stages.\"\n\nThe mayor left.")
    record = convert_text(text)
    okafor = next(a["id"] for a in record["actors"] if a["name"] == "Ann Okafor")
    assert [q["text"][:12] for q in record["quotes"]] == ["I believe th", "The council ", "The split is"]
    assert [q["speaker"] for q in record["quotes"]] == [okafor] * 3


def test_a_quoted_transcript_line_is_no_continuation_of_the_one_before(convert_text):
    text = ("The host asked Ann Okafor:\n\n\"Will the ferry sail in May?\n\n"
            "\"OKAFOR: It will sail if the council pays for the crew.\n\n\"HOST: Thank you.\"")
    quotes = convert_text(text)["quotes"]
    assert [(q["text"][:7], q["speaker"]) for q in quotes if q["text"].startswith("OKAFOR")] == [("OKAFOR:", None)]


def test_a_quotation_opening_a_numbered_list_line_is_a_title(convert_text):
    text = ("The week's best-selling records, as compiled by the trade magazine.\n"
            "   1.\"Waiting for a Star to Fall, Again and Again\" Boy Meets Girl (RCA)\n"
            "   2.\"I Remember Holding You, Once More and Forever\" Boys Club (MCA)\n")
    assert convert_text(text)["quotes"] == []


def test_each_quoted_sentence_opened_and_only_the_last_closed_are_all_quotes(convert_text):
    # copy that opens every quoted sentence and closes only the last
    text = "“We waited eleven years for this ferry. “Now it sails in May,” said Ann Okafor."
    record = convert_text(text)
    texts = [q["text"] for q in record["quotes"]]
    assert texts == ["We waited eleven years for this ferry.", "Now it sails in May,"]
    okafor = next(a["id"] for a in record["actors"] if a["name"] == "Ann Okafor")
    assert all(q["speaker"] == okafor for q in record["quotes"])


def test_a_quotation_left_open_before_a_paragraph_opening_with_a_mark_runs_on():
    from newsclaims.extract.content import find_quotes

    text = ("Okafor thanked the crews. “We had big storms, and the boats still sailed.\n\n"
            "“The harbour was never closed,” she said.")
    quotes = find_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in quotes] == [
        "We had big storms, and the boats still sailed.", "The harbour was never closed,"]
    # with no quotation after it, an opening mark inside a paragraph is a stray one
    assert [q.closed for q in find_quotes(text.split("\n\n")[0])] == []


@pytest.mark.parametrize("text, inner", [
    ("“Do you want to sail with us?“ she asked.", "Do you want to sail with us?"),  # closed with an opening mark
    ("“Let’s go. We can sail.’ Okafor was on the quay.\n\n“Now,” she said.", "Let’s go. We can sail."),  # with a single one
])
def test_a_quotation_closed_with_the_wrong_mark_ends_there(text, inner):
    from newsclaims.extract.content import find_quotes

    first = find_quotes(text)[0]
    assert text[first.inner_start:first.inner_end] == inner


def test_a_note_to_editors_quotes_no_one(convert_text):
    text = ("Ferry Sinks Off Tromso\n"
            "Eds: LEADS with 3 grafs to UPDATE with mayor saying all were rescued, quote; picks up 3rd\n"
            "graf, ``The crew...' INSERTS 1 graf after 6th graf pvs, ``In Tromso,...' to UPDATE\n"
            "By ANN OKAFOR\n"
            "Associated Press Writer\n"
            "   The ferry sank on Monday, the coastguard said.\n"
            "   ``The crew were all rescued,'' said Lars Dahl, the harbour master.\n")
    record = convert_text(text)
    assert [q["text"] for q in record["quotes"]] == ["The crew were all rescued,"]
    note = text.index("Eds:"), text.index("By ANN")
    assert not any(note[0] <= c["start"] < note[1] or note[0] < c["end"] <= note[1] for c in record["claims"])
