"""Actors: who is in the article, one actor per entity, merged across all of its mentions.

The algorithm, in order:

1. recognise named mentions (:mod:`newsclaims.extract.entities`: spaCy NER corrected by gazetteers,
   titles joined to person names, countries and demonyms resolved to ISO codes);
2. add the dateline's place and the names and handles of embedded post signatures
   (:func:`newsclaims.extract.social.find_signatures`);
3. merge mentions into entities: a country by its code; a person by name tokens (variant spellings
   "Anwaar-ul-Haq" / "Anwaar ul Haq" compare equal; a surname or first name alone joins the latest
   full name that has it; a maiden or married surname, a birth name, a name they are "known as" or
   an alias joins its person); an organisation by name, bracketed acronym or initials ("ECO");
4. find the names again where the model missed them (a surname, an acronym: "AZAL flights");
5. descriptions that name a role ("Azerbaijan's president", "the prime minister") and handles
   written after a title ("President @presidentaz") join the one person who holds that title;
   "the company", "the bank", "the band" join the organisation just named (``org_descriptions.tsv``);
6. third-person pronouns join the person they refer to (a learned ranker), and a subject "it" /
   "they" the named organisation, country or group that was the subject just before
   (:mod:`newsclaims.extract.coref`); a name the model took for a person's that the text treats
   as a work's, a club's or a company's ("Khoobsurat (2014)", "the Arsenal manager", "Texaco" of
   "Texaco Inc") is no candidate (:func:`not_a_person`);
7. each entity becomes an :class:`Actor` with a stable id (a slug of the surname, acronym or name);
8. once quotes are known, first-person pronouns inside a quotation join its speaker
   (:func:`link_quoted_first_person`), and those outside quotation marks join the speaker a
   monitoring-service header or a transcript's speaker tag names (:func:`link_voiced_first_person`).

A full name introduced as someone's relative ("daughter of Thomas Betts") never merges with an
earlier bare surname; a bare surname prefers anyone else of that name to such a relative. A bare
surname shared by several full names ("Joseph Bateman", "Mary Bateman") joins the latest one of its
title's gender ("Mrs. Bateman"). A bare name that the text also uses as a surname ("Allen" of
"Debbie Allen") gets no gender from a first-name list: the person it joins gives it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from newsclaims.extract import coref
from newsclaims.extract.content import find_quotes, paragraphs, speaker_tags, text_header
from newsclaims.extract.cues import cue_nouns, source_nouns, speech_lemmas
from newsclaims.extract.entities import (
    NameMention,
    _title_run,
    country_code,
    country_name,
    demonym_country,
    english_word,
    first_name_gender,
    gendered_nouns,
    initials,
    introduced_as_relative,
    is_big_city,
    is_first_name,
    is_name_like,
    is_organization_name,
    name_tokens,
    org_words,
    place_country,
    recognise,
    title_key,
    title_words,
    titles,
    well_known_place,
)
from newsclaims.extract.social import find_signatures
from newsclaims.nlp import BYLINE_LINE, original_text
from newsclaims.record import Actor, Span
from newsclaims.resources import load_lines
from newsclaims.truecase import english_pos

TYPE_PRIORITY = {"person": 0, "organization": 1, "group": 2, "country": 3, "place": 4}
_HANDLE = re.compile(r"(?<![\w@])@\w{1,50}")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class Entity:
    """An actor being assembled: its names, attributes and mention spans."""

    type: str
    names: list[str] = field(default_factory=list)  # in order of appearance
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    genders: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    spans: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) → how found
    name_spans: list[tuple[int, int]] = field(default_factory=list)
    person_like: bool = False  # typed otherwise by the model, but may be a person
    latent: bool = True  # only untagged proper nouns so far
    relative: bool = False  # named as someone's relative ("daughter of Thomas Betts")

    @property
    def referred(self) -> bool:
        return "pronoun" in self.spans.values()

    @property
    def first(self) -> int:
        return min(s for s, _ in self.spans) if self.spans else 0

    @property
    def canonical(self) -> str:
        proper = [n for n in self.names if not (n.isupper() and n.isalpha() and len(n) <= 8)] or self.names
        cased = {n.lower() for n in proper if not n.isupper()}
        proper = [n for n in proper if not (n.isupper() and n.lower() in cased)]  # "Washington", not "WASHINGTON"
        return max(proper, key=lambda n: (len(name_tokens(n)), len(n))) if proper else ""

    @property
    def tokens(self) -> tuple[str, ...]:
        return name_tokens(self.canonical)

    @property
    def gender(self) -> str | None:
        if not self.genders:
            return None
        m, f = self.genders.count("m"), self.genders.count("f")
        return "m" if m > f else "f" if f > m else None

    @property
    def country(self) -> str | None:
        return max(set(self.countries), key=lambda c: (self.countries.count(c), -self.countries.index(c))) if self.countries else None

    def add(self, m: NameMention, *, name: bool = True) -> None:
        if name and m.name and m.name not in self.names:
            self.names.append(m.name)
        if m.alias and m.alias not in self.aliases:
            self.aliases.append(m.alias)
        for t in m.titles:
            if t not in self.titles:
                self.titles.append(t)
        if m.country_code and not (m.type == "person" and m.country_code is None):
            self.countries.append(m.country_code)
        if m.gender:
            self.genders.append(m.gender)
        self.spans.setdefault((m.start, m.end), m.via)
        if name:
            self.name_spans.append((m.name_start, m.name_end))
        self.person_like = self.person_like or m.person_like
        self.latent = self.latent and m.latent


def _slug(s: str) -> str:
    return _SLUG.sub("_", s.lower()).strip("_")


# --- merging ------------------------------------------------------------------------------------

class Merger:
    """Assigns each name mention to an entity (creating entities as names first appear)."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_key: dict[tuple, int] = {}
        self.last_seen: dict[int, int] = {}

    def _new(self, m: NameMention, key: tuple | None) -> int:
        self.entities.append(Entity(type=m.type))
        idx = len(self.entities) - 1
        if key is not None:
            self.by_key[key] = idx
        return idx

    def _persons(self):
        return [(i, e) for i, e in enumerate(self.entities) if e.type == "person"]

    def find_person(self, toks: tuple[str, ...], *, before: int | None = None, exact: bool = False,
                    gender: str | None = None, surname_only: bool = False) -> int | None:
        """The person a name refers to: same tokens; else (unless ``exact``) a surname alone, or a
        first name (unless ``surname_only``: "Kolkata" is not "Kolkata Knight", "Vantor" not the
        "Vantor Home" read after it)."""
        if not toks:
            return None
        people = self._persons()
        # the most recent first; a relative ("daughter of Thomas Betts") only after everyone else
        recent = sorted(people, key=lambda ie: (ie[1].relative, -self.last_seen.get(ie[0], -1)))
        if len(toks) == 1 and gender and not exact:
            family = [(i, e) for i, e in recent if len(e.tokens) > 1 and e.tokens[-1] == toks[0]]
            if len({e.tokens[0] for _, e in family}) > 1:
                # a surname that several full names share ("Joseph Bateman", "Mary Bateman"): the
                # latest of the mention's gender ("Mrs. Bateman")
                same = [i for i, e in family if e.gender == gender]
                if same:
                    return same[0]
        for i, e in people:
            if e.tokens == toks or any(name_tokens(n) == toks for n in e.names):
                return i
        if exact:
            return None
        if len(toks) == 1:
            t = toks[0]
            tests = [lambda et: len(et) > 1 and et[-1] == t, lambda et: len(et) > 1 and et[0] == t and not surname_only,
                     lambda et: t in et[1:-1] and len(t) > 2]
            for test in tests:
                for i, e in recent:
                    if test(e.tokens):
                        return i
            return None
        for i, e in recent:
            et = e.tokens
            if len(et) == 1 and (et[0] == toks[-1] or et[0] == toks[0] and not surname_only):
                return i  # the surname (or "Mobutu" of "Mobutu Sese Seko") came first, now the full name
            if len(et) > 1 and et[-1] == toks[-1] and (et[0] == toks[0] or et[0][0] == toks[0][0] and (len(et[0]) <= 2 or len(toks[0]) <= 2)):
                return i  # "George W. Bush" / "George Bush", "J. Smith" / "John Smith"
        return None

    def _fits_clause(self, m: NameMention, idx: int | None) -> bool:
        """Whether the gender a lone name's own clause gives it (``m.clause_gender``) does not
        contradict the person ``idx`` it would join."""
        return idx is None or not m.clause_gender or self.entities[idx].gender in (None, m.clause_gender)

    def find_org(self, m: NameMention) -> int | None:
        toks = name_tokens(m.name)
        short = without_legal_form(toks)
        for i, e in enumerate(self.entities):
            if e.type not in ("organization", "group", "place"):
                continue
            if e.tokens == toks or any(name_tokens(n) == toks for n in e.names):
                return i
            if e.type == "organization" and m.type == "organization" and \
                    any(without_legal_form(name_tokens(n)) == short for n in e.names) and len(short) > 0:
                return i  # "Noranda Inc" and "Noranda", "Texaco" and "Texaco Inc."
            if m.name in e.aliases or (m.alias and (m.alias in e.aliases or m.alias in e.names)):
                return i
            if m.name.isupper() and len(m.name) >= 2 and e.type == "organization" and any(initials(n) == m.name for n in e.names):
                return i
        spelled = _spelled_out(m.name) if m.type in ("organization", "group") else set()
        if spelled:
            # the full name after its acronym ("the PLO … the Palestine Liberation Organization")
            fits = [i for i, e in enumerate(self.entities) if e.type in ("organization", "group")
                    and any(n in spelled for n in e.names)]
            if len(fits) == 1:
                return fits[0]
        if m.type == "organization":
            # "Eastern Airlines" and "Eastern", "Harvard" and "Harvard University": one company or
            # body, said with and without the words of its kind, when only one organisation fits
            fits = [i for i, e in enumerate(self.entities) if e.type == "organization"
                    and any(_described(toks, name_tokens(n)) or _described(name_tokens(n), toks) for n in e.names)]
            if len(fits) == 1:
                return fits[0]
        return None

    def absorb(self, keep: int, other: int) -> None:
        """Entity ``other`` is ``keep`` under another name: its names become aliases of ``keep``
        and its mentions ``keep``'s; ``other`` is left empty."""
        ent, gone = self.entities[keep], self.entities[other]
        for n in gone.names + gone.aliases:
            if n not in ent.names and n not in ent.aliases:
                ent.aliases.append(n)
        ent.titles += [t for t in gone.titles if t not in ent.titles]
        ent.countries += gone.countries
        ent.genders += gone.genders
        ent.handles += [h for h in gone.handles if h not in ent.handles]
        for span, via in gone.spans.items():
            ent.spans.setdefault(span, via)
        ent.name_spans += gone.name_spans
        ent.person_like = ent.person_like or gone.person_like
        ent.latent = ent.latent and gone.latent
        self.entities[other] = Entity(type=gone.type)
        for key, idx in list(self.by_key.items()):
            if idx == other:
                self.by_key[key] = keep

    def add(self, m: NameMention) -> int:
        if m.type == "country":
            key = ("country", m.country_code)
            idx = self.by_key.get(key)
            if idx is None:
                idx = self._new(m, key)
        elif m.type == "person":
            toks = name_tokens(m.name)
            # a big city's name that is no first name is no first name of anyone's ("the Kolkata franchise")
            idx = self.find_person(toks, exact=m.relative, gender=m.gender,
                                   surname_only=len(toks) == 1 and well_known_place(m.name) and not first_name_gender(m.name))
            explicit = len(toks) > 1 or m.start < m.name_start  # a full name or an honorific, not a bare surname
            if idx is not None and explicit and m.gender and self.entities[idx].gender and m.gender != self.entities[idx].gender:
                idx = None  # "Mrs. McCrea" is not Dr. John McCrea
            if not self._fits_clause(m, idx):
                idx = None  # "Shaughnessy won her first title" is not her uncle Dan Shaughnessy
            if idx is None:
                idx = self._new(m, None)
                self.entities[idx].relative = m.relative
        else:
            idx = self.find_org(m)
            if idx is None and (len(name_tokens(m.name)) == 1 or m.person_like) and m.type in ("organization", "place", "group"):
                # a surname the model took for a place; a big city's name is no first name ("Kolkata" of "Kolkata Knight")
                # a person's name first is no person's in a company's name after it ("Vantor … the
                # Vantor Home speaker"); its surname may be ("Smith … John Smith" read as a company)
                toks = name_tokens(m.name)
                idx = self.find_person(toks, surname_only=m.type == "place" and well_known_place(m.name)
                                       or m.type == "organization" and len(toks) > 1)
                if not self._fits_clause(m, idx):
                    idx = None
            if idx is None:
                key = (m.type, name_tokens(m.name))
                idx = self.by_key.get(key)
            if idx is None:
                idx = self._new(m, (m.type, name_tokens(m.name)))
        self.entities[idx].add(m)
        self.last_seen[idx] = m.start
        return idx


