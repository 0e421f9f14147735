"""Entity recognition: spaCy's named entities, corrected and typed with packaged gazetteers.

The small English model's entities are the starting point. Gazetteers and rules then fix its
systematic errors and type each name as one of the actor types:

- countries are resolved to ISO 3166 codes (pycountry plus ``country_aliases.tsv``), whatever label
  the model gave them ("Azerbaijan's" tagged PERSON); demonyms map to their country
  (``demonyms.tsv``: "Indian" → IN); hyphenated pairs ("Pakistan-Azerbaijan") give one mention each;
- regions and disputed territories (``regions.tsv``: "Karabagh") are places, never people;
- concepts the model takes for organisations ("Islamophobia", ``not_entities.txt``; words in
  -phobia / -ism) are dropped;
- an event that contains an organisation ("16th Summit of Economic Cooperation Organization",
  ``event_heads.txt``) yields the organisation;
- titles before a person's name ("Caretaker Prime Minister", "President of Azerbaijan", ``titles.tsv``)
  join the mention and are kept as the person's titles, with the country they name;
- an acronym in brackets after a name ("Azerbaijan Airline (AZAL)") is kept as that name's alias.

The result is a list of :class:`NameMention` in text order; merging them into actors is
:mod:`newsclaims.extract.actors`' job.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from newsclaims.nlp import ORIGINAL_TEXT_KEY
from newsclaims.resources import geonames, load_lines

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "NORP": "group", "FAC": "place"}
# labels kept only when the name may be a person's (the small model tags many people as products or works)
NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
BIG_CITY = 100_000  # a city this populous is taken for the city, not a person of that name
POSSESSIVE = ("'s", "’s", "'", "’")
_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_WORD_SPLIT = re.compile(r"[\s\-‐‑–]+")


@dataclass(slots=True)
class NameMention:
    """One mention of a named entity: its span (title included) and what the name says."""

    start: int
    end: int
    name_start: int
    name_end: int
    type: str  # person | organization | country | place | group
    name: str  # the name as it should read (truecased, country display name...)
    country_code: str | None = None
    titles: list[str] = field(default_factory=list)
    gender: str | None = None  # "m" | "f" | None
    gender_by_first_name: bool = False  # the gender is a guess from the first word read as a first name
    alias: str | None = None  # an acronym given in brackets
    via: str = "ner"  # ner | gazetteer | demonym | alias | title | role | handle | signature | pronoun | propn | header
    person_like: bool = False  # a name the model typed otherwise that may be a person's ("MacKenzie" as ORG)
    latent: bool = False  # found only as proper nouns the model did not tag: an actor only if referred to
    relative: bool = False  # introduced by a family relation ("daughter of Thomas Betts"): a surname alone is not enough to merge
    clause_gender: str | None = None  # a lone name's gender from a his / her in its own clause ("Smith won her title")


# --- gazetteers ---------------------------------------------------------------------------------

def _tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in load_lines(name)]


@lru_cache(maxsize=1)
def country_table() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-cased country name → alpha-2, alpha-2 → display name)."""
    import pycountry

    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(value.lower(), c.alpha_2)
        display[c.alpha_2] = getattr(c, "common_name", None) or c.name
    # former countries (ISO 3166-3: "Yugoslavia, (Socialist) Federal Republic of" → "Yugoslavia", YU),
    # named in older wire copy; a code ISO gave to two former countries (CS) is left to the aliases
    former = [c for c in pycountry.historic_countries if getattr(c, "alpha_2", None)]
    uses = Counter(c.alpha_2 for c in former)
    for c in former:
        name = c.name.split(",")[0].strip()
        if uses[c.alpha_2] == 1 and c.alpha_2 not in display:
            names.setdefault(name.lower(), c.alpha_2)
            display[c.alpha_2] = name
    for row in _tsv("country_aliases.tsv"):
        names[row[0].lower()] = row[1]
        if len(row) > 2 and row[2] == "=":
            display[row[1]] = row[0]
    # wire copy writes names without their accents ("Cote d'Ivoire", "Sao Tome and Principe"); not
    # a one-word name, which may then be a word ("Réunion", "reunion")
    from newsclaims.extract.dateline import unaccented

    for name, code in list(names.items()):
        if " " in name:
            names.setdefault(unaccented(name), code)
    return names, display


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name ("Azerbaijan", "the U.S.", "Britain")."""
    names, _ = country_table()
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    return names.get(key)


def country_name(code: str) -> str:
    return country_table()[1].get(code, code)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in _tsv("demonyms.tsv")}


def demonym_country(word: str) -> str | None:
    """The country of a demonym ("Indian", "Pakistanis", "Frenchmen"), or ``None``."""
    table = demonyms()
    key = word.strip().lower()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    for suffix in ("men", "man", "women", "woman"):  # "Frenchmen", "an Englishwoman"
        if key.endswith(suffix) and key[: -len(suffix)] in table:
            return table[key[: -len(suffix)]]
    return None


@lru_cache(maxsize=1)
def regions() -> dict[str, str | None]:
    return {row[0].lower(): (None if row[1] == "-" else row[1]) for row in _tsv("regions.tsv")}


@lru_cache(maxsize=1)
def not_entities() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("not_entities.txt"))


@lru_cache(maxsize=1)
def event_heads() -> frozenset[str]:
    return frozenset(load_lines("event_heads.txt"))


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[str | None, str]]:
    """Lower-cased title → (gender or None, kind: head / modifier / honorific)."""
    return {row[0]: (None if row[1] == "-" else row[1], row[2]) for row in _tsv("titles.tsv")}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(w for t in titles() for w in t.split())


@lru_cache(maxsize=1)
def kinship_nouns() -> frozenset[str]:
    return frozenset(load_lines("kinship_nouns.txt"))


def introduced_as_relative(doc, start: int, end: int) -> bool:
    """True when the name at ``[start, end)`` is introduced by a family relation: "daughter of
    (the physician) Thomas Betts", "her husband, John Smith", "his son Hunter Biden"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    kin = kinship_nouns()

    def is_kin(tok) -> bool:
        return tok.lemma_.lower() in kin or tok.lower_ in kin

    if root.dep_ == "appos" and is_kin(root.head):
        return True
    if root.dep_ == "dobj" and root.head.lemma_ == "marry":  # "she married John Patey": her husband
        return True
    def parent_of(tok) -> bool:  # "daughter of X", "eldest child to X", "born to X"
        return tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and (is_kin(tok.head.head) or (
            tok.head.lower_ == "to" and tok.head.head.lemma_ == "bear"))

    if root.dep_ == "conj" and root.head.i != root.i and root.head.ent_type_ == "PERSON":  # "her parents, Jean and James Smith"
        head = root.head
        if (head.dep_ == "appos" and is_kin(head.head)) or parent_of(head):
            return True
    tok = root.head if root.dep_ == "appos" else root  # "daughter of the painter, Walter Norris"
    if parent_of(tok):
        return True
    return any(c.dep_ in ("compound", "nmod", "amod") and c.i < span.start and is_kin(c) for c in root.children) or \
        (span.start > 0 and is_kin(doc[span.start - 1]))


