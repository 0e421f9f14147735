"""Truecasing ALL-CAPS wire copy before parsing, keeping every offset.

The text is lower-cased, then each word is capitalised when it reads as a name:

- the words of ``proper_words.txt`` (upper case ones stay acronyms: "FMLN"), countries, demonyms
  and cities of 100,000 people or more, unless the word is also an English verb, adjective, adverb
  or function word ("General", "Most", "Under" are cities somewhere);
- words English does not know: neither a function word nor, after undoing inflections, a word of
  the parser model's own lexicon (the WordNet index its lemmatizer ships) — "TORRES", "CRISTIANI";
- first names and titles just before a capitalised word ("PRESIDENT JOSE NAPOLEON DUARTE"), and a
  noun between two capitalised words ("Jose Napoleon Duarte");
- sentence starts; words without vowels stay acronyms ("FMLN", "PDC").

The output has exactly the length of the input, character by character.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?:[.!?:]|--)[\"'”’)\]]*\s+$|\n\s*\n\s*$")
_BRACKET_START = re.compile(r"(?:^|--|\]|\n)\s*\[[^\]\n]{1,40}\]\s+$")  # "-- [TEXT] THE ...": a new sentence
_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_AFTER_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}\s+$")  # "U.S. advisers": not a sentence end
_VOWELS = set("aeiouy")
BIG_CITY = 100_000


def _lower_same_length(s: str) -> str:
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in s)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], dict, dict]:
    """(nouns, other open-class words, lemma rules, irregular forms) from the lemmatizer tables of
    the parser model (the first this process loaded); empty when the model has none."""
    try:
        from newsclaims.nlp import first_loaded_nlp

        lookups = first_loaded_nlp().get_pipe("lemmatizer").lookups
        index, rules, exc = (lookups.get_table(t) for t in ("lemma_index", "lemma_rules", "lemma_exc"))
    except Exception:  # noqa: BLE001 - a model without a rule lemmatizer: fall back to the gazetteers
        return frozenset(), frozenset(), {}, {}
    from spacy.strings import hash_string

    nouns = frozenset(index.get(hash_string("noun"), ()))
    other = frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(hash_string(pos), ()))
    return (nouns, other, {p: rules.get(hash_string(p), []) for p in ("noun", "verb", "adj", "adv")},
            {p: exc.get(hash_string(p), {}) for p in ("noun", "verb", "adj", "adv")})


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"mr", "mrs", "ms", "dr", "st", "etc", "vs", "cannot"}


#: a name with an elided particle: "d'aubuisson", "o'connor" (the particle alone says nothing of the
#: case); not the French of "coup d'etat", "raison d'etre", "hors d'oeuvre"
_ELIDED = re.compile(r"^[dlo]['’](?!(?:etat|etre|oeuvre)$)([a-z]{3,})$")


@lru_cache(maxsize=65536)
def english_pos(word: str) -> frozenset[str]:
    """Which open classes the lower-case ``word`` (or a base form of it) belongs to: 'noun', 'other'."""
    nouns, other, rules, exc = _lexicon()
    found = set()
    candidates = {word}
    for pos in ("noun", "verb", "adj", "adv"):
        if word in exc.get(pos, {}):
            candidates.update(exc[pos][word])
        for old, new in rules.get(pos, []):
            if old and word.endswith(old):
                candidates.add(word[: len(word) - len(old)] + new)
    for c in candidates:
        if c in nouns:
            found.add("noun")
        if c in other:
            found.add("other")
    return frozenset(found)


@lru_cache(maxsize=1)
def _name_tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(hand list word → 'upper'/'title', gazetteer words, title words)."""
    import pycountry

    from newsclaims.extract.entities import demonyms, title_words
    from newsclaims.resources import geonames, load_lines

    hand = {w.lower(): ("upper" if w.isupper() and len(w) > 1 else "title") for w in load_lines("proper_words.txt")}
    for d in demonyms():
        for part in d.split():
            hand.setdefault(part, "title")
    for c in pycountry.countries:
        for part in getattr(c, "common_name", c.name).replace(",", " ").split():
            if part.isalpha() and part[:1].isupper() and part.lower() not in ("of", "and", "the"):
                hand.setdefault(part.lower(), "title")
    gaz: set[str] = set()
    for city in geonames().get_cities().values():
        if city.get("population", 0) >= BIG_CITY:
            gaz.update(p.lower() for p in city["name"].split() if p.isalpha() and len(p) > 2)
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            gaz.update(p.lower() for p in getattr(c, attr, "").replace(",", " ").split() if p.isalpha() and p[:1].isupper())
    gaz.update(d.split()[-1] for d in demonyms())
    return hand, frozenset(gaz), frozenset(title_words())