# --- the extraction -----------------------------------------------------------------------------

def _covered(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in taken)


def _drop_title_parts(named: list[NameMention]) -> list[NameMention]:
    """Organisations the model found inside a person's title ("Indian External Affairs" in
    "Indian External Affairs Minister Subrahmanyam Jaishankar") are part of the title."""
    titled = [(m.start, m.name_start) for m in named if m.type == "person" and m.start < m.name_start]
    return [m for m in named if m.type in ("person", "country") or not any(s <= m.start < ns for s, ns in titled)]


POSSESSIVE_GENDER = {"his": "m", "her": "f"}


def own_clause_gender(doc, start: int, end: int) -> str | None:
    """The gender a lone name's own clause gives it: a subject followed in its clause by a
    possessive his / her with no other name or pronoun before it ("Shaughnessy won her first
    title": she). None when the clause has none or someone else the possessive could mean."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    subj = span.root
    if subj.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for tok in subj.head.subtree:
        if tok.i < span.end:
            continue
        if tok.dep_ == "relcl" or (tok.dep_ in ("ccomp", "advcl", "conj") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):
            return None  # another clause, with a subject of its own
        if tok.ent_type_ in ("PERSON", "") and tok.pos_ == "PROPN" or tok.tag_ == "PRP":
            return None  # someone else the possessive could mean
        if tok.tag_ == "PRP$" and tok.lower_ in POSSESSIVE_GENDER:
            return POSSESSIVE_GENDER[tok.lower_]
    return None


def _clause_genders(doc, named: list[NameMention]) -> None:
    """Each lone name's gender as its own clause gives it (:func:`own_clause_gender`); a name the
    model typed as a place, organisation or group that its clause calls his or hers, and that no
    gazetteer knows, is a person, in all its mentions ("Shumlin ran for his old seat")."""
    persons: set[str] = set()
    for m in named:
        if (m.type == "person" or m.person_like or m.type == "organization") and not m.gender and len(name_tokens(m.name)) == 1 \
                and m.start == m.name_start:
            m.clause_gender = own_clause_gender(doc, m.name_start, m.name_end)
            if m.clause_gender and m.type in ("organization", "place", "group") and m.via == "ner" and \
                    place_country(m.name) is None and not is_organization_name(m.name):
                persons.add(m.name)
    for m in named:
        if m.name in persons and m.type in ("organization", "place", "group") and m.via == "ner":
            m.type = "person"


def _surnames_keep_no_first_name_gender(named: list[NameMention]) -> None:
    """A lone name that the text also uses as a surname ("Allen" of "Debbie Allen") says nothing of
    gender, although it reads as a first name: its gender comes from the person it joins (the full
    first name, titles), not from a name list."""
    full = [name_tokens(m.name) for m in named if m.type == "person" and len(name_tokens(m.name)) > 1]
    surnames = {t[-1] for t in full} - {t[0] for t in full}
    for m in named:
        if m.gender_by_first_name and len(name_tokens(m.name)) == 1 and name_tokens(m.name)[0] in surnames:
            m.gender, m.gender_by_first_name = None, False


def _dateline_mention(dateline, text: str) -> NameMention | None:
    place = getattr(dateline, "place", None) if dateline else None
    if not place or place.start is None or place.end is None or place.end <= place.start:
        return None
    name = place.name or text[place.start:place.end]
    code = place.country_code or None
    if country_code(name):
        c = country_code(name)
        return NameMention(place.start, place.end, place.start, place.end, "country", country_name(c), country_code=c, via="dateline")
    return NameMention(place.start, place.end, place.start, place.end, "place", name, country_code=code, via="dateline")


#: a byline stands among a story's first lines
BYLINE_LINES = 6


def byline_spans(text: str) -> list[tuple[int, int]]:
    """The byline lines among the story's first :data:`BYLINE_LINES` lines ("By GEORGE GEDDA",
    "By M.R. Kropko", "Associated Press Writer"): who wrote the story is a credit of the story,
    like a dateline's agency, no actor of the news."""
    spans = []
    pos = 0
    for line in text.split("\n")[:BYLINE_LINES]:
        words = line.split()
        if BYLINE_LINE.fullmatch(line) and all(w[:1].isupper() for w in words[1:]):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _hashtag(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a hashtag's ("#NeverForget", "#WWEGRR"): a topic, no actor."""
    return start > 0 and text[start - 1] in "#＃"


def _in_credit(start: int, end: int, kind: str, dateline) -> bool:
    """Whether a mention ``[start, end)`` of an actor of type ``kind`` names who filed the story in
    its dateline ("KAMPALA, Uganda (*AP*)", "BEIJING, Nov. 3 (*Xinhua*) --"): the credit is the
    dateline's ``agencies``, no actor of the news."""
    if dateline is None or kind in ("place", "country") or not (dateline.start <= start and end <= dateline.end):
        return False
    place = dateline.place
    return place is None or not (start < place.end and place.start < end)


def _as_dateline_place(m: NameMention, dl: NameMention, text: str) -> list[NameMention]:
    """``m`` corrected by the dateline's place ``dl`` when recognition typed a part of that place a
    person, organisation or group: the place's first name is the place ("PALM BAY, Fla. (AP) -" read
    as a person's name), a later part a place of its own ("ILL." of "NORTHBROOK, ILL." read as an
    organisation), and a mention that runs into the place from a byline before it ("Ann Okafor
    HARARE") ends before the place, which is a mention of its own. A place in capitals that is the
    dateline place's name takes its case ("WASHINGTON" → "Washington")."""
    if m.type == dl.type == "place" and m.start == dl.start and m.name.isupper() and dl.name.upper() == m.name:
        m.name = dl.name  # "WASHINGTON (AP) _": the gazetteer's "Washington"
    if m.type not in ("person", "organization", "group") or not (m.start < dl.end and dl.start < m.end) or m.end > dl.end:
        return [m]
    if m.start >= dl.start:
        name = dl.name if m.start == dl.start else m.name
        return [NameMention(m.start, m.end, m.start, m.end, "place", name, country_code=dl.country_code, via="dateline")]
    place = NameMention(dl.start, m.end, dl.start, m.end, dl.type, dl.name, country_code=dl.country_code, via="dateline")
    before = text[m.name_start:dl.start].rstrip()
    kept = len(before.split())
    if m.name_start >= dl.start or kept == 0:
        return [place]
    trimmed = NameMention(m.start, m.name_start + len(before), m.name_start, m.name_start + len(before), m.type,
                          " ".join(m.name.split()[:kept]), country_code=m.country_code, titles=list(m.titles),
                          gender=m.gender, gender_by_first_name=m.gender_by_first_name, via=m.via)
    return [trimmed, place]


def _signature_mentions(text: str) -> list[tuple[NameMention, str, tuple[int, int]]]:
    out = []
    for sig in find_signatures(text):
        m = NameMention(sig.name_start, sig.name_end, sig.name_start, sig.name_end, "person", sig.name, via="signature")
        toks = name_tokens(sig.name)
        if len(toks) > 1:
            m.gender = first_name_gender(toks[0].capitalize())
        out.append((m, sig.handle, (sig.handle_start, sig.handle_end)))
    return out


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _rematch(doc, text: str, merger: Merger, taken: list[tuple[int, int]]) -> None:
    """Names the model missed: surnames of persons, acronyms and names of organisations."""
    cased = doc.text
    forms: dict[str, int] = {}
    surnames: dict[str, set[int]] = {}
    first_names: dict[str, set[int]] = {}
    acronyms: dict[str, int] = {}
    for i, e in enumerate(merger.entities):
        if e.type == "person":
            toks = e.canonical.split()
            if len(toks) > 1 and len(toks[-1]) > 2 and toks[-1][0].isupper():
                surnames.setdefault(toks[-1], set()).add(i)
            if len(toks) > 1 and len(toks[0]) > 2 and toks[0].istitle():
                first_names.setdefault(toks[0], set()).add(i)
            for n in e.names:
                if len(n) > 2:
                    forms.setdefault(n, i)
        elif e.type in ("organization", "group"):
            for n in e.names + e.aliases:
                if len(n) >= 2 and n[0].isupper():
                    forms.setdefault(n, i)
            for n in e.names:
                acr = initials(n)
                if len(acr) >= 3 and len(name_tokens(n)) >= 3:
                    acronyms[acr] = i
                    forms.setdefault(acr, i)
    for s, ids in surnames.items():
        if len(ids) == 1:
            forms.setdefault(s, next(iter(ids)))
    for f, ids in first_names.items():
        if len(ids) == 1 and f not in surnames and first_name_gender(f) and not english_word(f):
            forms.setdefault(f, next(iter(ids)))  # "Ellen" of "Ellen Ward", where the tagger missed it
    if not forms:
        return
    pattern = re.compile(r"(?<![\w@#])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w])")
    for match in pattern.finditer(cased):
        s, e = match.span()
        if _covered(taken, s, e):
            continue
        idx = forms[match.group(0)]
        other = _other_name_of(text, merger, s) if merger.entities[idx].type == "person" else None
        if other is not None:
            idx = other
        ent = merger.entities[idx]
        if acronyms.get(match.group(0)) == idx and match.group(0) not in ent.aliases:
            ent.aliases.append(match.group(0))  # "ECO" for the Economic Cooperation Organization
        start = s
        tok = _token_at(doc, s)
        titles_found: list[str] = []
        if ent.type == "person" and tok is not None:
            first, titles_found, country, gender = _title_run(doc, tok.i, tok.sent.start)
            if titles_found:
                start = doc[first].idx
                if country:
                    ent.countries.append(country)
                if gender:
                    ent.genders.append(gender)
        for t in titles_found:
            if t not in ent.titles:
                ent.titles.append(t)
        ent.spans.setdefault((start, e), "alias")
        taken.append((start, e))


def _title_heads() -> set[str]:
    return {t.split()[-1] for t, (_, kind) in titles().items() if kind == "head"}


def _holders(merger: Merger, head: str, country: str | None) -> list[int]:
    """Persons with a title ending in ``head``; of those, the ones of ``country`` when it is given
    (one whose country is stated wins over one whose country is unknown)."""
    found = []
    for i, e in enumerate(merger.entities):
        if e.type != "person":
            continue
        if not any(title_key(t.split()[-1]) == head for t in e.titles):
            continue
        if country and e.country and e.country != country:
            continue
        found.append(i)
    if country:
        stated = [i for i in found if merger.entities[i].country == country]
        if len(stated) == 1:
            return stated
    return found


def _roles(doc, text: str, merger: Merger, taken: list[tuple[int, int]], country_at: dict[int, str],
           person_at: dict[int, int]) -> None:
    """Descriptions naming a role: "Azerbaijan's president", "the president of Azerbaijan",
    "the Pakistani prime minister", "the prime minister" → the one person holding that title.
    A description in apposition to a named person is that person's (see :func:`_appositions`),
    never another holder's ("Genscher, West Germany's foreign minister")."""
    heads = _title_heads()
    for tok in doc:
        head = title_key(tok.text)
        if head not in heads or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _covered(taken, tok.idx, tok.idx + len(tok)):
            continue
        if tok.dep_ == "appos" and tok.head.i in person_at:
            continue
        country = None
        left = tok.i
        for child in tok.children:
            if child.dep_ == "poss" and child.i in country_at:
                first = child.left_edge
                while first.i < child.i and first.dep_ == "det":
                    first = doc[first.i + 1]
                country, left = country_at[child.i], min(left, first.i)
            elif child.dep_ in ("amod", "compound") and (c := demonym_country(child.text)):
                country, left = c, min(left, child.i)
            elif child.dep_ == "compound" and title_key(child.text) in {w for t in titles() for w in t.split()}:
                left = min(left, child.i)
        right = tok.i
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and objs[0].i in country_at:
                    country, right = country_at[objs[0].i], objs[0].right_edge.i
                elif objs:
                    right = -1  # "the president of the company": not a country's office
        if right < 0:
            continue
        det = [c for c in tok.children if c.dep_ == "det"]
        if country is None and not (det and det[0].lower_ == "the"):
            continue
        if tok.text[:1].isupper() and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # "President Aliyev": a titled name, handled by recognition
        holders = _holders(merger, head, country)
        if len(holders) != 1:
            continue
        s, e = doc[left].idx, doc[right].idx + len(doc[right])
        ent = merger.entities[holders[0]]
        ent.spans.setdefault((s, e), "role")
        if country:
            ent.countries.append(country)
        taken.append((s, e))


NOT_COMPANY_WORDS = frozenset({"ministry", "party", "university", "council", "court", "army", "police", "government",
                               "committee", "commission", "assembly", "parliament", "church", "school", "college",
                               "department", "senate", "congress", "front", "standards", "tax", "index", "times", "news",
                               "post", "journal", "herald", "tribune", "exchange", "board"})


@lru_cache(maxsize=1)
def _org_descriptions() -> dict[str, str]:
    return {row.split("\t")[0]: row.split("\t")[1] for row in load_lines("org_descriptions.tsv")}


def _org_references(doc, merger: Merger, taken: list[tuple[int, int]], *, window: int = 2) -> None:
    """Definite descriptions of an organisation as a subject or possessor ("the company said", "the
    bank's profit") join the latest organisation or group named before that fits the noun
    (``org_descriptions.tsv``): one whose name has the noun within ``window`` sentences ("Barclays
    Bank ... the bank"), or for "the company" / "the group" one that was a subject in the same or
    the previous sentence ("Samsung makes the displays. The company said ...").
    """
    table = _org_descriptions()
    sent_of = {}
    for i, sent in enumerate(doc.sents):
        for t in sent:
            sent_of[t.i] = i
    named: list[tuple[int, int, int, bool]] = []  # (start char, sentence, entity, an agent there) of organisation names
    for i, ent in enumerate(merger.entities):
        if ent.type not in ("organization", "group") or ent.latent or is_organization_name(ent.canonical) \
                or any(ch.isdigit() for ch in ent.canonical):
            continue  # an agency credit ("AP") or a "Q4" is not what "the company" refers back to
        for (s, e), via in ent.spans.items():
            if via == "description":
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span):
                root = span.root
                agent = root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ in ("appos", "conj", "compound") and root.head.dep_ in ("nsubj", "nsubjpass", "poss"))
                named.append((s, sent_of[root.i], i, agent))
    if not named:
        return
    named.sort()
    for tok in doc:
        kind = table.get(tok.lower_)
        if kind is None or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        det = [c for c in tok.children if c.dep_ == "det"]
        if not det or det[0].lower_ != "the" or any(c.dep_ in ("compound", "poss") or c.pos_ == "PROPN" for c in tok.children):
            continue
        if any(c.dep_ == "prep" for c in tok.children) or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue  # "the group of investors", "a stake in the company": not a reference back to an actor
        start = det[0].idx
        for c in tok.children:
            if c.dep_ == "amod" and c.i < tok.i:
                start = min(start, c.idx)
        end = tok.idx + len(tok)
        if _covered(taken, tok.idx, end):
            continue
        here = sent_of[tok.i]
        target = None
        for s, sent, i, agent in reversed(named):
            if s >= start or here - sent > (window if kind == "named" else 1):
                continue
            words = set(name_tokens(merger.entities[i].canonical))
            if kind == "named" and tok.lower_ not in words:
                continue
            if kind == "any" and (words & NOT_COMPANY_WORDS or not agent):
                continue  # "the company" refers back to an organisation that was doing something
            target = i
            break
        if target is None and kind == "any" and tok.lower_ in ("company", "firm"):
            target = _only_company(merger, named, start)
        if target is None:
            continue
        merger.entities[target].spans.setdefault((start, end), "description")
        taken.append((start, end))