@lru_cache(maxsize=1)
def gendered_nouns() -> dict[str, str]:
    return {row[0]: row[1] for row in _tsv("gendered_nouns.tsv")}


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def is_first_name(name: str) -> bool:
    """Does gender-guesser know ``name`` as a first name, of whatever gender ("Pat", "Paige")?"""
    return name.isalpha() and _gender_detector().get_gender(name) != "unknown"


@lru_cache(maxsize=65536)
def first_name_gender(name: str) -> str | None:
    """'m' / 'f' for a first name that is (mostly) one gender, else ``None`` (gender-guesser: its
    international reading and its US and British ones, none when they disagree)."""
    if not name.isalpha() or len(name) < 2:
        return None
    detector = _gender_detector()
    read = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
    anywhere = read.get(detector.get_gender(name))
    # where English speakers read it otherwise, it says nothing ("Jean", "Kay": women in the US and
    # Britain, men in France and for gender-guesser's international reading)
    english = {read.get(detector.get_gender(name, country)) for country in ("usa", "great_britain")} - {None}
    if not english:
        return anywhere
    if len(english) > 1 or (anywhere is not None and anywhere not in english):
        return None
    return english.pop()


@lru_cache(maxsize=1)
def surnames_read_as_first_names() -> frozenset[str]:
    """Common surnames that gender-guesser also knows as first names ("Taylor", "Allen")."""
    return frozenset(w.lower() for w in load_lines("surnames.txt"))


def name_gender(first: str, *, lone: bool) -> str | None:
    """The gender a first-name list gives a name starting with ``first``; none for a common surname
    standing alone (``lone``), which is most often a surname ("Taylor")."""
    if first.lower() in surnames_read_as_first_names() and lone:
        return None
    return first_name_gender(first)


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    return frozenset(load_lines("org_words.txt"))


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """Lower-cased city name → country code of its most populous namesake (GeoNames)."""
    return {k: v[1] for k, v in _city_table().items()}


@lru_cache(maxsize=1)
def _big_cities() -> frozenset[str]:
    return frozenset(k for k, v in _city_table().items() if v[0] >= BIG_CITY)


def _big_city_main_names() -> frozenset[str]:
    """Big cities by their own names (not their alternate ones)."""
    return _city_index()[1]


def _city_table() -> dict[str, tuple[int, str]]:
    """Lower-cased city name or alternate name → (population, country code) of its most populous namesake."""
    return _city_index()[0]


@lru_cache(maxsize=1)
def _city_index() -> tuple[dict[str, tuple[int, str]], frozenset[str]]:
    best: dict[str, tuple[int, str]] = {}
    big: set[str] = set()
    for city in geonames().get_cities().values():
        pop = city.get("population", 0)
        if pop >= BIG_CITY:
            big.add(city["name"].lower())
        for name in {city["name"], *(a for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper())}:
            key = name.lower()
            if key not in best or pop > best[key][0]:
                best[key] = (pop, city["countrycode"])
    return best, frozenset(big)


@lru_cache(maxsize=1)
def known_organizations() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("known_organizations.txt"))


