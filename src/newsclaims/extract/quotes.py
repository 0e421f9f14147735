"""Quotes: direct and partial quotations and embedded social posts, each with speaker, source and cue.

Quoted passages come from :mod:`newsclaims.extract.attribution` (marks paired per paragraph, joined
to their cue); a quote is *partial* when it opens in lower case inside a sentence ("his
“constructive” interaction"), *direct* otherwise. Posts pasted into the article (text followed by a
``— Name (@handle) Month D, YYYY`` signature) become one ``social_post`` quote; the signature is not
prose and is never searched for quotes or cues.
"""

from __future__ import annotations

from newsclaims.extract.actors import actor_at
from newsclaims.extract.attribution import Attribution, find_attributions
from newsclaims.extract.content import Quoted, editor_notes
from newsclaims.extract.social import Post, find_posts
from newsclaims.nlp import original_text
from newsclaims.record import Quote, Span


def _speaker(actors, source: tuple[int, int] | None, doc=None):
    if source is None:
        return None
    actor = actor_at(actors, *source, doc=doc)
    return actor.id if actor else None


def quote_kind(text: str, q: Quoted) -> str:
    """``partial`` for a quotation that opens in lower case inside a sentence, else ``direct``."""
    inner = text[q.inner_start:q.inner_end].lstrip()
    first = inner[:1]
    before = text[:q.start].rstrip()
    at_sentence_start = not before or before.endswith((".", "!", "?", ":", "\n")) or q.paragraph_start
    return "partial" if first.islower() and not at_sentence_start else "direct"


def post_excluded_ranges(posts: list[Post]) -> list[tuple[int, int]]:
    return [(p.start, p.signature_end) for p in posts]


def attributions_of(doc, dateline=None) -> list[Attribution]:
    """The attribution relations of ``doc`` (its dateline, embedded posts and notes to editors
    excluded from the prose)."""
    text = original_text(doc)
    exclude = post_excluded_ranges(find_posts(text)) + editor_notes(text)
    if dateline is not None and dateline.start < dateline.end:
        exclude.append((dateline.start, dateline.end))
    return find_attributions(doc, exclude=exclude)


def extract_quotes(doc, actors, dateline=None) -> list[Quote]:
    """Every quote of ``doc`` in text order, ids ``q1``, ``q2`` … (``dateline``: the record's, which
    is not prose and names no speaker)."""
    text = original_text(doc)
    items: list[Quote] = []
    for att in attributions_of(doc, dateline):
        source = Span.of(text, *att.source) if att.source else None
        cue = Span.of(text, *att.cue_span) if att.cue_span else None
        speaker = _speaker(actors, att.source, doc)
        for q in att.quotes:
            items.append(Quote(
                id="", text=text[q.inner_start:q.inner_end], start=q.inner_start, end=q.inner_end,
                kind=quote_kind(text, q), speaker=speaker, source=source, cue=cue,
                method="rule:quote-marks" + ("+floating" if att.floating else ""),
                confidence=0.9 if cue is not None else 0.5,
            ))
    for post in find_posts(text):
        author = actor_at(actors, post.handle_start, post.handle_end) or actor_at(actors, post.name_start, post.name_end)
        items.append(Quote(
            id="", text=text[post.start:post.end], start=post.start, end=post.end, kind="social_post",
            speaker=author.id if author else None, platform=post.platform, handle=post.handle,
            date=post.date, link=post.link, method="rule:post-signature", confidence=0.95,
        ))
    items.sort(key=lambda q: (q.start, q.end))
    for i, q in enumerate(items, 1):
        q.id = f"q{i}"
    return items
