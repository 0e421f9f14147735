"""Contents: quoted passages found from quote marks, and clausal complements of cues.

Quote marks handled: straight ``"…"``, curly ``“…”``, AP ````…''`` and curly single ``‘…’`` at the
top level. Marks pair up within a paragraph; a paragraph that opens a quote and never closes it
(the newspaper convention for a quote that runs over several paragraphs) yields a quote to the
paragraph's end, and so does a quote opened inside a paragraph when the next paragraph opens with a
mark; in copy that opens every quoted sentence and closes only the last ("“We waited. “Now it
sails,” she said") a quote left open before the next opening mark ends there; a closing mark typed
as an opening one ("…?“ she asked") closes, and a single closing mark after a sentence ends an open
quote ("go.’ Okafor was there"); a stray mark elsewhere is ignored locally, never spoiling the rest of
the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsclaims.resources import load_lines

OPEN = ("“", "``", "„")
CLOSE = ("”",)
#: marks that open or close by position: straight quotes, and two apostrophes (also used for both
#: ends of a quote in some newspaper copy: ''Like this,'' he said)
AMBIGUOUS = ('"', "''")
_DOUBLE = re.compile(r"``|''|[“”„\"]")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=\S)’(?!\w)")
EDGE_PUNCT = " \t\n\r\xa0,.;:—–-"
#: a markup tag left in scraped copy (``<tweet id="…" author="@…">``): its attribute values are not quotes
MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:-]+=(?:\"[^\"<>\n]*\"|'[^'<>\n]*'))*\s*/?>")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted passage: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    paragraph_start: bool

    def words(self, text: str) -> int:
        return len(text[self.inner_start:self.inner_end].split())


#: lines at most this long, in a text with indented paragraph openings, are hard-wrapped copy
WRAP_WIDTH = 90


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph of ``text``.

    A line is a paragraph in web copy; wire copy hard-wrapped at ~70 columns (AP: paragraphs open
    with an indented line) joins its lines up to the next indented or blank line.
    """
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    filled = [ln for ln in lines if ln[2].strip()]
    indented = sum(1 for ln in filled if ln[2][:1] in (" ", "\t"))
    wrapped = bool(filled) and indented >= 3 and indented < 0.8 * len(filled) \
        and max(len(ln[2]) for ln in filled) <= WRAP_WIDTH
    out: list[list[int]] = []
    previous_blank = True
    for start, end, line in lines:
        if not line.strip():
            previous_blank = True
            continue
        opens = previous_blank or not wrapped or line[:1] in (" ", "\t")
        if opens or not out:
            out.append([start, end])
        else:
            out[-1][1] = end
        previous_blank = False
    return [(a, b) for a, b in out]


#: a wire service's note to editors at the head of a story ("Eds: LEADS with 3 grafs to UPDATE …")
_EDITOR_NOTE = re.compile(r"^[ \t]*Eds?:", re.MULTILINE)
#: where such a note ends: a blank line, an indented paragraph or the byline
_NOTE_END = re.compile(r"\n(?=[ \t]*\n|[ \t]+\S|By [A-Z])")


