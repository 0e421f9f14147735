"""Attribution relations: find cues, then contents, then sources; quotes join their cue.

The orchestration follows BBC R&D's Citron: cues (``cues.py``: every verb, "according to X",
"in <a poll>", a headline colon, a noun of speech with its complement) → contents (``content.py``:
quoted passages from the marks, and clausal or nominal complements from the parse, kept within the
cue's paragraph) → sources (``sources.py``) → speakers (``actors.actor_at``, done by the quote and
claim stages). The parts join on the cue. Which candidates are cues is decided by the learned cue
model (``cue_model.py``, trained on PolNeAR train), judging each candidate with the content and
quotes it drew; a cue noun, which the model never saw, is kept when it names its source.

A quoted passage belongs to the cue whose content it falls in; otherwise to a speech tag right after
it whose verb the tagger read as a noun ("“…,” the email read.", "“…,” the two write."); otherwise to
the nearest speech cue of its sentence, or to a verb that tags it right after its marks, whatever
the verb ("“…?” Ann pressed."), or introduces it right before them ("Ann shot back, “…”"); otherwise to the cue that
introduced it with a colon; otherwise, floating, to the previous speaker of its paragraph (or of
the paragraph before, for a quote running on): the cue of the paragraph's last quotation, unless a
cue of a later sentence follows it; a paragraph that is one quotation after a paragraph whose last
main clause says something ("Karah also denied that …") is that speaker's, and a quoted sentence
left open right before the next quotation of its paragraph ("“We waited. “Now it sails,” Okafor
said") is that quotation's; a quotation left without a speaker that closes its paragraph
with a bracketed credit ("“…” [Reuters.]", as news digests set them) is the credited source's. A
short quoted passage with no speaker is a scare quote or a
title, not speech; a short title-cased one after "on", "in", a possessive, a noun of a work or "told"
("on CNN’s “New Day”", "the podcast “Tide Talk”") is a title and joins no cue, as does one opening
a numbered line of a list ("4.``Waiting for a Star to Fall'' Boy Meets Girl (RCA)"), and so does a short one inside a phrase of the sentence that no cue
reports ("the cross-party “Harbour Six”", "wearing a “Save the Port” cap"): a name or a scare
quote, not speech. A transcript paragraph opened by a bracketed name (``[CRISTIANI] …``)
is that speaker's quote, and a paragraph of quotations signed off by the next (``- Ann Okafor.``, as
fact checks set them) is the quote of the signed name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsclaims.extract.actors import work_nouns
from newsclaims.extract.boundaries import (
    fronted_object,
    inner_content,
    interrupted_parts,
    is_time_only,
    raised_subject,
    relative_pieces,
    with_addressee,
    with_reported_adverbial,
    without_occasion,
    without_platform,
    without_source,
    without_time_of_cue,
)
from newsclaims.extract.boundary_model import choose as choose_boundaries
from newsclaims.extract.content import Quoted, find_quotes, paragraphs, sign_offs, speaker_tags, trim
from newsclaims.extract.cue_model import judged, keep, reported_spans
from newsclaims.extract.cues import (
    COMPLEMENT_DEPS,
    CONTENT_PREPS,
    OBJECT_DEPS,
    Cue,
    cue_classes,
    cue_lemma,
    cue_preps,
    find_cues,
    noun_complement,
    source_nouns,
)
from newsclaims.extract.sources import nearest_subject, opening_subject, outer_conjunct, source_in_paragraph, source_of, source_outside
from newsclaims.nlp import original_text

CACHE_KEY = "newsclaims.attributions"
#: cues found by their own rule rather than the verb lexicon
SPECIAL_CUES = frozenset({"according_to", "in_source", "colon", "noun", "credit"})
#: a bracketed credit closing a quotation's paragraph, as news digests set their sources ("“…” [Reuters.]")
CREDIT = re.compile(r"[ \t]*\[([A-Z][^\]\n]{0,40}?)\.\][ \t]*(?:\n|$)")
#: verbs of asking: an "if"/"whether" clause hung on them is the question asked ("Asked if he would run")
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire"})
#: cues whose direct object is the addressee, not the content ("told reporters that …")
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "advise", "instruct", "remind", "assure", "convince",
                             "persuade", "notify", "brief"})
#: right dependents of a stance verb that end its content ("… and discussed", "; it said")
STANCE_STOP_DEPS = frozenset({"conj", "cc", "punct", "parataxis", "ccomp", "dobj", "obj"})
#: a quoted passage shorter than this with no speaker is a scare quote or a title
MIN_FLOATING_WORDS = 6
#: a title-cased quoted passage of at most this many words after "on", "in", "of" or a possessive is a title
MAX_TITLE_WORDS = 6
TITLE_PREPS = frozenset({"on", "in", "of", "from", "to", "at"})
#: forms of "tell" after which a title-cased quoted name is the show told ("told “Fox and Friends”")
TITLE_VERBS = frozenset({"tell", "tells", "told", "telling"})
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"})
#: nouns of an "In <a poll>, …" phrase that reports its respondents' answers ("In the survey, 60 percent said …")
POLL_NOUNS = frozenset({"poll", "survey", "study"})
#: prepositions of a closing phrase naming where a content was said ("in an interview", "on Sunday's broadcast")
SETTING_PREPS = frozenset({"in", "on", "during", "at"})
#: how far (in characters, outside quotes) a speech cue may sit from the quote it introduces
MAX_CUE_GAP = 120
#: prepositions whose object is what a cue takes a stance on ("warned against …", "called for …")
STANCE_PREPS = frozenset({"against", "for"})


@dataclass(slots=True)
class Attribution:
    """One attribution relation, joined on its cue."""

    cue: Cue | None
    source: tuple[int, int] | None
    content: tuple[int, int] | None  # the clausal/nominal content (may contain quotes)
    quotes: list[Quoted] = field(default_factory=list)
    kind: str = "indirect"  # indirect | stance | according_to
    floating: bool = False
    rule: str = "none"  # which content rule found the content (see content_of)
    lemma: str = ""
    cue_class: str = "other"  # lexicon class of the cue lemma (speech, belief…), "special", "other"
    parts: tuple[tuple[int, int], ...] = ()  # the content's pieces when its attribution interrupts it

    @property
    def cue_span(self) -> tuple[int, int] | None:
        return (self.cue.start, self.cue.end) if self.cue is not None else None


def _subtree_span(tokens, exclude: set[int], *, longest_run: bool = False) -> tuple[int, int] | None:
    toks = sorted((t for t in tokens if t.i not in exclude), key=lambda t: t.i)
    if longest_run and toks:
        runs, run = [], [toks[0]]
        for t in toks[1:]:
            if t.i == run[-1].i + 1:
                run.append(t)
            else:
                runs.append(run)
                run = [t]
        runs.append(run)
        toks = max(runs, key=lambda r: sum(len(t) for t in r if not t.is_punct))
    if not toks:
        return None
    # drop a leading complementizer ("that", "whether" stays: it carries meaning)
    while toks and toks[0].dep_ == "mark" and toks[0].lower_ == "that":
        toks = toks[1:]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _one_side(comps: list, head) -> list:
    """The complements of the cue in its own paragraph and on one side of it: a parser that hangs
    the next sentence on "said" as a second complement ("X, Sanders said. “Y,” he said") does not
    make X and Y one content. The side before the cue wins when the cue follows it, set off by a
    comma or a closing quote mark ("X, Sanders said"), unless the other side opens with "that" or the
    side before holds the speaker ("Ann Okafor, who runs the depot, said the ferries sail")."""
    doc = head.doc

    def same_paragraph(c) -> bool:
        lo, hi = (c.i, head.i) if c.i < head.i else (head.i, c.i)
        return not any("\n" in doc[k].text_with_ws for k in range(lo, hi))

    comps = [c for c in comps if same_paragraph(c)] or comps
    left = [c for c in comps if c.i < head.i]
    right = [c for c in comps if c.i > head.i]
    if not left or not right:
        return comps
    if any(m.dep_ == "mark" and m.lower_ == "that" for c in right for m in c.children):
        return right
    if opening_subject(head) is not None:
        return right  # "Ann Okafor, who runs the depot, said …": the clause before names the speaker
    subject = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    gap = doc[left[-1].right_edge.i + 1:head.i]
    words = [t for t in gap if t.i not in subject and not t.is_punct and not t.is_space]
    set_off = len(gap) > 0 and gap[0].text in (",", "”", '"', "''", "’")
    return left if set_off and len(words) <= 1 else right


def _cue_side(toks: list, head, parts: list) -> list:
    """``toks`` on the side of the cue where its complements stand: a content never reaches over its
    cue and source ("After the vote, Ward told reporters that …" is not content before the cue)."""
    if all(c.i > head.i for c in parts):
        return [t for t in toks if t.i > head.i]
    if all(c.i < head.i for c in parts):
        return [t for t in toks if t.i < head.i]
    return toks


def _set_off_cue(tok) -> bool:
    """An adverbial clause set off by a comma after the object ("criticized voters, declaring that
    …", "urged them, as he explained …"): what the speaker did next or the circumstance of the
    saying, not part of the object's content."""
    if tok.dep_ != "advcl":
        return False
    start = tok.left_edge.i
    return start > 0 and tok.doc[start - 1].text == ","


def _asked_question(clause) -> bool:
    """An "if"/"whether" clause the parser hung on a verb of asking as an adverbial ("Asked if he
    would run, Ward …"): the question asked, a complement."""
    return (clause.dep_ == "advcl" and clause.head.lemma_.lower() in QUESTION_VERBS and clause.i > clause.head.i
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in clause.children))


