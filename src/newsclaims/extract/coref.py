"""Pronoun resolution: third-person personal pronouns linked to the person they refer to.

A salience model in the manner of Lappin & Leass (1994, "An algorithm for pronominal anaphora
resolution"), over spaCy's dependency parse. Every mention of a person contributes salience to its
entity: recency, grammatical role (subject > object > oblique), head-noun and non-adverbial
emphasis, halved with every sentence back. For each pronoun the candidates are the persons of
compatible gender (name lists, honorifics, gendered titles) that survive the binding constraints
(a non-reflexive object is never its own clause's subject: "Simon thanked him"; a reflexive always
is), and the most salient wins, with a bonus for a candidate in the same role (parallelism) and a
penalty for one named only after the pronoun (cataphora: "Referring to his visit, PM Kakar wrote").
Resolved pronouns become mentions of their person and carry salience to the next pronoun.

Pure function over a parsed Doc; work is linear in the number of mentions inside the window.
"""

from __future__ import annotations

from dataclasses import dataclass

# pronoun → (gender, role it implies or None when the parse decides)
PRONOUNS = {
    "he": ("m", "subj"), "him": ("m", "obj"), "his": ("m", "poss"), "himself": ("m", "refl"),
    "she": ("f", "subj"), "her": ("f", None), "hers": ("f", "obj"), "herself": ("f", "refl"),
}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
ARGUMENT_DEPS = SUBJECT_DEPS | OBJECT_DEPS | {"agent"}
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "csubj", "parataxis"})


@dataclass(frozen=True, slots=True)
class Weights:
    """Salience factors (Lappin & Leass's, then tuned on GAP validation)."""

    recency: float = 100.0
    subject: float = 140.0
    obj: float = 50.0
    oblique: float = 40.0
    possessor: float = 80.0
    head_noun: float = 20.0
    non_adverbial: float = 50.0
    parallel: float = 35.0
    own_subject: float = 60.0  # a possessive's own clause subject ("Smith sold his house")
    governing_subject: float = 100.0  # the subject of a verb above the pronoun ("Jeremy learns that he...")
    cataphora: float = -175.0
    fronted: float = 250.0  # cataphora into the main clause ("Lacking excitement in her life, Dolly plans")
    unsure: float = 0.6  # salience factor for names that may not be persons
    decay: float = 0.5
    window: int = 3  # sentences back


DEFAULT_WEIGHTS = Weights()


@dataclass(slots=True)
class Mention:
    """A mention the resolver can use as an antecedent."""

    start: int
    end: int
    entity: int
    token: int  # head token index in the doc
    sent: int
    role: str  # subj | obj | obl | poss | other
    salience: float


@dataclass(frozen=True, slots=True)
class Resolution:
    start: int
    end: int
    entity: int
    token: int
    score: float


def role_of(tok) -> str:
    if tok.dep_ in SUBJECT_DEPS:
        return "subj"
    if tok.dep_ in OBJECT_DEPS:
        return "obj"
    if tok.dep_ == "poss":
        return "poss"
    if tok.dep_ in ("pobj", "agent"):
        return "obl"
    if tok.dep_ in ("appos", "conj", "compound"):
        return role_of(tok.head) if tok.head.i != tok.i else "other"
    return "other"


def _embedded(tok) -> bool:
    """Inside another noun phrase (possessor, compound, complement of a noun's preposition)."""
    if tok.dep_ in ("poss", "compound", "nmod"):
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN", "PRON")


def _adverbial(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX")


def _governor(tok):
    """The verb whose argument ``tok`` is (through one preposition), or None."""
    if tok.dep_ in ARGUMENT_DEPS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent") and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    if tok.dep_ in ("conj", "appos"):
        return _governor(tok.head) if tok.head.i != tok.i else None
    return None


def _clause_head(tok):
    while tok.dep_ not in CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def mention_salience(tok, w: Weights = DEFAULT_WEIGHTS) -> tuple[str, float]:
    role = role_of(tok)
    score = w.recency + {"subj": w.subject, "obj": w.obj, "obl": w.oblique, "poss": w.possessor}.get(role, 0.0)
    if not _embedded(tok):
        score += w.head_noun
    if not _adverbial(tok):
        score += w.non_adverbial
    return role, score


def make_mention(doc, start: int, end: int, entity: int, sent_index: dict[int, int], w: Weights = DEFAULT_WEIGHTS) -> Mention | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    role, score = mention_salience(tok, w)
    return Mention(start, end, entity, tok.i, sent_index[tok.sent.start], role, score)


def _governing_subjects(p) -> list[int]:
    """Subjects of the verbs above the pronoun, nearest first, outside the pronoun's own phrase
    (for "he" in "Jeremy learns that he was a boy": Jeremy)."""
    found = []
    tok, seen = p, 0
    while tok.head.i != tok.i and seen < 12:
        child, tok, seen = tok, tok.head, seen + 1
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != child.i and c.i != p.i:
                found.append(c.i)
    return found


def _fronted_subject(p) -> int | None:
    """When the pronoun sits in an adjunct before its clause's subject ("In keeping his distance,
    Frei..."; "Referring to his visit, PM Kakar wrote"), that subject's token index."""
    tok = p
    for _ in range(15):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.pos_ in ("VERB", "AUX") and tok.dep_ in ("prep", "advcl", "npadvmod", "advmod", "ccomp", "dep") and tok.i < head.i:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > p.i]
            if subj:
                return subj[0].i
        tok = head
    return None


