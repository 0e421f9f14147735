"""Sources: who a cue attributes its content to, read from the dependency parse.

The subject of the cue verb ("PM Kakar wrote", inverted "said Caddell"), the agent of a passive cue
("was told by X"), the object of "according to X"; participles, conjuncts and open complements
("…, saying", "and added", "declined to comment") take the subject of the verb they hang on, and a
relative clause ("officials who said") its head noun.
"""

from __future__ import annotations

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: dependents that are not part of the name of a source ("X, who …", "X, a spokesman,")
SOURCE_DROP_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis"})
#: dependencies through which a cue inherits the subject of its head
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "dep"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})


def noun_phrase(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``, without clauses and appositions."""
    keep = [tok]
    stack = [c for c in tok.children if c.dep_ not in SOURCE_DROP_DEPS]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(t.children)
    keep.sort(key=lambda t: t.i)
    # a contiguous run around the head only (a dropped clause leaves no hole in the middle)
    i = keep.index(tok)
    lo = hi = i
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    while lo < i and keep[lo].is_punct:
        lo += 1
    while hi > i and keep[hi].is_punct:
        hi -= 1
    return keep[lo].idx, keep[hi].idx + len(keep[hi])


def subject_of(verb, *, depth: int = 4):
    """The token naming who performs ``verb`` (climbing conjuncts, participles, relative clauses)."""
    tok = verb
    for _ in range(depth):
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                return tok.head
            return subj
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # "is expected to": no source named
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in NOMINAL_POS:
            return tok.head
        if tok.dep_ in CLIMB_DEPS and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def source_of(cue) -> tuple[int, int] | None:
    """Character span of the source of ``cue`` (a :class:`newsclaims.extract.cues.Cue`), if named."""
    if cue.kind == "according_to":
        to = cue.tokens[-1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        return noun_phrase(pobj) if pobj is not None else None
    subj = subject_of(cue.head)
    return noun_phrase(subj) if subj is not None else None