# one-word answers a verb of saying governs: "said yes", "said no", "said so"
ANSWERS = {"intj": frozenset({"yes", "no"}), "advmod": frozenset({"so"}), "dobj": frozenset({"yes", "no"})}


def _names_only(toks) -> bool:
    """Whether the words after a line's colon are one word (not an answer: "yes", "no") or a list
    of names (two commas or more, no verb, most words proper nouns) rather than a statement. A verb is no test alone: the tagger
    reads title-cased headlines ("Harbour Chief Backs Ferry Plan") as names."""
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    if len(words) == 1:
        return words[0].pos_ != "INTJ" and words[0].lower_ not in ("yes", "no")  # a transcript's "OKAFOR: No."
    return (sum(t.text == "," for t in toks) >= 2 and not any(t.pos_ in ("VERB", "AUX") for t in toks)
            and sum(t.pos_ == "PROPN" for t in words) >= 0.6 * len(words))


def content_of(cue: Cue, floor: int = 0) -> tuple[tuple[int, int] | None, str, str]:
    """The content span governed by ``cue``, the claim kind it makes, and the rule that found it
    (of the cue's clausal complements, those that end at ``floor`` or later: not one across the
    dateline, as "HEADLINE⏎CITY, March 11 - Harbour Co said net income rose" parses).

    Rules: ``according`` (the clause "according to X" hangs on), ``in`` and ``poll`` (the clause
    "In a statement" or "In the poll" hangs on; a speech verb's own, "In the poll, 60 percent said …",
    only for a poll), ``comp`` (a clausal complement),
    ``obj`` (a direct object and what follows it), ``prep`` ("warned of …", and a preposition of the
    cue's own: "referred to X as …", ``resources/cue_preps.tsv``), ``noun`` (the complement of a cue
    noun: "the claim that …", "concern about …"), ``parataxis`` ("the
    plan, he said, is …"), ``none``.
    """
    head = cue.head
    cue_ids = {t.i for t in cue.tokens}
    if cue.kind == "according_to":
        gov = head.head
        if gov == head:
            return None, "according_to", "according"
        exclude = {t.i for t in head.subtree}
        # "…, according to X." closing its sentence reports all of it, whichever verb the parser hung it on
        sent = head.sent
        after = [t for t in sent if t.i > max(exclude) and not t.is_space]
        if gov != sent.root and all(t.is_punct for t in after) and head.i > sent.start and head.nbor(-1).text in (",", "—", "--"):
            gov = sent.root
        return _subtree_span(list(gov.subtree), exclude, longest_run=True), "according_to", "according"
    if cue.kind == "in_source":
        gov = head.head
        pobj = next((c for c in head.children if c.dep_ == "pobj"), None)
        polled = head.i < gov.i and pobj is not None and pobj.lemma_.lower() in POLL_NOUNS
        if cue_classes().get(gov.lemma_.lower()) == "speech" and not polled:
            # "said in a statement": part of the verb's cue; but "In the poll, 60 percent said …"
            # reports what the poll found, the respondents' saying included
            return None, "according_to", "in"
        exclude = {t.i for t in head.subtree}
        return _subtree_span(list(gov.subtree), exclude, longest_run=True), "according_to", "poll" if polled else "in"
    if cue.kind == "noun":
        comp = noun_complement(head)
        return _subtree_span(list(comp.subtree), cue_ids), "stance" if comp.dep_ in ("pobj", "pcomp") else "indirect", "noun"
    if cue.kind == "colon":
        doc = head.doc
        end = head.i + 1
        while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
            end += 1
        toks = list(doc[head.i + 1:end])
        if _names_only(toks):
            # "Cast: Ann Okafor, Ben Reyes, …", "Harbour Ferries: Ann Okafor (captain), …", "Courtesy:
            # Facebook": a list or a name, not a statement (a quotation after the colon is still drawn)
            return None, "indirect", "colon"
        return _subtree_span(toks, set()), "indirect", "colon"
    comps = [c for c in head.children if c.dep_ in COMPLEMENT_DEPS or _asked_question(c)]
    comps = _one_side([c for c in comps if c.right_edge.idx >= floor] or comps, head)
    if comps:
        exclude = cue_ids
        classes = cue_classes()
        toks = [t for c in comps for t in c.subtree]
        if any(c.dep_ == "xcomp" for c in comps):  # object control: "urged him to …"
            first = min(c.i for c in comps)
            toks += [t for o in head.children if o.dep_ in OBJECT_DEPS and o.i < first for t in o.subtree]
        # a cue the parser hung on the complement ("announced that he was resting and vowed to
        # return") is a relation of its own, not part of this content
        for t in toks:
            outer = outer_conjunct(t) if t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() in classes else None
            if outer is not None and outer.i == head.i:
                exclude = exclude | {x.i for x in t.subtree} | {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
        kind = "stance" if cue.kind == "stance" else "indirect"
        return _subtree_span(_cue_side(toks, head, comps), exclude), kind, "comp"
    lemma = head.lemma_.lower()
    if _puts_it(head):
        # "As Ann put it, “…”", "…, as Ann put it": the idiom reports the clause it stands beside
        if head.dep_ in ("advcl", "parataxis") and head.head != head:
            exclude = {t.i for t in head.subtree}
            return _subtree_span(list(head.head.subtree), exclude, longest_run=True), "indirect", "parataxis"
        return None, "indirect", "none"
    if lemma not in ADDRESSEE_VERBS:
        objs = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        if objs:
            # an adverbial clause set off after the object ends the content: what follows it is its own
            # ("tweeted congratulations, adding “…”": the quotation is what was added) or the saying's
            # circumstance ("urged them, as he explained …"); on PolNeAR train the gold content ends
            # there 75 times in 93
            stop = min((c.i for c in head.children if c.i > objs[0].i and _set_off_cue(c)), default=len(head.doc))
            extra = [c for c in head.children if objs[0].i < c.i < stop and c.dep_ not in STANCE_STOP_DEPS]
            toks = [t for c in objs + extra for t in c.subtree]
            return _subtree_span(toks, cue_ids), "stance", "obj"
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
    for clause in head.children:
        # "is calling for the harbour board to step in …": the parser makes "for" the mark of a clause
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "for" and m.i == clause.left_edge.i), None)
        if clause.dep_ == "advcl" and clause.i > head.i and mark is not None and not preps:
            return _subtree_span(list(clause.subtree), cue_ids | {mark.i}), "stance", "prep"
    for prep in preps:
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            return _subtree_span(list(pobj.subtree), cue_ids), "stance", "prep"
    # a preposition of the cue's own ("referred to him as “a reformer”", "known as …"): the content
    # runs from its object to the end of the last such phrase; a participle clause opening the
    # sentence ("Later, referring to his talks with X, the PM wrote that …") sets the scene of the
    # main cue and is no relation of its own
    leading = head.tag_ == "VBG" and head.dep_ == "advcl" and head.i < head.head.i
    own = cue_preps().get(lemma, frozenset()) if not leading else frozenset()
    listed = [c for c in head.children if c.dep_ in ("prep", "agent") and c.i > head.i and c.lower_ in own]
    pobj = next((c for c in listed[0].children if c.dep_ in ("pobj", "pcomp")), None) if listed else None
    if pobj is not None:
        toks = list(pobj.subtree) + [t for p in listed[1:] for t in p.subtree]
        return _subtree_span(toks, cue_ids), "stance", "prep"
    answer = next((c for c in head.children if c.i > head.i and c.lower_ in ANSWERS.get(c.dep_, ())), None)
    if answer is not None and cue_classes().get(lemma) == "speech":
        return (answer.idx, answer.idx + len(answer)), "indirect", "obj"  # "72 percent said yes", "he said so"
    if (head.dep_ == "parataxis" or _beside_clause(head)) and head.head != head:
        exclude = {t.i for t in head.subtree}
        return _subtree_span(list(_clause_verb(head.head).subtree), exclude, longest_run=True), "indirect", "parataxis"
    return None, "indirect", "none"


