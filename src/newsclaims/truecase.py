"""Truecasing ALL-CAPS wire copy before parsing, keeping every offset.

A lower-cased copy is re-capitalised at sentence starts and for words the gazetteers know as
proper names. The output has exactly the length of the input (character by character).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?:]\s+$|^\s*$|\n\s*\n\s*$|--\s*$|\]\s*$")


def _lower_same_length(s: str) -> str:
    out = []
    for ch in s:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def truecase(text: str) -> str:
    """Lower-case ``text`` and capitalise sentence starts and known proper names."""
    from newsclaims.resources import proper_names

    names = proper_names()
    out = list(_lower_same_length(text))
    for m in _WORD.finditer(text):
        word = m.group(0)
        start = m.start()
        before = text[max(0, start - 4):start]
        low = word.lower()
        if low in names or _SENTENCE_END.search(before) or start == 0:
            out[start] = out[start].upper() if len(out[start].upper()) == 1 else out[start]
        if len(word) <= 3 and low in names and names[low] == "upper":
            for i in range(start, m.end()):
                up = text[i].upper()
                out[i] = up if len(up) == 1 else out[i]
    return "".join(out)
