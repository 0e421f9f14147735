"""The conversion pipeline: ingest → one spaCy ``Doc`` per article → extract → record.

``annotate(record, doc)`` runs the extraction stages in order on one parsed article. ``convert``
streams paths to :class:`Outcome` items (a record or a located error) in input order, in one
process or several; a bad article never stops the batch.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import TypeVar

from newsclaims.errors import ArticleError, NewsclaimsError
from newsclaims.extract.actors import (
    extract_actors,
    link_quoted_first_person,
    link_referring_sources,
    link_voiced_first_person,
    match_named_sources,
    unlink_quoted_third_person,
)
from newsclaims.extract.claims import extract_claims
from newsclaims.extract.dateline import extract_dateline
from newsclaims.extract.quotes import extract_quotes
from newsclaims.ingest import read_article
from newsclaims.nlp import ORIGINAL_TEXT_KEY, load_nlp, prepare_text
from newsclaims.record import Provenance, Record, Span

log = logging.getLogger(__name__)

T = TypeVar("T")
CHUNK_SIZE = 16  # articles per nlp.pipe batch and per task sent to a worker
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker: enough to keep it busy, few enough to stay small


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
    record.quotes = clip_to_dateline(record.text, record.dateline, extract_quotes(doc, record.actors, record.dateline))
    match_named_sources(record.text, record.actors, record.quotes)
    link_quoted_first_person(record.text, record.actors, record.quotes)
    link_voiced_first_person(record.text, record.actors, record.quotes)
    unlink_quoted_third_person(record.actors, record.quotes)
    record.claims = clip_to_dateline(record.text, record.dateline, extract_claims(doc, record.actors, record.quotes, record.dateline))
    match_named_sources(record.text, record.actors, record.claims)
    link_referring_sources(doc, record.actors, [*record.quotes, *record.claims])
    return record


def clip_to_dateline(text: str, dateline, items: list) -> list:
    """Quotes and claims never run across the dateline: one that does (a headline read into the
    first sentence: "Bakker ‘Sawed-Off Runt’\nCHARLOTTE, N.C. (AP)\n The judge who…") keeps the
    side of the dateline its cue is on (the longer side when it has none); an item left empty is
    dropped."""
    if dateline is None or dateline.end <= dateline.start:
        return items
    kept = []
    for item in items:
        if item.start < dateline.end and dateline.start < item.end:
            at = item.cue.start if item.cue is not None else None
            before = dateline.start - item.start
            after = item.end - dateline.end
            if (at is not None and at >= dateline.end) or (at is None and after >= before):
                start, end = dateline.end, item.end
            else:
                start, end = item.start, dateline.start
            while start < end and (text[start].isspace() or text[start] in "-–—:"):
                start += 1  # and the dash that ends a dateline ("CHICAGO, Feb 26 - ")
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            item.start, item.end, item.text = start, end, text[start:end]
            item.parts = _parts_within(text, item.parts, start, end)
        kept.append(item)
    return kept


def _parts_within(text: str, parts: list, start: int, end: int) -> list:
    """What is left of a discontinuous content's pieces inside ``[start, end)``; fewer than two
    left make it one piece again (``[]``)."""
    inside = [Span.of(text, max(p.start, start), min(p.end, end)) for p in parts if max(p.start, start) < min(p.end, end)]
    return inside if len(inside) >= 2 else []


def parse(nlp, records: list[Record], *, batch_size: int = 32) -> Iterator[tuple[Record, object]]:
    """Pair each record with its spaCy Doc (parsed from the truecased text where needed)."""
    texts = (prepare_text(r.text) for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=batch_size)):
        doc.user_data[ORIGINAL_TEXT_KEY] = record.text
        yield record, doc


def convert_records(records: list[Record], *, model: str | None = None) -> list[Outcome]:
    """Annotate already-read records; an extraction failure becomes that article's error.

    The batch is parsed inside a spaCy memory zone: the strings its Docs add to the vocabulary are
    freed afterwards, so a long run's memory stays flat however many new words it meets.
    """
    nlp = load_nlp(model)
    outcomes = []
    with nlp.memory_zone():
        for record, doc in parse(nlp, records):
            try:
                outcomes.append(Outcome(record.source.path, record=annotate(record, doc)))
            except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the batch
                log.debug("extraction failed for %s", record.source.path, exc_info=True)
                outcomes.append(Outcome(record.source.path, error=ArticleError(record.source.path, f"extraction failed: {type(exc).__name__}: {exc}")))
    return outcomes


def convert_chunk(paths: list[Path], *, root: Path | None = None, model: str | None = None) -> list[Outcome]:
    """Read and convert one chunk of article files, in order; unreadable files become errors."""
    read: list[Outcome] = []
    for path in paths:
        try:
            read.append(Outcome(str(path), record=read_article(path, root=root)))
        except ArticleError as exc:
            read.append(Outcome(exc.path, error=exc))
    ok = [o.record for o in read if o.record is not None]
    try:
        done = convert_records(ok, model=model) if ok else []
    except NewsclaimsError:
        raise  # a setup error (no model): not one article's fault
    except Exception:  # noqa: BLE001 - the parser failed on the batch: find the article, keep the rest
        log.debug("batch failed; converting its articles one by one", exc_info=True)
        done = [_convert_alone(record, model) for record in ok]
    converted = iter(done)
    return [next(converted) if o.record is not None else o for o in read]


def _convert_alone(record: Record, model: str | None) -> Outcome:
    try:
        return convert_records([record], model=model)[0]
    except NewsclaimsError:
        raise
    except Exception as exc:  # noqa: BLE001 - becomes this article's located error
        return Outcome(record.source.path, error=ArticleError(record.source.path, f"parsing failed: {type(exc).__name__}: {exc}"))


def _convert_chunk(args: tuple[list[Path], Path | None, str | None]) -> list[Outcome]:
    paths, root, model = args
    return convert_chunk(paths, root=root, model=model)


# Invented texts that reach every lazily loaded table: the dateline gazetteers, the actor
# gazetteers and name lists, the cue model, and the truecasing tables of ALL-CAPS copy.
WARM_UP_TEXTS = (
    "GENEVA, March 3 (Reuters) - Foreign Minister Ana Silva said on Tuesday that talks with "
    "India would resume. \"We are ready,\" she told reporters.\n",
    "LIMA, 4 MAR 90 (RADIO) -- [TEXT] PRESIDENT ALAN GARCIA SAID THAT THE ARMY WILL STAY IN THE CITY.\n",
)


def warm_up(model: str | None = None) -> None:
    """Pay a process's one-time costs: load the parser and every table the extractors use."""
    records = [Record(id=f"warm-up-{i}", text=text, source=Provenance(path="warm-up", sha256="0" * 64))
               for i, text in enumerate(WARM_UP_TEXTS)]
    convert_records(records, model=model)