def _puts_it(head) -> bool:
    """Whether ``head`` is the "put" of "as X put it", a verb of saying in that idiom."""
    return head.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in head.children)


def _clause_verb(tok):
    """The verb of the clause ``tok`` stands in when the parser hung a cue on an auxiliary ("Even then,
    he said, he's learned …": "said" hangs on "'s", whose subtree is only "he's")."""
    while tok.dep_ in ("aux", "auxpass") and tok.head != tok:
        tok = tok.head
    return tok


def _beside_clause(head) -> bool:
    """A speech verb with nothing of its own to report that stands beside the clause it reports, as
    the parser may hang it: "As the Post reported, X …" (an adverbial clause opened by "as"), "X …,
    his aide told the Huffington Post" (a conjunct with its own subject and no conjunction)."""
    if cue_classes().get(head.lemma_.lower()) != "speech" or head.head == head:
        return False
    if head.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children) and head.i < head.head.i
    if head.dep_ == "conj" and head.i > head.head.i:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        joined = any(c.dep_ in ("cc", "preconj") for c in head.head.children if head.head.i < c.i < head.i)
        first = head.left_edge
        set_off = first.text == "," or (first.i > 0 and head.doc[first.i - 1].text == ",")
        return own_subject and not joined and set_off
    return False


def _without_setting(doc, content: tuple[int, int], quotes: list[Quoted]) -> tuple[int, int]:
    """``content`` without a closing phrase naming where it was said ("… the port would reopen in
    an interview with the BBC", "… on Sunday's broadcast"): the setting of the cue, not what was said.
    The setting nouns are those of ``resources/source_nouns.txt``."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 4:
        return content
    nouns = source_nouns()
    for tok in span[1:]:
        if tok.dep_ != "prep" or tok.lower_ not in SETTING_PREPS or _inside(tok.idx, quotes):
            continue
        last = tok.right_edge
        if last.idx + len(last) < end - 1 or tok.left_edge.i != tok.i:
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in nouns and tok.idx > start:
            return start, tok.idx
    return content


def _bounded(doc, att: Attribution, text: str, quotes: list[Quoted]) -> tuple[int, int] | None:
    """The content of a kept attribution with its boundaries settled (:mod:`newsclaims.extract.boundaries`);
    the cue model judged the candidate on the content as its rule found it."""
    content = att.content
    if content is None or is_time_only(doc, content):
        return None
    content = without_source(doc, content, att.source)
    if att.rule == "comp":
        head = att.cue.head
        if att.kind == "indirect":
            content = with_reported_adverbial(doc, content, head)
        content = inner_content(doc, with_addressee(doc, content, head), head)
    elif att.rule == "obj":
        content = without_occasion(doc, without_time_of_cue(doc, content, att.cue.head), att.cue.head)
        content = without_platform(doc, fronted_object(doc, content, att.cue.head), att.cue.head)
    return _whole_quotes(trim(text, *content), quotes) if content != att.content else content


def _reported_clause(att: Attribution):
    """The head of the clause ``att`` reports: the cue's complement holding the content, or the clause
    the cue stands beside ("the plan, he said, is …", "X, according to Y, Z")."""
    head = att.cue.head
    if att.rule == "comp":
        start, end = att.content
        return next((c for c in head.children if c.dep_ in COMPLEMENT_DEPS
                     and c.left_edge.idx < end and start < c.right_edge.idx + len(c.right_edge)), None)
    if att.rule in ("parataxis", "according", "in", "poll") and head.head != head:
        return head.head
    return None


def _pieces(doc, att: Attribution, text: str) -> tuple[tuple[int, int], ...]:
    """The pieces of ``att``'s content when its own attribution stands inside it
    (:func:`newsclaims.extract.boundaries.interrupted_parts`), each trimmed; () for one piece."""
    if att.content is None or att.cue is None:
        return ()
    head = att.cue.head
    parts = interrupted_parts(doc, att.content, head, _reported_clause(att))
    if not parts and att.cue.kind not in SPECIAL_CUES and head.lemma_.lower() not in ADDRESSEE_VERBS:
        subject = raised_subject(doc, att.content, head)
        parts = [subject, att.content] if subject is not None else relative_pieces(doc, att.content, head)
    if not parts:
        return ()
    parts = [trim(text, *p) for p in parts]
    if any(b <= a for a, b in parts):
        return ()
    return tuple(parts)


def _whole_quotes(content: tuple[int, int], quotes: list[Quoted]) -> tuple[int, int]:
    """``content`` widened to the marks of a quotation it starts or ends inside (the parser may end a
    complement mid-quote: 'telling him that “we mend the quays, we keep the ferries running”'), or ends
    at the closing mark of, having opened it ('The plan was “a disaster”, she said': the parser hangs
    the closing mark on the cue)."""
    start, end = content
    for q in quotes:
        if q.inner_start < end < q.inner_end or (end == q.inner_end and start <= q.start and q.closed):
            end = q.end
        if q.inner_start < start < q.inner_end:
            start = q.start
    return start, end


_BRACKETED = re.compile(r"\[[^\[\]\n]{1,200}\]")
_NOTE_OF_SPEECH = re.compile(r"\s*(?::\s*[\"“][^\]]*)?\]")


def _inside(pos: int, quotes: list[Quoted]) -> bool:
    return any(q.start <= pos < q.end for q in quotes)


def _overlap(a: tuple[int, int], q: Quoted) -> int:
    return max(0, min(a[1], q.inner_end) - max(a[0], q.inner_start))


def _paragraph_of(pos: int, paras: list[tuple[int, int]]) -> int:
    for i, (s, e) in enumerate(paras):
        if s <= pos <= e:
            return i
    return -1


def _noun_kept(att: Attribution) -> bool:
    return att.content is not None and att.source is not None


def find_attributions(doc, *, exclude: list[tuple[int, int]] = (), learned: bool = True,
                      cache: bool = True) -> list[Attribution]:
    """Every attribution relation of ``doc`` in text order (cached on the doc).

    ``exclude`` lists character ranges that are not article prose (the dateline, embedded post text
    and signatures): no cue or quote is looked for there, and no source is taken from there. Every verb is a candidate cue; the learned
    cue model (:mod:`newsclaims.extract.cue_model`) keeps the cues, ``learned=False`` keeps every
    candidate (for training that model).
    """
    cached = doc.user_data.get(CACHE_KEY) if cache else None
    if cached is not None:
        return cached
    text = original_text(doc)
    excluded = [tuple(r) for r in exclude]

    def prose(pos: int) -> bool:
        return not any(a <= pos < b for a, b in excluded)

    quotes = [q for q in find_quotes(text) if prose(q.start)]
    paras = paragraphs(text)
    # transcripts: "[CRISTIANI] …" gives the paragraph to the bracketed speaker
    tags = speaker_tags(text, quotes)
    tagged = {t.speech.start for t in tags}
    # fact checks: "“…”⏎⏎- Ann Okafor." gives the quotation paragraph to the name after the dash
    signed = sign_offs(text, quotes)
    tagged |= {q.start for s in signed for q in s.quotes}
    quotes = [q for q in quotes if q.start not in tagged]
    spoken = quotes + [t.speech for t in tags] + [q for s in signed for q in s.quotes]
    sents = list(doc.sents)
    classes = cue_classes()
    # an editor's note in square brackets ("[CHANGES THOUGHT]", "[WHEELOCK SHOWS LOCATION ON A MAP]")
    # says nothing anyone said, unless it closes with a verb of speech and maybe what was said:
    # "[CROWD SHOUTS] YES!", "[CROWD SHOUTS: “NO!”]"
    notes = [m.span() for m in _BRACKETED.finditer(text)]
    candidates: list[Attribution] = []
    for cue in find_cues(doc, all_verbs=True):
        if not prose(cue.start) or _inside(cue.start, spoken):
            continue
        if any(a < cue.start < b and not (_NOTE_OF_SPEECH.fullmatch(text, cue.end, b) and classes.get(cue_lemma(cue)) == "speech")
               for a, b in notes):
            continue
        content, kind, rule = content_of(cue, max((b for a, b in excluded if b <= cue.start), default=0))
        if content is not None:
            # a content never runs out of its cue's paragraph (the parser may join paragraphs)
            p = _paragraph_of(cue.start, paras)
            if p >= 0:
                content = (max(content[0], paras[p][0]), min(content[1], paras[p][1]))
            # nor across what is not prose (a note to editors under the headline, a dateline): it
            # stays on its cue's side
            for a, b in excluded:
                if content[0] < b and a < content[1]:
                    content = (content[0], min(content[1], a)) if cue.start < a else (max(content[0], b), content[1])
            content = _whole_quotes(trim(text, *_without_setting(doc, content, quotes)), quotes)
            if content[1] <= content[0]:
                content, rule = None, "none"
        cls = "special" if cue.kind in SPECIAL_CUES else classes.get(cue_lemma(cue), "other")
        if cls == "topic":
            continue
        candidates.append(Attribution(cue, source_of(cue), content, kind=kind, rule=rule, lemma=cue_lemma(cue),
                                      cue_class=cls))
    attributions = _join_quotes(candidates, quotes, sents, paras, text)
    if learned:
        # the model judges each candidate with the quotes it drew; the kept ones draw them again
        # (a speech verb with no content of its own stays available to a quotation beside it)
        # (a cue noun of the lexicon, which the model was not trained on, is kept when it names its source)
        others = judged(candidates)
        chosen = [a for a in candidates if (_noun_kept(a) if a.cue.kind == "noun" else
                  keep(a, doc, others=others) or (a.content is None and a.cue.kind in ("speech", "colon"))
                  or (a.rule == "poll" and a.content is not None)
                  or any(tags_quote(a, q, text) or introduces_quote(a, q, text) for q in a.quotes))]
        # a candidate whose cue stands inside a kept content ("X said Y believes Z") is judged by a
        # threshold of its own
        picked = {id(a) for a in chosen}
        reach = [r for a in chosen for r in reported_spans(a)]
        chosen = [a for a in candidates if id(a) in picked or (
                  a.cue.kind != "noun" and a.content is not None and any(s <= a.cue.start and a.cue.end <= e for s, e in reach)
                  and keep(a, doc, others=others, nested=True))]
        for a in chosen:
            a.quotes = []
            if a.source is None and a.cue.kind not in SPECIAL_CUES:
                a.source = nearest_subject(a.cue)  # the model judged it without a source
            a.content = _bounded(doc, a, text, quotes)
            a.parts = _pieces(doc, a, text)
            if a.parts:
                a.content = (a.parts[0][0], a.parts[-1][1])
            elif a.content is not None:
                a.content = choose_boundaries(doc, a, a.content, quotes)
        attributions = _join_quotes(chosen, quotes, sents, paras, text)
        _to_outer_tag(attributions, paras, text)
        for a in attributions:
            # "issued a statement, “…”": the object before the quotation it introduces is part of the cue
            if a.content is not None and any(introduces_quote(a, q, text) and a.cue.end <= a.content[0] and a.content[1] <= q.start
                                             for q in a.quotes):
                a.content, a.parts = None, ()
            # "wrote on Twitter: “…”", "“…,” he said of Cruz": what a cue's preposition names beside the
            # quotation it tags is where or of whom it was said; the quotation is what was said
            elif a.rule == "prep" and a.content is not None and _setting_prep(doc, a) \
                    and any(_beside(a, q, text) for q in a.quotes):
                a.content, a.parts = None, ()
            elif a.content is not None and not a.parts:
                a.content = _through_quotation(a.content, a.quotes, text)

    attributions += [Attribution(None, (t.name_start, t.name_end), None, [t.speech], rule="speaker-tag") for t in tags]
    for s in signed:
        dash = doc.char_span(s.dash_start, s.dash_start + 1, alignment_mode="expand")
        if dash is not None and len(dash):
            attributions.append(Attribution(Cue(dash[0], (dash[0],), "sign_off"), (s.name_start, s.name_end), None,
                                            list(s.quotes), rule="sign-off", cue_class="special"))
    kept = [a for a in attributions if a.content is not None or a.quotes]
    for a in kept:
        a.quotes.sort(key=lambda q: q.start)
        if a.source is not None and a.cue is not None:
            a.source = source_outside(doc, source_in_paragraph(doc, a.source, a.cue.start, paras), a.cue.start, excluded)
    kept.sort(key=lambda a: min(([a.content[0]] if a.content else []) + [q.start for q in a.quotes]))
    if cache:
        doc.user_data[CACHE_KEY] = kept
    return kept


def is_title(q: Quoted, text: str) -> bool:
    """A short quoted passage in title case after "on", "in", "of", "with", a possessive, a noun of a
    work (set off by a comma or not) or a form of "tell" ("on CNN’s “New Day”", "in “The Revenant”",
    "the podcast “Tide Talk”", "his 2012 book, “A Harbour Son”", "told “Fox and Friends”"): the
    name of a show, a film or a book."""
    words = text[q.inner_start:q.inner_end].split()
    if not words or len(words) > MAX_TITLE_WORDS or q.paragraph_start:
        return False
    if not all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words):
        return False
    before = text[max(0, q.start - 12):q.start].split()
    if not before:
        return False
    last = before[-1].lower()
    if last == "with":
        # "in an interview with “Fox and Friends”"; in all-caps copy, where every phrase is title-cased,
        # the phrase after "with" is as often what someone is charged with
        return any(c.islower() for c in words[0])
    return (last in TITLE_PREPS or last.endswith(("’s", "'s")) or last in TITLE_VERBS
            or last.rstrip(",") in work_nouns())


#: a numbered entry of a list up to a quotation opening it ("   4.``Waiting for a Star to Fall''")
_LIST_NUMBER = re.compile(r"[ \t]*\d{1,3}[.)][ \t]*$")
#: a transcript's speaker opening a quoted paragraph ("“PENCE: Well, …"): each line is its speaker's
_LINE_SPEAKER = re.compile(r"[A-Z][A-Z.' -]{1,40}:")


def _listed(q: Quoted, text: str) -> bool:
    """A quotation opening a numbered line of a list, with more words after it on its line ("4.``Waiting
    for a Star to Fall'' Boy Meets Girl (RCA)", a chart of songs): a title in the list, not speech."""
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    rest = text[q.end:line_end if line_end >= 0 else len(text)]
    return bool(_LIST_NUMBER.fullmatch(text, line_start, q.start)) and any(c.isalpha() for c in rest)


#: parts of speech of the word before a quotation that make it a word of a noun or prepositional phrase
#: ("the cross-party “Harbour Six”", "this radio “reporter”", "his book “Tidal Lines”")
PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM"})


#: prepositions after which a quoted phrase is a label someone gives ("described the group *as* “a
#: remnant”", "sounded *like* “a broken record”"), whatever the parser hangs them on
LABEL_PREPS = frozenset({"as", "like"})


def is_mention(q: Quoted, text: str, doc) -> bool:
    """A short quoted passage inside a noun or prepositional phrase of running prose ("her seat
    on the cross-party “Harbour Six”", "this radio “reporter”", "his new book ''Salt
    Roads''"): a name, a title or a scare quote that the writer marks, not speech. Fewer than
    :data:`MIN_FLOATING_WORDS` words, not opening a paragraph, not ending as a quotation tagged by a
    speaker does (with a comma, a question or exclamation mark, a dash), right after a determiner,
    an adjective, a noun, a number or a preposition; unless it is what a cue reports or names
    (:func:`_reported_phrase`: "called the plan “a disaster”") or a label after "as" or "like".
    On PolNeAR train it left 23 more contents exact, and lost 10 relations that such a passage,
    joined to a cue of its sentence, had matched at 30 %."""
    if q.paragraph_start or q.words(text) >= MIN_FLOATING_WORDS:
        return False
    quoted = text[q.inner_start:q.inner_end].rstrip()
    if not quoted or quoted[-1] in TAG_ENDINGS:
        return False
    span = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    if not words or words[0].i == 0:
        return False
    k = words[0].i - 1
    while k > 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    prev = doc[k]
    if prev.pos_ not in PHRASE_POS or prev.is_punct:
        return False
    if prev.lower_ in LABEL_PREPS or (prev.pos_ == "DET" and k > 0 and doc[k - 1].lower_ in LABEL_PREPS):
        return False  # "described it as (a) “…”"
    ids = {t.i for t in words}
    root = max((t for t in words if t.head.i not in ids or t.head.i == t.i), key=lambda t: len(list(t.subtree)))
    # the phrase is what a cue reports, or follows the object of one ("called Ann “a liar”")
    return not (_reported_phrase(root) or (prev.head.i not in ids and _reported_phrase(prev)))


#: dependencies by which a phrase is what a cue word reports or names ("called him “a liar”",
#: "dubbed the “Save Our Ferries Fund”", "described it as “a remnant”")
REPORTED_DEPS = frozenset({"dobj", "obj", "oprd", "attr", "acomp", "ccomp", "xcomp", "dative", "nsubjpass", "appos"})


def _reported_phrase(tok) -> bool:
    """Whether ``tok`` stands in what a word of the cue lexicon reports: on the way up to its clause's
    verb, the object or complement of a cue word, or the object of a preposition that takes its
    content ("warned of …", "referred to … as …")."""
    classes = cue_classes()
    child = tok
    while child.head.i != child.i:
        head = child.head
        lemma = head.lemma_.lower()
        if lemma in classes and head.pos_ in ("VERB", "NOUN", "AUX"):
            if child.dep_ in REPORTED_DEPS or (child.dep_ in ("prep", "agent") and (
                    child.lower_ in CONTENT_PREPS or child.lower_ in cue_preps().get(lemma, frozenset()))):
                return True
        if head.pos_ in ("VERB", "AUX") and child.dep_ not in ("pobj", "prep", "compound", "amod", "nmod", "poss"):
            return False
        child = head
    return False


def _join_quotes(attributions: list[Attribution], quotes: list[Quoted], sents, paras, text: str) -> list[Attribution]:
    """Give every quoted passage to its cue (see the module docstring); unclaimed long ones float alone."""
    attributions = list(attributions)
    floating: list[Quoted] = []
    for q in quotes:
        if _listed(q, text):
            continue  # a title in a numbered list is nobody's speech
        owner = None
        # 1. the cue whose content contains the quote
        best = 0
        for att in attributions:
            if att.content is not None:
                ov = _overlap(att.content, q)
                if ov > best or (ov == best > 0 and _tag_after(att, q, text) and not _reports_clause(owner)):
                    owner, best = att, ov
        if owner is None and (is_title(q, text) or (sents and is_mention(q, text, sents[0].doc))):
            continue  # a title ("on NBC’s “Meet the Press”") or a name in a phrase is nobody's speech
        # 2. a speech tag right after it whose verb the tagger read as a noun ('“…,” the email read.')
        if owner is None and sents:
            tag = _noun_tag(q, text, sents[0].doc)
            if tag is not None:
                attributions.append(tag)
                owner = tag
        # 3. the nearest speech cue of the quote's sentences, outside quotes
        if owner is None:
            owner = _sentence_cue(q, sents, attributions, paras, text)
        if owner is not None:
            owner.quotes.append(q)
        else:
            floating.append(q)
    # 4. colon introductions and floating quotes: the previous speaker of the paragraph; a quoted
    # sentence left open right before the next quotation ("“We waited. “Now it sails,” Okafor said")
    # is that quotation's
    for q in floating:
        owner = _next_quotation_owner(q, attributions, text) or _previous_speaker(q, attributions, paras, text)
        if owner is not None:
            owner.quotes.append(q)
            continue
        credit = _credited(q, text, sents[0].doc) if sents else None
        if credit is not None:
            attributions.append(credit)
        elif q.words(text) >= MIN_FLOATING_WORDS:
            attributions.append(Attribution(None, None, None, [q], floating=True))
    return attributions


def _next_quotation_owner(q: Quoted, attributions: list[Attribution], text: str) -> Attribution | None:
    """The attribution of the quotation right after ``q`` in its paragraph when ``q`` was left open
    before its mark (:func:`newsclaims.extract.content.find_quotes`: copy that opens every quoted
    sentence). A quotation left open at a paragraph's end runs on from the speaker before instead."""
    if q.closed:
        return None
    for att in attributions:
        if any(o.start > q.end and text[q.end:o.start].isspace() and "\n" not in text[q.end:o.start] for o in att.quotes):
            return att
    return None


def _reports_clause(att: Attribution) -> bool:
    """Whether ``att`` is a speech verb reporting a clause ("Salman said he prayed for the chance
    “to raise the flag …,” the agency said": the quotation is Salman's, whom the agency reports)."""
    return att.rule == "comp" and att.cue_class == "speech"


def _tag_after(att: Attribution, q: Quoted, text: str) -> bool:
    """Whether ``att``'s source and cue follow the quotation ``q`` with nothing but a comma between
    ('America needs leaders “who …,” Clinton said': the quotation is Clinton's, though the content
    of "needs" holds it as well, unless a speech verb reports it: :func:`_reports_clause`)."""
    cue, source = att.cue, att.source
    if cue is None or source is None or source[0] < q.end or cue.start < source[1]:
        return False
    return text[q.end:source[0]].strip() in ("", ",") and not text[source[1]:cue.start].strip()


def _credited(q: Quoted, text: str, doc) -> Attribution | None:
    """A quotation with no speaker whose paragraph closes with a bracketed credit right after it
    ("“…” [Reuters.]", as news digests set their sources): the credit is its cue and its source."""
    m = CREDIT.match(text, q.end)
    name = doc.char_span(m.start(1), m.end(1)) if m else None
    if name is None or not len(name):
        return None
    return Attribution(Cue(name.root, tuple(name), "credit"), (m.start(1), m.end(1)), None, [q], rule="credit",
                       lemma=name.root.lemma_.lower(), cue_class="special")


#: verbs of a speech tag, besides the speech verbs of the lexicon, that the tagger may read as a noun ('“…,” the email read.')
TAG_NOUN_VERBS = frozenset({"read"})


def _noun_tag(q: Quoted, text: str, doc) -> Attribution | None:
    """A speech tag right after the quotation ``q`` whose verb the tagger read as the noun ending a
    noun phrase ('“…,” the email read.', '“…,” the two write.', '“…,” the islanders state in the
    petition', '“…,” a voice-over in the ad states.'): the quotation ends with a comma, a question or
    exclamation mark or a dash inside its marks; a short phrase of nouns, names, determiners and
    adjectives follows it in its sentence (prepositional phrases included); its last word is a
    common noun whose lemma is a speech verb of the lexicon, and what follows it ends the clause
    (punctuation or a preposition). That word is the cue and the words before it the source."""
    inner = text[q.inner_start:q.inner_end].rstrip()
    if not q.closed or inner[-1:] not in TAG_ENDINGS or q.words(text) < MIN_TAGGED_WORDS:
        return None
    first = doc.char_span(q.start, q.end, alignment_mode="expand")
    if first is None or not len(first):
        return None
    i = first.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc) or text[q.end:doc[i].idx].strip():
        return None
    words = []
    classes = cue_classes()
    for tok in doc[i:i + MAX_TAG_WORDS + 1]:
        if tok.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "ADP", "PUNCT") or "\n" in tok.text_with_ws \
                or tok.is_punct and tok.text not in ("-", "'s", "’s"):
            break
        words.append(tok)
    for k in range(len(words) - 1, 0, -1):
        verb = words[k]
        lemma = verb.lower_[:-1] if verb.tag_ == "NNS" and verb.lower_.endswith("s") else verb.lower_
        if verb.tag_ not in ("NN", "NNS") or not (classes.get(lemma) == "speech" or lemma in TAG_NOUN_VERBS):
            continue
        after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if after is not None and not (after.is_punct or after.pos_ == "ADP" or after.is_space):
            continue
        source = words[:k]
        named = any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in source) or (
            len(source) == 2 and source[0].pos_ == "DET" and source[1].pos_ == "ADJ")  # "the editorial", tagged an adjective
        if source[-1].pos_ == "ADP" or not named:
            continue
        cue = Cue(verb, (verb,), "speech")
        return Attribution(cue, (source[0].idx, source[-1].idx + len(source[-1])), None, [], rule="noun-tag",
                           lemma=lemma, cue_class="speech")
    return None


