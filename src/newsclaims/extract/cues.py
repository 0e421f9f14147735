"""Cues: the words that introduce attributed content ("said", "told", "according to", "welcomed").

Cue lemmas and their class (speech, belief, evidence, stance) are package data
(``resources/cues.tsv``); a verb with a listed lemma is a cue when it governs a complement or
stands next to a quotation. "according to X", "in <a poll, a statement…>" and the colon of a
headline ("Sanders: …") are cues found from the parse, and so is a noun of speech or stance with its
complement ("criticism of the plan", "the claim that …": ``resources/cue_nouns.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsclaims.resources import load_lines

CUE_POS = frozenset({"VERB", "AUX"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
#: prepositions whose object is the content of a cue ("warned of", "called for", "talked about")
CONTENT_PREPS = frozenset({"about", "of", "for", "on", "against", "over"})


def _word_pairs(name: str) -> dict[str, frozenset[str]]:
    """A two-column resource (word, tab, word; lower-cased) as first word → the set of second words."""
    out: dict[str, set[str]] = {}
    for line in load_lines(name):
        key, _, value = line.partition("\t")
        out.setdefault(key.strip().lower(), set()).add(value.strip().lower())
    return {key: frozenset(values) for key, values in out.items()}


@lru_cache(maxsize=1)
def cue_preps() -> dict[str, frozenset[str]]:
    """Cue lemma → the prepositions whose object is its content ("refer to", "known as"), from
    ``resources/cue_preps.tsv``."""
    return _word_pairs("cue_preps.tsv")


@lru_cache(maxsize=1)
def cue_nouns() -> dict[str, frozenset[str]]:
    """Cue noun → its complements: prepositions whose object is its content, or "that" for a
    clause (``resources/cue_nouns.tsv``)."""
    return _word_pairs("cue_nouns.tsv")


def noun_complement(tok):
    """The complement of a cue noun that is its content: the object of a listed preposition
    ("criticism of *the plan*") or a "that"-clause ("the claim that *the vote was rigged*")."""
    comps = cue_nouns().get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if not comps:
        return None
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "prep" and c.lower_ in comps:
            pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj
        if c.dep_ in ("acl", "ccomp") and "that" in comps and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
    return None


def noun_cue(tok) -> Cue | None:
    """The cue noun ``tok`` with its content complement ("criticism of X", "the claim that X"), if it is one."""
    return Cue(tok, (tok,), "noun") if noun_complement(tok) is not None else None


@lru_cache(maxsize=1)
def cue_classes() -> dict[str, str]:
    """Cue lemma → class, from ``resources/cues.tsv`` (the first line for a lemma wins)."""
    out: dict[str, str] = {}
    for line in load_lines("cues.tsv"):
        lemma, _, kind = line.partition("\t")
        out.setdefault(lemma.strip().lower(), kind.strip())
    return out


def speech_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, kind in cue_classes().items() if kind == "speech") | {"accord"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: its head token, every token of the cue phrase, and the cue class."""

    head: object  # spacy Token
    tokens: tuple
    kind: str  # speech | belief | evidence | stance | according_to | in_source | colon | noun | sign_off

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last)


def according_to(tok) -> Cue | None:
    """The "according to" cue headed by ``tok`` ("according"), if it is one."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    return Cue(tok, (tok, to), "according_to") if to is not None else None


def cue_lemma(cue: Cue) -> str:
    """The lemma a cue is known by in the lexicon and the learned table ("according" for "according to")."""
    if cue.kind == "in_source":  # "in" is judged with its noun: "in poll", "in statement"
        pobj = next((c for c in cue.head.children if c.dep_ == "pobj"), None)
        return f"in {pobj.lemma_.lower()}" if pobj is not None else "in"
    return {"according_to": "according", "colon": ":"}.get(cue.kind) or cue.head.lemma_.lower()


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """Nouns that make "in <noun>" a cue (``resources/source_nouns.txt``)."""
    return frozenset(w.lower() for w in load_lines("source_nouns.txt"))


def in_source(tok) -> Cue | None:
    """The cue "in" of "In a statement, …" / "… in the latest poll", headed by ``tok``, if it is one."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lower_ not in source_nouns():
        return None
    return Cue(tok, (tok,), "in_source")