def is_organization_name(name: str) -> bool:
    """A news agency ("DPA", "Xinhua", "Reuter") or a listed company or platform ("Twitter")."""
    from newsclaims.extract.dateline import canonical_agency

    return name.lower() in known_organizations() or canonical_agency(name) is not None


@lru_cache(maxsize=1)
def _admin_regions() -> dict[str, str]:

    return {s["name"].lower(): "US" for s in geonames().get_us_states().values()}


def place_country(name: str) -> str | None:
    """The country of a place name: a region, a US state or a city known to GeoNames."""
    key = name.lower()
    if key in regions():
        return regions()[key]
    if key in _admin_regions():
        return "US"
    return _cities().get(key)


def is_big_city(name: str) -> bool:
    """Is ``name`` a big city's own or alternate name ("Bengaluru", "Bangalore")?"""
    return name.lower() in _big_cities()


def well_known_place(name: str) -> bool:
    """A region, a US state or a big city by its own name (not an alternate one)."""
    key = name.lower()
    return key in regions() or key in _admin_regions() or key in _big_city_main_names()


def title_key(word: str) -> str:
    return word.lower().rstrip(".")


@lru_cache(maxsize=65536)  # hot: actor merging compares names pairwise
def name_tokens(name: str) -> tuple[str, ...]:
    """A person's or organisation's name as comparable tokens ("Anwaar-ul-Haq" = "Anwaar ul Haq")."""
    return tuple(t for t in (w.strip(".,'’\"").lower() for w in _WORD_SPLIT.split(name)) if t)


def abbreviates(acronym: str, name: str) -> bool:
    """True when ``acronym``'s letters appear in order in ``name``, starting with its first letter
    ("AZAL" / "Azerbaijan Airline", "ECO" / "Economic Cooperation Organization")."""
    letters, low = acronym.lower(), name.lower()
    if not letters or not low or letters[0] != low[0]:
        return False
    pos = 0
    for ch in letters:
        pos = low.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def initials(name: str) -> str:
    """Initials of a name's significant words ("Economic Cooperation Organization" → "ECO")."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper() and w.lower() not in ("of", "and", "the", "for", "de", "la"))


_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+|[IVX]{1,4}|[A-Z]\.?|Mc[A-Z][a-z]+|[DLO]['’][A-Z][a-z]+|de|van|von|der|da|di|du|la|le|al|bin|ibn)$")


CONTINENTS = frozenset({"africa", "america", "americas", "antarctica", "asia", "europe", "oceania"})  # "Eastern Europe"


def is_name_like(words: list[str]) -> bool:
    """Could these words be a person's name? Title-case words, no organisation or place words,
    not a country, region or big city, no name of a continent's part ("MacKenzie", "Cheryl Cassidy"; not
    "Trinity College", "Eastern Europe")."""
    if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    low = [w.lower().rstrip(".") for w in words]
    if any(w in org_words() for w in low) or any(w in title_words() for w in low[:1]) or low[-1] in CONTINENTS:
        return False
    name = " ".join(words)
    key = name.lower()
    # a known first name is a name unless a big city is called so (not merely has it among its alternate names: "Ann", "Julia")
    cities = _big_city_main_names() if len(words) == 1 and first_name_gender(words[0]) else _big_cities()
    return not (country_code(name) or demonym_country(name) or key in regions() or key in _admin_regions() or key in cities)


def is_concept(word: str) -> bool:
    low = word.lower()
    return low in not_entities() or (" " not in low and (low.endswith("phobia") or low.endswith("ism")))


# --- recognition --------------------------------------------------------------------------------

def _strip_span(doc, start: int, end: int) -> tuple[int, int]:
    """Token span without a leading article, a trailing possessive, or punctuation, symbols
    (AP's ``, an emoji) and line breaks at either end."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or _no_word(doc[start])
                           or (doc[start].tag_ == "RB" and doc[start].is_sent_start)):
        start += 1  # "Later Thoms said": a sentence's opening adverb is no part of the name
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].tag_ == "POS" or _no_word(doc[end - 1])):
        end -= 1
    return start, end


def _no_word(tok) -> bool:
    """Punctuation, a symbol or a line break: a token with no letter or digit in it."""
    return tok.is_punct or tok.is_space or not any(c.isalnum() for c in tok.text)


PRONOUN_WORDS = frozenset({"i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "this", "that",
                           "these", "those", "there", "here"})
GLUED = "\"'“”‘’`<>"  # marks the tokenizer leaves on a word ('Qin."It', Reuters' "<Noranda Inc>")