#: what a quotation ends with when the words after it are its speech tag ('“…,” Ann pressed.')
TAG_ENDINGS = frozenset({",", "?", "!", "—", "–"})
#: tags of a finite verb that can tag a quotation ('“…,” the two write', '“…,” read the statement')
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: at most this many words between a quotation and the verb that tags it
MAX_TAG_WORDS = 8
#: a quotation shorter than this is not given a speech tag by its place alone (a title, a scare quote)
MIN_TAGGED_WORDS = 3


def tags_quote(att: Attribution, q: Quoted, text: str) -> bool:
    """Whether ``att``'s cue is a speech tag right after the quotation ``q``, whatever its verb ('“Is
    it negotiable?” Hannity pressed.', '“…,” an angry Hollande retaliated.', '“…,” read the
    statement'): the quotation ends with a comma, a question or exclamation mark or a dash inside
    its marks, the cue is a finite verb with no content of its own, and nothing between them is a
    verb or ends a sentence. The parser names no complement, so the lexicon class of the verb
    cannot say that it reports the quotation; its place does."""
    cue = att.cue
    if cue is None or att.content is not None or cue.kind in SPECIAL_CUES or cue.head.tag_ not in FINITE_TAGS:
        return False
    if cue.head.dep_ == "relcl" or q.words(text) < MIN_TAGGED_WORDS:
        return False  # '“New Day,” which ends …': a title with a relative clause, not a speech tag
    inner = text[q.inner_start:q.inner_end].rstrip()
    if not q.closed or inner[-1:] not in TAG_ENDINGS or cue.start < q.end:
        return False
    doc = cue.head.doc
    between = doc.char_span(q.end, cue.start, alignment_mode="expand")
    if between is None:
        return not text[q.end:cue.start].strip()
    words = [t for t in between if not t.is_punct and not t.is_space]
    if len(words) > MAX_TAG_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if any("\n" in t.text_with_ws or t.text in (".", ";") for t in between):
        return False
    subject = next((c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WP", "WDT"):
        return False
    after = cue.head.i + 1 < len(doc) and doc[cue.head.i + 1].pos_ in ("DET", "PROPN", "NOUN")
    classes = cue_classes()
    if any(t.pos_ == "VERB" and classes.get(t.lemma_.lower()) == "speech" for t in doc[cue.head.i + 1:cue.head.sent.end]):
        return False  # '“…,” Ann Lee, now retired in Ohio, said': the speech verb after it tags the quotation
    return (subject is not None and subject.i < cue.head.i and subject.idx >= q.end) or (not words and after)


#: at most this many words of the verb's own between it and the quotation it introduces ("issued a statement, “…”")
MAX_INTRO_WORDS = 3


def introduces_quote(att: Attribution, q: Quoted, text: str) -> bool:
    """Whether ``att``'s cue is a verb that introduces the quotation ``q`` right after it, set off by
    a comma or a colon, whatever its lemma ('Hillary shot back, “…”', 'Trump issued a statement,
    “…”', 'As Ann Lee put it, “…”', 'as Tom Ridge put it: “…”'): between them only a few words of the verb's own (a particle,
    its object), no other verb, no end of sentence. A short quotation (a title, a scare quote) is
    not introduced by its place alone."""
    cue = att.cue
    if cue is None or cue.kind in SPECIAL_CUES or cue.head.pos_ != "VERB" or q.start < cue.end:
        return False
    if cue.head.dep_ in ("relcl", "amod", "acl") or q.words(text) < MIN_FLOATING_WORDS:
        return False
    if any(c.dep_ == "mark" and c.lower_ != "as" for c in cue.head.children):
        return False  # "Unless rivals quit the race, “…”": a condition, not a speaker ("As Lee put it, “…”" is one)
    if att.content is not None and att.content[0] < q.end and q.start < att.content[1]:
        return False
    gap = text[cue.end:q.start]
    if "\n" in gap:
        return False
    gap = gap.rstrip()
    if not gap.endswith((",", ":")):
        return False
    doc = cue.head.doc
    between = doc.char_span(cue.end, cue.end + len(gap) - 1, alignment_mode="expand") if len(gap) > 1 else []
    if between is None:
        return False
    words = [t for t in between if not t.is_punct and not t.is_space]
    own = {t.i for t in cue.head.subtree}
    return (len(words) <= MAX_INTRO_WORDS and all(t.i in own and t.pos_ not in ("VERB", "AUX") for t in words)
            and not any(t.text in (".", ";", "?", "!") for t in between))


#: dependencies of a cue hung inside a speech tag's clause ("“…,” Lee said, *describing* …", "“…,” said
#: Lee, *who noted* …"): a remark of the writer's about the saying, not the tag of what follows it
INNER_CUE_DEPS = frozenset({"advcl", "relcl", "acl", "xcomp"})
#: inner cues that say more themselves ("…, adding that …", "…, who also said that …"): the quotation
#: after them is theirs, as PolNeAR marks it
SAYING_MORE = frozenset({"add", "say"})


def _to_outer_tag(attributions: list[Attribution], paras, text: str) -> None:
    """Give a quotation after a cue hung inside a speech tag's clause to that tag ('“…,” Lee said,
    describing the plant. “…”', '“…,” said Lee, who noted that …. “…”'): the speaker goes on, as
    PolNeAR marks the two quotations one relation of the tag. An inner cue of :data:`SAYING_MORE`
    keeps what follows it ('“…,” Lee said, adding that …. “…”'), as does one with a subject of its
    own ('“…,” Lee said as a man yelled …') or a colon before the quotation, and a quotation inside
    the inner cue's own content stays there."""
    for inner in attributions:
        cue = inner.cue
        if cue is None or not inner.quotes or inner.lemma in SAYING_MORE or cue.head.dep_ not in INNER_CUE_DEPS:
            continue
        subject = next((c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.tag_ not in ("WP", "WDT"):
            continue  # '“…,” Lee said as a man yelled: “…”': a speaker of its own
        ancestors = {a.i for a in cue.head.ancestors}
        outer = next((a for a in attributions if a is not inner and a.quotes and a.cue is not None
                      and a.cue.kind == "speech" and a.cue.head.i in ancestors and a.cue.end <= cue.start), None)
        if outer is None:
            continue
        end = inner.content[1] if inner.content is not None else cue.end
        moved = [q for q in inner.quotes if q.start >= end and _paragraph_of(q.start, paras) == _paragraph_of(cue.start, paras)
                 and not text[end:q.start].rstrip().endswith(":")]
        if moved:
            inner.quotes = [q for q in inner.quotes if q not in moved]
            outer.quotes.extend(moved)


#: what may stand between a content and the quotation that carries it on, in its paragraph
CONTINUING_GAP = re.compile(r"[ \t]*[.:,;—–-]?[ \t]*")


def _through_quotation(content: tuple[int, int], quotes: list[Quoted], text: str) -> tuple[int, int]:
    """``content`` carried on through the quotation of its own cue that follows it with nothing but a
    stop, colon, comma or dash between ('tweeted a warning: “Remember in November …”', 'said the port
    wants to sail first. “They would rather not dwell on it …”'): one reported content, as PolNeAR
    marks it."""
    start, end = content
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start >= end and CONTINUING_GAP.fullmatch(text, end, q.start):
            end = q.end
    return start, end


def _setting_prep(doc, att: Attribution) -> bool:
    """Whether the preposition before ``att``'s content names where, to whom or of what it was said
    ("wrote *on* Twitter", "said *of* Cruz", "called *over* her shoulder"), not a stance of its own
    ("warned *against* X", "called *for* X": X is what was warned against or called for)."""
    span = doc.char_span(*att.content, alignment_mode="expand")
    prep = doc[span.start - 1] if span is not None and span.start > 0 else None
    return prep is not None and prep.dep_ == "prep" and prep.lower_ not in STANCE_PREPS


def _beside(att: Attribution, q: Quoted, text: str) -> bool:
    """Whether the quotation ``q`` stands right beside ``att``'s cue and content and apart from the
    content: before the cue in its sentence ('“…,” a supporter wrote on Reddit') or right after the
    content, a comma or colon between ('wrote on Twitter: “…”')."""
    start, end = att.content
    if q.start < end and start < q.end:
        return False
    if q.end <= att.cue.start:
        gap = text[q.end:att.cue.start]
        return len(gap.split()) <= MAX_TAG_WORDS and not any(c in gap for c in ".!?;\n")
    return q.start >= end and text[end:q.start].strip() in (",", ":")


def _sentence_cue(q: Quoted, sents, attributions: list[Attribution], paras, text: str) -> Attribution | None:
    lo = next((s.start_char for s in sents if s.start_char <= q.start < s.end_char), q.start)
    hi = next((s.end_char for s in sents if s.start_char < q.end <= s.end_char), q.end)
    if hi <= q.end + 1:
        # the parser ended the sentence at the closing mark: '“…!” he tweeted.' goes on
        inner_end = text[q.inner_start:q.inner_end].rstrip()[-1:]
        hi = next((s.end_char for s in sents if q.end <= s.start_char <= q.end + 2
                   and (s.text[:1].islower() or inner_end in ("?", "!", ",") or len(s) <= 10)), hi)
    best, best_gap = None, None
    for att in attributions:
        cue = att.cue
        if cue is None or cue.kind not in ("speech", "according_to", "colon") and not (tags_quote(att, q, text)
                                                                                  or introduces_quote(att, q, text)):
            continue
        if not (lo <= cue.start < hi):
            continue
        if _paragraph_of(cue.start, paras) != _paragraph_of(q.start, paras):
            continue
        gap = q.start - cue.end if cue.end <= q.start else cue.start - q.end
        if gap < 0:
            continue
        # prefer a speech cue to a verb that only introduces the quotation by its place, then a cue
        # with no content of its own, then the nearest
        score = gap + (0 if att.content is None else MAX_CUE_GAP)
        score += 2 * MAX_CUE_GAP if cue.kind not in ("speech", "according_to", "colon") and not tags_quote(att, q, text) else 0
        if best_gap is None or score < best_gap:
            best, best_gap = att, score
    return best


def _outer_speaker(att: Attribution, cands: list[Attribution]) -> Attribution:
    """The speech cue after ``att`` whose content holds ``att``'s cue, when there is one: the one who
    speaks last ("Her friends mocked the campaign, calling Trump “a buffoon,” Susan said." – the
    quotation of the next paragraph is Susan's), else ``att``."""
    outer = [a for a in cands if a.cue.start > att.cue.end and a.source is not None and a.cue_class == "speech"
             and a.content is not None and a.content[0] <= att.cue.start < a.content[1]]
    return outer[-1] if outer else att


def _previous_speaker(q: Quoted, attributions: list[Attribution], paras, text: str) -> Attribution | None:
    p = _paragraph_of(q.start, paras)
    if p < 0:
        return None
    para_start = paras[p][0]
    before = [a for a in attributions if a.cue is not None and a.cue.end <= q.start]
    # a cue introducing the quote with a colon, in this paragraph or closing the previous one
    lead = text[para_start:q.start].rstrip()
    if lead.endswith(":"):
        cands = [a for a in before if a.cue.start >= para_start]
        if cands:
            return cands[-1]
    if q.start == paras[p][0] + (len(text[paras[p][0]:paras[p][1]]) - len(text[paras[p][0]:paras[p][1]].lstrip())) and p > 0:
        # a paragraph of a quotation that runs over several (each paragraph opens with a mark, only
        # the last closes): the speaker of the paragraph before it, wherever that one's cue stands
        running = [a for a in before if any(not o.closed and paras[p - 1][0] <= o.start and (o.paragraph_start or o is a.quotes[0])
                                            and not text[o.end:paras[p - 1][1]].strip() and not _LINE_SPEAKER.match(text, o.inner_start)
                                            for o in a.quotes)]
        if running and not _LINE_SPEAKER.match(text, q.inner_start):
            return running[-1]
        prev_text = text[paras[p - 1][0]:paras[p - 1][1]].rstrip()
        cands = [a for a in before if a.cue.start >= paras[p - 1][0]]
        if prev_text.endswith(":") and cands:
            return cands[-1]
        # a quote running on from the previous paragraph, or the next one by the same speaker
        with_quotes = [a for a in cands if a.quotes and a.source is not None]
        if with_quotes:
            return _outer_speaker(with_quotes[-1], cands)
        # a paragraph that is one quotation after a paragraph closing with what someone said
        # ("Karah also denied that … ¶ “We are not France's enemies …”"): that speaker's, by the
        # last cue of a main clause (not "although Paris has suggested …" inside it)
        main = [a for a in cands if a.cue.head.dep_ == "ROOT"]
        if main and main[-1].source is not None and main[-1].cue.kind == "speech" \
                and text[q.end:paras[p][1]].strip() in ("", "."):
            return main[-1]
    # a speech cue, or a verb that tags a quotation of the paragraph whatever its lemma ('“…!” a
    # message on the website reads. “…”': the second quotation is the message's too)
    same = [a for a in before if a.cue.start >= para_start and a.source is not None
            and (a.cue.kind == "speech" or a.quotes)]
    if same:
        # the cue of the paragraph's last quotation before it, not a later cue of its own sentence
        # ('“…,” Lee said, noting that … “…”'), unless that cue adds ('“…,” Lee said, adding that … “…”':
        # what follows is added, as PolNeAR marks it)
        quoting = [a for a in same if a.quotes]
        if quoting and all(a.cue.head.sent == quoting[-1].cue.head.sent for a in same if a.cue.start > quoting[-1].cue.start):
            adding = [a for a in same if a.cue.start > quoting[-1].cue.start and a.lemma == "add"]
            return adding[-1] if adding else quoting[-1]
        return same[-1]
    return None
