"""Cues: the words that introduce attributed content ("said", "told", "according to", "welcomed").

Cue lemmas and their class (speech, belief, evidence, stance) are package data
(``resources/cues.tsv``); a verb with a listed lemma is a cue when it governs a complement or
stands next to a quotation. "according to X" is a two-word cue found from the parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsclaims.resources import load_lines

CUE_POS = frozenset({"VERB", "AUX"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
#: prepositions whose object is the content of a cue ("warned of", "called for", "talked about")
CONTENT_PREPS = frozenset({"about", "of", "for", "on", "against", "over"})


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
    kind: str  # speech | belief | evidence | stance | according_to

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


def find_cues(doc) -> list[Cue]:
    """Every cue of ``doc`` in text order (verb cues are kept whether or not content is found)."""
    classes = cue_classes()
    cues = []
    for tok in doc:
        acc = according_to(tok)
        if acc is not None:
            cues.append(acc)
            continue
        kind = classes.get(tok.lemma_.lower())
        if kind is None or tok.pos_ not in CUE_POS:
            continue
        if tok.dep_ in ("aux", "auxpass", "amod"):
            continue
        cues.append(Cue(tok, (tok,), kind))
    return cues