def _only_company(merger: Merger, named: list[tuple[int, int, int, bool]], before: int) -> int | None:
    """The one organisation named before ``before`` with a legal form after the first word of its
    name ("Sundstrand Corp.", "Kraft Inc. Dairy Group"), however far back: "the company said"
    paragraphs later is still it. ``None`` when there is none or more than one."""
    found = {i for s, _, i, _ in named if s < before
             and any(w.rstrip(".").lower() in corporate_forms() for w in merger.entities[i].canonical.split()[1:])}
    return found.pop() if len(found) == 1 else None


def _in_text_handles(doc, text: str, merger: Merger, taken: list[tuple[int, int]], country_at: dict[int, str]) -> None:
    """"President @presidentaz": a handle after a title joins the title's holder; a handle that
    spells a person's surname joins that person."""
    heads = _title_heads()
    for match in _HANDLE.finditer(text):
        s, e = match.span()
        if _covered(taken, s, e):
            continue
        handle = match.group(0)
        low = handle[1:].lower().replace("_", "")
        target, start = None, s
        tok = _token_at(doc, s)
        prev = doc[tok.i - 1] if tok is not None and tok.i > 0 else None
        if prev is not None and title_key(prev.text) in heads:
            country = None
            nxt = [t for t in doc[tok.i + 1: tok.i + 4]]
            if len(nxt) >= 2 and nxt[0].lower_ == "of" and nxt[1].i in country_at:
                country = country_at[nxt[1].i]
            holders = _holders(merger, title_key(prev.text), country)
            if len(holders) == 1:
                target, start = holders[0], prev.idx
        if target is None:
            for i, ent in enumerate(merger.entities):
                if ent.type == "person" and ent.tokens and len(ent.tokens[-1]) > 3 and ent.tokens[-1] in low:
                    target = i
                    break
        if target is None:
            continue
        ent = merger.entities[target]
        ent.spans.setdefault((start, e), "handle")
        if handle not in ent.handles:
            ent.handles.append(handle)
        taken.append((start, e))


def _country_by_stance(doc, merger: Merger, person_at: dict[int, int], country_at: dict[int, str]) -> None:
    """An office holder with no stated country speaks for the country whose possessive heads what
    they reaffirm or express ("PM Kakar reaffirmed Pakistan's support")."""
    for tok in doc:
        idx = person_at.get(tok.i)
        if idx is None or tok.dep_ != "nsubj":
            continue
        ent = merger.entities[idx]
        if ent.countries or not ent.titles:
            continue
        for obj in tok.head.children:
            if obj.dep_ != "dobj":
                continue
            for child in obj.children:
                if child.dep_ == "poss" and child.i in country_at:
                    ent.countries.append(country_at[child.i])


# what joins two names of one list: "daughter of Hugh Smith, Jr. (1897–1976) and socialite Janet Smith"
_AND_NEXT = re.compile(r",?\s*(?:(?:Jr|Sr)\.?)?\s*(?:\([^()]*\))?,?\s+and\s+(?:[a-z]+\s+)?$")
# what joins a person's name to another name of theirs: a maiden name "(née Eveleth", a married
# surname after a bracketed one "(Ramsay) Yeomans"
_SAME_PERSON_NEXT = re.compile(r"\s*(?:[(,]\s*n[ée]e\s+|\(\s*(?:n[ée]e\s+)?[A-Z][\w'-]+\s*\)\s*)$")
_SAME_PERSON_TAIL = re.compile(r"(?:\)\s*|n[ée]e\s+)$")  # how the text before such a name ends


def _other_name_of(text: str, merger: Merger, start: int) -> int | None:
    """The person whose name a one-word name at ``start`` continues: a maiden name ("Alma Taggart
    (née Eveleth"), a married surname after a bracketed maiden name ("Elizabeth (Ramsay) Yeomans")."""
    if not _SAME_PERSON_TAIL.search(text, max(0, start - 8), start):
        return None
    for i, ent in enumerate(merger.entities):
        if ent.type == "person" and any(e <= start and _SAME_PERSON_NEXT.match(text, e, start) for _, e in ent.name_spans):
            return i
    return None


_BORN_AS = re.compile(r"(?:\s*[(,]\s*|\s+(?:was|is)\s+)(?:born\s+(?:as\s+)?|(?:(?:then|also|formerly|later|now|better)\s+)?known\s+as\s+|a\.k\.a\.?\s+|alias\s+)", re.IGNORECASE)


_REAL_NAME = re.compile(r"\b(?:his|her|whose)\s+(?:real|birth|legal)\s+name,?\s+(?:(?:is|was)\s+)?", re.IGNORECASE)


def _real_name_after(text: str, end: int, names: list[tuple[int, int, int]]) -> re.Match | None:
    """ "his real name, Y" in the same sentence after a name ending at ``end``, with no other name between:
    "Rank has produced numerous films (under his real name, Henry Rosenthal)"."""
    stop = text.find(". ", end)
    match = _REAL_NAME.search(text, end, len(text) if stop < 0 else stop)
    if match is None or any(end <= s < match.start() for s, _, _ in names):
        return None
    return match