@lru_cache(maxsize=65536)
def word_case(low: str) -> str:
    """How the lower-cased word should read: 'upper', 'title', 'name?' (a first name or noun that
    is a name only beside another name) or 'lower'."""
    hand, gaz, _ = _name_tables()
    if low in hand:
        return hand[low]
    elided = _ELIDED.match(low)
    base = elided.group(1) if elided else low.split("'")[0].split("’")[0]  # "d'aubuisson": as "aubuisson"
    if not base.isalpha():
        return "lower"
    if base in _stop_words():
        return "lower"
    if len(base) > 1 and not (_VOWELS & set(base)):
        return "upper"
    pos = english_pos(base)
    if base in gaz and "other" not in pos:
        return "title"
    if not pos:
        return "title" if len(base) > 2 else "lower"
    if "other" not in pos:
        return "name?"
    return "lower"


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[tuple[str, ...]]]:
    """Multi-word place names (cities of 100,000 people or more, regions) by their first word."""
    from newsclaims.extract.entities import regions
    from newsclaims.resources import geonames

    names = {c["name"] for c in geonames().get_cities().values() if c.get("population", 0) >= BIG_CITY}
    names.update(r.title() for r in regions())
    table: dict[str, list[tuple[str, ...]]] = {}
    for n in names:
        parts = tuple(p.lower() for p in n.split())
        if 2 <= len(parts) <= 4 and all(p.isalpha() for p in parts):
            table.setdefault(parts[0], []).append(parts)
    for v in table.values():
        v.sort(key=len, reverse=True)
    return table


def truecase(text: str) -> str:
    """Lower-case ``text`` and capitalise sentence starts and the words that read as names."""
    _, _, titles = _name_tables()
    out = list(_lower_same_length(text))
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
    cases = [word_case(w) for _, _, w in words]
    capital = [c in ("title", "upper") for c in cases]
    phrases = _phrases()
    for i, (_, _, w) in enumerate(words):  # "Buenos Aires", "San Salvador"
        for parts in phrases.get(w, ()):
            if tuple(x[2] for x in words[i:i + len(parts)]) == parts:
                for j in range(i, i + len(parts)):
                    capital[j] = capital[j] or cases[j] != "upper"
                break
    # a first name, a title or a noun just before a name, or a noun between two names, is a name too
    from newsclaims.extract.entities import first_name_gender

    for i in range(1, len(words)):
        # "Fernando Torres Silva": a noun right after a name, in a run of names
        if not capital[i] and cases[i] == "name?" and capital[i - 1] and cases[i - 1] != "upper" \
                and text[words[i - 1][1]:words[i][0]] == " " and words[i - 1][2] not in titles:
            capital[i] = True
    for i in range(len(words) - 2, -1, -1):
        if capital[i] or not capital[i + 1] or text[words[i][1]:words[i + 1][0]] not in (" ", "-"):
            continue
        w = words[i][2]
        if cases[i] == "name?" and (first_name_gender(w.capitalize()) or (i > 0 and capital[i - 1])):
            capital[i] = True
        elif w in titles and w not in _stop_words():
            capital[i] = True
    for i, (start, end, _) in enumerate(words):
        before = text[max(0, start - 6):start].rstrip("\"“'‘(")
        if cases[i] == "upper":
            for j in range(start, end):
                up = text[j].upper()
                out[j] = up if len(up) == 1 else out[j]
        elif (capital[i] or start == 0 or not before or before.endswith("\n")
              or (_SENTENCE_END.search(before) and not _AFTER_INITIALS.search(text[max(0, start - 12):start]))
              or _BRACKET_START.search(text[max(0, start - 50):start])):
            up = out[start].upper()
            out[start] = up if len(up) == 1 else out[start]
            if capital[i] and _ELIDED.match(words[i][2]):  # "D'Aubuisson", "O'Connor"
                out[start + 2] = out[start + 2].upper()
    for m in _INITIALS.finditer(text):  # "U.S."
        for j in range(m.start(), m.end()):
            up = text[j].upper()
            out[j] = up if len(up) == 1 else out[j]
    return "".join(out)