def _name_like(tok) -> bool:
    """A proper noun or pronoun, or a capitalised noun the tagger missed as a name ("Trump: …")."""
    return tok.pos_ in ("PROPN", "PRON") or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.text[1:2].islower())


#: a dash between spaces that sets a name off from what comes before it on the line ("POLLS WRONG - Jones:")
LEAD_DASHES = frozenset({"-", "—", "–"})


def colon_lead_start(doc, i: int) -> int:
    """Where the name before the colon at token ``i`` starts: the line's start, or after a spaced dash."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        prev = doc[start - 1]
        if prev.text in LEAD_DASHES and prev.whitespace_ and start >= 2 and doc[start - 2].whitespace_:
            break
        start -= 1
    return start


#: line heads of a note to editors, not a speaker ("Eds: SUBS 3rd graf …", "EDITOR'S NOTE: …")
EDITOR_NOTE_LEADS = frozenset({"eds", "eds.", "ed", "editors", "editor", "note"})
#: a clock time that opens a line before a colon: a live blog's entry heading ("2:45 pm Harbour update: …")
CLOCK = re.compile(r"^\(?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def line_labels() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Labels before a colon that name no speaker (``resources/line_labels.txt``): whole labels, the
    last words that make one, and the first words."""
    lines = [ln.lower() for ln in load_lines("line_labels.txt")]
    return (frozenset(ln for ln in lines if "*" not in ln), frozenset(ln[1:] for ln in lines if ln.startswith("*")),
            tuple(ln[:-1] for ln in lines if ln.endswith(" *")))


def is_label(lead: str) -> bool:
    """Whether the words before a line's colon are a label (a headline tag, a credit, a list's or a
    link's name, a live blog's time) rather than a speaker."""
    whole, last, first = line_labels()
    if lead.lstrip().startswith(("(", "[")):
        return True  # "(NOTE (AB CD: …", "(Image: Harbour Press)": a bracketed note
    words = re.sub(r":(?=\s|$)", " ", lead.lower()).split()  # "Also Read: Ferries:": the label's colon
    text = " ".join(words)
    return (text in whole or (bool(words) and words[-1] in last) or f"{text} ".startswith(first)
            or CLOCK.match(text) is not None)


#: opening quotation marks a colon may introduce ('Bush: "The mission is …"')
OPENING_MARKS = frozenset({'"', "“", "‘", "``", "''"})


def _line_lead(doc, i: int) -> int | None:
    """Start of the short name that opens the line of the colon at token ``i`` ("Sanders: …"), if it is one."""
    start = colon_lead_start(doc, i)
    lead = doc[start:i]
    if not 1 <= len(lead) <= 6 or not any(_name_like(t) for t in lead):
        return None
    if lead[0].lower_ in EDITOR_NOTE_LEADS or lead[-1].lower_ in EDITOR_NOTE_LEADS or is_label(lead.text):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in lead) or doc[i + 1].is_space:
        return None
    return start


def _name_before_quotation(doc, i: int) -> int | None:
    """Start of the name right before the colon at token ``i`` when a quotation follows the colon
    ('… Bush: "The mission is …"', "- Michael P. McDonald: “At long last …”"), if there is one."""
    after = i + 1
    while after < len(doc) and doc[after].is_space:
        after += 1
    if after >= len(doc) or doc[after].text not in OPENING_MARKS:
        return None
    start = i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or (start < i and start >= 2 and doc[start - 1].lower_ in ("and", "&")
                                                              and doc[start - 2].pos_ == "PROPN")):
        start -= 1
    if start < i and _governed_by_verb_before(doc[i - 1], start):
        return None  # "told The Huffington Post: “…”", "Stated Stone: “…”": the verb introduces the quotation
    return start if start < i else None