def _chars(doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens ``[start, end)``, without quote marks or angle brackets glued to
    its first or last word."""
    first, last = doc[start].text, doc[end - 1].text
    lead = len(first) - len(first.lstrip(GLUED))
    trail = len(last) - len(last.rstrip(GLUED))
    s = doc[start].idx + (lead if lead < len(first) else 0)
    e = doc[end - 1].idx + len(last) - (trail if trail < len(last) else 0)
    return s, max(e, s + 1)


def _leading_titles(doc, start: int, end: int) -> int:
    """Index of the first token after the title words that open ``doc[start:end]``."""
    i = start
    while i < end - 1 and _is_title_token(doc, i):
        i += 1
    return i


_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?$")


def _is_title_token(doc, i: int) -> bool:
    """Is ``doc[i]`` a title word? Not "pm" / "am" after a clock time ("1:15 pm Market Check")."""
    tok = doc[i]
    if title_key(tok.text) not in title_words() or not tok.text[:1].isalpha():
        return False
    return not (tok.lower_.rstrip(".") in ("am", "pm", "a.m", "p.m") and i > 0 and _CLOCK.match(doc[i - 1].text))


def _title_run(doc, name_start: int, floor: int) -> tuple[int, list[str], str | None, str | None]:
    """Titles written before the name at token ``name_start``: ("Caretaker Prime Minister",
    "President of Azerbaijan", "Pakistani Prime Minister", "Mr.").

    Returns (first token of the titled mention, titles, country code, gender); the first token is
    ``name_start`` itself when no title stands before the name.
    """
    words = title_words()
    table = titles()
    i = name_start
    country = None
    while i > floor:
        tok = doc[i - 1]
        if _is_title_token(doc, i - 1):
            i -= 1
            continue
        # "President of Azerbaijan Ilham Aliyev": a title, "of", a country, then the name
        if i - 3 >= floor and doc[i - 2].lower_ == "of" and title_key(doc[i - 3].text) in words:
            code = country_code(tok.text)
            if code:
                country = country or code
                i -= 2
                continue
        if i < name_start:
            # "Pakistani Prime Minister X": a demonym or country only before a title
            code = demonym_country(tok.text) or (country_code(tok.text) if tok.text[:1].isupper() else None)
            if code:
                country = country or code
                i -= 1
        break
    found: list[str] = []
    genders: list[str] = []
    run: list = []

    def flush() -> None:
        if not run:
            return
        key = " ".join(title_key(t.text) for t in run)
        info = table.get(key) or table.get(title_key(run[-1].text))
        if info is None or info[1] == "modifier":
            return
        if info[0]:
            genders.append(info[0])
        if info[1] != "honorific":
            found.append(" ".join(t.text for t in run))

    for t in doc[i:name_start]:
        key = title_key(t.text)
        if key not in words:  # "of", a country, a demonym: ends a title
            flush()
            run = []
            continue
        if run and table.get(title_key(run[-1].text), (None, ""))[1] == "honorific":
            flush()
            run = []
        run.append(t)
    flush()
    if not found and not genders:
        return name_start, [], None, None
    while i < name_start and title_key(doc[i].text) in words and table.get(title_key(doc[i].text), (None, "head"))[1] == "modifier" \
            and not any(f.split()[0] == doc[i].text for f in found):
        i += 1
    return i, found, country, (genders[-1] if genders else None)


NOT_NAME_POS = frozenset({"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "VERB", "AUX", "PART", "NUM", "PUNCT", "SYM"})


def _capitalise(name: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), name)


def _person(doc, text_cased: str, tstart: int, tend: int, floor: int) -> NameMention | None:
    while tstart < tend - 1 and doc[tstart].pos_ in NOT_NAME_POS and title_key(doc[tstart].text) not in title_words():
        tstart += 1  # "Later Smith", "When Smith": the model's span took the word before the name
    name_first = _leading_titles(doc, tstart, tend)
    start, titles_found, country, gender = _title_run(doc, name_first, floor)
    if start == name_first:
        name_first = start = tstart  # no title after all: the entity is all name
    while tend - name_first >= 3 and _describes(doc[name_first]) and is_first_name(doc[name_first + 1].text) \
            and doc[name_first + 1].lower_ not in NAME_PARTICLES and not any(t.lower_ in org_words() for t in doc[name_first:tend]):
        # "Golfer Jack Nicklaus", "Libyan Ahmad Mustafa": a word that describes the person before a first name
        word = doc[name_first].text
        if code := demonym_country(word):
            country = country or code
        else:
            titles_found = [*titles_found, word]
        name_first += 1
    ns, ne = _chars(doc, name_first, tend)
    s, _ = _chars(doc, start, tend)
    name = text_cased[ns:ne]
    toks = name_tokens(name)
    if not toks or not any(ch.isalpha() for ch in name) or any(ch.isdigit() for ch in name):
        return None  # "DEV-MUC3-0147": a document number, not a person
    original = doc.user_data.get(ORIGINAL_TEXT_KEY)
    if original and original[ns:ne].isupper() and len(name) > 3:
        name = _capitalise(name)  # ALL-CAPS copy: "SADDAM HUSSEIN" reads "Saddam Hussein"
    guessed = gender is None
    if guessed:
        gender = name_gender(toks[0].capitalize(), lone=len(toks) == 1)
    return NameMention(s, ne, ns, ne, "person", name, country_code=country, titles=titles_found, gender=gender,
                       gender_by_first_name=guessed and gender is not None)


#: lower-case words inside names ("Costa del Sol", "Nineth de Garcia"), never a first name
NAME_PARTICLES = frozenset({"de", "del", "la", "da", "di", "van", "von", "le", "du", "dos", "das", "al", "el", "bin", "ibn"})


def _describes(tok) -> bool:
    """Whether ``tok``, opening a person's name, is a word about the person rather than a name: a
    common English word ("Golfer", "Customer", "Lawyer") or a demonym ("Libyan"), not a first name."""
    word = tok.text
    if not word[:1].isupper() or is_first_name(word) or not word.isalpha() or len(word) < 4:
        return False
    return demonym_country(word) is not None or english_word(word.lower())


_AFTER_FULL_STOP = re.compile(r"[a-z]{2}[.!?][\"'’”)]?\s+([A-Za-z])")  # the letter opening a sentence
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")


def _capitalises_names(text: str) -> bool:
    """Whether the article is written in ordinary case — mostly lower-case letters (not an ALL-CAPS
    wire read through the truecaser) and nearly every sentence opening with a capital (not an
    all-lower-case one: "venezuela is seeking …") — so that a name in lower case is no name."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.islower() for c in letters) < 0.6 * len(letters):
        return False
    starts = _AFTER_FULL_STOP.findall(text)
    if len(starts) < 2 or sum(c.isupper() for c in starts) < 0.9 * len(starts):
        return False
    countries = _country_words()
    return not any(w in countries for w in _LOWER_WORD.findall(text))  # "venezuela's", "brazil": names left lower-case


# one-word country names that are also common words, written in lower case in any text
_COUNTRY_HOMOGRAPHS = frozenset({"china", "turkey", "guinea", "georgia", "jersey", "japan", "jordan", "chile", "brazil",
                                 "niger", "chad", "cuba", "malta", "panama", "monaco", "samoa"})


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """One-word country names no text in ordinary case writes in lower case ("venezuela")."""
    return frozenset(n for n in country_table()[0] if n.isalpha() and len(n) >= 5) - _COUNTRY_HOMOGRAPHS



def _namesake_end(doc, text: str, end: int, *, reach: int = 4) -> int:
    """Where a name the model cut short ends when capitalised words after it, on its line, close
    with an organisation word: the name is the organisation's namesake ("Farabundo Marti" of the
    "Farabundo Marti National Liberation Front", "John Smith" of the "John Smith Foundation")."""
    j = end
    while j < len(doc) and j - end < reach and doc[j].is_alpha and text[doc[j].idx].isupper() and \
            doc[j].pos_ in ("PROPN", "NOUN", "ADJ") and "\n" not in doc[j - 1].whitespace_:
        j += 1  # capitalised in the article (a truecased ALL-CAPS text may have lowered them)
    words = org_words() - {"high"}  # "X High" is a school; "the M-19 high command" is not
    return next((k for k in range(j, end, -1) if doc[k - 1].lower_ in words), end)


def _within_brackets(doc, text: str, ts: int, te: int) -> tuple[int, int]:
    """Tokens ``[ts, te)`` less a transcript's speaker tag read into its speech: "[D'AUBUISSON] ALLOW
    ME" ends at the "]" of a bracket opened at the line start or after another label. An editor's
    insertion inside a name stays ("COMMANDER [BAYARDO] ARCE", "PARTY [PCC] CENTRAL COMMITTEE")."""
    if doc[ts].text == "[":
        ts += 1
    for i in range(ts, te):
        if doc[i].text == "[":
            return ts, te
        if doc[i].text == "]":
            opening = text.rfind("[", 0, doc[i].idx)
            if opening < 0:
                return ts, te
            before = text[text.rfind("\n", 0, opening) + 1:opening].rstrip()  # the line before the "["
            if before == "" or before.endswith("]"):
                return _strip_span(doc, ts, i) if i > ts else (ts, ts)
            return ts, te
    return ts, te


def _pronoun_us(doc, text: str, ts: int, te: int) -> bool:
    """Copy in capitals writes the pronoun "us" as the country's "US": "LET US HOPE", "TELL US WHERE",
    "MANY OF US". It is the country after "the" or as a noun's modifier ("THE US CONGRESS", "OF US AID")."""
    tok = doc[ts]
    if te - ts != 1 or text[tok.idx:tok.idx + len(tok)] != "US" or any(c.islower() for c in text[tok.sent.start_char:tok.sent.end_char]):
        return False
    return not (ts > 0 and doc[ts - 1].lower_ == "the") and tok.dep_ not in ("compound", "amod", "nmod", "poss", "npadvmod")


@lru_cache(maxsize=1)
def units() -> frozenset[str]:
    return frozenset(load_lines("units.txt"))


def _unit_after_number(doc, ts: int, te: int) -> bool:
    """Whether the one word ``doc[ts:te]`` is a unit or a time zone after a number ("1730 GMT",
    "350 KM", "128GB"): no name (``resources/units.txt``)."""
    return te - ts == 1 and ts > 0 and doc[ts].lower_ in units() and doc[ts - 1].like_num


#: titles a department's name stands before ("*Finance* Minister", "*Treasury* Secretary"; an
#: organisation before others speaks through them: "an *Institute* spokesman")
MINISTER_TITLES = frozenset({"minister", "secretary"})


def _title_department(doc, ts: int, te: int) -> bool:
    """Whether the one word ``doc[ts:te]``, tagged an organisation, is the department a title names,
    an English word after "<title> of" or before the title ("Secretary of *State* Madeleine
    Albright", "*Finance* Minister Beshir Omer"): part of the person's title, no organisation ("the
    president of *Cyprus*" stays the country)."""
    if te - ts != 1:
        return False
    word = doc[ts]
    after = ts >= 2 and doc[ts - 1].lower_ == "of" and doc[ts - 2].lower_.rstrip(".") in titles()
    before = te < len(doc) and doc[te].lower_ in MINISTER_TITLES
    if not (after or before):
        return False
    title = doc[ts - 2] if after else doc[te]
    capitals = word.text.isupper() and title.text.isupper()  # "SECRETARY OF STATE", not "the commander of HYDRA"
    return (word.text.istitle() or capitals) and english_word(word.text) and not country_code(word.text) \
        and word.lower_ not in _big_cities()


def recognise(doc, text: str, *, floor_sentences: bool = True) -> list[NameMention]:
    """Every named mention in ``doc`` (``text`` is the original article text), typed and corrected."""
    cased = doc.text
    capitalised = _capitalises_names(text)
    out: list[NameMention] = []
    for ent in doc.ents:
        kind = LABEL_TYPES.get(ent.label_)
        if kind is None and ent.label_ not in NAME_LABELS:
            continue
        ts, te = _strip_span(doc, ent.start, ent.end)
        bracket = next((t.i for t in doc[ts:te] if t.text == "("), None)
        if bracket is not None and bracket > ts:  # "World Health Organization (WHO": the name ends at "("
            ts, te = _strip_span(doc, ts, bracket)
        ticker = next((t for t in doc[ts:te] if t.text in ("<", ">")), None)
        if ticker is not None:
            # a wire headline's stock symbol ("HARBOURCO <HBC> SAYS …") ends the company's name; what
            # follows its ">" is the headline's verb, no name
            ts, te = _strip_span(doc, ts, ticker.i) if ticker.text == "<" else (ts, ts)
        ts, te = _within_brackets(doc, text, ts, te)
        if ts >= te:
            continue
        cut = te
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and te - ts >= 2 and is_name_like([t.text for t in doc[ts:te]])):
            te = _namesake_end(doc, text, te)
        s, e = _chars(doc, ts, te)
        surface = cased[s:e]
        if te > cut and text[s:e].isupper():  # the truecaser lowered the organisation's words: "National Liberation Front"
            surface = re.sub(r"(?<![\w'’])[a-z]", lambda c: c.group(0).upper(), surface)
        if is_concept(surface) or (surface.lower() in PRONOUN_WORDS and not surface.isupper()):
            continue  # "Islamophobia"; 'It' of '"It' tagged as a person
        if capitalised and surface.islower():
            continue  # "satin", "prison van" tagged as persons: a text that capitalises names did not
        if _pronoun_us(doc, text, ts, te) or (ent.label_ == "ORG" and _title_department(doc, ts, te)) \
                or _unit_after_number(doc, ts, te):
            continue
        floor = ent.sent.start if floor_sentences else 0
        if kind != "person":
            m = _maybe_person(doc, cased, surface, kind, ts, te, s, e, floor)
            if m is not None:
                out.append(m)
                continue
        if kind is None:
            continue
        out.extend(_classify(doc, cased, surface, kind, ts, te, s, e, floor))
    out.extend(_proper_noun_runs(doc, cased, out))
    header = id_line_end(text)
    out = [m for m in out if m.start >= header]
    head_end = headline_end(text, header)
    if head_end:
        body = set(re.findall(r"[\w'’-]+", text[head_end:]))
        out = [m for m in out if m.start >= head_end or m.via not in ("ner", "propn") or m.type in ("place", "country")
               or m.name.split()[-1] in body]
    for m in out:
        m.name = " ".join(m.name.split())  # "MacMillan Bloedel\nLtd" broken over a line
        suffix = _PARTICIPLE_SUFFIX.search(m.name)
        if suffix and m.end == m.name_end and suffix.start() > 0:  # "Jeff Bezos-founded Amazon": the name is Jeff Bezos
            cut = len(m.name) - suffix.start()
            m.name, m.end, m.name_end = m.name[:suffix.start()], m.end - cut, m.name_end - cut
        words = m.name.split(" ")
        if m.type == "person" and len(words) > 1 and m.end == m.name_end and words[-1].lower() in member_nouns():
            cut = len(words[-1]) + 1  # "AVC leaders": the AVC's people, not a person called so
            m.name, m.end, m.name_end = m.name[:-cut], m.end - cut, m.name_end - cut
            m.type, m.gender, m.gender_by_first_name = "organization", None, False
    out.sort(key=lambda m: (m.start, -m.end))
    _bracketed_acronyms(text, out)
    return out