def worker_context():
    """The multiprocessing context of convert's workers.

    Where the platform has it, a forkserver that has run :func:`warm_up` once
    (``newsclaims._preload``): each worker is a fork of it, so it starts at once and shares the
    parser and gazetteers (about 300 MiB) with the others copy-on-write instead of loading its own.
    Elsewhere, spawn. Never a plain fork of the caller, which may run threads (progress bars).
    """
    import multiprocessing as mp

    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["newsclaims._preload"])
    return ctx


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily from ``items``."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def convert(paths: Iterable[Path], *, root: Path | None = None, model: str | None = None,
            jobs: int = 1, chunk_size: int = CHUNK_SIZE) -> Iterator[Outcome]:
    """Convert article files to outcomes, streamed in input order, with ``jobs`` processes.

    ``paths`` is read lazily and cut into chunks of ``chunk_size`` articles; each chunk is one
    ``nlp.pipe`` batch, in this process (``jobs=1``) or in a worker process. The chunks are the
    same whatever ``jobs`` is, and outcomes come back in input order, so the output does not
    depend on the number of processes. At most ``IN_FLIGHT_PER_JOB * jobs`` chunks are in flight
    at once: memory stays flat however many articles there are.
    """
    chunks = chunked(paths, chunk_size)
    head = list(islice(chunks, 2))
    if jobs <= 1 or len(head) <= 1:  # one chunk is not worth starting worker processes for
        for chunk in chain(head, chunks):
            yield from convert_chunk(chunk, root=root, model=model)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context()) as pool:
        pending: deque[Future] = deque()
        try:
            for chunk in chain(head, chunks):
                pending.append(pool.submit(_convert_chunk, (chunk, root, model)))
                if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:  # stopped early (error, or the consumer closed the generator)
                future.cancel()
