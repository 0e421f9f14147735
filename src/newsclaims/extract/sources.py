"""Sources: who a cue attributes its content to, read from the dependency parse.

- The subject of the cue verb nearest to it ("PM Kakar wrote", inverted "said Caddell"; one the
  parser hung on the verb's auxiliary, "who is by all accounts enjoying it"; the object of "for"
  before an infinitive, "common for news accounts to portray"; the name,
  not the dateline, of "LONDON (AP) — Maria Lopez said"; not a live-blog time stamp the parser
  joined to the paragraph), the agent of a passive cue ("was told by X"), the object of "according
  to X" (with who filed or provided it: "according to a court document filed by X"); "he’s spoken"
  (a contracted "has" read as a passive) and "voters are split on" keep theirs;
  the agent of a passive cue hung on a noun after it ("was declared the winner … by news
  organizations"); a name read as a modal ("Will wrote": George Will); a name opening the sentence
  that the parser hung on the verb as a modifier ("Dahl, who was elected in 2019, doesn't see");
  the name after an inverted tag when the parser took a word of the quotation before it ('"Meh,"
  wrote a supporter') or the topic of a tag set off inside what it reports ("The timetable, said
  Okafor, would be clear") for its subject.
- Participles, conjuncts and open complements ("…, saying", "and added", "declined to comment", "by
  quoting", "are likely to say", "is expected to endorse") take the subject of the verb they hang
  on (of a passive one, its subject rather than its agent: "was booed by the crowd after telling",
  "was forced into a retreat and said"); an infinitive after the object of a verb that urges it
  the object ("urged Congress to act": a verb of ``resources/control_verbs.txt``), not after the
  object of any other verb ("used the technology to claim credit", "adopted an attack to exploit
  …"); a participle after an object the object ("did not recall Keyser asking"), except after a
  verb of spending ("spent $80,000 supporting"); an infinitive on someone's plan or refusal its
  owner ("Cruz's refusal to disavow"); one the
  parser hung inside an earlier cue's complement ("X insisted that he has “won,” claiming …", "X said he welcomed it and added …", "X denied the
  claim that …, explaining") the subject of that cue, unless that cue stands in an earlier paragraph
  the parser joined to it; one the parser hung inside an aside set off by dashes ("went onto his
  account — as he does most evenings — and retweeted", also with hyphens set off by spaces, and when the
  parser made the quotation tag inside the aside the root: "He fulminated - ''…,'' he said - and
  vowed") the subject of the verb before the aside; one set off after a relative clause about a thing
  that the parser hung it in ("Dahl had a week that could matter most, loudly denouncing …") the
  subject of the verb whose object that thing is; a participle hung elsewhere the subject of its sentence (one the parser hung on the last word of a quotation before
  its tag, "“…,” she said, blaming …", the tag's speaker), one in a phrase leading the sentence ("In addition to
  stating that …, Clinton has vowed") the subject of the main clause.
- A cue hung on a means or an occasion of speech (``resources/means_nouns.txt``: "used his speech
  to call for", "shot back in an article stating", "with a reference to …, remarking", "are on record
  opposing") takes the subject of the verb that uses it, of a passive one without agent its subject
  ("was heard on a microphone telling"); one
  hung on the addressee of a message ("emailed supporters saying") the sender; one hung on the
  statement or ad it is issued in ("issued a statement describing …") the issuer; a participle or
  infinitive hung on the object of a verb ("took turns rebutting", "has mounted a campaign to
  condemn", an infinitive on the object of its preposition: "invoked the attacks as a cudgel to
  repeat", "In an effort to clarify …, Clinton muddled") the subject of that verb; one hung on the time or money spent ("spent the weekend
  sorting out", "has spent all of her time responding to") the one spending it; one after the object of "leave" or "keep" ("has left
  many Republicans wondering") that object.
- A participle in an absolute construction takes the noun phrase before it, the object of "with"
  ("The interview ended with Okafor asking …", "with Dahl, Lee and Okafor all calling for").
- A cue the parser left without a subject takes the name just after it when it follows a quotation
  or a comma ("“…,” declared Ann Okafor", "“…,” said Skelly" with the name tagged as an adverb, "“…,”
  said retired engineer Ann Okafor, asked …"); one
  hung beside a set-off participle the parser made the main verb ("Okafor, noting the crowd, said")
  that participle's subject; the name between a quotation and the cue ("“…,” Ann
  Okafor, a pilot, said" joined to the quotation), the name opening the sentence when the parser
  made what sets it off a clause of the cue ("Ann Okafor, who runs the depot, said"), else the noun
  phrase just before it ("“…,” Bozell answers", "Trump, in Kentucky, said", "Sanders hasn't said", a
  cue hung under a headline, a past tense tagged as a participle: "“…,” Okafor barked").
- The one a thing seems or is known to ("known to skippers as …", "seems fairer to the islanders").
- A floating quantifier taken for the subject gives way to the plural before it ("Republican figures
  — whose party … — both suggested"), a word of quoted speech taken for the subject of a cue outside
  the quotation to the subject nearest before the cue outside quotations ('Clinton opposes "across-
  the-board pay freezes" and recalled': not "pay"; a quoted name stays: '"Sendero Luminoso" is trying');
  a word of the quotation after a cue that the parser hung on a verb of it ('Lee spoke, telling the
  crowd, “Some skippers get ahead of themselves”') likewise, and when no subject stands before the cue, to the
  first one after it outside quotations ('Remarking upon X, Starr said, “His empathy is clear”': Starr);
  so does a participle opening its paragraph that the parser hung on a verb of the paragraph before
  ('“…”⏎⏎Going on to explain her timetable, Okafor rejected …': Okafor). A relative pronoun source ("officials who said") is given
  together with its antecedent; an
  expletive "there" gives way to what there is ("There were emails showing …": the emails), and the
  "it" of a cleft to the last subject between it and the cue ("It was a rebuke, as Lee echoed it,
  saying …": Lee).
- A verb cue the cue model kept with none of these found takes, as a last resort, the subject nearest
  before it in its sentence and paragraph, outside quotations (:func:`nearest_subject`: "Kasich
  offered the man a job, then says …" with "says" hung elsewhere).
"""

from __future__ import annotations

from functools import lru_cache