# A first line that is a message identifier, with the tag of whoever filed or annotated it
# ("DEV-MUC3-0007 (NOSC)", "TST1-MUC3-0042"; the identifier has a digit, unlike "WINSTON-SALEM"):
# bookkeeping, not prose; it names nobody.
_ID_LINE = re.compile(r"[ \t]*(?=[A-Z0-9-]*[0-9])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?:[ \t]+\([A-Z][A-Z .&-]{0,30}\))?[ \t]*(?:\n|$)")


_PARTICIPLE_SUFFIX = re.compile(r"[-‐‑](?:[a-z]+ed|led|run|born|made|built|held)$")
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def headline_end(text: str, start: int = 0) -> int:
    """Where a headline in Title Case opens the article ("Carrier Begins Year With Mediation"), or 0.
    The model reads such a line as a run of names; a name found there counts only when the story
    names it too."""
    end = text.find("\n", start)
    if end < 0:
        return 0
    words = _HEADLINE_WORD.findall(text, start, end)
    if not 3 <= len(words) <= 20 or text[start:end].isupper():
        return 0
    capitalised = sum(w[0].isupper() for w in words)
    return end if capitalised >= 0.75 * len(words) else 0


def id_line_end(text: str) -> int:
    """Where a leading message-identifier line ends (0 when the article has none)."""
    m = _ID_LINE.match(text)
    return m.end() if m else 0


