"""The conversion pipeline: ingest → one spaCy ``Doc`` per article → extract → record.

``annotate(record, doc)`` runs the extraction stages in order on one parsed article. ``convert``
streams paths to :class:`Outcome` items (a record or a located error) in input order, in one
process or several; a bad article never stops the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsclaims.errors import ArticleError
from newsclaims.extract.actors import extract_actors
from newsclaims.extract.claims import extract_claims
from newsclaims.extract.dateline import extract_dateline
from newsclaims.extract.quotes import extract_quotes
from newsclaims.ingest import read_article
from newsclaims.nlp import ORIGINAL_TEXT_KEY, load_nlp, prepare_text
from newsclaims.record import Record

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Outcome:
    """What converting one article gave: a record, or the error that stopped it."""

    path: str
    record: Record | None = None
    error: ArticleError | None = None


def annotate(record: Record, doc) -> Record:
    """Fill the record's dateline, actors, quotes and claims from its parsed ``doc``."""
    record.dateline = extract_dateline(doc, published=record.source.published)
    record.actors = extract_actors(doc, dateline=record.dateline)
    record.quotes = extract_quotes(doc, record.actors)
    record.claims = extract_claims(doc, record.actors, record.quotes)
    return record


def parse(nlp, records: list[Record], *, batch_size: int = 32) -> Iterator[tuple[Record, object]]:
    """Pair each record with its spaCy Doc (parsed from the truecased text where needed)."""
    texts = (prepare_text(r.text) for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=batch_size)):
        doc.user_data[ORIGINAL_TEXT_KEY] = record.text
        yield record, doc


def convert_records(records: list[Record], *, model: str | None = None) -> list[Outcome]:
    """Annotate already-read records; an extraction failure becomes that article's error."""
    nlp = load_nlp(model)
    outcomes = []
    for record, doc in parse(nlp, records):
        try:
            outcomes.append(Outcome(record.source.path, record=annotate(record, doc)))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the batch
            log.debug("extraction failed for %s", record.source.path, exc_info=True)
            outcomes.append(Outcome(record.source.path, error=ArticleError(record.source.path, f"extraction failed: {type(exc).__name__}: {exc}")))
    return outcomes


def _convert_chunk(args: tuple[list[Path], Path | None, str | None]) -> list[Outcome]:
    paths, root, model = args
    read: list[Outcome] = []
    for path in paths:
        try:
            read.append(Outcome(str(path), record=read_article(path, root=root)))
        except ArticleError as exc:
            read.append(Outcome(exc.path, error=exc))
    ok = [o.record for o in read if o.record is not None]
    converted = iter(convert_records(ok, model=model)) if ok else iter(())
    return [next(converted) if o.record is not None else o for o in read]


def _chunks(items: list[Path], size: int) -> Iterator[list[Path]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def convert(paths: Iterable[Path], *, root: Path | None = None, model: str | None = None,
            jobs: int = 1, chunk_size: int = 16) -> Iterator[Outcome]:
    """Convert article files to outcomes, in input order, with ``jobs`` processes."""
    paths = list(paths)
    chunks = [(chunk, root, model) for chunk in _chunks(paths, chunk_size)]
    if jobs <= 1 or len(chunks) <= 1:
        for args in chunks:
            yield from _convert_chunk(args)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Pool(processes=jobs) as pool:
        for outcomes in pool.imap(_convert_chunk, chunks):
            yield from outcomes
