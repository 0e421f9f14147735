"""Pronoun resolution: third-person personal pronouns linked to the person they refer to.

For each pronoun the candidates are the persons of compatible gender (name lists, honorifics,
gendered titles, earlier pronouns) with a mention in reach — up to three sentences back, or a
subject later in the pronoun's own sentence (cataphora: "Referring to his visit, PM Kakar wrote") —
that survive the binding constraints: a non-reflexive pronoun is never a co-argument of its own
verb, whether that verb's subject is written or understood ("Simon thanked him"; "Michael
manipulates Alice, telling her"; but "Grace asks him to take her"), and a reflexive always is. A
pronoun that introduces a quotation as its speaker ("“... Sonam and Swara,” he said") is none of
the names inside it.

Each candidate is described by generic features (:func:`candidate_features`): a salience sum in the
manner of Lappin & Leass (1994, "An algorithm for pronominal anaphora resolution") — recency,
grammatical role, head-noun and non-adverbial emphasis, halved with every sentence back — and its
parts: distance and recency rank, the role of its last mention against the pronoun's
(parallelism), governing and own-clause subjects, gender evidence, how often and how early the
text names it, whether it sits inside another noun phrase or a modifier clause; each also per
pronoun role and per pronoun gender. The learned ranker of :mod:`newsclaims.extract.coref_model` scores them and the
best wins. Resolved pronouns become mentions of their person and count for the next pronoun.
A subject "it" / "they" follows the named organisation, country or group that was the subject
just before (:func:`resolve_impersonal`).

Pure functions over a parsed Doc; work is linear in the number of mentions inside the window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from newsclaims.extract.content import find_quotes
from newsclaims.extract.coref_model import load_model, probability
from newsclaims.extract.cues import speech_lemmas

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


NONFINITE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "ccomp"})


def _relative_antecedent(tok):
    """A relative pronoun stands for the noun its clause modifies ("Petra Kvitova, who had routed
    her": who is Kvitova); any other token stands for itself."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok


def _implicit_subject(verb, depth: int = 3):
    """The understood subject of a verb without one of its own: the subject of the verb above it
    ("Michael manipulates Alice, telling her ...": Michael tells), or for an infinitive under a
    verb with an object, that object ("Grace asks him to take her": he takes). None when unknown."""
    for _ in range(depth):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return _relative_antecedent(subj[0])
        if verb.dep_ not in NONFINITE_DEPS or verb.head.i == verb.i:
            return None
        if verb.dep_ in ("xcomp", "ccomp"):
            obj = [c for c in verb.head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i]
            if obj:
                return obj[0]  # object control
        verb = verb.head
    return None


def _coarguments(p, prole: str) -> set[int]:
    """Tokens that a non-reflexive pronoun cannot corefer with (binding principle B): the subject
    of its own verb, explicit or understood ("telling her" inside "Michael manipulates Alice,
    telling her": Michael), and for an accusative subject of an infinitive ("Claire allows her to
    go") the subject of the verb that governs it."""
    gov = _governor(p)
    if gov is None:
        return set()
    out = set()
    if prole in ("obj", "obl"):
        subj = _implicit_subject(gov)
        if subj is not None:
            out.add(subj.i)
    if p.tag_ == "PRP" and p.lower_ in ("him", "her") and p.dep_ == "nsubj" and gov.dep_ in ("xcomp", "ccomp") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children):
        subj = _implicit_subject(gov.head)
        if subj is not None:
            out.add(subj.i)
    return out


def _clause_head(tok):
    while tok.dep_ not in CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _subject_clause(clause):
    """The clause whose subject is ``clause``'s: a conjoined verb without a subject of its own
    shares its first conjunct's ("Ann left the team and joined her sister")."""
    while clause.dep_ == "conj" and clause.head.i != clause.i and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        clause = clause.head
    return clause


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
                found.append(_relative_antecedent(c).i)
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


