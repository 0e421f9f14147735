"""Embedded social-media posts: the signature line that closes a post pasted into an article.

Twitter/X embeds end with ``— Name (@handle) Month D, YYYY`` and often carry a
``pic.twitter.com/…`` or ``https://t.co/…`` link at the end of the post text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\n(@]{1,80}?)[ \t]*\((?P<handle>@\w{1,50})\)[ \t]*"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"[ \t]+\d{1,2},[ \t]*\d{4})[ \t]*$",
    re.MULTILINE,
)
LINK = re.compile(r"(?:https?://)?(?:pic\.twitter\.com|t\.co|x\.com|twitter\.com)/\S+")


@dataclass(frozen=True, slots=True)
class Signature:
    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    handle: str
    handle_start: int
    handle_end: int
    date: str  # ISO YYYY-MM-DD
    date_text: str


def find_signatures(text: str) -> list[Signature]:
    """Every post signature in ``text``, in order (dates parsed to ISO)."""
    found = []
    for m in SIGNATURE.finditer(text):
        try:
            date = datetime.strptime(" ".join(m.group("date").replace(",", ", ").split()), "%B %d, %Y").date().isoformat()
        except ValueError:
            continue
        found.append(Signature(
            start=m.start() + len(m.group(0)) - len(m.group(0).lstrip()),
            end=m.end(), name=m.group("name").strip(), name_start=m.start("name"),
            name_end=m.start("name") + len(m.group("name").rstrip()), handle=m.group("handle"),
            handle_start=m.start("handle"), handle_end=m.end("handle"), date=date, date_text=m.group("date"),
        ))
    return found


#: Twitter was renamed X on this day; posts from then on are credited to "X"
X_RENAMED = "2023-07-24"


@dataclass(frozen=True, slots=True)
class Post:
    """An embedded post: its text (without link), the link, and the signature below it."""

    start: int
    end: int
    link: str | None
    signature_start: int
    signature_end: int
    name_start: int
    name_end: int
    handle: str
    handle_start: int
    handle_end: int
    date: str
    platform: str


def find_posts(text: str) -> list[Post]:
    """Every embedded post: the paragraph above each signature, its trailing link split off."""
    posts = []
    for sig in find_signatures(text):
        line_start = text.rfind("\n", 0, sig.start) + 1
        body_end = line_start - 1
        while body_end > 0 and text[body_end - 1] in " \t\r\n":
            body_end -= 1
        if body_end <= 0:
            continue
        body_start = text.rfind("\n", 0, body_end) + 1
        while body_start < body_end and text[body_start] in " \t":
            body_start += 1
        link = None
        end = body_end
        links = list(LINK.finditer(text, body_start, body_end))
        if links and not text[links[-1].end():body_end].strip():
            link = links[-1].group()
            end = links[-1].start()
            while end > body_start and text[end - 1] in " \t":
                end -= 1
        if end <= body_start:
            continue
        platform = "X" if sig.date >= X_RENAMED else "Twitter"
        posts.append(Post(body_start, end, link, sig.start, sig.end, sig.name_start, sig.name_end,
                          sig.handle, sig.handle_start, sig.handle_end, sig.date, platform))
    return posts