def _maybe_person(doc, cased, surface, kind, ts, te, s, e, floor) -> NameMention | None:
    """A name the model typed as an organisation, place, product... that may be a person's: a
    person when it starts with a known first name ("Alice", "Connie Smith"); otherwise a
    person-like organisation or place (or a latent name for the other labels)."""
    words = surface.split()
    if not is_name_like(words):
        return None
    gender = first_name_gender(words[0]) if words[0].isalpha() else None
    if gender is not None and words[0].lower() not in place_words():
        m = _person(doc, cased, ts, te, floor)
        if m is not None:
            m.via = "first-name"
            return m
    if kind is None:
        gender = name_gender(words[0], lone=len(words) == 1) if gender is not None else None
        return NameMention(s, e, s, e, "person", surface, via="propn", person_like=True, latent=True, gender=gender,
                           gender_by_first_name=gender is not None)
    return None


@lru_cache(maxsize=1)
def member_nouns() -> frozenset[str]:
    return frozenset(load_lines("member_nouns.txt"))


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Single words that are both first names and well-known places ("Georgia", "Jordan", "Florence")."""
    return frozenset(k for k in _big_cities() | frozenset(_admin_regions()) | frozenset(regions()) if " " not in k) | frozenset(
        n.lower() for n in country_table()[0] if " " not in n)


SKIP_PROPN = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "god", "lord", "christ", "jesus", "allah", "i"})
NAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative", "compound", "ROOT"})


def english_word(word: str) -> bool:
    """True when ``word`` (lower-cased, inflections undone) is in the parser model's English lexicon."""
    from newsclaims.truecase import english_pos

    return bool(english_pos(word.lower()))