def editor_notes(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every note to editors ("Eds: SUBS 3rd graf pvs, bgng: ``In 1988...''"):
    bookkeeping about the story's paragraphs, whose quotation marks quote no one. A note runs over
    its wrapped lines to a blank line, an indented paragraph or the byline."""
    notes = []
    for m in _EDITOR_NOTE.finditer(text):
        end = _NOTE_END.search(text, m.end())
        notes.append((m.start(), end.start() if end else len(text)))
    return notes


def _looks_closing(text: str, i: int, width: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


#: how a quoted sentence ends before the opening mark of the next one ("“Regret? … he also does. “I always …”")
_SENTENCE_END = re.compile(r"[.?!,][\"”’']?\s+$")


#: a single closing mark after a sentence's last word, then a space: where a double quote was closed
#: with the wrong mark ("“Let’s go. We can stop it.’ Schumer was in the room")
_SINGLE_CLOSED = re.compile(r"[.?!,]’(?=\s)")


def _run_on_end(text: str, inner_start: int, end: int) -> int:
    """Where an unclosed quotation that runs to ``end`` ends: at a single closing mark that closes
    it (none being open inside it), else at ``end``, spaces before it left out."""
    m = _SINGLE_CLOSED.search(text, inner_start, end)
    if m is not None and "‘" not in text[inner_start:m.start()]:
        end = m.end() - 1
    while end > inner_start and text[end - 1].isspace():
        end -= 1
    return end


def _double_quotes(text: str, start: int, end: int, next_opens: bool = False) -> list[Quoted]:
    found: list[Quoted] = []
    opened: tuple[int, int] | None = None  # (position, mark width)
    para_text = text[start:end]
    lead = start + len(para_text) - len(para_text.lstrip())
    for m in _DOUBLE.finditer(text, start, end):
        mark, i, width = m.group(), m.start(), len(m.group())
        if mark in OPEN and opened is not None and _looks_closing(text, i, width):
            mark = "”"  # a closing mark typed as an opening one ("… at the time“ said Lee")
        if mark in OPEN or (mark in AMBIGUOUS and opened is None):
            if mark in AMBIGUOUS and _looks_closing(text, i, width) and not (i == lead):
                continue  # a stray closing mark (inches, a quote closed in an earlier paragraph)
            if opened is not None and mark in OPEN and _SENTENCE_END.search(text, opened[0] + opened[1], i):
                # “One sentence. “The next,” she said: copy that opens every quoted sentence and
                # closes only the last; the first runs to the next opening mark
                s, w = opened
                inner_end = _run_on_end(text, s + w, i)
                found.append(Quoted(s, inner_end, s + w, inner_end, False, s == lead))
            opened = (i, width)  # a second opening mark restarts the quote: tolerate the stray one
        elif opened is not None:
            s, w = opened
            if i > s + w:
                found.append(Quoted(s, i + width, s + w, i, True, s == lead))
            opened = None
    if opened is not None:
        s, w = opened
        prior = text[start:s].rstrip()
        # a quotation running on: from the paragraph's start, after a colon or comma, or from within
        # it when the next paragraph opens with a quote mark (each paragraph of a long quotation does)
        if s == lead or prior.endswith((":", ",")) or (next_opens and text[s:s + w] in (*OPEN, '"')):
            inner_end = _run_on_end(text, s + w, end)
            if inner_end > s + w:
                found.append(Quoted(s, inner_end, s + w, inner_end, False, s == lead))
    return found


def _single_quotes(text: str, start: int, end: int, taken: list[Quoted]) -> list[Quoted]:
    found = []
    inside = [(q.start, q.end) for q in taken]
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text, start, end)]
    for m in _SINGLE_OPEN.finditer(text, start, end):
        s = m.start()
        if any(a <= s < b for a, b in inside):
            continue
        e = next((c for c in closes if c > s + 1), None)
        if e is None or any(a <= e < b for a, b in inside) or "“" in text[s:e] or '"' in text[s:e]:
            continue
        found.append(Quoted(s, e + 1, s + 1, e, True, False))
        inside.append((s, e + 1))
    return found


def find_quotes(text: str) -> list[Quoted]:
    """Every quoted passage of ``text``, in order (marks inside markup tags are not quote marks)."""
    text = MARKUP_TAG.sub(lambda m: " " * len(m.group()), text)
    out: list[Quoted] = []
    paras = paragraphs(text)
    for k, (start, end) in enumerate(paras):
        following = text[paras[k + 1][0]:paras[k + 1][1]].lstrip() if k + 1 < len(paras) else ""
        doubles = _double_quotes(text, start, end, next_opens=following.startswith((*OPEN, '"')))
        out.extend(doubles)
        out.extend(_single_quotes(text, start, end, doubles))
    return sorted(out, key=lambda q: q.start)


def trim(text: str, start: int, end: int, *, keep_quotes: bool = True) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and edge punctuation (closing quote marks kept)."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


_TAG = re.compile(r"[ \t]*\[(?P<name>[A-Za-z][A-Za-z.' -]{1,40})\][ \t]*")


@lru_cache(maxsize=1)
def transcript_markers() -> frozenset[str]:
    return frozenset(m.upper() for m in load_lines("transcript_markers.txt"))


#: the header of monitoring-service (FBIS) copy opens after the dateline's "--" within this many characters
HEADER_REACH = 600
_HEADER = re.compile(r"--[ \t]*(?=\[)")
_LABEL = re.compile(r"\[(?P<label>[^\]\n]{1,250})\][ \t]*")
#: "INTERVIEW WITH <voice> BY …", "COMMUNIQUE FROM <voice> TO …", "SPEECH BY <voice>"
_KIND_WITH = re.compile(r"(?P<kind>[A-Za-z][A-Za-z ]*?)\s+(?:WITH|FROM|BY)\s+(?P<voice>.+?)(?:,?\s+(?:BY|TO)\s+.*)?$", re.I)


@lru_cache(maxsize=1)
def voiced_kinds() -> frozenset[str]:
    return frozenset(k.upper() for k in load_lines("voiced_kinds.txt"))


@dataclass(frozen=True, slots=True)
class Header:
    """The bracketed labels after the dateline of monitoring-service copy (FBIS): ``-- [SPEECH]
    [SALVADORAN PRESIDENT ALFREDO CRISTIANI] [TEXT] …``. ``voice`` is the span naming who speaks the
    whole text, when the header names one (its name: a description after a comma left out); the body
    (or its first speaker tag) starts at ``end``."""

    end: int
    voice: tuple[int, int] | None


def text_header(text: str) -> Header | None:
    """The header of monitoring-service copy, if ``text`` has one.

    Its first label, unless an editorial marker ("[TEXT]", "[CONTINUED]"), is the kind of text. A kind
    of ``resources/voiced_kinds.txt`` names its speaker in the next label ("[SPEECH] [PRESIDENT
    DANIEL ORTEGA]") or in itself, where it may also follow a marker ("[INTERVIEW WITH RUBEN ZAMORA
    BY ALESSANDRO OPPES]", "[COMMUNIQUE FROM THE FARC TO PRESIDENT VIRGILIO BARCO]": the interviewee,
    the sender). Any other label after a marker is a speaker tag, not part of the header ("[REPORT]
    [TEXT] [CRISTIANI] …", "[TEXT] [BEGIN RECORDING] [CRISTIANI] …").
    """
    m = _HEADER.search(text, 0, HEADER_REACH)
    if m is None:
        return None
    markers, voiced = transcript_markers(), voiced_kinds()
    pos, kind, voice, after_kind = m.end(), None, None, False
    while (b := _LABEL.match(text, pos)) is not None:
        label = b.group("label").rstrip()
        start = b.start("label")
        if label.upper() in markers:
            pos, after_kind = b.end(), False
            continue
        if kind is None:
            w = _KIND_WITH.match(label)
            if w is not None and w.group("kind").strip().upper() in voiced:
                voice = _name_part(text, start + w.start("voice"), start + w.end("voice"))
            elif pos > m.end():
                break  # "-- [TEXT] [QUISPE] …": after a marker, a plain label is a speaker tag
            kind = label.upper()
            pos, after_kind = b.end(), True
            continue
        if after_kind and voice is None and kind in voiced:
            voice = _name_part(text, start, start + len(label))
            pos, after_kind = b.end(), False
            continue
        break
    return Header(pos, voice)


def _name_part(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` up to a description after a comma or in brackets ("MANUEL CEPEDA, MEMBER OF
    …", "FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN)"), without edge quote marks."""
    cut = re.search(r",|\s\(", text[start:end])
    if cut is not None:
        end = start + cut.start()
    while end > start and text[end - 1] in " \t\"'”":
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class SpeakerTag:
    """A transcript paragraph opened by its speaker's name in brackets: ``[CRISTIANI] We will …``."""

    name_start: int
    name_end: int
    speech: Quoted


def speaker_tags(text: str, quotes: list[Quoted]) -> list[SpeakerTag]:
    """Paragraphs opened by a bracketed speaker name (in the paragraph of a monitoring-service header,
    the name after the header: :func:`text_header`); the speech is the paragraph's quote or its rest."""
    out = []
    header = text_header(text)
    for start, end in paragraphs(text):
        if header is not None and start <= header.end < end:
            start = header.end  # "… -- [INTERVIEW WITH …] [TEXT] [CRISTIANI] Yes, …"
        m = _TAG.match(text, start, end)
        while m is not None and m.group("name").strip().upper() in transcript_markers():
            m = _TAG.match(text, m.end(), end)  # "[BEGIN RECORDING] [CRISTIANI] …"
        if m is None or len(m.group("name").split()) > 4:
            continue
        rest = m.end()
        quote = next((q for q in quotes if q.start == rest), None)
        if quote is None:
            inner_start, inner_end = rest, end
            while inner_end > inner_start and text[inner_end - 1].isspace():
                inner_end -= 1
            if inner_end - inner_start < 2:
                continue
            quote = Quoted(inner_start, inner_end, inner_start, inner_end, True, False)
        out.append(SpeakerTag(m.start("name"), m.start("name") + len(m.group("name").rstrip()), quote))
    return out


#: a paragraph that signs off the quotation before it: a dash, the speaker's name, maybe a comma and
#: a description, a full stop ("- Bernie Sanders.", "—Ann Okafor, in a radio interview.")
_SIGN_OFF = re.compile(r"[ \t]*(?P<dash>[-—–―])[ \t]*(?P<name>[A-Z][^\n,.;:!?\"“”—–―-]{1,60}?)[ \t]*(?:,[^\n]{0,160}?)?\.?[ \t]*$")
#: at most this many words in the name of a sign-off, each capitalised but these particles
MAX_SIGN_OFF_WORDS = 6
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "bin", "al", "la", "le", "del", "di"})