_ALIAS_TYPES = ("person", "organization", "group")
_NAME_RUN = re.compile(r"[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){0,3}")


def _names_known_by(text: str, merger: Merger, assigned: list[tuple[NameMention, int]]) -> None:
    """A person's birth name, or another name they are known by, is theirs: "Hall was born Shirley
    Grossman", "Anna Domino (born Anna Virginia Taylor)", "Ali, born Cassius Clay", "Bonnie Tyler
    (then known as Gaynor Hopkins)"."""
    names = sorted(((m.name_start, m.name_end, idx) for m, idx in assigned if m.type != "country"))
    moved: dict[int, int] = {}
    for _, end, idx in names:
        idx = moved.get(idx, idx)
        born = _BORN_AS.match(text, end) or _real_name_after(text, end, names)
        if born is None:
            continue
        later = next((moved.get(j, j) for s, _, j in names if s == born.end()), None)
        span = None
        if later is None:  # a name recognition missed there ("ALIAS FRANKLIN") but found elsewhere
            run = _NAME_RUN.match(text, born.end())
            toks = name_tokens(run.group(0)) if run else ()
            later = next((i for i, e in enumerate(merger.entities) if toks and e.type in _ALIAS_TYPES
                          and any(name_tokens(n) == toks for n in e.names)), None)
            span = run.span() if later is not None else None
        if later is not None and later != idx and merger.entities[later].type in _ALIAS_TYPES:
            merger.absorb(idx, later)
            moved[later] = idx
            merger.entities[idx].type = "person"  # born, known as: whatever the model took the name for
            if span is not None:
                merger.entities[idx].spans.setdefault(span, "alias")


def _appositions(doc, merger: Merger, person_at: dict[int, int], country_at: dict[int, str]) -> None:
    """Gender and titles from appositions and copulas: "X, an actress", "X, Pakistan's president"."""
    nouns = gendered_nouns()
    heads = _title_heads()
    for tok in doc:
        idx = person_at.get(tok.i)
        if idx is None:
            continue
        ent = merger.entities[idx]
        described = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "Swayze was the daughter of …"
            described += [c for c in tok.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        for child in described:
            lemma = child.lemma_.lower()
            if lemma in nouns:
                ent.genders.append(nouns[lemma])
            if title_key(child.text) in heads and child.pos_ == "NOUN":
                for g in child.children:
                    if g.dep_ == "poss" and g.i in country_at:
                        ent.countries.append(country_at[g.i])
                    elif g.dep_ == "prep" and g.lower_ == "of":
                        for o in g.children:
                            if o.i in country_at:
                                ent.countries.append(country_at[o.i])


@lru_cache(maxsize=1)
def work_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("work_nouns.txt"))


_WORK_YEAR = re.compile(r"(?:\s+[A-Z0-9][\w'’-]*){0,4}\s*\((?:1[89]|20)\d\d\)")  # "X (2014)", "X Part II (2003)"
FOREIGN_ARTICLES = frozenset({"la", "el", "le", "los", "las", "les", "il", "der", "die", "das"})  # "La Prensa"
PERSON_DETERMINERS = frozenset({"this", "that", "these", "those", "all", "both", "each", "either", "neither"})  # "both Smith and Jones"


_TITLE_CLOSE = re.compile(r"(?:\s?['’]s)?[,.!?]?(?:''|[\"”’])")


def _in_title_marks(text: str, s: int, e: int) -> bool:
    """Whether the name is all that stands between quotation marks: a title ("``Too Young''",
    "“Steal My Girl”"), a possessive or a comma before the closing mark allowed."""
    opened = text.startswith("``", max(s - 2, 0)) or text[s - 1:s] in ('"', "“", "‘")
    return opened and _TITLE_CLOSE.match(text, e) is not None


def _named_as_thing(doc, text: str, s: int, e: int, nouns: frozenset[str]) -> tuple[bool, bool]:
    """What one name mention says of its bearer (``nouns``: :func:`work_nouns`): (evidence that it is a thing — a work, a
    company, a club — rather than a person; evidence that it is a person). A thing: a year in
    brackets after it ("Khoobsurat (2014)"), a determiner or possessive right before it ("our
    National Territory", "La Prensa", "the Arsenal manager"), a work noun it modifies ("Disney
    film") or stands in apposition to ("Khoobsurat, a Disney film"; "the film X"; "X is a film").
    A name that is all of a quotation is a title ("``Too Young''"). A person: the subject of a
    verb of saying ("Ghosh said")."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return False, False
    root = span.root
    person = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in speech_lemmas()
    if _WORK_YEAR.match(text, e) or _in_title_marks(text, s, e):
        return True, person
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.tag_ in ("DT", "PRP$") and prev.lower_ not in PERSON_DETERMINERS or prev.lower_ in FOREIGN_ARTICLES:
            return True, person
        if prev.lemma_.lower() in nouns and prev.pos_ == "NOUN":
            return True, person
    if root.dep_ in ("compound", "appos") and root.head.lemma_.lower() in nouns:
        return True, person
    if any(c.dep_ == "appos" and c.lemma_.lower() in nouns for c in root.children):
        return True, person
    if root.dep_ == "nsubj" and root.head.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in nouns for c in root.head.children):
        return True, person  # "X is a story about friends"
    return False, person


@lru_cache(maxsize=1)
def corporate_forms() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("corporate_forms.txt"))


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    return org_words() | corporate_forms()


def without_legal_form(name: tuple[str, ...]) -> tuple[str, ...]:
    """A name less the legal forms that end it ("Texaco" of "Texaco Inc"; all of it when it is
    nothing else)."""
    k = len(name)
    while k > 0 and name[k - 1].rstrip(".").lower() in corporate_forms():
        k -= 1
    return name[:k] if k else name


def _spelled_out(name: str) -> set[str]:
    """The acronyms a name of several words spells ("Palestine Liberation Organization" → PLO;
    "General Electric Co Plc" → GECP, GEC, GE), none of its own words ("PCC Central Committee")."""
    own = name.split()
    words = own
    out = set()
    while len(words) >= 2:
        acronym = initials(" ".join(words))
        if len(acronym) >= 2 and acronym not in own:
            out.add(acronym)
        if words[-1].rstrip(".").lower() not in corporate_forms():
            break
        words = words[:-1]
    return out


#: words naming a public body of the place before them ("Antioquia Police", "Huancayo Hospital"):
#: the place's name alone is the place, not the body
PLACE_BODY_WORDS = frozenset({"department", "police", "government", "hospital", "city", "county", "state", "province",
                              "district", "council", "municipality", "court", "army", "administration"})


def _described(bare: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether ``name`` is ``bare`` followed only by words of an organisation's kind and legal
    forms ("Eastern Airlines" of "Eastern", "Harvard University" of "Harvard"; not "Google Home",
    "Microsoft India", "Antioquia Police"), ``bare`` being a name of its own, no such word."""
    words = _organisation_words()
    rest = [w.rstrip(".") for w in name[len(bare):]]
    return (0 < len(bare) < len(name) and name[:len(bare)] == bare and bare[-1] not in words
            and all(w in words and w not in PLACE_BODY_WORDS for w in rest))


def short_company_names(orgs: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The organisations' names less a legal form that ends them ("Texaco" of "Texaco Inc")."""
    shorts = [(o, without_legal_form(o)) for o in orgs]
    return [short for o, short in shorts if len(short) < len(o)]


# not "to", "from", "at": "a message to Bush", "a letter from Bush", "angry at Bush"
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "via", "throughout", "around", "into", "inside",
                                   "within"})
SETTLEMENT_NOUNS = frozenset({"capital", "city", "town", "village", "port", "island", "province", "department", "region"})


def _place_context(root, places: set[int]) -> bool:
    """Is the name whose head is ``root`` used as a place: after a locative preposition ("training in
    Bangalore", "in rebel-held Goma"), beside another place ("Rangoon, Mandalay, Sittwe"), or named
    as a settlement ("the provincial capital, Sidon", "the island of Okinawa")?"""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS and not any(c.pos_ in ("VERB", "AUX") for c in root.children):
        return True  # (not "resulting in Pat being returned")
    if root.dep_ in ("conj", "appos") and (head.i in places or head.lemma_.lower() in SETTLEMENT_NOUNS):
        return True
    if any(c.dep_ == "conj" and c.i in places for c in root.children):
        return True
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SETTLEMENT_NOUNS


def _cities_taken_for_persons(doc, merger: Merger) -> None:
    """A one-word name the model took for a person's that is a big city's name (its own or an
    alternate one: "Bangalore"), that is no first name ("Pat") and that no title, gender or verb of
    saying makes a person's, and that the text uses as a place at least once (see
    :func:`_place_context`): the city. A surname that is also a city's name stays a person ("Col
    Ponce", "President Bush")."""
    places = set()
    for ent in merger.entities:
        if ent.type in ("place", "country"):
            for s, e in ent.spans:
                span = doc.char_span(s, e, alignment_mode="expand")
                places.update(t.i for t in span or ())
    saying = speech_lemmas()
    for ent in merger.entities:
        if ent.type != "person" or ent.titles or ent.genders or len(ent.tokens) != 1:
            continue
        name = ent.canonical
        if not is_big_city(name) or is_first_name(name):
            continue
        roots = [span.root for span in (doc.char_span(s, e, alignment_mode="expand") for s, e in ent.name_spans) if span]
        if any(r.dep_ in ("nsubj", "nsubjpass") and r.head.lemma_.lower() in saying for r in roots):
            continue
        if any(_place_context(r, places) for r in roots):
            ent.type = "place"
            ent.countries = [c for c in [place_country(name)] if c]


#: nouns of a company or an agency that a name right after names ("rating agency Fitch")
COMPANY_NOUNS = frozenset({"agency", "firm", "company", "carrier", "airline", "lender", "insurer", "brokerage",
                           "broadcaster", "newspaper", "daily", "network", "conglomerate", "retailer", "automaker"})


def _media_and_companies_taken_for_persons(doc, merger: Merger) -> None:
    """A name the model took for a place's right after a noun of a company (:data:`COMPANY_NOUNS`:
    "rating agency Fitch") is that company's. A name the model took for a person's that no title
    makes one, right after a noun of the press or modifying one right after it ("the daily al-Khaleej", "the newspaper Granma", "the
    Business Day newspaper"): the newspaper, station or agency it names (:data:`MEDIA_NOUNS`),
    whatever pronoun its sentence holds; or right before a legal form ("H.J. Heinz Co said", "Sara
    Lee Corp"): the company."""
    forms = corporate_forms() - {"group"}  # "the rebel Bahrel Ghazal group": no company
    for ent in merger.entities:
        if ent.type == "place" and not ent.latent and any(
                (tok := _token_at(doc, s)) is not None and tok.i > 0 and doc[tok.i - 1].lower_ in COMPANY_NOUNS
                and doc[tok.i - 1].dep_ != "pobj" for s, _ in ent.name_spans):
            ent.type = "organization"  # "rating agency Fitch", "the carrier Nordline": no place
            continue
        if ent.type != "person" or ent.titles:
            continue
        if any((last := _token_at(doc, e - 1)) is not None and last.i + 1 < len(doc) and _legal_form(doc[last.i + 1], forms)
               for s, e in ent.spans):
            ent.type, ent.person_like = "organization", False  # "H.J. Heinz Co said", "Sara Lee Corp"
            continue
        for s, e in ent.name_spans:
            tok, last = _token_at(doc, s), _token_at(doc, e - 1)
            before = tok is not None and tok.i > 0 and doc[tok.i - 1].lower_ in MEDIA_NOUNS
            # "the Business Day newspaper": the name modifies the noun right after it
            after = last is not None and last.i + 1 < len(doc) and doc[last.i + 1].lower_ in MEDIA_NOUNS \
                and last.dep_ == "compound" and last.head.i == last.i + 1
            if before or after:
                ent.type, ent.person_like = "organization", False  # no "he" either
                break