def _pronoun_role(tok, implied: str | None) -> str:
    if implied in ("poss", "refl"):
        return implied
    if tok.lower_ == "her":
        return "poss" if tok.tag_ == "PRP$" or tok.dep_ == "poss" else ("obl" if tok.dep_ == "pobj" else "obj")
    r = role_of(tok)
    return r if r != "other" else (implied or "other")


def resolve(doc, mentions: list[Mention], genders: dict[int, str | None], *, weights: Weights = DEFAULT_WEIGHTS,
            sent_index: dict[int, int] | None = None, unsure: set[int] = frozenset()) -> list[Resolution]:
    """Resolve every third-person singular personal pronoun in ``doc`` to one of the entities of
    ``mentions`` (persons, and in ``unsure`` names that may be persons' at a discount), or leave
    it unresolved when none is compatible."""
    w = weights
    genders = dict(genders)
    if sent_index is None:
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    pool = sorted(mentions, key=lambda m: m.start)
    out: list[Resolution] = []
    # pronouns in order; the pool grows as they are resolved
    pronouns = [t for t in doc if t.lower_ in PRONOUNS and t.pos_ in ("PRON", "DET", "PROPN", "NOUN")]
    lo = 0
    for p in pronouns:
        gender, implied = PRONOUNS[p.lower_]
        prole = _pronoun_role(p, implied)
        psent = sent_index[p.sent.start]
        while lo < len(pool) and pool[lo].sent < psent - w.window:
            lo += 1
        pgov = _governor(p)
        pclause = _clause_head(p)
        above = _governing_subjects(p)
        front = _fronted_subject(p)
        scores: dict[int, float] = {}
        last: dict[int, Mention] = {}
        excluded: set[int] = set()
        for m in pool[lo:]:
            if m.sent > psent:
                break
            ent = m.entity
            g = genders.get(ent)
            if g and g != gender:
                continue
            if m.start <= p.idx < m.end:
                continue
            mtok = doc[m.token]
            after = m.start > p.idx
            if after and m.sent != psent:
                break
            if prole in ("subj", "obj", "obl") and pgov is not None and _governor(mtok) is not None and _governor(mtok).i == pgov.i and not after:
                excluded.add(ent)  # binding: "Simon thanked him" — him is not Simon
                continue
            if prole == "refl" and (_clause_head(mtok).i != pclause.i or m.role != "subj"):
                continue
            dist = psent - m.sent
            value = m.salience * (w.decay ** dist) * (w.unsure if ent in unsure else 1.0)
            if after:
                if m.role != "subj":
                    continue
                value += w.fronted if m.token == front else w.cataphora
            scores[ent] = scores.get(ent, 0.0) + value
            if m.token in above and not after:
                scores[ent] = scores.get(ent, 0.0) + w.governing_subject / (1 + above.index(m.token))
            if not after:
                last[ent] = m
                if prole == "poss" and m.role == "subj" and _clause_head(mtok).i == pclause.i and m.sent == psent:
                    scores[ent] += w.own_subject
        best, best_score = None, None
        for ent, score in scores.items():
            if ent in excluded:
                continue
            if ent in last and last[ent].role == prole and prole in ("subj", "obj"):
                score += w.parallel
            if best_score is None or score > best_score or (score == best_score and ent < best):
                best, best_score = ent, score
        if best is None or best_score <= 0:
            continue
        out.append(Resolution(p.idx, p.idx + len(p), best, p.i, best_score))
        if not genders.get(best):
            genders[best] = gender  # "he" makes a man of an entity whose name said nothing
        role, sal = mention_salience(p, w)
        m = Mention(p.idx, p.idx + len(p), best, p.i, psent, prole if prole != "refl" else role, sal)
        # keep the pool ordered by start: pronouns come in text order after every earlier mention
        _insert(pool, m, lo)
    return out


def _insert(pool: list[Mention], m: Mention, lo: int) -> None:
    i = len(pool)
    while i > lo and pool[i - 1].start > m.start:
        i -= 1
    pool.insert(i, m)


IMPERSONAL = {"it": "singular", "they": "plural"}
SINGULAR_TYPES = frozenset({"organization", "country"})
PLURAL_TYPES = frozenset({"organization", "group", "country"})


def resolve_impersonal(doc, heads: dict[int, int], types: dict[int, str], *, sent_index: dict[int, int] | None = None) -> list[Resolution]:
    """"It" and "they" as the subject of a clause, linked to the organisation, country or group
    that is the nearest subject before it (this sentence or the one before) when that subject is
    a named one: "OPEC ... It said", "The rebels' Alliance ... They said". Anything else — a common
    noun subject ("the company", "officials") in between, an expletive "it is expected that" —
    leaves the pronoun unresolved. ``heads`` maps a mention's head token index to its entity."""
    if sent_index is None:
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    # subjects of main clauses only: the subject inside a report ("output would fall") is no topic
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")
                and (t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"))]
    out = []
    for k, p in enumerate(subjects):
        number = IMPERSONAL.get(p.lower_)
        if number is None or p.dep_ != "nsubj":
            continue
        verb = p.head
        if p.lower_ == "it" and (verb.lemma_ in ("be", "seem", "appear", "take", "rain") or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and verb.lemma_ == "be" for c in verb.children)):
            continue
        prev = subjects[k - 1] if k else None
        if prev is None or sent_index[p.sent.start] - sent_index[prev.sent.start] > 1 or prev.lower_ in IMPERSONAL:
            continue
        ent = heads.get(prev.i)
        if ent is None:
            continue
        if types.get(ent) not in (SINGULAR_TYPES if number == "singular" else PLURAL_TYPES):
            continue
        out.append(Resolution(p.idx, p.idx + len(p), ent, p.i, 1.0))
    return out