@dataclass(frozen=True, slots=True)
class SignOff:
    """A dash and a name after a paragraph of quotations, naming their speaker: ``“…”⏎⏎- Ann Okafor.``
    or ``“…” ― Ann Okafor``."""

    dash_start: int
    name_start: int
    name_end: int
    quotes: tuple[Quoted, ...]


def sign_offs(text: str, quotes: list[Quoted]) -> list[SignOff]:
    """Sign-offs (a dash and a name) after a paragraph made of quotations, as fact checks and
    round-ups set a statement off from its speaker: on a paragraph of their own, or closing the
    quotations' paragraph ("“…” ― Ann Okafor")."""
    out = []
    paras = [(a, b) for a, b in paragraphs(text) if text[a:b].strip()]
    for (ps, pe), following in zip(paras, [*paras[1:], None]):
        before = text[ps:pe].strip()
        inside = tuple(q for q in quotes if ps <= q.start and q.end <= pe)
        if not inside or before[:1] not in "\"“‘'`":
            continue
        tail = inside[-1].end
        if text[tail:pe].strip(" \t.") != "":
            m = _SIGN_OFF.match(text, tail, pe)  # "“…” ― Ann Okafor"
        else:
            m = _SIGN_OFF.match(text, *following) if following is not None else None  # "“…”⏎⏎- Ann Okafor."
        words = m.group("name").split() if m is not None else []
        if not 0 < len(words) <= MAX_SIGN_OFF_WORDS or not all(w[:1].isupper() or w in NAME_PARTICLES for w in words):
            continue  # "– An immigrant himself –.": a subheading, not a name
        out.append(SignOff(m.start("dash"), m.start("name"), m.start("name") + len(m.group("name").rstrip()), inside))
    return out

