"""Drawing overlapping spans on a text as properly nested HTML.

Extractions overlap freely: a quote contains actor mentions, a claim's source is also an actor
mention, two claims may cross. HTML elements must nest, so the text is cut at every span boundary
and, segment by segment, the open elements are kept as a stack ordered outer → inner (earlier start,
then later end, then the mark's ``rank``). A span that crosses another is closed and reopened: it
becomes several elements sharing one ``data-span`` key, the first one carrying the ``id``. The text
of all elements of a key, joined in document order, is exactly ``text[start:end]``.

This is the layering displaCy's span renderer does, written for arbitrary crossings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to draw: ``text[start:end]`` wrapped in a ``<span>``.

    ``key`` identifies the span across its pieces (``data-span``); ``anchor`` is the HTML id of its
    first piece; ``attrs`` are extra attributes (values are escaped when written); ``rank`` orders
    marks over the same range (lower is outer).
    """

    start: int
    end: int
    key: str
    classes: str
    rank: int = 0
    anchor: str | None = None
    attrs: Mapping[str, str] = field(default_factory=dict)

    def order(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, self.rank, self.key)


def escape_text(text: str) -> str:
    """Text as HTML character data; a carriage return is written as ``&#13;`` so the parser keeps it."""
    return escape(text, quote=False).replace("\r", "&#13;")


def _open_tag(mark: Mark, first: bool) -> str:
    classes = mark.classes if first else f"{mark.classes} cont"
    parts = [f'<span class="{escape(classes)}" data-span="{escape(mark.key)}"']
    if first and mark.anchor:
        parts.append(f' id="{escape(mark.anchor)}"')
    for name, value in mark.attrs.items():
        parts.append(f' {name}="{escape(str(value))}"')
    return "".join(parts) + ">"


def render_marked(text: str, marks: Iterable[Mark]) -> str:
    """``text`` as escaped HTML with every mark drawn; marks outside the text are refused."""
    marks = sorted(marks, key=Mark.order)
    for m in marks:
        if not 0 <= m.start < m.end <= len(text):
            raise ValueError(f"span {m.key} [{m.start}, {m.end}) is not a non-empty range of a text of length {len(text)}")
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[str] = set()
    i = 0  # marks[:i] have started
    active: list[Mark] = []
    for left, right in zip(cuts, cuts[1:]):
        while i < len(marks) and marks[i].start <= left:
            active.append(marks[i])
            i += 1
        active = [m for m in active if m.end > left]
        want = sorted((m for m in active if m.start <= left), key=Mark.order)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        del stack[keep:]
        for m in want[keep:]:
            out.append(_open_tag(m, m.key not in opened))
            opened.add(m.key)
            stack.append(m)
        out.append(escape_text(text[left:right]))
    out.extend("</span>" for _ in stack)
    return "".join(out)