from newsclaims.extract.content import paragraphs
from newsclaims.extract.cues import Cue, colon_lead_start, colon_speaker_start, cue_classes
from newsclaims.extract.entities import member_nouns
from newsclaims.nlp import original_text
from newsclaims.resources import load_lines

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: dependents that are not part of the name of a source ("X, who …", "X, a spokesman,")
SOURCE_DROP_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis"})
#: dependencies through which a cue inherits the subject of its head
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "dep", "acomp"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: what the parser may call a subject that follows its verb after a quotation ("…,” added Gowdy)
INVERTED_SUBJECT_DEPS = frozenset({"dobj", "obj", "attr", "npadvmod", "dep", "oprd"})
INVERTED_VERBS = frozenset({"say", "add", "continue", "write", "ask", "reply", "respond", "explain", "note",
                            "insist", "conclude", "tweet", "declare", "recall", "warn", "argue", "observe"})
#: modifiers that are a share of people when the parser leaves the verb without a subject
QUANTITY_DEPS = frozenset({"nummod", "npadvmod"})
FRACTION_WORDS = frozenset({"half", "third", "quarter", "majority", "minority", "plurality", "fifth", "quarters",
                            "thirds", "fifths"})
#: passive cues whose subject holds the view rather than hears it ("is convinced that", "is assured of")
EXPERIENCER_PASSIVES = frozenset({"assure", "convince", "persuade", "worry", "concern", "determine", "disappoint",
                                  "satisfy", "surprise", "frustrate", "encourage", "alarm", "commit", "oppose",
                                  "split", "divide"})
#: passives of feeling whose subject holds the feeling ("is rattled about", "are pumped to"): a last
#: resort source when the cue model kept such a cue (see :func:`nearest_subject`)
FEELING_PASSIVES = frozenset({"rattle", "pump", "excite", "thrill", "upset", "anger", "unite", "shock", "stun",
                              "impress", "please", "delight", "annoy", "bother", "trouble", "scare", "frighten",
                              "horrify", "outrage", "offend", "dismay", "embarrass", "inspire", "disgust",
                              "irritate", "amaze", "astonish", "focus", "fire", "energize", "appal", "appall"})
#: verbs whose subject receives, meets or opposes the thing that speaks ("faces charges accusing him of
#: …", "received a letter saying …", "rejected a report claiming …"): not its author
MEETING_VERBS = frozenset({"face", "receive", "get", "obtain", "hear", "read", "see", "watch", "review", "cite",
                           "quote", "reject", "deny", "dismiss", "ignore", "fight", "challenge", "oppose", "block",
                           "ban", "veto", "investigate", "survive", "lose", "win", "welcome", "applaud", "criticize",
                           "condemn", "attack", "mock", "answer", "share", "retweet", "forward", "like"})
#: documents whose issuer speaks through them ("issued a statement saying …")
ISSUED_NOUNS = frozenset({"statement", "ad", "advertisement", "video", "email", "e-mail", "message", "letter",
                          "tweet", "post", "speech", "memo", "release", "op-ed", "column", "editorial", "remark",
                          "testimony", "article", "book", "memoir", "complaint", "lawsuit", "filing", "document",
                          "word", "note", "report", "commercial", "spot", "petition", "resolution", "motion"})
#: entity types that name who can speak
PEOPLE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: verbs whose object or "to" phrase is the addressee of a message ("emailed supporters saying …")
SENDING_VERBS = frozenset({"email", "e-mail", "text", "message", "send", "mail", "write", "blast", "tweet", "post"})
CLOSING_MARKS = frozenset({"”", '"', "''", "’"})
#: clauses of a noun or an open complement that a conjunct cue may have been joined into by the parser
CLAUSE_OF_NOUN_DEPS = frozenset({"relcl", "xcomp", "acl"})
#: pronouns that open a cleft or a copula ("It was …", "That's why …"): never the speaker of a cue after it
CLEFT_PRONOUNS = frozenset({"it", "that", "this", "what"})
#: entity types of a time expression ("by Tuesday" names no agent)
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: parts of speech between a passive cue and a "by" phrase the parser hung on a word after it
AGENT_PATH_POS = frozenset({"NOUN", "PROPN", "PRON", "ADP", "ADJ", "NUM", "DET"})
DASHES = frozenset({"—", "--", "–"})


def noun_phrase(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``, without clauses and appositions."""
    keep = [tok]
    stack = [c for c in tok.children if c.dep_ not in SOURCE_DROP_DEPS]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(t.children)
    keep.sort(key=lambda t: t.i)
    # a relative clause the parser did not label as one ("X, who can …") ends the name
    cut = next((k for k, t in enumerate(keep) if t.i > tok.i and t.tag_ in ("WP", "WDT")), None)
    if cut is not None:
        keep = keep[:cut]
    # a contiguous run around the head only (a dropped clause leaves no hole in the middle)
    i = keep.index(tok)
    lo = hi = i
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    while lo < i and (keep[lo].is_punct or keep[lo].is_space):
        lo += 1
    while hi > i and (keep[hi].is_punct or keep[hi].is_space):
        hi -= 1
    return keep[lo].idx, keep[hi].idx + len(keep[hi])


def subject_of(verb, *, depth: int = 4):
    """The token naming who performs ``verb`` (climbing conjuncts, participles, relative clauses)."""
    tok = verb
    came = None  # the dependency climbed through to reach ``tok``
    inverted = _inverted_tag(verb)
    if inverted is not None:
        return inverted
    for _ in range(depth):
        above = _clause_above_relative(verb, tok) if came is not None else None
        if above is not None:
            tok, came = above, "relcl"
            continue
        subjs = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        # a subject the parser hung on the verb's auxiliary ("who is by all accounts enjoying it")
        subjs = subjs or [g for c in tok.children if c.dep_ == "aux" and c.i < tok.i for g in c.children
                          if g.dep_ in SUBJECT_DEPS and g.i < c.i and tok.i - g.i <= 8
                          and not any("\n" in t.text_with_ws or t.text in ".!?" for t in tok.doc[g.i:tok.i])]
        # the subject nearest the verb: "LONDON (AP) — Maria Lopez said" has two
        subj = min(subjs, key=lambda c: abs(c.i - tok.i)) if subjs else None
        if subj is not None:
            return subj
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if came == "conj" and passive is not None and _names_people(passive):
            # "X was forced into damage control and said …", "ferry crews were annoyed by the timetable and
            # warned …": the one saying is the subject of the passive, not its agent
            return passive
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        named = (_stray_agent(tok) or _modal_name(tok) or _for_subject(tok)) if tok == verb else None
        named = named if named is not None else _stray_subject(tok)
        if named is not None:
            return named
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            # "X is expected to endorse": X endorses; "X is expected to": no source named
            # "Clinton is assured of winning", "voters are convinced that …": the one who holds the view
            # "he’s spoken out": a contracted "has" the parser read as a passive "is"
            contracted = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in tok.children)
            return passive if came == "xcomp" or contracted or tok.lemma_.lower() in EXPERIENCER_PASSIVES else None
        before = _word_before(tok) if tok == verb else None
        if before is not None and tok.lemma_.lower() in INVERTED_VERBS and before.text in CLOSING_MARKS:
            # inverted order the parser missed: '“…,” added Gowdy.' (the name read as an object)
            after = next((c for c in tok.children if c.i == tok.i + 1 or (c.i > tok.i and c.left_edge.i == tok.i + 1)), None)
            if after is not None and after.dep_ in INVERTED_SUBJECT_DEPS and after.pos_ in ("PROPN", "NOUN") \
                    and before.is_punct and not any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children):
                return after
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in NOMINAL_POS:
            tagger = _tag_before(tok)
            if tagger is not None:
                return subject_of(tagger, depth=depth - 1)
            behind = _speaker_behind(tok.head)
            behind = behind if behind is not None else _doer_through(tok)
            behind = behind if behind is not None else _owner_of_plan(tok)
            return behind if behind is not None else tok.head
        left = _left_in_state(tok) if tok == verb else None
        if left is not None:
            return left
        if tok.dep_ == "xcomp" and tok.head != tok and _object_acts(tok):
            # object control: "led some allies to worry", "urged Congress to act", "did not recall
            # Keyser asking"; not the instrument of a purpose ("used the technology to claim credit":
            # the users claim it)
            obj = next((c for c in tok.head.children if c.dep_ in ("dobj", "obj") and c.i < tok.i), None)
            if obj is not None:
                behind = _speaker_behind(obj)
                return behind if behind is not None else obj
        if tok.dep_ in CLIMB_DEPS and tok.head != tok:
            came = tok.dep_
            tok = tok.head
            continue
        if tok.dep_ == "parataxis" and tok.head.tag_ == "VBG" and tok.head.i < tok.i:
            # "Durbin, noting the size of the crowd, said …": the parser made the set-off participle
            # the main verb and hung the cue beside it; the one noting is the one saying
            came = tok.dep_
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "… by quoting", "after telling"
            tok = tok.head.head
            came = "pcomp"
            passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and verb.lemma_.lower() in cue_classes() and not any(c.dep_ in SUBJECT_DEPS for c in tok.children) \
                    and _names_people(passive):
                # "X was booed after telling …": the one telling is X, not the agent of the booing
                return passive
            continue
        share = _quantity_subject(tok)
        if share is not None:
            return share
        if tok == verb and tok.dep_ == "ROOT" and (tok.tag_ in ("VBD", "VBZ", "VBP") or _perfect(tok) or _bare_past(tok)):
            opening = opening_subject(tok)
            return opening if opening is not None else _left_nominal(tok)
        return None
    return None


def _clause_above_relative(participle, tok):
    """The verb whose object a relative clause about a thing modifies, when the parser hung a
    participle set off by a comma after that clause inside it ("Dahl had a good week that could
    matter most in her home town, loudly denouncing …": Dahl denounces, not the week). ``None``
    when ``tok`` is no such relative clause."""
    if tok.dep_ != "relcl" or participle.tag_ != "VBG" or participle.i < tok.i:
        return None
    doc = participle.doc
    j = participle.i - 1
    while j > tok.i and (doc[j].pos_ in ("ADV", "SCONJ") or doc[j].dep_ in ("advmod", "mark")):
        j -= 1  # ", loudly denouncing", ", while attempting"
    thing = tok.head
    # the thing is what the clause is about: its subject ("a week that could matter", not "a
    # meeting at which he pressed his case, mocking …": he mocks)
    if not any(c.dep_ in SUBJECT_DEPS and c.tag_ == "WDT" for c in tok.children):
        return None
    if doc[j].text != "," or thing.pos_ != "NOUN" or thing.ent_type_ in PEOPLE_ENTITIES \
            or thing.lower_ in member_nouns() or thing.dep_ not in ("dobj", "obj", "attr", "pobj"):
        return None
    verb = thing.head.head if thing.dep_ == "pobj" else thing.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i < thing.i else None


def _inverted_tag(verb):
    """The name after an inverted speech tag when the parser took a word before the tag for the
    verb's subject: a word of the quotation the tag closes ('"Meh," wrote a supporter who runs …'),
    or the topic of a tag set off by commas inside the sentence it reports ("The timetable for
    the ferries, said Okafor and others, would be clear", the name read as the subject of what was said).
    The name starts right after the verb and names no time: after a quotation, the verb's
    object-like dependent (with no complement of the verb after it); after a comma, the subject of
    the verb's complement, set off by a comma. ``None`` otherwise."""
    if verb.lemma_.lower() not in INVERTED_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    before = _word_before(verb)
    subjs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if before is None or not (before.text in CLOSING_MARKS or before.text == ",") or not subjs \
            or any(s.i > before.i for s in subjs):
        return None
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    name = doc[verb.i + 1]
    while name.head != name and name.head.i > name.i and name.head.pos_ in NOMINAL_POS and name.head.sent == verb.sent:
        name = name.head
    if name.pos_ not in ("PROPN", "NOUN") or name.left_edge.i != verb.i + 1 or name.ent_type_ in TIME_ENTITIES:
        return None
    after = name.right_edge.i + 1
    set_off = doc[after - 1].text == "," or after < len(doc) and doc[after].text == ","  # the parser may hang the comma on the name
    if name.head == verb and name.dep_ in INVERTED_SUBJECT_DEPS:
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        # (after a comma, the object of a verb whose subject an apposition sets off: "Lee, a pilot, wrote a memo")
        return name if before.text in CLOSING_MARKS else None
    clause = name.head
    # not after a comma closing an aside of the subject ("aides to X, who …, said their speeches, …, would")
    aside = any(t.dep_ in ("appos", "relcl", "acl") for s in subjs for t in s.subtree)
    if name.dep_ == "nsubj" and clause.dep_ == "ccomp" and clause.head == verb and clause.i > name.i and set_off \
            and not aside:
        return name
    return None


def _tag_before(participle):
    """The speech tag a set-off participle follows when the parser hung the participle on the last
    word of the quotation before the tag ('“Too much noise,” she said, blaming …': "blaming" hung on
    "noise"): the tag, hung on that word as a parataxis between the quotation's close and the
    participle; ``None`` otherwise."""
    head, doc = participle.head, participle.doc
    if participle.tag_ != "VBG" or participle.i < head.i:
        return None
    tag = next((c for c in head.children if c.dep_ == "parataxis" and head.i < c.i < participle.i), None)
    if tag is None or not any(t.tag_ == "\'\'" for t in doc[head.i:tag.i]):
        return None
    return tag


def _word_before(tok):
    """The token before ``tok``, stepping over whitespace tokens ('…,”  added Gowdy'); ``None`` at the start."""
    j = tok.i - 1
    while j >= 0 and tok.doc[j].is_space:
        j -= 1
    return tok.doc[j] if j >= 0 else None


#: verbs that leave their object doing something ("has left many Republicans wondering …")
LEAVING_VERBS = frozenset({"leave", "keep"})


def _left_in_state(verb):
    """The object a participle predicates of after "leave" or "keep" ("The killings have left 62
    percent of voters saying …", "has left many Republicans wondering what he believes"): the one
    left doing it, not the subject that left them. Not a participle set off by a comma ("should
    leave the race, echoing …")."""
    if verb.tag_ != "VBG" or verb.head == verb or verb.head.lemma_.lower() not in LEAVING_VERBS \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
    if obj is None or obj.pos_ not in NOMINAL_POS:
        return None
    between = verb.doc[obj.i + 1:verb.i]
    return None if any(t.text in (",", ";", ":") or t.text in DASHES for t in between if t.i > obj.right_edge.i) else obj


def _stray_agent(verb):
    """The agent of a passive cue that the parser hung on a noun after the verb rather than on the
    verb ("was attacked on the speeches *by Lars Dahl*", "was declared the winner … *by news
    organizations*", "has been called “a quiet retreat” *by Jo Lee*"): the object of
    a "by" reached from the verb through nouns and prepositions only (not through another verb),
    naming no time ("by Tuesday")."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for t in verb.subtree:
        if t.i <= verb.i or t.lower_ != "by" or t.dep_ != "prep":
            continue
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in NOMINAL_POS or pobj.ent_type_ in TIME_ENTITIES:
            continue
        h = t.head
        while h != verb and h.pos_ in AGENT_PATH_POS:
            h = h.head
        if h == verb:
            return pobj
    return None


#: labels the parser may give a subject that opens the sentence and is set off by a comma ("Dahl,
#: who was elected in 2019, doesn't see …" with "Dahl" an adverbial modifier)
STRAY_SUBJECT_DEPS = frozenset({"advmod", "advcl", "npadvmod", "dep", "nmod"})


def _stray_subject(verb):
    """The subject the parser hung on a verb as a modifier ("Dahl, who was elected to the town council in
    2019, doesn't see …", "Trump, speaking later at a rally, did not mention …"): a name opening
    the sentence and set off from the verb by a comma, naming no time or place, when the verb has no
    subject (nor passive subject) of its own. ``None`` otherwise."""
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    for c in verb.children:
        if c.i >= verb.i or c.dep_ not in STRAY_SUBJECT_DEPS or c.ent_type_ in TIME_ENTITIES | {"GPE", "LOC", "FAC"}:
            continue
        if c.pos_ != "PROPN":
            continue  # not a common noun: "The day before, at a rally, Ann Lee hoisted …"
        first = c.left_edge
        while first.i > first.sent.start and doc[first.i - 1].pos_ in ("CCONJ",):
            first = doc[first.i - 1]
        opens = first.i == first.sent.start or "\n" in doc[first.i - 1].text_with_ws
        after = c.right_edge.i + 1
        set_off = after < verb.i and (doc[after].text == "," or doc[c.right_edge.i].text == ",")
        if opens and set_off:
            return c
    return None


def _for_subject(verb):
    """The subject of an infinitive that "for" introduces, when the parser hung it on the word before
    as the object of "for" ("It's common for news accounts to portray …", "created an opening for
    Clinton to highlight …"): the noun phrase right before the infinitive's "to", when "for" hangs on
    an adjective or a noun. ``None`` otherwise."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None or to.i == 0 or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    tok = verb.doc[to.i - 1]
    while tok.head != tok and tok.head.i < to.i and tok.head.pos_ in NOMINAL_POS and tok.dep_ in ("compound", "poss", "amod", "nmod", "case"):
        tok = tok.head
    if tok.dep_ != "pobj" or tok.pos_ not in NOMINAL_POS or tok.head.lower_ != "for" or tok.right_edge.i != to.i - 1:
        return None
    # "for" on a word of possibility or occasion ("common for", "an opening for"), not on a verb whose
    # purpose the infinitive gives ("filed for an injunction to decide …", "appealed for aid to combat …")
    return tok if tok.head.head.pos_ in ("ADJ", "NOUN") else None


#: quantifiers that float after the noun phrase they quantify ("the leaders both said", "X, Y and Z all called for")
FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})


def _quantified(subj):
    """The noun phrase a floating quantifier the parser took for the subject stands for ("Republican
    establishment figures — whose party … — both suggested …", "Trump, Huckabee and Christie all
    calling for …"): the plural or coordinated noun phrase right before it, over an aside set off by
    dashes; ``subj`` itself when it is no bare quantifier or no such noun phrase stands there."""
    if subj.lower_ not in FLOATING_QUANTIFIERS or any(True for _ in subj.children):
        return subj
    doc = subj.doc
    j = subj.i - 1
    if j >= 0 and _is_dash(doc[j]):
        k = j - 1
        while k > subj.sent.start and not _is_dash(doc[k]):
            k -= 1
        j = k - 1 if _is_dash(doc[k]) else j
    if j < subj.sent.start or doc[j].pos_ not in ("NOUN", "PROPN") or "\n" in doc[j].text_with_ws:
        return subj
    tok = doc[j]
    while tok.head != tok and tok.head.i > tok.i and tok.head.i < subj.i and tok.dep_ in ("compound", "amod", "nmod"):
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    # a quantifier floats after a plural or a coordination ("the maximum each could have received": not)
    plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
    return tok if plural else subj


def _quoted(tok) -> bool:
    """Whether ``tok`` stands inside a quotation of its sentence (more opening than closing marks before it)."""
    return _opening_mark(tok) is not None


def _opening_mark(tok):
    """The index of the opening mark of the quotation ``tok`` stands in, within its sentence; ``None``
    outside quotations."""
    depth, opening = 0, None
    for t in tok.doc[tok.sent.start:tok.i]:
        if t.tag_ == "``":
            depth, opening = depth + 1, t.i
        elif t.tag_ == "''":
            depth = max(0, depth - 1)
    return opening if depth > 0 else None


def _quoted_speech(tok) -> bool:
    """Whether ``tok`` stands inside a quotation that is more than its own noun phrase: quoted speech,
    not a quoted name or a scare quote ('"Sendero Luminoso" is trying', 'his "normality" somehow')."""
    opening = _opening_mark(tok)
    if opening is None:
        return False
    doc = tok.doc
    closing = next((t.i for t in doc[tok.i:tok.sent.end] if t.tag_ == "''"), tok.sent.end)
    words = [t for t in doc[opening + 1:closing] if not t.is_punct and not t.is_space]
    phrase = tok
    while phrase.head != phrase and phrase.dep_ in ("compound", "amod", "nmod", "poss") and opening < phrase.head.i < closing:
        phrase = phrase.head
    return not all(phrase.left_edge.i <= t.i <= phrase.right_edge.i for t in words)


def _modal_name(verb):
    """A name the tagger read as a modal ("Will wrote", "Will believes": George Will): a capitalised
    "will", "may" or "can" right before a verb in the past or third-person present tense, or a past
    participle ("Will wrote" tagged so), which no modal can govern."""
    if verb.tag_ not in ("VBD", "VBZ", "VBN"):
        return None
    return next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i == verb.i - 1
                 and c.text[:1].isupper() and c.text[1:].islower()), None)


def _names_people(tok) -> bool:
    """Whether ``tok`` can name who speaks: a name, a personal pronoun or a people entity (not a
    relative pronoun)."""
    return (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in PEOPLE_ENTITIES) and tok.tag_ not in ("WP", "WDT")


def _outer_cue_verb(verb):
    """The verb whose complement a set-off participle was hung inside ("Trump insisted that he has
    won, claiming that …": claiming hangs on "won"; the one claiming is the one insisting): the
    participle follows a comma and its head verb, and that head is reached from a clausal complement
    of an earlier verb. ``None`` when the participle is not set off that way."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ == "ADV" or doc[j].text in CLOSING_MARKS):
        j -= 1  # '…,” adding', '…, also adding'
    if j < 0 or doc[j].text not in DASHES | {","} or verb.tag_ != "VBG":
        return outer_conjunct(verb, by_tense=False)
    tok = verb
    # '"…," Manafort said, adding of Trump, "He cares …"': the participle may hang on a verb after it
    while tok.dep_ in ("advcl", "conj") and tok.head != tok:
        tok = tok.head
    if tok == verb:
        return None
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    if tok.dep_ in ("ccomp", "acl") and tok.head.pos_ == "NOUN" and tok.head.dep_ in ("dobj", "obj") \
            and tok.head.head.i < tok.head.i:
        # "Dahl denied the notion that a fare rise is coming, explaining …": the one denying
        return tok.head.head if tok.head.head.pos_ in ("VERB", "AUX") else None
    if tok.dep_ != "ccomp" or tok.head == tok or tok.head.i > tok.i or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    if any("\n" in t.text_with_ws for t in doc[tok.head.i:verb.i]):
        # '“… I hope …”⏎⏎Fallon responded on Twitter, calling …': the parser joined the paragraphs;
        # the one calling is the one responding, not the speaker of the quotation before
        return None
    return tok.head


def _experiencer(verb):
    """The one a thing seems to or is known to ("a harbour pilot known to skippers as …", "Whichever plan
    seems fairer to the islanders"): the object of a "to" phrase of "seem" (or of the adjective
    it takes) or of the participle "known"; they hold the view, not the thing."""
    lemma = verb.lemma_.lower()
    if not (lemma == "seem" or lemma == "know" and verb.tag_ == "VBN"):
        return None
    preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    preps += [g for c in verb.children if c.dep_ in ("acomp", "attr", "oprd") for g in c.children
              if g.dep_ == "prep" and g.lower_ == "to"]
    for prep in preps:
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOMINAL_POS), None)
        if pobj is not None:
            return pobj
    return None


def _verb_before_aside(verb):
    """The verb a conjunct cue joins across an aside set off by dashes that the parser hung it in
    ("Lee went onto his account — as he does most evenings — and retweeted …", "She held up the placard —
    which said “…” — and waved …"): the verb the aside hangs on, before its opening dash. ``None``
    when the cue has a subject of its own or its head stands outside such an aside."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    head, doc = verb.head, verb.doc
    opening = [t.i for t in doc[verb.sent.start:head.i] if _is_dash(t)]
    if not opening or not any(_is_dash(t) for t in doc[head.i + 1:verb.i]):
        return None
    top = head
    while top.i > opening[-1] and top.head != top:
        top = top.head
    if top.i > opening[-1]:
        # the parser made the aside the root ("He fulminated against it - ''…,'' he said, ''…'' - and
        # vowed …"): the verb before the aside is the one whose subject opens the sentence
        return next((t.head for t in doc[verb.sent.start:opening[-1]] if t.dep_ in SUBJECT_DEPS
                     and t.head.i < opening[-1] and t.head.pos_ in ("VERB", "AUX")), None)
    while top.pos_ not in ("VERB", "AUX") and top.head != top:
        top = top.head
    return top if top.pos_ in ("VERB", "AUX") and top.i < opening[-1] else None


def _is_dash(tok) -> bool:
    """Whether ``tok`` is a dash, or a hyphen set off by spaces as one (" - ", as some papers set it)."""
    return tok.text in DASHES or (tok.text == "-" and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))


def outer_conjunct(verb, *, by_tense: bool = True):
    """The verb a conjunct cue really joins when the parser hung it inside that verb's complement
    ("He announced that he was resting and vowed to return": vowed joins announced, in the same
    tense, not resting). ``None`` unless the tenses say so; with ``by_tense=False`` (for the speaker)
    any conjunct of an earlier verb's complement joins that verb: "X said he welcomed it and added
    …", "X said Y was wrong and accused Y of …" (on PolNeAR train the outer subject is the source
    two times in three), and a conjunct of a clause of a thing ("criticized the plan that doubles the
    fares and promised …") joins the verb above it in its own tense."""
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # "… that X and that Y": a second complement clause, not a second cue
    if not by_tense and any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "… and Trump says …": a conjunct with a subject of its own
    head = verb
    while head.dep_ == "conj" and head.head != head and head.head.i < head.i:
        head = head.head
    if head == verb or (by_tense and head.tag_ == verb.tag_):
        return None
    outer = head
    while outer.dep_ == "conj" and outer.head != outer:
        outer = outer.head
    if not by_tense and outer.dep_ in CLAUSE_OF_NOUN_DEPS and outer.head != outer and outer.head.i < outer.i:
        # "criticized the plan that doubles the fares and promised a review": the parser joined
        # "promised" to the clause of a thing ("that", "which"); it joins the verb above, in its tense
        if outer.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in outer.children):
            return None  # "Lee, who has endorsed X and criticized Y": the person of the clause does both
        top = outer.head
        while top.pos_ not in ("VERB", "AUX") and top.head != top:
            top = top.head
        same_tense = top.tag_ == verb.tag_ and head.tag_ != verb.tag_
        return top if top.pos_ == "VERB" and same_tense and top.sent == verb.sent else None
    if outer.dep_ != "ccomp" or outer.head == outer or outer.head.i > outer.i:
        return None
    top = outer.head
    if not by_tense and top.sent != verb.sent:
        return None
    return top if (top.tag_ == verb.tag_ or not by_tense) and top.pos_ == "VERB" else None


#: verbs whose object is spent on the participle after it ("spent $80,000 supporting …"): the subject acts
SPENDING_VERBS = frozenset({"spend", "waste", "devote", "invest"})


def _object_acts(clause) -> bool:
    """Whether the object of the verb an open complement ``clause`` hangs on does what it says: after
    a verb of object control for a "to"-infinitive ("urged Congress to act"; not "adopted an attack
    to exploit …"), after any verb but one of spending for a participle or a bare infinitive ("did
    not recall Keyser asking", "heard her say"; not "spent $80,000 supporting")."""
    lemma = clause.head.lemma_.lower()
    return lemma in control_verbs() if _to_infinitive(clause) else lemma not in SPENDING_VERBS


def _to_infinitive(verb) -> bool:
    """Whether ``verb`` is an infinitive with "to" ("to act", not "asking", not a bare "say")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


@lru_cache(maxsize=1)
def control_verbs() -> frozenset[str]:
    """Verbs whose object does what the infinitive after it says (``resources/control_verbs.txt``)."""
    return frozenset(w.lower() for w in load_lines("control_verbs.txt"))


@lru_cache(maxsize=1)
def means_nouns() -> frozenset[str]:
    """Nouns naming a means or an occasion of speech, never a speaker (``resources/means_nouns.txt``)."""
    return frozenset(w.lower() for w in load_lines("means_nouns.txt"))


def _speaker_behind(noun):
    """Who speaks through ``noun`` when it names a means or an occasion rather than a speaker ("Okafor
    used her speech to call for …", "Dahl hit back in a column stating …", "Lee has a fresh
    chance to show …"): the subject of the verb the noun is the object of. ``None`` for any other
    noun, and when that verb names no subject."""
    if noun.pos_ not in ("NOUN", "PRON", "ADJ", "PROPN"):
        return None
    verb = noun.head
    if noun.dep_ in ("pobj", "dobj", "obj", "dative") and _addressee(noun):
        return subject_of(verb.head if noun.dep_ == "pobj" else verb, depth=3)
    if noun.lemma_.lower() not in means_nouns() and noun.lower_ not in means_nouns():
        return None
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        if verb.head.i > verb.i:
            return None  # "In a statement defending X, the campaign said": the statement speaks
        verb = verb.head
        if verb.pos_ != "VERB" and verb.dep_ in ("dobj", "obj") and verb.lower_ in means_nouns() and verb.head.pos_ == "VERB":
            verb = verb.head  # "spent much of his speech defending …": the share of the speech is spent
    elif noun.dep_ not in ("dobj", "obj"):
        return None
    if verb == noun or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(verb, depth=3)
    if subj is None and noun.dep_ == "pobj" and noun.head.pos_ == "ADP" and not any(c.dep_ == "poss" for c in noun.children) \
            and not any(c.dep_ == "agent" for c in verb.children):
        # "Dahl was overheard on a radio channel telling …": the one heard through it, the passive's subject
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and _names_people(c)), None)
    return subj if subj is not None and subj != noun else None


def _doer_through(clause):
    """Who acts through the thing a participle or infinitive hangs on ("The leaders took turns
    rebutting …", "Jindal signed an order trying to …", "Khan has mounted a campaign to condemn …", "I
    have no plans to endorse …", an infinitive on the object of a preposition of the verb: "invoked
    the attacks as a cudgel to repeat …", "will be under pressure to pledge …"): the subject of the
    verb whose object (or preposition's object) that thing is, when the clause
    has no subject of its own and the thing is no one's (no possessor, no people: "the emails, which
    included staff members suggesting …" stay with the members), and the verb does not receive or
    meet it (:data:`MEETING_VERBS`: "Marcos faces charges accusing him of …"). ``None`` otherwise."""
    if clause.dep_ != "acl" or clause.tag_ not in ("VBG", "VB") \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in clause.children):
        return None
    thing = clause.head
    # an infinitive on the object of a preposition of the verb ("invoked the attacks as a cudgel to
    # repeat …", "will be under pressure to pledge …", "In an effort to clarify …, Clinton muddled")
    prepositional = clause.tag_ == "VB" and thing.dep_ == "pobj" and thing.head.dep_ == "prep"
    if thing.pos_ != "NOUN" or (thing.dep_ not in ("dobj", "obj") and not prepositional) \
            or thing.ent_type_ in PEOPLE_ENTITIES or thing.lower_ in member_nouns() or any(c.dep_ == "poss" for c in thing.children):
        return None
    verb = thing.head.head if prepositional else thing.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in MEETING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subj if subj is not None and subj.ent_type_ not in TIME_ENTITIES else None


def _owner_of_plan(clause):
    """Whose plan, bid or refusal an infinitive on a noun names ("his plans to defeat …", "Trump's
    refusal to condemn …"): the possessor, when the noun names no one ("the first member to endorse
    …" does the endorsing) and the possessor is no time ("the week's chance to …"). ``None`` otherwise."""
    if clause.dep_ != "acl" or clause.tag_ != "VB" or not _to_infinitive(clause):
        return None
    thing = clause.head
    if thing.pos_ != "NOUN" or thing.ent_type_ in PEOPLE_ENTITIES or thing.lower_ in member_nouns():
        return None
    owner = next((c for c in thing.children if c.dep_ == "poss" and c.pos_ in NOMINAL_POS and c.tag_ != "WP$"), None)
    return owner if owner is not None and owner.ent_type_ not in TIME_ENTITIES else None


def _addressee(noun) -> bool:
    """Whether ``noun`` is who a message is sent to ("sent a text message to supporters saying …",
    "emailed supporters saying …"), not who speaks."""
    head = noun.head
    if noun.dep_ == "pobj":
        return head.lower_ == "to" and head.dep_ in ("prep", "dative") and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in SENDING_VERBS and head.head.i < noun.i
    return head.pos_ == "VERB" and head.lemma_.lower() in SENDING_VERBS and head.i < noun.i


def _named_apposition(subj):
    """The name in apposition to a common-noun subject ("The head of the PAC, Mike Murphy, said"):
    the name is who speaks."""
    if subj.pos_ != "NOUN":
        return subj
    name = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                 and c.i > subj.i), None)
    return name if name is not None else subj


def _quantity_subject(verb):
    """A share of people the parser hung on the verb as a modifier rather than its subject ("About
    4 in 10 say …", "Less than a third agreed …")."""
    return next((c for c in verb.children if c.i < verb.i and c.dep_ in QUANTITY_DEPS
                 and (c.tag_ == "CD" or c.lower_ in FRACTION_WORDS)), None)


def _bare_past(verb) -> bool:
    """Whether ``verb`` is a past tense the tagger read as a participle ("“Go back,” Trump barked and
    …" with "Trump" hung on it as a compound): the root, tagged VBN, with no auxiliary of its own."""
    return verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _perfect(verb) -> bool:
    """Whether ``verb`` is a past participle after "has", "have" or "had" ("Sanders hasn't said")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.i < verb.i for c in verb.children)


#: dependencies of a clause the parser made of what stands between a speaker and its cue
SET_OFF_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis"})


def opening_subject(verb):
    """The speaker that opens the sentence, set off from its cue by a clause the parser took for the
    cue's complement ("Ann Okafor, who runs the depot, said …", "Mr. Lee, whose firm builds boats,
    said …"): the subject of that clause, when it stands first, before a comma or a dash."""
    doc = verb.doc
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ not in SET_OFF_CLAUSE_DEPS or clause.i > verb.i:
            continue
        if doc[verb.i - 1].text not in DASHES | {","}:
            continue
        subjects = sorted((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i), key=lambda c: c.i)
        if not subjects:
            continue
        subj = subjects[0]
        last = subj.right_edge
        set_off = last.text in DASHES | {","} or last.i + 1 < clause.i and doc[last.i + 1].text in DASHES | {","}
        first = subj.left_edge
        while first.i > first.sent.start and doc[first.i - 1].pos_ in ("CCONJ", "ADV") and doc[first.i - 1].head == clause:
            first = doc[first.i - 1]  # "But Ann Okafor, …, said"
        opens = first.i == first.sent.start or "\n" in doc[first.i - 1].text_with_ws or doc[first.i - 1].text in CLOSING_MARKS
        if opens and set_off and subj.pos_ in ("PROPN", "NOUN"):
            return subj
    return None


#: subject pronouns that name no speaker when the parse leaves a cue without one ("it", "this")
NO_SPEAKER_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "there"})


def nearest_subject(cue) -> tuple[int, int] | None:
    """A last resort for a kept verb cue (not one of the kinds with a source rule of their own) that
    :func:`source_of` found no source for: for a participle after an inverted cue the name after
    that cue ('“…,” said Skelly, explaining …'), else the subject nearest before it in its sentence and
    paragraph (:func:`_last_subject_before`), else the subject of the passive it hangs on, with no
    agent (:func:`_passive_subject`). Not part of :func:`source_of`, whose kinds of source the cue model
    was trained on."""
    if cue.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    passive = next((c for c in cue.head.children if c.dep_ == "nsubjpass"), None)
    if passive is not None or any(c.dep_ == "auxpass" for c in cue.head.children) \
            or cue.head.tag_ == "VBN" and not _perfect(cue.head):  # "X is confined, accused of …"
        # "X is considered to be …", "sentence has been passed": a passive names no speaker, but
        # one of feeling is its subject's ("Clinton isn’t rattled about …", "not everyone is convinced")
        feeling = passive is not None and cue.head.lemma_.lower() in FEELING_PASSIVES | EXPERIENCER_PASSIVES \
            and passive.lower_ not in NO_SPEAKER_PRONOUNS and not any(c.dep_ == "agent" for c in cue.head.children)
        return noun_phrase(passive) if feeling else None
    head = cue.head.head
    # '“…,” said Skelly, explaining …': the name after the inverted verb the participle hangs on
    subj = _inverted_name(head) if cue.head.tag_ == "VBG" and cue.head.dep_ in CLIMB_DEPS and head.i < cue.head.i else None
    subj = subj if subj is not None else _last_subject_before(cue.head)
    subj = subj if subj is not None else _passive_subject(cue.head)
    return noun_phrase(subj) if subj is not None else None


def source_outside(doc, source: tuple[int, int], cue_start: int,
                   ranges: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A source that runs into a range that is not article prose, chiefly the dateline, which the
    parser may read as the subject ("KESTREL BAY, Norway - the mayor's partners predicted …",
    "OSLO, May 4 (Nordic Wire)⏎Norwegian officials voiced …"): the part of it after that
    range, else the first noun phrase between the range and the cue in the cue's sentence, else
    ``None``. A source clear of every range is returned as it is."""
    for a, b in ranges:
        if not (source[0] < b and a < source[1]):
            continue
        if source[1] > b:
            return _after(doc, b, source[1])
        sent = doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
        if sent is None or not len(sent):
            return None
        sent = sent[0].sent
        for chunk in sent.noun_chunks:
            if b < chunk.end_char <= cue_start:
                return _after(doc, max(b, chunk.start_char), chunk.end_char)
        return None
    return source


def source_in_paragraph(doc, source: tuple[int, int], cue_start: int,
                        paras: list[tuple[int, int]]) -> tuple[int, int]:
    """A source the parser ran across a paragraph break into its cue's paragraph (a headline or
    photo credit read into the first sentence: "Share buyback⏎⏎Shipping group Nordline said …",
    "NORWAY⏎⏎NORWEGIAN RADIO REPORTED …") cut to that paragraph; a source in an earlier paragraph (a
    quotation's speaker may stand there) cut to the paragraph it ends in."""
    para = next(((a, b) for a, b in paras if a <= cue_start < b), None)
    if para is None or not (source[0] < para[1] and para[0] < source[1]):
        # a source in an earlier paragraph keeps to the paragraph it ends in
        last = next(((a, b) for a, b in paras if a < source[1] <= b), None)
        if last is not None and source[0] < last[0]:
            cut = _after(doc, last[0], source[1])
            return cut if cut is not None else source
        return source
    if para[0] <= source[0] and source[1] <= para[1]:
        return source
    cut = _after(doc, max(source[0], para[0]), min(source[1], para[1]))
    return cut if cut is not None else source


def _after(doc, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` less the spaces, dashes and brackets that open it (what a dateline leaves)."""
    text = original_text(doc)
    while start < end and (text[start].isspace() or text[start] in "-–—―:,()"):
        start += 1
    return (start, end) if start < end else None


def _passive_subject(verb):
    """The subject of the passive a cue hangs on when no agent is named ("A lawsuit was filed
    challenging …", "Respondents are obliged to disclose …"): the cue is a participle, a conjunct
    or a complement of that passive, not the passive itself ("X is said to …", "X was asked", "X is
    expected to …" name no speaker), and the subject is no "it"."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in CLIMB_DEPS or tok.head == tok:
            return None
        tok = tok.head
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            if any(c.dep_ == "agent" for c in tok.children) or passive.lower_ in NO_SPEAKER_PRONOUNS:
                return None
            return passive
        if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            return None
    return None


def _last_subject_before(verb):
    """The subject nearest before a cue that the parse left without one, in its sentence and
    paragraph ("Kasich offered the man a job, then says …", "Trump went on to promote X, note that
    … and boast …", "He called it “shameful” and called on …" with the conjuncts hung elsewhere): a
    noun phrase or a personal pronoun, not a relative or expletive one nor "it", and not one inside a
    quotation before the cue."""
    doc = verb.doc
    quoted = False  # walking back through a quotation
    for t in reversed(doc[verb.sent.start:verb.i]):
        if "\n" in t.text_with_ws:
            return None
        if t.tag_ in ("''", "``"):
            quoted = t.tag_ == "''"
            continue
        if quoted:
            continue
        if t.dep_ == "nsubj" and t.pos_ in NOMINAL_POS and t.tag_ not in ("WP", "WDT", "EX") \
                and t.lower_ not in NO_SPEAKER_PRONOUNS:
            return t
    return None


def _first_subject_after(verb):
    """The first subject after ``verb`` and its own phrase in its sentence and paragraph, outside
    quotations and clauses a conjunction opens ("that …"): a noun phrase or a personal pronoun, not a
    relative or expletive one nor "it"."""
    doc = verb.doc
    for t in doc[verb.right_edge.i + 1:verb.sent.end]:
        if "\n" in doc[t.i - 1].text_with_ws:
            return None
        if t.dep_ == "nsubj" and t.pos_ in NOMINAL_POS and t.tag_ not in ("WP", "WDT", "EX") \
                and t.lower_ not in NO_SPEAKER_PRONOUNS and not _quoted(t) \
                and not any(c.dep_ == "mark" for c in t.head.children):  # not in "that Trump says …"
            return t
    return None


def _left_nominal(verb):
    """The noun phrase just before ``verb`` when the parser gave it no subject ("“…,” Bozell answers",
    "Trump, in Kentucky, said"): a set-off phrase between commas is stepped over."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ in ("ADV", "PART") and doc[j].dep_ in ("advmod", "neg")
                      or doc[j].dep_ == "aux" and doc[j].head == verb):
        j -= 1  # "Trump, in Kentucky, said", "Sanders hasn't said"
    if j >= 0 and doc[j].text == ")":  # "Sen. Jo Lee (R-ME) called"
        k = j - 1
        while k >= 0 and doc[k].text != "(" and j - k <= 8:
            k -= 1
        if k >= 0 and doc[k].text == "(":
            j = k - 1
    if j >= 0 and doc[j].text == ",":
        k = j - 1
        while k >= 0 and doc[k].text not in (",", "“", '"', "”") and not doc[k].is_sent_start:
            k -= 1
        if k >= 0 and doc[k].text == ",":
            j = k - 1
    if j < 0 or doc[j].pos_ not in NOMINAL_POS or doc[j].sent != verb.sent:
        return None
    tok = doc[j]
    while tok.head != tok and tok.head.i <= j and tok.head.pos_ in NOMINAL_POS and tok.dep_ in ("compound", "poss", "amod", "nmod"):
        tok = tok.head
    return tok


def _leads_sentence(verb, root) -> bool:
    """Whether the participle ``verb`` stands in a phrase set off before the main clause of
    ``root`` ("Noting that …, Trump reminded", "In addition to stating that …, Clinton has vowed")."""
    if verb.tag_ != "VBG":
        return False
    doc = verb.doc
    comma = any(t.text == "," for t in doc[verb.i + 1:root.i])
    return comma and all(t.is_punct or t.is_space or t.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV", "NOUN", "DET")
                         for t in doc[verb.sent.start:verb.i])


def _inverted_name(verb):
    """The noun phrase just after a cue that follows a quotation or a comma and that the parser left
    without a subject ('“…,” said Richard Trumka, president of …', '“…,” declared Alyssa Wagenen',
    '…, says Evan Tracey'): its head, reached from the word after the cue."""
    doc = verb.doc
    i = verb.i
    before = _word_before(verb)
    if before is None or i + 1 >= len(doc) or not (before.text in CLOSING_MARKS or before.text == ","):
        return None
    if verb.tag_ in ("VBG", "VBN"):
        return None  # "…, attacking critics": a participle's object
    tok = doc[i + 1]
    if tok.pos_ == "ADV" and tok.text[:1].isupper() and tok.text[1:2].islower() and before.text in CLOSING_MARKS \
            and tok.ent_type_ not in ("DATE", "TIME"):
        return tok  # '“…,” said Skelly': a surname the tagger took for an adverb
    if tok.pos_ not in NOMINAL_POS | {"DET", "ADJ", "NUM"} and tok.dep_ != "amod":  # "said retired neurosurgeon X"
        return None
    while tok.head != tok and tok.head.i > tok.i and tok.head.pos_ in NOMINAL_POS and tok.head.sent == verb.sent:
        tok = tok.head
    if tok.pos_ not in NOMINAL_POS and tok.lower_ not in ("another", "one", "others"):
        return None
    return tok


def _name_after_quotation(verb):
    """The noun phrase between a closing quotation mark and a cue that has no subject of its own
    ("”, Ann Okafor, a Nigerian-Norwegian then working for the harbour authority, wrote"), when no
    other finite verb stands between them."""
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    doc = verb.doc
    q = next((j for j in range(verb.i - 1, max(verb.i - 40, -1), -1) if doc[j].text in CLOSING_MARKS
              or doc[j].tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
    if q is None or doc[q].text not in CLOSING_MARKS or q == verb.i - 1 or q == 0 or doc[q - 1].text not in ",.?!":
        return None  # a quotation closed by its punctuation ('…,” '), not a scare quote or a possessive
    j = q + 1
    while j < verb.i and (doc[j].is_punct or doc[j].is_space):
        j += 1
    if j >= verb.i or doc[j].pos_ not in NOMINAL_POS | {"DET", "ADJ"}:
        return None
    tok = doc[j]
    while tok.head != tok and j < tok.head.i < verb.i and tok.head.pos_ in NOMINAL_POS:
        tok = tok.head
    return tok if tok.pos_ in NOMINAL_POS and tok.tag_ not in ("WP", "WDT") else None


@lru_cache(maxsize=4)
def _paragraph_starts(text: str) -> frozenset[int]:
    return frozenset(start for start, _ in paragraphs(text))


def _opens_at(doc, i: int, starts: frozenset[int]) -> bool:
    """Whether a paragraph opens at token ``i`` or at the first word after the spaces from there."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i < len(doc) and any(s in starts for s in range(doc[i - 1].idx if i else 0, doc[i].idx + 1))


def _after_paragraph_break(subj, verb):
    """A live-blog time stamp or a heading the parser joined to the next paragraph ("2:40 p.m.⏎⏎The
    campaign manager says") is not the subject: the first noun phrase of the cue's paragraph is; when
    that is a time ("Tuesday in New York, …, former president Bill Clinton said"), the noun phrase just
    before the cue. A line wrapped inside a sentence, before a lower-case word or in copy wrapped at a
    fixed width (:func:`newsclaims.extract.content.paragraphs`), is no paragraph break."""
    doc = subj.doc
    if subj.i >= verb.i:
        return subj
    # a line wrapped inside a sentence opens no paragraph: the word after it is lower-case ("a
    # hate⏎crime") or the copy is wrapped at a fixed width ("executive director of the Nordline
    # County⏎Ferry and Harbour Services, said")
    starts = _paragraph_starts(original_text(doc))
    brk = max((t.i for t in doc[subj.i:verb.i] if "\n" in t.text_with_ws and not doc[t.i + 1].text[:1].islower()
               and _opens_at(doc, t.i + 1, starts)), default=None)
    if brk is None or brk >= verb.i - 1:
        return subj
    heads = [t for t in doc[brk + 1:verb.i] if not brk < t.head.i < verb.i and t.pos_ in NOMINAL_POS]
    # not a time opening the paragraph ("Tuesday in New York, …, former president Bill Clinton said"):
    # the noun phrase just before the cue
    if heads and heads[0].ent_type_ in TIME_ENTITIES:
        return _left_nominal(verb) or heads[0]
    return heads[0] if heads else subj


def _spender(verb):
    """Who spends the time or the money a participle is spent on ("Okafor spent much of the run-up
    portraying …", "I had to spend the weekend sorting out …", "aides spent Saturday delivering …"):
    the subject of "spend", not its object (the parser makes the participle an open complement of
    the time spent, or a clause of it). ``None`` for a participle with a subject or a conjunct of its
    own ("… have spent time on it, and they are circulating …")."""
    if verb.tag_ != "VBG" or verb.dep_ == "conj" or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    tok = verb.head
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            break
        tok = tok.head
    if tok.lemma_.lower() != "spend" or tok.i > verb.i or tok == verb:
        return None
    return subject_of(tok)


def _opening_participle_subject(verb):
    """The subject of the main clause after a participle that opens its paragraph when the parser hung
    the participle on a verb of the paragraph before ('“…, it’s gone by.”⏎⏎Continuing to explain his
    perspective, Carson rejected …': not "it"): the first subject after the participle's phrase,
    outside quotations. ``None`` otherwise."""
    if verb.tag_ != "VBG" or verb.head == verb or verb.head.i > verb.i \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    doc = verb.doc
    first = verb.left_edge
    if first.i == 0 or "\n" not in doc[first.i - 1].text_with_ws:
        return None
    if not any("\n" in t.text_with_ws for t in doc[verb.head.i:first.i]):
        return None
    return _first_subject_after(verb)


#: prepositions that open an absolute construction ("with X saying …")
ABSOLUTE_PREPS = frozenset({"with", "without"})


def _absolute_subject(verb):
    """The subject of a participle in an absolute construction ("The interview ended with Okafor
    asking Dahl whether …", "with Dahl, Lee and Okafor all calling for …", "with polls
    saying …"): the noun phrase right before the participle (over a floating quantifier or an
    adverb), the object of "with" or "without". ``None`` otherwise."""
    if verb.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.lower_ not in FLOATING_QUANTIFIERS:
        return None  # a participle on its noun ("those describing themselves as …"): that noun's
    doc = verb.doc
    j = verb.i - 1
    while j > verb.sent.start and (doc[j].pos_ == "ADV" or doc[j].lower_ in FLOATING_QUANTIFIERS):
        j -= 1
    tok = doc[j]
    if tok.pos_ not in NOMINAL_POS:
        return None  # "with the intention of blaming …": the participle is the object of "of"
    while tok.head != tok and tok.head.i <= j and tok.head.pos_ in NOMINAL_POS and tok.dep_ in (
            "compound", "amod", "nmod", "poss", "conj", "appos", "pobj", "prep", "det", "nummod"):
        if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
            break
        tok = tok.head
    while tok.dep_ in ("conj", "appos") and tok.head.i < tok.i and tok.head.pos_ in NOMINAL_POS:
        tok = tok.head  # "with Fox News and NBC News calling"
    if tok.ent_type_ in TIME_ENTITIES or tok.i >= verb.i or tok.dep_ != "pobj" \
            or tok.head.lower_ not in ABSOLUTE_PREPS or tok.head.i != tok.left_edge.i - 1:
        return None
    if tok.lemma_.lower() in means_nouns() | ISSUED_NOUNS or tok.lower_ in means_nouns():
        return None  # "with a speech denouncing …": the speech's (see :func:`_speaker_behind`)
    # the parser hung the participle on that phrase or beside "with" ("those identifying with the
    # tea party and those describing themselves as …": not)
    return tok if verb.head == tok.head.head or verb.head in tok.subtree else None


def _issuer(verb):
    """Who issued the statement, ad or letter that a cue hangs on ("Okafor and Dahl issued a statement
    describing …", "Lee is releasing an ad that urges …", "Okafor used her speech to call for …"):
    the subject of the verb the document is the object of, not the document."""
    if verb.dep_ not in ("acl", "relcl") or verb.head == verb:
        return None
    document = verb.head
    if document.pos_ != "NOUN" or document.lemma_.lower() not in ISSUED_NOUNS:
        return None
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children):
        return None  # "the statement she wrote": the relative clause is not the document speaking
    if document.dep_ not in ("dobj", "obj") or document.head.pos_ not in ("VERB", "AUX"):
        return None
    return subject_of(document.head)


#: how a cue noun hangs on the verb whose speaker it names ("*expressed* concern", "*is* a critic",
#: "*responded* with chants": the noun's own label, or that of its preposition)
NOUN_ON_VERB_DEPS = frozenset({"dobj", "obj", "attr", "pobj", "conj"})
#: prepositions after a cue noun that name its source ("claims *by* intelligence agencies",
#: "anxiety *among* fundraisers")
NOUN_AGENT_PREPS = frozenset({"by", "from", "among"})


def _verb_of_noun(noun):
    """The verb a cue noun's phrase hangs on ("*expressed* concern", "*is* a critic", "*responded*
    with chants", "*issued* a statement of concern"), and whether the noun is its object rather than
    the object of one of its prepositions; (None, False) if none."""
    tok = noun
    for _ in range(3):
        via_prep = tok.dep_ == "pobj" and tok.head.dep_ == "prep"
        if via_prep:
            tok = tok.head
        elif tok.dep_ not in NOUN_ON_VERB_DEPS:
            return None, False
        head = tok.head
        if head == tok:
            return None, False
        if head.pos_ in ("VERB", "AUX"):
            return head, not via_prep
        if head.pos_ != "NOUN":
            return None, False
        tok = head
    return None, False


def noun_source(noun) -> tuple[int, int] | None:
    """The source of a cue noun: the name it stands in apposition to ("*Barney Frank*, a fierce critic
    of …"); the source of the verb its phrase hangs on ("*Ward* expressed concern that …", "*Kasich*
    has been a critic of …", "*supporters* responded with chants of …"), which also owns a pronoun's
    noun when that noun is the verb's object ("*He* repeated his claim that …", but "distanced
    themselves from *his* suggestion"), unless an agent follows the noun ("claims by *intelligence
    agencies*", "an admission from *Warren*"); else its possessor ("*Trump's* criticism")."""
    top = noun
    while top.dep_ == "conj" and top.head.pos_ == "NOUN":
        top = top.head
    if top.dep_ == "appos" and top.head.pos_ in NOMINAL_POS:
        return noun_phrase(top.head)
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.i > noun.i and prep.lower_ in NOUN_AGENT_PREPS:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in NOMINAL_POS:
                return noun_phrase(pobj)
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    verb, direct = _verb_of_noun(noun)
    if verb is not None and (poss is None or (poss.pos_ == "PRON" and direct)):
        found = source_of(Cue(verb, (verb,), "other"))
        if found is not None and not found[0] <= noun.idx < found[1]:  # "There is concern that …": no source
            return found
    return noun_phrase(poss) if poss is not None else None


def source_of(cue) -> tuple[int, int] | None:
    """Character span of the source of ``cue`` (a :class:`newsclaims.extract.cues.Cue`), if named."""
    if cue.kind == "according_to":
        to = cue.tokens[-1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        # "according to a court document filed by the state attorney": the document with who filed or
        # provided it (the actor a source names is the person or organisation in it)
        agent = next((g for c in pobj.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children
                      if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj" and g.pos_ in NOMINAL_POS
                      and g.ent_type_ not in TIME_ENTITIES), None)
        start, end = noun_phrase(pobj)
        return (start, max(end, noun_phrase(agent)[1])) if agent is not None else (start, end)
    if cue.kind == "in_source":
        pobj = next((c for c in cue.head.children if c.dep_ == "pobj"), None)
        return noun_phrase(pobj) if pobj is not None else None
    if cue.kind == "noun":
        return noun_source(cue.head)
    if cue.kind == "colon":
        doc, i = cue.head.doc, cue.head.i
        start = colon_speaker_start(doc, i)
        start = colon_lead_start(doc, i) if start is None else start
        return doc[start].idx, doc[i - 1].idx + len(doc[i - 1])
    experiencer = _experiencer(cue.head)
    if experiencer is not None:
        start, end = noun_phrase(experiencer)
        # "known to locals as the Old Lady": the name they know it by is not theirs
        doc = experiencer.doc
        cut = min((doc[c.left_edge.i - 1].idx + len(doc[c.left_edge.i - 1]) for c in experiencer.children
                   if c.i > experiencer.i and (c.lower_ == "as" or c.pos_ in ("VERB", "AUX"))), default=end)
        return start, min(end, max(cut, experiencer.idx + len(experiencer)))
    subj = _absolute_subject(cue.head)
    subj = subj if subj is not None else _opening_participle_subject(cue.head)
    if subj is None:
        outer = _outer_cue_verb(cue.head)
        outer = outer if outer is not None else _verb_before_aside(cue.head)
        subj = subject_of(outer) if outer is not None else None
    subj = subj if subj is not None else _issuer(cue.head)
    subj = subj if subj is not None else _spender(cue.head)
    subj = subj if subj is not None else subject_of(cue.head)
    if subj is None and cue.head.tag_ in ("VBG", "VBN"):
        # a participle the parser hung elsewhere ("…, writing …"): the subject of its sentence
        root = cue.head.sent.root
        if root != cue.head and root.pos_ in ("VERB", "AUX") and (root.i < cue.head.i or _leads_sentence(cue.head, root)):
            subj = subject_of(root)
    subj = subj if subj is not None else _inverted_name(cue.head)
    if subj is None and cue.head.dep_ != "ROOT" and (cue.head.tag_ in ("VBD", "VBZ", "VBP") or _perfect(cue.head)):
        # a finite cue the parser hung under a headline or a quotation, without a subject
        subj = _left_nominal(cue.head)
    named = _name_after_quotation(cue.head) if subj is not None and subj.i < cue.head.i else None
    if named is not None and subj.i < named.i:
        # "''They were rivals,'' William Daley, Obama's chief of staff, said": not a subject inside
        # the quotation the parser joined the cue to
        subj = named
    subj = _quantified(subj) if subj is not None else None
    if subj is not None and subj.i < cue.head.i and _quoted_speech(subj) and not _quoted(cue.head):
        # a word of a quotation the parser took for the subject ('trashed Comey on MSNBC’s “Morning
        # Joe,” calling …'): the subject nearest before the cue outside quotations
        subj = _last_subject_before(cue.head) or subj
    if subj is not None and subj.i > cue.head.i and _quoted_speech(subj) and not _quoted(cue.head):
        # a participle the parser hung on a verb of the quotation after it ('…, telling the crowd, “Some
        # people get carried away”', 'Remarking upon X, Starr said, “… his empathy is clear”'): the
        # subject before the cue outside quotations, else the first one after it (the tag's)
        subj = _last_subject_before(cue.head) or _first_subject_after(cue.head) or subj
    if subj is not None and subj.tag_ == "EX":
        # "There were emails that night showing …", "So there was Hannity, devoting …": the one
        # there is, not the expletive
        subj = next((c for c in subj.head.children if c.dep_ in ("attr", "nsubj") and c.i > subj.i), None)
    if subj is not None and subj.lower_ in CLEFT_PRONOUNS and subj.head.lemma_.lower() == "be":
        # "It was a sharp rebuke, as Okafor echoed it, saying …", "It was at the meeting that Lee
        # spoke, pointing to …": not the pronoun of the cleft, but the last subject of a verb after it
        later = [t for t in cue.head.sent if subj.i < t.i < cue.head.i and t.dep_ == "nsubj" and t.pos_ in NOMINAL_POS
                 and t.lower_ not in CLEFT_PRONOUNS and t.tag_ not in ("WP", "WDT") and t.head.lemma_.lower() != "be"]
        subj = later[-1] if later else subj
    if subj is None:
        return None
    subj = _named_apposition(_after_paragraph_break(subj, cue.head))
    # "LONDON (AP) — Maria Lopez said": the name after the dateline, read as its apposition
    dash = next((c for c in subj.children if c.text in DASHES and c.i > subj.i), None)
    if dash is not None and (subj.text.isupper() or any(c.text == ")" and c.i < dash.i for c in subj.children)):
        after = next((c for c in subj.children if c.i > dash.i and c.dep_ in ("appos", "conj", "dep")
                      and c.pos_ in ("PROPN", "NOUN")), None)
        subj = after if after is not None else subj
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl":
        # "officials who said": the relative pronoun with the noun phrase it stands for
        antecedent = subj.head.head
        start, _ = noun_phrase(antecedent)
        if subj.i - antecedent.right_edge.i <= 2 and antecedent.i < subj.i:
            return start, subj.idx + len(subj)
        return subj.idx, subj.idx + len(subj)
    return noun_phrase(subj)