#: links by which a name hangs on a verb as its object, addressee or (inverted) subject
NAME_LINKS = frozenset({"compound", "flat", "pobj", "prep", "dobj", "dative", "nsubj", "appos", "npadvmod"})


def _governed_by_verb_before(tok, start: int) -> bool:
    """Whether the name ending with ``tok`` (its first token at ``start``) is the addressee or the
    medium of a verb before it in its sentence ("told The Huffington Post:", "celebrated the attacks
    on Twitter:"), the object of a verb of saying ("quotes adviser Alfred Kahn:") or its inverted
    subject ("Stated Stone:"): that verb, not the name, tags what follows. The object of another
    verb may speak ("doesn't surprise pollster Daron Shaw: “…”"), and a headline's title-cased verb
    ("Gillibrand On Hillary Releasing Her Transcripts: ‘…’") leaves the colon to the headline."""
    links = []
    while tok.dep_ in NAME_LINKS and tok.head != tok:
        links.append(tok.dep_)
        tok = tok.head
        if tok.pos_ == "VERB" and tok.i < start:
            if tok.is_title and tok.i > tok.sent.start:
                return False
            return "pobj" in links or links[-1] == "nsubj" or cue_classes().get(tok.lemma_.lower()) == "speech"
    return False


def colon_speaker_start(doc, i: int) -> int | None:
    """Start of the speaker's name before the colon at token ``i``: a short name opening the line,
    or a name right before the colon of a quotation; None when the colon introduces no speech."""
    lead = _line_lead(doc, i)
    return lead if lead is not None else _name_before_quotation(doc, i)


def colon_cue(doc, tok) -> Cue | None:
    """The colon of "Sanders: Endorsements prove …" (a short name, a colon, then what was said; the
    name may follow a heading and a spaced dash: "POLLS WERE EARLY - Jones: “…”"), or of a name and
    a quotation inside a line ('… at the debate. Bush: "The mission is …"'). A wire service's note
    to editors ("Eds: SUBS 3rd graf …"), a label (:func:`is_label`) and a link are not speech."""
    if tok.text != ":" or tok.i == 0 or tok.i + 1 >= len(doc):
        return None
    after = next((t for t in doc[tok.i + 1:tok.i + 4] if not t.is_space), None)
    if after is not None and after.like_url:
        return None  # "Like Harbour TV: http://…": a link, not what was said
    return Cue(tok, (tok,), "colon") if colon_speaker_start(doc, tok.i) is not None else None


def _governs_clause(tok) -> bool:
    """A verb the parser called a modifier ("more than 4 in 10 said billionaire X would …") that
    still governs a clause is a verb, not an adjective like "self-described" or "so-called"."""
    return tok.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in COMPLEMENT_DEPS for c in tok.children)


def find_cues(doc, *, all_verbs: bool = False) -> list[Cue]:
    """Every candidate cue of ``doc`` in text order: verbs of the lexicon (``all_verbs``: every verb)."""
    classes = cue_classes()
    cues = []
    for tok in doc:
        special = according_to(tok) or in_source(tok) or colon_cue(doc, tok) or noun_cue(tok)
        if special is not None:
            cues.append(special)
            continue
        kind = classes.get(tok.lemma_.lower(), "other" if all_verbs else None)
        if kind is None or tok.pos_ not in CUE_POS:
            continue
        if tok.dep_ in ("aux", "auxpass") or (tok.dep_ == "amod" and not _governs_clause(tok)):
            continue
        if _in_line_label(doc, tok):
            continue  # "ALSO READ: Nurses take on doctors": a link's label, no one's saying
        cues.append(Cue(tok, (tok,), kind))
    return cues


def _in_line_label(doc, tok) -> bool:
    """Whether ``tok`` stands in a label that opens its line before a colon (:func:`is_label`)."""
    i = tok.i + 1
    while i < len(doc) and i <= tok.i + 4 and "\n" not in doc[i - 1].text_with_ws:
        if doc[i].text == ":":
            start = colon_lead_start(doc, i)
            return start <= tok.i and is_label(doc[start:i].text)
        i += 1
    return False