def _quotation_spoken(p, quotes: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """The quotation that the pronoun introduces as its speaker ("“... Sonam and Swara,” he
    said"): a speaker is not a name inside their own words. None when the pronoun is no such
    subject of a verb of saying right after a closing quote mark."""
    if p.dep_ != "nsubj" or p.head.lemma_.lower() not in speech_lemmas():
        return None
    for s, e in quotes:
        if e <= p.idx and not text[e:p.idx].strip(" \t\n,"):
            return s, e
    return None


def _pronoun_role(tok, implied: str | None) -> str:
    if implied in ("poss", "refl"):
        return implied
    if tok.lower_ == "her":
        return "poss" if tok.tag_ == "PRP$" or tok.dep_ == "poss" else ("obl" if tok.dep_ == "pobj" else "obj")
    r = role_of(tok)
    return r if r != "other" else (implied or "other")


# --- the learned ranker ---------------------------------------------------------------------------

@dataclass(slots=True)
class Candidate:
    """A candidate antecedent of one pronoun: an entity, its features, and its mentions so far."""

    entity: int
    features: dict[str, float]
    spans: tuple[tuple[int, int], ...]
    salience: float


@dataclass(slots=True)
class _Seen:
    """What the candidate's mentions within reach of the pronoun say."""

    salience: float = 0.0
    last: Mention | None = None  # nearest before the pronoun
    after: Mention | None = None  # first after it, in its sentence
    governing: float = 0.0
    own_subject: bool = False
    fronted: bool = False
    subject_mentions: int = 0
    quoted: bool = False  # its last mention is inside a quotation the pronoun is not in


# features that also enter the model once per pronoun role ("recent:0|poss")
ROLE_CONDITIONED = ("salience:ratio", "salience:best", "recent:0", "recent:1", "recent:subject", "dist:0", "dist:1",
                    "between", "first_entity", "governing_subject", "cataphora", "fronted", "count", "initial_subject",
                    "main_subject", "embedded")


# features that also enter the model in pairs (a linear model over them and their products)
PAIRED = ("salience:best", "recent:0", "recent:1", "recent:subject", "dist:0", "dist:1", "first_entity", "governing_subject",
          "cataphora", "fronted", "initial_subject", "role:subj", "role:obj", "role:poss", "role:obl", "parallel", "own_subject",
          "gender:match", "unsure", "same_clause", "previous_referent", "main_subject", "pronoun:first_subject",
          "pronoun:subordinate")


def _sentence_initial_subject(doc, m: Mention) -> bool:
    tok = doc[m.token]
    if m.role != "subj":
        return False
    sent = tok.sent
    return not any(t.dep_ in SUBJECT_DEPS for t in doc[sent.start:tok.i])


def _in_modifier_clause(tok, depth: int = 12) -> bool:
    """Inside a relative clause, a noun's participle clause or an apposition."""
    for _ in range(depth):
        if tok.dep_ in ("relcl", "acl", "appos") or tok.head.i == tok.i:
            return tok.dep_ in ("relcl", "acl", "appos")
        tok = tok.head
    return False


def _bracketed(doc, m: Mention) -> bool:
    """Whether the mention stands inside round brackets within its sentence."""
    sent = doc[m.token].sent
    before = [t.text for t in doc[sent.start:m.token] if t.text in "()"]
    return bool(before) and before[-1] == "("


def _main_clause(tok) -> bool:
    head = tok.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _appositive(tok) -> bool:
    return tok.dep_ == "appos" or any(c.dep_ == "appos" for c in tok.children)


@dataclass(slots=True)
class _Text:
    """What the whole text says of each entity, as the resolver reaches a pronoun."""

    counts: dict[int, int] = field(default_factory=dict)  # mentions before the pronoun
    total: dict[int, int] = field(default_factory=dict)  # name mentions in the whole text
    last_sent: dict[int, int] = field(default_factory=dict)  # sentence of the last name mention
    pronouns: dict[int, int] = field(default_factory=dict)  # pronouns resolved to it so far
    previous: dict[str, int] = field(default_factory=dict)  # gender → referent of the last such pronoun
    first_entity: int | None = None
    kinds: dict[int, str] = field(default_factory=dict)  # entity → what recognition made of it, when not a person


def candidate_features(doc, p, prole: str, gender: str, cands: dict[int, _Seen], genders: dict[int, str | None],
                       unsure: set[int], text: _Text, sent_index: dict[int, int]) -> dict[int, dict[str, float]]:
    """The features of each candidate entity of pronoun ``p`` (generic: recency, role, parallelism,
    gender evidence, salience, frequency, position in the text)."""
    psent = sent_index[p.sent.start]
    best_sal = max((c.salience for c in cands.values()), default=0.0) or 1.0
    before = sorted((e for e, c in cands.items() if c.last is not None), key=lambda e: -cands[e].last.start)
    recency = {e: i for i, e in enumerate(before)}
    subjects = sorted((e for e in before if cands[e].last.role == "subj"), key=lambda e: -cands[e].last.start)
    lasts = sorted(cands[e].last.start for e in before)
    pfacts = (prole == "subj" and not any(t.dep_ in SUBJECT_DEPS for t in doc[p.sent.start:p.i]),
              _clause_head(p).dep_ in ("advcl", "ccomp", "relcl", "acl", "xcomp"))
    out = {}
    for ent, c in cands.items():
        f: dict[str, float] = {}
        g = genders.get(ent)
        f["gender:match" if g == gender else "gender:unknown"] = 1.0
        if ent in unsure:
            f["unsure"] = 1.0
        if ent in text.kinds:
            f[f"kind:{text.kinds[ent]}"] = 1.0
        f["salience"] = math.log1p(max(c.salience, 0.0) / 100.0)
        f["salience:ratio"] = max(c.salience, 0.0) / best_sal
        if c.salience >= best_sal:
            f["salience:best"] = 1.0
        if c.last is None:
            f["cataphora"] = 1.0
            if c.fronted:
                f["fronted"] = 1.0
        else:
            m = c.last
            d = psent - m.sent
            f[f"dist:{min(d, 3)}"] = 1.0
            f["tokens"] = math.log1p(max(p.i - m.token, 0)) / 5.0
            r = recency[ent]
            if r < 2:
                f[f"recent:{r}"] = 1.0
            if subjects and subjects[0] == ent:
                f["recent:subject"] = 1.0
            f[f"role:{m.role}"] = 1.0
            f[f"role:{prole}>{m.role}"] = 1.0
            if m.role == prole and prole in ("subj", "obj"):
                f["parallel"] = 1.0
            if _sentence_initial_subject(doc, m):
                f["initial_subject"] = 1.0
            if _appositive(doc[m.token]):
                f["appositive"] = 1.0
            if doc[m.token].pos_ == "PRON":
                f["last:pronoun"] = 1.0
            if c.quoted:
                f["quoted"] = 1.0  # named inside someone's words: "“If the UNO wins, …,” Galeano said. “…,” he added."
            if _bracketed(doc, m):
                f["bracketed"] = 1.0  # "Bree Hodge (Marcia Cross)": an aside, seldom the one spoken of
            if doc[m.token].dep_ == "conj" or any(t.dep_ == "conj" for t in doc[m.token].children):
                f["conjunct"] = 1.0  # "Drew and Diane": one of two is seldom "she"
            if prole == "poss" and p.head.dep_ == "conj" and p.head.head.i == m.token:
                f["conjunct:possessor"] = 1.0  # but "Patricia and her husband": the other conjunct is hers
            between = sum(1 for s in lasts if s > m.start)
            f["between"] = math.log1p(between)
            if d == 0:
                f[f"same_sentence:{prole}"] = 1.0
        if c.governing:
            f["governing_subject"] = c.governing
        if c.own_subject:
            f["own_subject"] = 1.0
        f["subjects"] = math.log1p(c.subject_mentions)
        f["count"] = math.log1p(text.counts.get(ent, 0))
        f["count:text"] = math.log1p(text.total.get(ent, 0))
        if text.last_sent.get(ent, -1) > psent:
            f["named_later"] = 1.0
        if text.pronouns.get(ent):
            f["chain"] = math.log1p(text.pronouns[ent])
        if text.previous.get(gender) == ent:
            f["previous_referent"] = 1.0
        if c.last is not None and _clause_head(doc[c.last.token]).i == _clause_head(p).i:
            f["same_clause"] = 1.0
        if ent == text.first_entity:
            f["first_entity"] = 1.0
        if c.last is not None:
            mtok = doc[c.last.token]
            if _embedded(mtok):
                f["embedded"] = 1.0  # "the wife of X", "X's brother": inside another noun phrase
            if _in_modifier_clause(mtok):
                f["in_modifier_clause"] = 1.0  # a relative clause or a parenthesis
            if c.last.role == "subj" and _main_clause(mtok):
                f["main_subject"] = 1.0
        if pfacts[0]:
            f["pronoun:first_subject"] = 1.0  # "He ..." opening a sentence
        if pfacts[1]:
            f["pronoun:subordinate"] = 1.0
        for key in ROLE_CONDITIONED:  # the same evidence weighs differently for "his" and for "him"
            if key in f:
                f[f"{key}|{prole}"] = f[key]
        for key in [k for k in f if "|" not in k]:  # and for "she" apart from "he"
            f[f"{key}|{gender}"] = f[key]
        present = [k for k in PAIRED if k in f]
        for i, a in enumerate(present):  # and together: "the most recent subject, also the text's first person"
            for b in present[i + 1:]:
                f[f"{a}&{b}"] = f[a] * f[b]
        out[ent] = f
    return out


def resolve(doc, mentions: list[Mention], genders: dict[int, str | None], *, weights: Weights = DEFAULT_WEIGHTS,
            sent_index: dict[int, int] | None = None, unsure: set[int] = frozenset(), kinds: dict[int, str] | None = None,
            model: tuple[dict[str, float], float] | None = None, trace: list | None = None) -> list[Resolution]:
    """Resolve every third-person singular personal pronoun in ``doc`` to one of the entities of
    ``mentions`` (persons, and in ``unsure`` names that may be persons', typed by ``kinds``), or leave it unresolved
    when none is compatible or likely enough.

    Candidates are the entities of compatible gender with a mention within ``weights.window``
    sentences before the pronoun (or after it in its own sentence) that survive the binding
    constraints; the learned model (``model``, default ``resources/coref_model.tsv``) scores their
    features and the best one above its threshold wins. Without a model the salience sum decides.
    ``trace`` (a list) receives ``(pronoun offset, [Candidate...])`` for every pronoun: training data.
    """
    w = weights
    table, threshold = load_model() if model is None else model
    genders = dict(genders)
    if sent_index is None:
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    pool = sorted(mentions, key=lambda m: m.start)
    first_start: dict[int, int] = {}
    spans: dict[int, list[tuple[int, int]]] = {}  # every mention of each entity, for the trace
    text = _Text(kinds=dict(kinds or {}))
    for m in pool:
        first_start.setdefault(m.entity, m.start)
        spans.setdefault(m.entity, []).append((m.start, m.end))
        text.total[m.entity] = text.total.get(m.entity, 0) + 1
        text.last_sent[m.entity] = max(text.last_sent.get(m.entity, -1), m.sent)
    out: list[Resolution] = []
    pronouns = [t for t in doc if t.lower_ in PRONOUNS and t.pos_ in ("PRON", "DET", "PROPN", "NOUN")]
    doc_text = doc.text  # rebuilt from the tokens at each access: read once
    quotes = [(q.start, q.end) for q in find_quotes(doc_text) if q.closed] if pronouns else []
    counts = text.counts
    lo = hi = 0
    for p in pronouns:
        gender, implied = PRONOUNS[p.lower_]
        prole = _pronoun_role(p, implied)
        psent = sent_index[p.sent.start]
        while hi < len(pool) and pool[hi].start < p.idx:
            m = pool[hi]
            counts[m.entity] = counts.get(m.entity, 0) + 1
            hi += 1
        while lo < len(pool) and pool[lo].sent < psent - w.window:
            lo += 1
        pgov = _governor(p)
        bound = _coarguments(p, prole) if prole != "refl" else set()
        pclause = _clause_head(p)
        psubject_clause = _subject_clause(pclause)
        above = _governing_subjects(p)
        front = _fronted_subject(p)
        spoken = _quotation_spoken(p, quotes, doc_text)
        pquote = next(((s, e) for s, e in quotes if s <= p.idx < e), None)
        cands: dict[int, _Seen] = {}
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
            if spoken and spoken[0] <= m.start < spoken[1] and doc[m.token].pos_ != "PRON":
                continue  # not a name inside the pronoun's own words
            mtok = doc[m.token]
            after = m.start > p.idx
            if after and m.sent != psent:
                break
            mgov = _governor(mtok)
            coargument = pgov is not None and mgov is not None and mgov.i == pgov.i  # both arguments of one verb
            if prole in ("subj", "obj", "obl") and coargument and not after:
                excluded.add(ent)  # binding: "Simon thanked him" — him is not Simon
                continue
            if m.token in bound and not after:
                excluded.add(ent)
                continue
            if prole == "refl" and (_clause_head(mtok).i != pclause.i or m.role != "subj"):
                continue
            if after and (m.role != "subj" or coargument):
                continue  # later in the sentence only a subject, and not of the pronoun's own verb ("He praised Rai")
            c = cands.setdefault(ent, _Seen())
            dist = psent - m.sent
            value = m.salience * (w.decay ** dist) * (w.unsure if ent in unsure else 1.0)
            if after:
                c.fronted = c.fronted or m.token == front
                if c.after is None:
                    c.after = m
                value += w.fronted if m.token == front else w.cataphora
            else:
                c.last = m
                c.quoted = any(s <= m.start < e for s, e in quotes) and not (pquote and pquote[0] <= m.start < pquote[1])
                if m.role == "subj":
                    c.subject_mentions += 1
                if m.token in above:
                    c.governing = max(c.governing, 1.0 / (1 + above.index(m.token)))
                    value += w.governing_subject / (1 + above.index(m.token))
                if prole == "poss" and m.role == "subj" and _clause_head(mtok).i == psubject_clause.i and m.sent == psent:
                    c.own_subject = True
                    value += w.own_subject
            c.salience += value
        for ent in excluded:
            cands.pop(ent, None)
        if not cands:
            continue
        for c in cands.values():
            if c.last is not None and c.last.role == prole and prole in ("subj", "obj"):
                c.salience += w.parallel
        present = [e for e in first_start if first_start[e] < p.idx]
        text.first_entity = min(present, key=lambda e: first_start[e]) if present else None
        feats = candidate_features(doc, p, prole, gender, cands, genders, unsure, text, sent_index)
        ranked = [Candidate(e, feats[e], tuple(spans.get(e, ())), cands[e].salience) for e in sorted(cands)]
        if trace is not None:
            trace.append((p.idx, ranked))
        if table:
            scored = [(probability(c.features, table), c) for c in ranked]
            best_p, best = max(scored, key=lambda sc: (sc[0], -sc[1].entity))
            if best_p < threshold:
                continue
            chosen, chosen_score = best.entity, best_p
        else:
            best = max(ranked, key=lambda c: (c.salience, -c.entity))
            if best.salience <= 0:
                continue
            chosen, chosen_score = best.entity, best.salience
        out.append(Resolution(p.idx, p.idx + len(p), chosen, p.i, chosen_score))
        if not genders.get(chosen):
            genders[chosen] = gender  # "he" makes a man of an entity whose name said nothing
        role, sal = mention_salience(p, w)
        m = Mention(p.idx, p.idx + len(p), chosen, p.i, psent, prole if prole != "refl" else role, sal)
        # keep the pool ordered by start: pronouns come in text order after every earlier mention
        at = _insert(pool, m, lo)
        if at < hi:
            hi += 1
            counts[chosen] = counts.get(chosen, 0) + 1
        spans.setdefault(chosen, []).append((m.start, m.end))
        text.pronouns[chosen] = text.pronouns.get(chosen, 0) + 1
        text.previous[gender] = chosen
    return out


def _insert(pool: list[Mention], m: Mention, lo: int) -> int:
    i = len(pool)
    while i > lo and pool[i - 1].start > m.start:
        i -= 1
    pool.insert(i, m)
    return i


IMPERSONAL = {"it": "singular", "they": "plural"}
SINGULAR_TYPES = frozenset({"organization", "country"})
PLURAL_TYPES = frozenset({"organization", "group", "country"})


def _named_subject(tok, heads: dict[int, int]) -> int | None:
    """The entity a subject names: its own head ("the news agency Prensa Latina"), or its
    apposition ("the agency, Prensa Latina"); not the name of a compound ("the OAS resolution")."""
    if tok.i in heads:
        return heads[tok.i]
    for c in tok.children:
        if c.dep_ == "appos" and c.i in heads and c.pos_ == "PROPN":
            return heads[c.i]
    return None


def _expletive(p) -> bool:
    verb = p.head
    return p.lower_ == "it" and (verb.lemma_ in ("be", "seem", "appear", "take", "rain")
                                 or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and verb.lemma_ == "be" for c in verb.children))