def _proper(tok) -> bool:
    """A proper noun, or a capitalised word that the tagger took for a common noun, adjective or
    adverb but that is no English word ("the 20-year-old Nyro", "Thoms said"; opening a sentence,
    only a known first name or a subject)."""
    if tok.tag_ == "NNP":
        return True
    if tok.tag_ not in ("NN", "NNS", "JJ", "RB") or not tok.text.istitle() or not tok.is_alpha:
        return False
    if tok.is_sent_start:  # capitalised anyway: a known first name ("Alice imagines …") or a subject ("Thoms later appeared")
        return not english_word(tok.text) and (first_name_gender(tok.text) is not None or tok.dep_ in ("nsubj", "nsubjpass"))
    prev = tok.doc[tok.i - 1]
    if prev.text in ("``", '"', "“", ":", "(", "-", "—", "–") or prev.is_space:
        return False
    return not english_word(tok.text)


def _proper_noun_runs(doc, cased: str, found: list[NameMention]) -> list[NameMention]:
    """Runs of proper nouns the model left untagged ("Mark Twain", "Bullard"): latent names, kept
    as actors only when a pronoun refers to them."""
    covered = set()
    for m in found:
        covered.update(range(m.start, m.end))
    for ent in doc.ents:
        covered.update(range(ent.start_char, ent.end_char))
    out = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not _proper(tok) or tok.idx in covered or not tok.text[:1].isupper():
            i += 1
            continue
        j = i
        while j < n and _proper(doc[j]) and doc[j].idx not in covered and doc[j].text[:1].isupper():
            j += 1
        words = [t.text for t in doc[i:j]]
        if len(words) == 1 and english_word(words[0]) and not first_name_gender(words[0]):
            i = j  # "Firefighters", "Well": a capitalised English word, not a name
            continue
        if len(words) == 1 and tok.tag_ == "NNS" and i > 0 and doc[i - 1].lower_ == "the":
            i = j  # "the Cottams": a family, not one person
            continue
        head = doc[i:j].root
        quoted = i > 0 and doc[i - 1].text in ("``", '"', "“", "'", "‘", "''")
        if (not quoted and is_name_like(words) and head.dep_ in NAME_DEPS and not any(w.lower() in SKIP_PROPN for w in words)
                and not any(title_key(w) in title_words() for w in words)):
            s, e = _chars(doc, i, j)
            gender = name_gender(words[0], lone=len(words) == 1)
            out.append(NameMention(s, e, s, e, "person", cased[s:e], via="propn", person_like=True, latent=True,
                                   gender=gender, gender_by_first_name=gender is not None))
        i = j
    return out