def _companies_said_short(merger: Merger) -> None:
    """A name the model took for a person's that no title or gender makes one, and that is the
    name of one organisation of the article less the words of its kind ("Nordline" of "Nordline
    Airlines", "Harwick" of "Harwick Oil Co."): that organisation said short."""
    orgs = [i for i, e in enumerate(merger.entities) if e.type == "organization" and e.names]
    for i, ent in enumerate(merger.entities):
        if ent.type != "person" or ent.titles or ent.genders or not ent.names:
            continue
        toks = name_tokens(ent.canonical)
        fits = [j for j in orgs if any(_described(toks, name_tokens(n)) for n in merger.entities[j].names)]
        if len(fits) == 1:
            merger.absorb(fits[0], i)


def _one_name_one_actor(merger: Merger) -> None:
    """Actors of one name that recognition typed differently ("Khartoum" a place and a person,
    "Statoil" a company and a person) are one, once pronouns are resolved: a person where a title
    or a gender says so ("his son, Salvador"), else a country or a place the gazetteer knows by
    that name, else what clearly most of its mentions were typed; left apart where that is not
    clear, and where two of them are persons (a couple, "Bakker"). A person whose pronouns were
    resolved is never made a place or a thing."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, e in enumerate(merger.entities):
        if e.names and e.spans and not e.latent:
            groups.setdefault(name_tokens(e.canonical), []).append(i)
    for members in groups.values():
        ents = [merger.entities[i] for i in members]
        persons = [e for e in ents if e.type == "person"]
        if len(members) < 2 or len(persons) > 1:
            continue
        name = ents[0].canonical
        spoken_of = bool(persons) and any(via == "pronoun" for via in persons[0].spans.values())
        if persons and (persons[0].titles or persons[0].genders):
            kind = "person"
        elif any(e.type == "country" for e in ents) or country_code(name):
            kind = "country"
        elif place_country(name) or well_known_place(name):
            kind = "place"
        else:
            counts = sorted(((len(e.spans), e.type) for e in ents), reverse=True)
            kind = counts[0][1] if counts[0][0] > counts[1][0] else None
        if kind is None or (spoken_of and kind != "person"):
            continue
        keep = max(members, key=lambda i: (merger.entities[i].type == kind, len(merger.entities[i].spans)))
        for i in members:
            if i != keep:
                merger.absorb(keep, i)
        merger.entities[keep].type = kind
        merger.entities[keep].person_like = kind == "person"


def _legal_form(tok, forms: frozenset[str]) -> bool:
    """Whether ``tok`` is a company's legal form as a name writes it ("Co", "Inc.", "SA"; not the
    verb "incorporated" nor the "co" of "co-wrote")."""
    return tok.text[:1].isupper() and tok.pos_ != "VERB" and tok.text.rstrip(".").lower() in forms \
        and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in ("-", "‐"))


def _plainly_a_thing(doc, s: int, e: int, nouns: frozenset[str]) -> bool:
    """An indefinite article right before the name ("nominated for an Emmy"), or the name modifying
    a work noun ("the Marvel movie"): a thing's name even when it is also a first name."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if span.start > 0 and doc[span.start - 1].lower_ in ("a", "an"):
        return True
    return root.dep_ == "compound" and root.head.lemma_.lower() in nouns


def not_a_person(doc, text: str, ent: Entity, companies: list[tuple[str, ...]]) -> bool:
    """A name the model took for a person's that the text treats as a thing's — a work, a
    company, a club, a newspaper — and that no title, no gender (from a first name, a title or a
    gendered noun; a lone first name only where :func:`_plainly_a_thing` does not say otherwise)
    and no verb of saying marks as a person's: no antecedent for a personal
    pronoun (see :func:`_named_as_thing`). ``companies``: the article's :func:`short_company_names`;
    a name starting with one is the company said short ("Texaco", "the Texaco-Pennzoil litigation")."""
    nouns = work_nouns()
    if ent.titles:
        return False
    if ent.genders:
        # a lone first name gives way where the text plainly treats it as a thing ("an Emmy", "the Marvel movie")
        lone = len(ent.tokens) == 1 and set(ent.genders) == {first_name_gender(ent.tokens[0])}
        return lone and any(_plainly_a_thing(doc, s, e, nouns) for s, e in ent.name_spans)
    if ent.tokens and len(ent.tokens[-1]) > 5 and ent.tokens[-1].lower().endswith("ism"):
        return True  # a doctrine: "Russian Vedism"
    if any(w.lower() in _organisation_words() for w in ent.tokens[1:]) or \
            any(ent.tokens[:len(c)] == c for c in companies):
        return True
    thing = speaker = False
    for s, e in ent.name_spans:
        t, p = _named_as_thing(doc, text, s, e, nouns)
        thing, speaker = thing or t, speaker or p
    return thing and not speaker


def _outermost(spans) -> list[tuple[int, int]]:
    """The spans in order, without those inside another span of the same entity ("Anwaar" inside
    the signature's "Anwaar ul Haq Kakar")."""
    ordered = sorted(spans, key=lambda se: (se[0], -se[1]))
    out: list[tuple[int, int]] = []
    for s, e in ordered:
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


def _free_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base_2``, ``base_3`` … the first that is not ``taken``."""
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}_{n}", n + 1
    return ident


def _ids(entities: list[Entity]) -> list[str]:
    taken: set[str] = set()
    ids = []
    for e in entities:
        name = e.canonical
        if e.type == "person":
            toks = [t for t in re.split(r"[\s]+", name) if t]
            options = [toks[-1] if toks else name, name]
        elif e.type == "organization":
            acr = [a for a in e.aliases if a.isupper()]
            options = [acr[0]] if acr else []
            options.append(name)
        elif e.type == "place" and e.country and country_name(e.country).lower() != name.lower():
            options = [f"{country_name(e.country)} {name}", name]
        else:
            options = [name]
        slugs = [s for s in (_slug(o) for o in options) if s] or [e.type]
        chosen = next((s for s in slugs if s not in taken), None) or _free_id(slugs[-1], taken)
        taken.add(chosen)
        ids.append(chosen)
    return ids


def extract_actors(doc, *, dateline=None, weights: coref.Weights = coref.DEFAULT_WEIGHTS,
                   coref_model: tuple[dict[str, float], float] | None = None, coref_trace: list | None = None) -> list[Actor]:
    """The actors of an article: one per entity, with every mention, title, alias and handle.

    ``coref_model`` replaces the packaged pronoun ranker (``({}, 0)``: the salience sum alone);
    ``coref_trace`` collects the ranker's candidates (see :func:`newsclaims.extract.coref.resolve`)."""
    text = original_text(doc)
    bylines = byline_spans(text)

    def credited(start: int, end: int, kind: str) -> bool:
        """Who filed or wrote the story: the dateline's credit, a byline."""
        return _in_credit(start, end, kind, dateline) or any(a <= start < b for a, b in bylines)

    named = [m for m in recognise(doc, text) if not credited(m.start, m.end, m.type)]
    dl = _dateline_mention(dateline, text)
    if dl is not None:
        named = [c for m in named for c in _as_dateline_place(m, dl, text)]
        if not any(m.start < dl.end and dl.start < m.end for m in named):
            named.append(dl)
    signatures = _signature_mentions(text)
    named += _voice_mentions(doc, text, named)
    named.sort(key=lambda m: (m.start, -m.end))

    named = _drop_title_parts(named)
    previous = None
    for m in named:
        if m.type == "person" and len(name_tokens(m.name)) > 1:
            m.relative = introduced_as_relative(doc, m.name_start, m.name_end) or (
                previous is not None and previous.relative and _AND_NEXT.match(text, previous.name_end, m.name_start) is not None)
        if m.type == "person":
            previous = m
    _surnames_keep_no_first_name_gender(named)
    _clause_genders(doc, named)
    merger = Merger()
    assigned: list[tuple[NameMention, int]] = []
    taken: list[tuple[int, int]] = []
    for m in named:
        # a mention inside another one of the same entity type adds nothing ("AZAL" in "... (AZAL)")
        if any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) and o.alias == m.name for o, _ in assigned):
            continue
        idx = _other_name_of(text, merger, m.name_start) if m.type != "country" and len(name_tokens(m.name)) == 1 else None
        if idx is not None:
            merger.entities[idx].add(m, name=False)  # "Alma Taggart (née Eveleth) McCulloch": her maiden and married names
            if m.name not in merger.entities[idx].aliases:
                merger.entities[idx].aliases.append(m.name)
        else:
            idx = merger.add(m)
        assigned.append((m, idx))
        taken.append((m.start, m.end))
    for m, handle, hspan in signatures:
        idx = merger.add(m)
        ent = merger.entities[idx]
        if handle not in ent.handles:
            ent.handles.append(handle)
        ent.spans.setdefault(hspan, "signature")
        taken.extend([(m.start, m.end), hspan])

    _rematch(doc, text, merger, taken)
    _names_known_by(text, merger, assigned)

    # token index → entity, for the syntactic rules
    country_at: dict[int, str] = {}
    person_at: dict[int, int] = {}
    for i, ent in enumerate(merger.entities):
        for (s, e) in ent.spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            if ent.type == "country" and ent.country:
                for t in span:
                    country_at[t.i] = ent.country
            elif ent.type == "person":
                person_at[span.root.i] = i
    _appositions(doc, merger, person_at, country_at)
    _roles(doc, text, merger, taken, country_at, person_at)
    _org_references(doc, merger, taken)
    _in_text_handles(doc, text, merger, taken, country_at)
    _country_by_stance(doc, merger, person_at, country_at)
    _cities_taken_for_persons(doc, merger)
    _media_and_companies_taken_for_persons(doc, merger)
    _companies_said_short(merger)

    # pronouns
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    pool = []
    unsure: set[int] = set()
    companies = short_company_names([e.tokens for e in merger.entities if e.type == "organization" and not e.latent])
    for i, ent in enumerate(merger.entities):
        if (ent.type != "person" and not ent.person_like) or is_organization_name(ent.canonical) or \
                (ent.type == "group" and (len(ent.tokens) != 1 or english_word(ent.canonical))):
            continue  # a group ("the Sandinistas", "Southern") or an agency ("Xinhua") is no "he"
        if not_a_person(doc, text, ent, companies):
            continue  # a film, a club, a company the model took for a person
        if dl is not None and any(s < dl.end and dl.start < e for s, e in ent.spans):
            continue  # the dateline's place ("EAST BERLIN (EAST GERMANY), 22 MAR 89 --")
        if ent.type != "person" or ent.latent:
            unsure.add(i)
        for (s, e) in ent.spans:
            cm = coref.make_mention(doc, s, e, i, sent_index, weights)
            if cm is not None:
                pool.append(cm)
    genders = {i: e.gender for i, e in enumerate(merger.entities) if e.type == "person" or e.person_like}
    kinds = {i: ("name" if e.latent else e.type) for i, e in enumerate(merger.entities) if i in unsure}
    for r in coref.resolve(doc, pool, genders, weights=weights, sent_index=sent_index, unsure=unsure, kinds=kinds,
                             model=coref_model, trace=coref_trace):
        ent = merger.entities[r.entity]
        ent.spans.setdefault((r.start, r.end), "pronoun")
        ent.type = "person"  # he or she: a person, whatever the model said

    heads: dict[int, int] = {}
    for i, ent in enumerate(merger.entities):
        if ent.type in coref.PLURAL_TYPES and not ent.latent:
            for (s, e) in ent.spans:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span):
                    heads[span.root.i] = i
    types = {i: e.type for i, e in enumerate(merger.entities)}
    for r in coref.resolve_impersonal(doc, heads, types, sent_index=sent_index):
        merger.entities[r.entity].spans.setdefault((r.start, r.end), "pronoun")

    _one_name_one_actor(merger)
    for ent in merger.entities:
        for span in [sp for sp in ent.spans if credited(*sp, ent.type) or _hashtag(text, sp[0])]:
            del ent.spans[span]  # found again by its name ("(Xinhua) -- … Xinhua said")
    entities = [e for e in merger.entities if e.spans and not (e.latent and not e.referred)]
    entities.sort(key=lambda e: (e.first, TYPE_PRIORITY[e.type]))
    actors = []
    for ent, aid in zip(entities, _ids(entities)):
        canonical = ent.canonical
        ctoks = name_tokens(canonical)
        aliases = [a for a in ent.aliases if a != canonical]
        for n in ent.names:
            nt = name_tokens(n)
            if n != canonical and nt != ctoks and not set(nt) <= set(ctoks) and n not in aliases:
                aliases.append(n)
        spans = _outermost(ent.spans)
        canonical = _display_case(canonical, [text[s:e] for s, e in spans], acronyms=ent.type in ("organization", "group"))
        actors.append(Actor(
            id=aid, name=canonical, type=ent.type, titles=list(ent.titles), aliases=aliases,
            country_code=ent.country, handles=list(ent.handles),
            mentions=[Span.of(text, s, e) for (s, e) in spans],
        ))
    return actors