def resolve_impersonal(doc, heads: dict[int, int], types: dict[int, str], *, sent_index: dict[int, int] | None = None) -> list[Resolution]:
    """"It" and "they" as the subject of a clause, linked to the organisation, country or group
    that is the nearest subject before it when that subject is a named one: for a main clause the
    previous main clause's subject (this sentence or the one before: "OPEC ... It said", "The
    rebels' Alliance ... They said"), for a clause inside a sentence the sentence's last subject
    before it ("the FMLN must prove that it wants peace"). Anything else — a common noun subject
    ("the report", "officials") in between, an expletive "it is expected that" — leaves the
    pronoun unresolved. ``heads`` maps a mention's head token index to its entity."""
    if sent_index is None:
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}

    def main(t) -> bool:
        return t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT")

    # subjects of main clauses: the subject inside a report ("output would fall") is no topic
    all_subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    subjects = [t for t in all_subjects if main(t)]
    out = []
    for p in all_subjects:
        number = IMPERSONAL.get(p.lower_)
        if number is None or p.dep_ != "nsubj" or _expletive(p):
            continue
        if main(p):
            k = subjects.index(p)
            prev = subjects[k - 1] if k else None
            if prev is None or sent_index[p.sent.start] - sent_index[prev.sent.start] > 1:
                continue
        else:
            before = [t for t in all_subjects if p.sent.start <= t.i < p.i]
            prev = before[-1] if before else None
            if prev is None:
                continue
        if prev.lower_ in IMPERSONAL:
            continue
        ent = _named_subject(prev, heads)
        if ent is None:
            continue
        if types.get(ent) not in (SINGULAR_TYPES if number == "singular" else PLURAL_TYPES):
            continue
        out.append(Resolution(p.idx, p.idx + len(p), ent, p.i, 1.0))
    return out