def _classify(doc, cased, surface, kind, ts, te, s, e, floor) -> list[NameMention]:
    # countries first: whatever the label, a country name is a country ("Azerbaijan's" as PERSON)
    code = country_code(surface)
    if code:
        return [NameMention(s, e, s, e, "country", country_name(code), country_code=code, via="gazetteer")]
    code = demonym_country(surface)
    if code and kind in ("group", "person", "place", "organization") and " " not in surface.strip():
        return [NameMention(s, e, s, e, "country", country_name(code), country_code=code, via="demonym")]
    if "-" in surface and " " not in surface:
        # "Pakistan-Azerbaijan": one mention per country named
        parts, found, pos = surface.split("-"), [], s
        for part in parts:
            c = country_code(part) or demonym_country(part)
            if c:
                found.append(NameMention(pos, pos + len(part), pos, pos + len(part), "country", country_name(c), country_code=c, via="gazetteer"))
            pos += len(part) + 1
        if found:
            return found
    low = surface.lower()
    if low in regions():
        return [NameMention(s, e, s, e, "place", surface, country_code=regions()[low], via="gazetteer")]
    words = surface.split()
    like = is_name_like(words)
    if kind == "organization":
        lead = 1 if words[0] in ("The", "the") else 0
        if len(words) > lead + 1 and title_key(words[lead]) in title_words() and is_name_like(words[lead + 1:]):
            m = _person(doc, cased, ts + lead, te, floor)  # "Bishop Jordanus", "The Emperor Alexius" as ORG
            if m is not None:
                m.via = "title"
                return [m]
        for i, w in enumerate(words[:-2]):
            if w.lower() in event_heads() and words[i + 1].lower() == "of":
                offset = s + len(" ".join(words[: i + 2])) + 1
                inner = cased[offset:e]
                if inner and not is_concept(inner):
                    code = country_code(inner)
                    if code:
                        return [NameMention(offset, e, offset, e, "country", country_name(code), country_code=code, via="gazetteer")]
                    return [NameMention(offset, e, offset, e, "organization", inner, via="rule")]
        plural = te - ts == 1 and doc[ts].tag_ in ("NNPS", "NNS")  # "the Avengers, Guardians and …": a team, no "she"
        return [NameMention(s, e, s, e, "organization", surface, person_like=like and not plural)]
    if kind == "person":
        if any(w in org_words() for w in low.split()[1:]) or is_organization_name(surface) \
                or _company_of_country(surface) or _traded(doc, ts, te):
            # "Caribbean Community", "DPA", "Rallis India", "shares of Wipro"
            return [NameMention(s, e, s, e, "organization", surface, via="rule")]
        if all(title_key(w) in title_words() for w in low.split()):  # "Sgt", "Councillor": a title without its name
            return []
        if " " in low and low in _big_cities():  # "Buenos Aires" tagged PERSON (one word may be a surname: "Jackson")
            return [NameMention(s, e, s, e, "place", surface, country_code=place_country(surface), via="gazetteer")]
        m = _person(doc, cased, ts, te, floor)
        return [m] if m else []
    if kind == "group":
        # one word that is no plural, demonym or English word may be a person ("Mikhaylov" as NORP)
        single = like and len(words) == 1 and not low.endswith("s") and not english_word(words[0])
        return [NameMention(s, e, s, e, "group", surface, person_like=single)]
    return [NameMention(s, e, s, e, "place", surface, country_code=place_country(surface), person_like=like)]


STOCK_NOUNS = frozenset({"share", "shares", "stock", "stocks", "scrip", "scrips", "stake", "bonds", "shareholders", "shareholder"})


def _company_of_country(name: str) -> bool:
    """"Rallis India", "Radio Jordan": a name ending in a country that no first name opens
    (unlike "Tom Holland")."""
    words = name.split()
    return len(words) > 1 and bool(country_code(words[-1])) and first_name_gender(words[0]) is None


def _traded(doc, start: int, end: int) -> bool:
    """Is the name at ``doc[start:end]`` a listed company: "shares of Wipro", "Wipro shares"?"""
    head = doc[start:end].root
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in STOCK_NOUNS:
        return True
    return head.dep_ in ("compound", "poss") and head.head.lower_ in STOCK_NOUNS and head.head.i >= end


def _bracketed_acronyms(text: str, mentions: list[NameMention]) -> None:
    """"Azerbaijan Airline (AZAL)": the acronym becomes the name's alias and joins its mention."""
    for m in mentions:
        if m.type not in ("organization", "group", "place", "country"):
            continue
        match = _ACRONYM.match(text, m.end)
        if not match:
            continue
        acr = match.group(1).replace(".", "")
        if not acr.isupper() or acr.lower() == m.name.lower() or not abbreviates(acr, m.name):
            continue
        m.alias = acr
        m.end = match.end()