#: words a name in capitals keeps in lower case inside it ("Armed Forces of Liberation", "Banco de la Nacion")
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "with", "de", "del", "la", "las", "los", "el", "es",
                           "y", "da", "do", "dos", "das", "e", "di", "du", "des", "van", "von"})
#: Spanish articles, capitalised where they open a name inside a longer one ("Newspaper El Tiempo")
_ARTICLES = frozenset({"el", "la", "las", "los"})
#: short words of names that are no acronyms ("Sao Paulo", "Tel Aviv", "Abu Dhabi")
_SHORT_NAME_WORDS = frozenset({"sao", "san", "rio", "don", "paz", "luz", "sur", "mar", "sol", "oro", "tel", "abu", "bin",
                               "ibn", "ben", "bou", "mac"})
#: acronyms that are words of the parser's lexicon ("the CIA", "a UN force")
_LEXICON_ACRONYMS = frozenset({"cia", "fbi", "un", "usa", "ussr", "nato", "dea", "oas", "eec", "upi", "afp", "efe", "tv"})


def _acronym(word: str) -> bool:
    """Whether the lower-cased ``word`` of a name in capitals is an acronym: one of a few that are
    also lexicon words, or a word of three letters or fewer with no vowel ("FDR") or outside the
    lexicon and no name ("ERP", "UCR"; not "Li", "Sao", "Law")."""
    if word in _LEXICON_ACRONYMS:
        return True
    if not word.isalpha() or len(word) > 3 or word in _NAME_JOINERS or word in _SHORT_NAME_WORDS:
        return False
    return not any(c in "aeiouy" for c in word) or (not english_pos(word) and not is_first_name(word.capitalize()))


def _display_case(name: str, written: list[str], *, acronyms: bool = True) -> str:
    """``name`` as a name is written when the text writes it only in capitals and the truecaser left
    words of it in lower case ("medellin", "national revolutionary movement") or made an acronym a
    name ("Fdr"): each word capitalised but the joining words inside it, a word with a digit as
    written ("M-19", "AK-47"), and with ``acronyms`` (an organisation's name) an acronym
    (:func:`_acronym`: "FDR", "UCR Deputies")."""
    caps = [w for w in written if w.isupper() and " ".join(w.split()).lower() == name.lower()]
    if not caps:
        return name
    original = " ".join(caps[0].split()).split(" ")
    words = []
    for i, (word, orig) in enumerate(zip(name.split(" "), original)):
        low = word.lower()
        if any(c.isdigit() for c in orig) or (acronyms and _acronym(low)):
            words.append(orig)  # an acronym ("FDR", "M-19"), not a short name or word ("Li", "Sao", "New", "Law")
        elif i and low in _NAME_JOINERS and (low not in _ARTICLES or words[-1].lower() in ("de", "del", "da", "do")):
            words.append(low)  # "Banco de la Nacion", but "Newspaper El Tiempo"
        else:
            words.append(word[:1].upper() + word[1:])
    return " ".join(words)


def actor_at(actors: list[Actor], start: int, end: int, doc=None) -> Actor | None:
    """The actor a source span ``[start, end)`` names: a person before an organisation, a country
    or a place ("the spokesman of the Foreign Ministry, John Smith"), then the one whose mention
    overlaps it most; ``None`` when no mention overlaps. A possessive pronoun that opens a longer
    source is not the one who speaks ("her mother said": not her). Given the parsed ``doc``, a
    mention that does not hold the source's head word speaks only when the source is its voice:

    - a place speaks as the head ("Washington said") or through its government ("the government of
      Harbin", "Suffolk County authorities"), not as a word about someone else ("the archbishop of
      Managua", "Richmond police", "a South Carolina girl");
    - a person is not the one a source belongs to ("Friedman's attorney", "the wife of Lars Dahl"),
      unless it is their own words or voice ("Castro's remarks", "a spokesman for Dahl");
    - a country is not the place a source is in ("some people in El Salvador") nor the country of
      people who speak for themselves ("a former Italian beauty queen", "Salvadoran guerrillas":
      ``resources/private_nouns.txt``), but speaks for its officials ("Turkish officials")."""
    head = source_head(doc, start, end) if doc is not None else None
    if head is not None and _token_at(doc, head).lower_ in GOVERNMENT_NOUNS:
        head = None  # "the municipal government of Harbin", "Suffolk County authorities": the place's own
    best, best_key = None, None
    for actor in actors:
        for m in actor.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            if m.text.lower() in POSSESSIVE_PRONOUNS and m.end < end:
                continue
            if head is not None and not m.start <= head < m.end and not _speaks_off_head(doc, actor.type, m, head):
                continue
            key = (actor.type == "person", overlap, -TYPE_PRIORITY.get(actor.type, 9), -(m.end - m.start))
            if best_key is None or key > best_key:
                best, best_key = actor, key
    return best


#: heads of a source through which a place named in it speaks
GOVERNMENT_NOUNS = frozenset({"government", "authority", "authorities", "administration", "council", "municipality"})


#: heads of a source that speak for the person they belong to ("Clinton's office", "a spokesman for Dahl")
SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "office", "camp", "campaign",
                        "communique"})
#: prepositions that place a source in a country rather than make it the country's ("some people in El Salvador")
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "throughout", "around", "within", "inside", "outside"})


def _speaks_off_head(doc, kind: str, m: Span, head: int) -> bool:
    """Whether mention ``m`` of an actor of type ``kind``, which does not hold the head word of its
    source (at ``head``), speaks for that source (see :func:`actor_at`): a place never; a person
    unless the source is someone or something the person only owns ("Ann Okafor's lawyer", "the
    wife of Lars Dahl"; not "Castro's remarks", "a spokesman for Lars Dahl", nor a name the parser
    hung on a long title: "Secretary to Treasury Situmbeko Musokotwane"); a country unless the source
    is only in it ("some people in El Salvador") or speaks for itself ("a former Italian beauty
    queen", "the Honduran radio station Radio America"); anything else always."""
    if kind == "place":
        return False
    if kind not in ("person", "country"):
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root, lemma = span.root, _token_at(doc, head).lemma_.lower()
    # the preposition the mention is the object of, right before it ("the wife of | Lars Dahl")
    preposition = root.head if root.dep_ == "pobj" and root.head.i == span.start - 1 else None
    if kind == "person":
        if lemma in SPEAKS_FOR or lemma in source_nouns() or lemma in cue_nouns():
            return True
        return not (root.dep_ == "poss" or preposition is not None)
    located = preposition is not None and preposition.lower_ in LOCATIVE_PREPOSITIONS
    return not (located or lemma in private_nouns() or lemma in MEDIA_NOUNS)


@lru_cache(maxsize=1)
def private_nouns() -> frozenset[str]:
    """Nouns of people who speak for themselves, not their country (``resources/private_nouns.txt``)."""
    return frozenset(load_lines("private_nouns.txt"))


def source_head(doc, start: int, end: int) -> int | None:
    """The character offset of the head word of the source span ``[start, end)`` in ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else None


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "my", "our", "your"})
THIRD_PERSON = frozenset(coref.PRONOUNS)  # he, him, his, himself, she, her, hers, herself
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_WORD = re.compile(r"\b[A-Za-z]+\b")


def link_quoted_first_person(text: str, actors: list[Actor], quotes) -> None:
    """First-person pronouns inside a quotation become mentions of its speaker ("“I will not
    resign,” Smith said": I is Smith); "we" / "our" only when the speaker is an organisation, a
    country or a group (a person's "we" is a group the text need not name). Updates ``actors`` in
    place; a pronoun that already is some actor's mention is left as it is."""
    by_id = {a.id: a for a in actors}
    taken = {(m.start, m.end) for a in actors for m in a.mentions}
    for q in quotes:
        speaker = by_id.get(q.speaker) if q.speaker else None
        if speaker is None or q.kind == "social_post":
            continue
        _link_first_person(text, speaker, q.start, q.end, taken, plural=speaker.type in ("organization", "country", "group"))


def link_voiced_first_person(text: str, actors: list[Actor], quotes) -> None:
    """Outside quotation marks, first-person pronouns are the text's voice: the speaker its
    monitoring-service header names ("-- [SPEECH] [SALVADORAN PRESIDENT ALFREDO CRISTIANI] [TEXT]",
    "[INTERVIEW WITH … BY …]"), or in a transcript the speaker of the latest bracketed speaker tag
    ("[CRISTIANI] …" and the untagged paragraphs after it, until the next tag). "We" is the voice's
    too, whoever speaks: the one who gives a speech or signs a communiqué speaks for those they
    lead ("WE WILL NOT TURN BACK THE AGRARIAN REFORM", said by the president). Quotations keep
    their own speakers (:func:`link_quoted_first_person`); one whose source is such a pronoun ("WE
    HAVE SAID THAT “…”") gets the voice as its speaker. Updates ``actors`` and ``quotes`` in place."""
    header, tags = _transcript(text)
    if header is None and not tags:
        return
    taken = {(m.start, m.end) for a in actors for m in a.mentions}
    quoted = sorted((q.start, q.end) for q in quotes)
    body = header.end if header is not None else 0
    voice = header.voice if header is not None else None
    voiced: dict[tuple[int, int], Actor] = {}
    for start, end in paragraphs(text):
        if end <= body:
            continue
        start = max(start, body)
        tag = next((t for t in tags if start <= t.name_start < end), None)
        if tag is not None:
            voice = (tag.name_start, tag.name_end)
        speaker = _voice_actor(actors, *voice) if voice is not None else None
        if speaker is None:
            continue
        pos = start
        for q_start, q_end in [*(q for q in quoted if q[0] < end and start < q[1]), (end, end)]:
            if pos < q_start:
                voiced.update(dict.fromkeys(_link_first_person(text, speaker, pos, q_start, taken, plural=True), speaker))
            pos = max(pos, q_end)
    for q in quotes:  # "WE HAVE SAID THAT “…”": a quotation the voice introduces is the voice's
        if q.speaker is None and q.source is not None and (q.source.start, q.source.end) in voiced:
            q.speaker = voiced[q.source.start, q.source.end].id


def _transcript(text: str):
    """The monitoring-service header of ``text`` (or None) and its transcript's speaker tags."""
    return text_header(text), speaker_tags(text, find_quotes(text))


def _voice_actor(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor the voice's name ``[start, end)`` names: one with a mention that closes it (a person
    first; never a place), so "PERUVIAN PRESIDENT ANA QUISPE" is not Peru when recognition missed Quispe."""
    found = [a for a in actors if a.type != "place" and any(start <= m.start and m.end == end for m in a.mentions)]
    return next((a for a in found if a.type == "person"), found[0] if found else None)


def _voice_mentions(doc, text: str, named: list[NameMention]) -> list[NameMention]:
    """Persons named where recognition found no name: by a monitoring-service header ("-- [REPORT]
    [GILBERTO VILLARROEL] [TEXT]", "[INTERVIEW WITH LIEUTENANT COLONEL RICARDO WHEELOCK, CHIEF OF … BY …]")
    or by a transcript's speaker tag ("[WHEELOCK] I THANK YOU ALL…"). The name is what follows the
    titles and demonyms and must read as a person's ("[REPORTER]", "[ANNOUNCER]", "THE FARC" are none).
    An organisation recognition found under a tag's name is that person (updates ``named`` in place)."""
    header, found_tags = _transcript(text)
    tags = [(t.name_start, t.name_end) for t in found_tags]
    spans = ([header.voice] if header is not None and header.voice is not None else []) + tags
    # a tag names a person: recognition's organisation of that name is the person ("[D'AUBUISSON]")
    tag_names = {text[a:b].upper() for a, b in tags}
    for m in named:
        if m.type == "organization" and text[m.name_start:m.name_end].upper() in tag_names \
                and is_name_like(m.name.split()) and not is_organization_name(m.name):
            m.type = "person"
    _join_tag_surnames(text, named, tag_names)
    out: list[NameMention] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        i = span.start
        while i < span.end and (title_key(doc[i].text) in title_words() or demonym_country(doc[i].text)):
            i += 1
        words = [t.text for t in doc[i:span.end]]  # as truecased
        if not words or not is_name_like(words) or all(english_word(w) for w in words):
            continue
        name_start, name_end = doc[i].idx, span.end_char
        found = [m for m in (*named, *out) if m.start < name_end and name_start < m.end]
        for m in found:
            if m.latent and m.type == "person":
                m.latent = False  # proper nouns recognition kept in case they were referred to: they are
        if found:
            continue
        first, found_titles, country, gender = _title_run(doc, i, span.start)
        out.append(NameMention(doc[first].idx, name_end, name_start, name_end, "person", " ".join(words),
                               country_code=country, titles=found_titles, gender=gender, via="header"))
    return out


def _join_tag_surnames(text: str, named: list[NameMention], tag_names: set[str]) -> None:
    """A transcript's tag name right after a person's name, which recognition left out of it or took
    for a place, is the last word of that name ("FOREIGN MINISTER ARIEL IRIAS RIVERA" and "[RIVERA]
    …": Rivera is no town in Uruguay here): the person's mention takes the word in, and every other
    place mention of the tag name becomes the person's. Updates ``named`` in place."""
    joined: set[str] = set()
    for m in list(named):  # a copy: the place mentions joined to a name leave ``named``
        if m.type != "person":
            continue
        word = re.match(r" ([A-Z][\w'-]*)\b", text[m.end:m.end + 40])
        if word is None or word.group(1).upper() not in tag_names:
            continue
        start, end = m.end + 1, m.end + 1 + len(word.group(1))
        taken = [o for o in named if o is not m and o.start < end and start < o.end]
        if any(o.type != "place" or (o.start, o.end) != (start, end) for o in taken):
            continue
        for o in taken:
            named.remove(o)
        m.end = m.name_end = end
        m.name = f"{m.name} {word.group(1).title()}"
        joined.add(word.group(1).upper())
    for m in named:
        if m.type == "place" and text[m.name_start:m.name_end].upper() in joined:
            m.type, m.country_code, m.via = "person", None, "header"


def _link_first_person(text: str, speaker: Actor, start: int, end: int, taken: set[tuple[int, int]], *,
                       plural: bool) -> list[tuple[int, int]]:
    """The first-person pronouns of ``text[start:end]`` (plural ones when ``plural``) not yet in
    ``taken`` become mentions of ``speaker``; returns their spans."""
    added = []
    capitals = not any(c.islower() for c in text[start:end])
    for match in _WORD.finditer(text, start, end):
        word = match.group(0)
        low = word.lower()
        if low in FIRST_PERSON_SINGULAR and (word != "I" and low == "i"):
            continue  # a lower-case "i" is no pronoun
        if not (low in FIRST_PERSON_SINGULAR or (plural and low in FIRST_PERSON_PLURAL)):
            continue
        if low == "us" and word == "US" and not capitals:
            continue  # the country (in capitals, recognition took the country's "US" already)
        span = match.span()
        if span in taken:
            continue
        speaker.mentions.append(Span.of(text, *span))
        taken.add(span)
        added.append(span)
    speaker.mentions.sort(key=lambda m: (m.start, m.end))
    return added


def unlink_quoted_third_person(actors: list[Actor], quotes) -> None:
    """A he / she / his / her inside a quotation is not its speaker, who would say "I" ("“He
    shot officer Varner,” Butler said": he is not Butler): such pronoun mentions leave the
    speaker's actor and stay unresolved; a quote's own source stays. Updates ``actors`` in place."""
    by_id = {a.id: a for a in actors}
    sources = {(q.source.start, q.source.end) for q in quotes if q.source is not None}
    for q in quotes:
        speaker = by_id.get(q.speaker) if q.speaker else None
        if speaker is None or q.kind == "social_post":
            continue
        keep = []
        for m in speaker.mentions:
            if not (q.start <= m.start and m.end <= q.end and m.text.lower() in THIRD_PERSON and (m.start, m.end) not in sources):
                keep.append(m)
        speaker.mentions[:] = keep


_SOURCE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def match_named_sources(text: str, actors: list[Actor], items) -> None:
    """A quote or claim whose source names an actor at a place recognition missed ("COL ISAACS
    ADDED" after "ARMY SPOKESMAN COLONEL LUIS ARTURO ISAACS") gets that actor as its speaker, and
    the source becomes one of the actor's mentions: the source's name (titles and a leading article
    aside) is the surname of exactly one person (or the first of a double surname: "OCHOA" of
    "Sigifredo Ochoa Perez"), or the name or alias of exactly one organisation or country.
    Updates ``items`` and ``actors`` in place."""
    for item in items:
        src = item.source
        if item.speaker is not None or src is None:
            continue
        words = _SOURCE_WORD.findall(text[src.start:src.end])
        while words and (words[0].lower() in ("the", "a", "an") or title_key(words[0]) in title_words()):
            words = words[1:]
        if not words:
            continue
        if len(words) > 4 or not all(w[0].isupper() for w in words):
            # "the company", "officials": no name; but a long title may close with one
            actor = _person_closing(words, actors)
            if actor is not None:
                _give(item, actor, text)
            continue
        key = tuple(w.lower() for w in words)
        # a country speaks through a verb ("Iran reported"), not as a speaker tag ("[MONTENEGRO]", a
        # person of that name) or a headline's topic ("COLOMBIA: DRUG KINGPINS …")
        voiced = item.cue is not None and text[item.cue.start:item.cue.end].strip() != ":"
        # "Nordline Ferries Co", "Harbour Ferries Inc" (not "group": "the guerrilla group" is no company's name)
        company = len(key) > 1 and key[-1].rstrip(".") != "group" and without_legal_form(key) != key
        found = [a for a in actors if a.type == "person" and (key == tuple(w.lower() for w in name_tokens(a.name)[-len(key):])
                                                               or _first_surname(key, a))] \
            or [a for a in actors if (a.type in ("organization", "group") or (a.type == "country" and voiced))
                and key in {tuple(w.lower() for w in name_tokens(n)) for n in (a.name, *a.aliases)}] \
            or ([a for a in actors if a.type == "organization" and _short_name_of(key, a)] if company else [])
        if not found and company:
            # a company recognition took for a place ("HARBOURCO <HBC> SAYS …⏎… Harbourco Inc said"), or
            # missed everywhere: "Inc" says what it is
            found = [a for a in actors if a.type == "place" and _short_name_of(key, a)
                     and len(name_tokens(a.name)) == len(without_legal_form(key))]
            if len(found) == 1:
                found[0].type, found[0].country_code = "organization", None
            elif not found:
                found = [_new_actor(actors, " ".join(words), "organization")]
        if not found and not company:
            # "CECOS said" after "CECOS International Inc": the opening words of one organisation's name
            found = [a for a in actors if a.type == "organization" and _opens_name(key, a)]
        if len(found) == 1:
            _give(item, found[0], text)


def _first_surname(key: tuple[str, ...], actor: Actor) -> bool:
    """Whether the one word ``key`` is the first of a double surname closing ``actor``'s name of
    three words or more ("merino" of "Francisco Merino Lopez", as Spanish names are shortened)."""
    name = [w.lower() for w in name_tokens(actor.name)]
    return len(key) == 1 and len(name) >= 3 and name[-2] == key[0] and not is_first_name(key[0].capitalize())


def _opens_name(key: tuple[str, ...], actor: Actor) -> bool:
    """Whether ``key`` (lower-cased words) opens ``actor``'s longer name ("cecos" of "CECOS
    International Inc"), a word of its own, not a common word of names ("national", "first")."""
    name = tuple(w.lower() for w in name_tokens(actor.name))
    return len(name) > len(key) and name[:len(key)] == key and not english_word(key[0])


#: pronoun sources that speak for the speaker of the item before them, and the actors each can stand for
PRONOUN_SOURCES = {"it": None, "he": "m", "she": "f"}
#: a pronoun source takes the speaker before it up to this many paragraphs back when no other actor
#: it could stand for is named between them (the paragraph before, always)
PRONOUN_PARAGRAPHS = 4
#: actor types that "it" can stand for ("it said": an organisation, a country or a group)
NEUTER_TYPES = frozenset({"organization", "country", "group"})
#: role sources that any titled person can be ("the official said" after "Justice Minister Samayoa said")
ROLE_NOUNS = frozenset({"official", "officer"})
#: sources that the organisation or group speaking before can be ("the group added")
GROUP_NOUNS = frozenset({"group", "organization", "organisation", "movement"})
#: sources that an organisation so described can be ("the radio said" after "Radio Venceremos said")
MEDIA_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "magazine", "radio", "station", "agency", "network",
                         "broadcaster"})
#: sources that are what the speaker before issued when that speaker's sentence names it ("Bofors
#: said in a statement … the statement said")
DOCUMENT_NOUNS = frozenset({"statement", "communique", "report", "letter", "document", "bulletin", "declaration"})
_GENDERED = {p: g for p, (g, _) in coref.PRONOUNS.items()}


def _gender_of(actor: Actor, text: str) -> str | None:
    """'m' / 'f' from the actor's pronoun mentions when they agree, else from its first name."""
    said = {_GENDERED[w] for m in actor.mentions if (w := text[m.start:m.end].lower()) in _GENDERED}
    if len(said) == 1:
        return said.pop()
    if said:
        return "?"
    words = name_tokens(actor.name)
    return first_name_gender(words[0]) if len(words) > 1 else None


def _descriptions(doc, actor: Actor) -> set[str]:
    """The lower-case words that describe ``actor`` where it is named: its titles, and the words
    around a mention's name in its own noun phrase ("Mayor Emerit Lindbeck", "an RAF spokesman,
    Squadron Leader Pat Coffey", "Bernardo Jaramillo, president of the left-wing Patriotic Union")."""
    words = {w.lower() for t in actor.titles for w in t.split()}
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        described = [c for c in root.children if c.dep_ in ("compound", "amod", "appos") and c.i not in range(span.start, span.end)]
        if root.dep_ == "appos":
            described.append(root.head)
        for tok in described:
            if tok.i == root.head.i and tok.dep_ != "appos":
                words |= {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
            else:
                words |= {t.lower_ for t in tok.subtree}
    return words


def link_referring_sources(doc, actors: list[Actor], items) -> None:
    """A quote or claim whose source is a pronoun or a role that nothing resolved, and whose cue is a
    verb of speech, takes the speaker of the nearest item before it, in its paragraph or the one
    before (a pronoun: up to :data:`PRONOUN_PARAGRAPHS` back when no other actor it could stand for
    is named between them), when that speaker can be it:

    - "it": an organisation, a country or a group ("Adsteam said … “We expect …,” it said");
    - "he" / "she": a person of that gender, or of none known ("Ghosh said … “…” (five sentences)
      …,” he said", where the quotations between ran the pronoun out of its window);
    - a role ("the spokesman", "the defense minister"): a person the role describes where the person
      is named (a title, or a word of the name's own noun phrase: "an RAF spokesman, Squadron
      Leader Pat Coffey"); "the official" and "the officer": any person with a title. With no such
      speaker before it, a role is the one person named before it that the role describes;
    - "the group", "the organization" (no more words: "the Human Rights Watch organization" is no
      reference back): an organisation or a group;
    - a medium ("the newspaper", "the radio", "the agency"): an organisation its name or description
      calls so ("Radio Venceremos", "the official news agency Tass");
    - a document ("the statement", "the communique", "the report"): the speaker before when that
      speaker's sentence introduced one ("Bofors said in a statement", "in a public communique").

    First of all, a role or medium right before a name of the right kind is that name's ("the
    newspaper | Granma reported", where the parser parted the two).

    Another speaker, one who spoke in the first person (a "he" in her own words is someone else), a
    source inside a quotation, or any other cue ("it appears to …", "it was nothing that …") leaves
    it unlinked. The source becomes one of the actor's mentions. Updates ``items`` and ``actors`` in place."""
    text = original_text(doc)
    speech = speech_lemmas()
    by_id = {a.id: a for a in actors}
    paras = paragraphs(text)
    starts = [a for a, _ in paras]
    roles = _title_heads() | ROLE_NOUNS

    def para(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    quoted = [(q.start, q.end) for q in find_quotes(text) if q.closed]
    ordered = sorted((i for i in items if i.source is not None), key=lambda i: i.source.start)
    for k, item in enumerate(ordered):
        src = item.source
        words = text[src.start:src.end].lower().split()
        word = " ".join(words)
        role = None  # "the spokesman", "the defense minister", "the group" (those two words only)
        if len(words) > 1 and words[0] == "the" and (words[-1] in roles | MEDIA_NOUNS
                                                     or len(words) == 2 and words[1] in GROUP_NOUNS | DOCUMENT_NOUNS):
            role = words[-1]
        if item.speaker is not None or (word not in PRONOUN_SOURCES and role is None) or item.cue is None:
            continue
        if any(a <= src.start < b for a, b in quoted):
            continue  # a pronoun inside a quotation is someone the speaker speaks of
        cue = doc.char_span(item.cue.start, item.cue.end, alignment_mode="expand")
        if cue is None or not any(t.pos_ == "VERB" and t.lemma_.lower() in speech for t in cue):
            continue
        before = next((o for o in reversed(ordered[:k]) if o.speaker is not None and o.source.end <= src.start), None)
        actor = None
        if before is not None and text[before.source.start:before.source.end].lower() not in FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL:
            # not one who spoke in the first person: "I think it is up to the judge who he will call"
            actor = by_id.get(before.speaker)
            gap = para(src.start) - para(before.source.start)
            if actor is not None and gap > 1 and (gap > PRONOUN_PARAGRAPHS or role is not None
                                                  or _rival_between(actors, actor, before.source.end, src.start, word)):
                actor = None
        named = _named_right_after(text, actors, src.end, role)
        if named is not None:
            _give(item, named, text)  # "the official news agency Tass said", the parser parting the two
        elif role in DOCUMENT_NOUNS:
            if actor is not None and before.cue is not None and _sentence_names(doc, before.cue.start, role):
                _give(item, actor, text)
        elif actor is not None and _can_be(doc, actor, word, role):
            _give(item, actor, text)
        elif role is not None and role not in ROLE_NOUNS | GROUP_NOUNS | MEDIA_NOUNS:
            # no speaker before it that the role describes: the one person named before that it does
            holders = [a for a in actors if a.type == "person" and a.mentions and a.mentions[0].start < src.start
                       and role in _descriptions(doc, a)]
            if len(holders) == 1:
                _give(item, holders[0], text)


def _rival_between(actors: list[Actor], actor: Actor, start: int, end: int, word: str) -> bool:
    """Whether an actor other than ``actor`` that the pronoun ``word`` could stand for is mentioned
    between ``start`` and ``end``."""
    kinds = NEUTER_TYPES if word == "it" else {"person"}
    return any(a is not actor and a.type in kinds and any(start <= m.start < end for m in a.mentions) for a in actors)


def _can_be(doc, actor: Actor, word: str, role: str | None) -> bool:
    """Whether the source ``word`` (a pronoun) or ``role`` (a role's noun) can stand for ``actor``."""
    if role in GROUP_NOUNS:
        return actor.type in ("organization", "group")
    if role in MEDIA_NOUNS:
        return actor.type in ("organization", "group") and (
            role in _descriptions(doc, actor) or role in {w.lower() for w in name_tokens(actor.name)})
    if role is not None:
        return actor.type == "person" and (role in _descriptions(doc, actor) or (role in ROLE_NOUNS and bool(actor.titles)))
    if word == "it":
        return actor.type in NEUTER_TYPES
    return actor.type == "person" and _gender_of(actor, original_text(doc)) in (None, PRONOUN_SOURCES[word])


def _named_right_after(text: str, actors: list[Actor], end: int, role: str | None) -> Actor | None:
    """The actor named right after a role or medium source ending at ``end`` ("the official news
    agency | Tass said"): a person for a role, an organisation for a medium, a group noun or a
    document none."""
    if role is None or role in DOCUMENT_NOUNS or role in GROUP_NOUNS:
        return None
    kinds = ("organization", "group") if role in MEDIA_NOUNS else ("person",)
    for actor in actors:
        if actor.type in kinds and any(m.start > end and text[end:m.start].isspace() for m in actor.mentions):
            return actor
    return None


def _sentence_names(doc, char: int, noun: str) -> bool:
    """Whether the sentence of the character at ``char`` introduces a ``noun`` ("said in a statement",
    "in a public communique": the noun with an indefinite article)."""
    tok = _token_at(doc, char)
    return tok is not None and any(
        t.lemma_.lower() == noun and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
        for t in tok.sent)


def _give(item, actor: Actor, text: str) -> None:
    """``item``'s speaker is ``actor``, and its source one of the actor's mentions."""
    src = item.source
    item.speaker = actor.id
    if not any(m.start < src.end and src.start < m.end for m in actor.mentions):
        actor.mentions.append(Span.of(text, src.start, src.end))
        actor.mentions.sort(key=lambda m: (m.start, m.end))


#: the lower-case words a title may hold ("Minister of Harbours and Trade")
_TITLE_JOINERS = frozenset({"of", "and", "the", "&"})


def _person_closing(words: list[str], actors: list[Actor]) -> Actor | None:
    """The one person whose name closes a long title ("Associate Minister of Harbours and Trade Ann
    Okafor": the longest ending of up to three words that names exactly one person), when the source
    is nothing but a title and a name: its only lower-case words join a title's words, so "the
    mother of Ann Okafor" and "a spokesman for Harbour chief Ann Okafor" name someone else."""
    if any(not w[0].isupper() and w.lower() not in _TITLE_JOINERS for w in words):
        return None
    for n in range(min(3, len(words) - 1), 0, -1):
        key = tuple(w.lower() for w in words[-n:])
        if words[-n - 1].lower() in _TITLE_JOINERS or any(not w[0].isupper() for w in words[-n:]):
            continue  # "… of Harbours and Trade": the title's last words, no name after them
        found = [a for a in actors if a.type == "person" and key == tuple(w.lower() for w in name_tokens(a.name)[-n:])]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _short_name_of(company: tuple[str, ...], actor: Actor) -> bool:
    """Whether ``actor``'s name or an alias, less its legal form, opens ``company`` (lower-cased
    words) less its legal form: "Nordline" or "Nordline Ferries" of "Nordline Ferries Co"."""
    short = without_legal_form(company)
    for n in (actor.name, *actor.aliases):
        name = without_legal_form(tuple(w.lower() for w in name_tokens(n)))
        if name and short[:len(name)] == name:
            return True
    return False


def _new_actor(actors: list[Actor], name: str, kind: str) -> Actor:
    """A new actor named ``name`` appended to ``actors``, its id a slug of the name no other actor has."""
    actor = Actor(id=_free_id(_slug(name) or kind, {a.id for a in actors}), name=name, type=kind)
    actors.append(actor)
    return actor
