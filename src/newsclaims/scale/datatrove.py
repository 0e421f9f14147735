"""``convert`` as a datatrove pipeline, so the same code runs on datatrove's local, Slurm or Ray executor.

The pipeline is reader → newsclaims extraction → Parquet writer with the explicit Arrow schema
derived from ``schema/record.schema.json``::

    ArticleReader(seeds)                    .txt files + provenance sidecars, sharded by file
    NewsclaimsExtractor(exclusion_writer)   nlp.pipe in batches + the extractors (pipeline.annotate)
    ParquetWriter(records/, schema)         one ``${rank}.parquet`` per task, zstd, row groups

Articles that cannot be read or converted are not dropped: the extractor counts them
(``rejected``) and writes them with their located reason to ``rejected/${rank}.jsonl``. Then
:func:`merge` reads every shard, validates the records and writes the same ``data/`` layout as
``newsclaims build`` (byte for byte, for the same articles).

Any datatrove reader can stand in for :class:`ArticleReader` (``JsonlReader`` over an existing
corpus, ``HuggingFaceDatasetReader``...): the extractor turns any ``Document`` (id, text) into a
record, with provenance computed from the text when the reader gives none.
Needs the ``scale`` extra (``pip install 'newsclaims[scale]'``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.pipeline.writers import JsonlWriter, ParquetWriter
from datatrove.utils.logging import logger

from newsclaims.build import BuildResult, collect_records, write_outputs
from newsclaims.errors import ArticleError
from newsclaims.export import ROW_GROUP_SIZE
from newsclaims.ingest import is_article_name, read_article
from newsclaims.pipeline import CHUNK_SIZE, chunked, convert_records
from newsclaims.record import Provenance, Record
from newsclaims.schema import record_arrow_schema

SOURCE_KEY = "newsclaims_source"  # Document.metadata: the article's provenance, from ArticleReader
LANGUAGE_KEY = "newsclaims_language"
RECORD_KEY = "newsclaims_record"  # Document.metadata: the record (schema order), for the writer
ERROR_KEY = "newsclaims_error"  # Document.metadata: why the article was rejected (file: reason)
RECORDS_DIR = "records"
REJECTED_DIR = "rejected"


class ArticleReader(BaseDiskReader):
    """Reads article ``.txt`` files (and their ``.meta.json`` sidecars) of a local folder, one Document each.

    Files are sharded across tasks by datatrove. Provenance paths are relative to ``root``
    (default: the folder's parent, as ``newsclaims build`` does). An unreadable article becomes a
    Document with no text and its reason under ``metadata["newsclaims_error"]``, never a skip.
    """

    name = "📰 newsclaims articles"

    def __init__(self, data_folder: str | Path, *, root: str | Path | None = None, **kwargs):
        super().__init__(str(data_folder), glob_pattern="**/*.txt", recursive=True, **kwargs)
        if self.data_folder.fs.protocol not in ("file", "local", ("file", "local")):
            raise ValueError(f"ArticleReader reads local folders, not {self.data_folder.path!r}; for remote data "
                             "use a datatrove reader of {id, text} rows (JsonlReader, ParquetReader) before NewsclaimsExtractor")
        folder = Path(self.data_folder.path)
        self.root = Path(root) if root else folder.resolve().parent

    def read_file(self, filepath: str) -> DocumentsPipeline:
        relative = Path(filepath)
        if not is_article_name(relative) or any(part.startswith(".") for part in relative.parts):
            return  # README.txt, SOURCE.txt, hidden files: not articles (as newsclaims.ingest)
        path = Path(self.data_folder.path) / relative
        try:
            record = read_article(path, root=self.root)
        except ArticleError as exc:
            yield Document(text="", id=relative.stem, metadata={ERROR_KEY: str(exc), "file_path": str(path)})
            return
        yield Document(text=record.text, id=record.id, metadata={
            SOURCE_KEY: record.source.to_dict(), LANGUAGE_KEY: record.language, "file_path": str(path)})


def record_of(document: Document) -> Record:
    """The (not yet annotated) record of a Document from any reader."""
    source = document.metadata.get(SOURCE_KEY)
    if source is None:
        where = document.metadata.get("file_path") or str(document.id)
        source = {"path": str(where), "sha256": hashlib.sha256(document.text.encode("utf-8")).hexdigest()}
    return Record(id=str(document.id), text=document.text, source=Provenance(**source),
                  language=document.metadata.get(LANGUAGE_KEY) or "en")


class NewsclaimsExtractor(PipelineStep):
    """Parses Documents with spaCy in batches and fills each one's record (``metadata["newsclaims_record"]``).

    The same code as ``newsclaims convert`` (:func:`newsclaims.pipeline.convert_records`).
    Documents that cannot be converted are counted as ``rejected`` and written, with their
    reason, to ``exclusion_writer`` (logged when there is none); they do not go further.
    """

    name = "🗞 newsclaims extraction"
    type = "🔖 - ANNOTATOR"

    def __init__(self, *, model: str | None = None, batch_size: int = CHUNK_SIZE, exclusion_writer=None):
        super().__init__()
        self.model = model
        self.batch_size = batch_size
        self.exclusion_writer = exclusion_writer

    def _reject(self, document: Document, reason: str, rank: int) -> None:
        self.stat_update("rejected")
        document.metadata[ERROR_KEY] = reason
        if self.exclusion_writer is None:
            logger.warning(f"newsclaims rejected {reason}")
        else:
            self.exclusion_writer.write(document, rank)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        with self.exclusion_writer if self.exclusion_writer is not None else nullcontext():
            for batch in chunked(data, self.batch_size):
                readable = [d for d in batch if ERROR_KEY not in d.metadata]
                with self.track_time("batch"):
                    outcomes = iter(convert_records([record_of(d) for d in readable], model=self.model)) if readable else iter(())
                for document in batch:
                    if ERROR_KEY in document.metadata:
                        self._reject(document, document.metadata[ERROR_KEY], rank)
                        continue
                    outcome = next(outcomes)
                    if outcome.error is not None:
                        self._reject(document, str(outcome.error), rank)
                        continue
                    self.stat_update("converted")
                    document.metadata[RECORD_KEY] = outcome.record.to_dict()
                    yield document


def record_row(writer, document: Document) -> dict:
    """ParquetWriter adapter: the row is the record itself, in schema order."""
    return document.metadata[RECORD_KEY]


def rejected_row(writer, document: Document) -> dict:
    """JsonlWriter adapter for rejected articles: the id, the file and the reason."""
    return {"id": str(document.id), "path": document.metadata.get("file_path"), "error": document.metadata[ERROR_KEY]}


def convert_pipeline(articles: str | Path, work: str | Path, *, model: str | None = None,
                     root: str | Path | None = None, reader=None) -> list[PipelineStep]:
    """The steps of ``convert`` on datatrove: give them to any executor (local, Slurm, Ray).

    ``work`` receives ``records/${rank}.parquet`` and ``rejected/${rank}.jsonl``; :func:`merge`
    turns them into ``data/``. ``reader`` replaces :class:`ArticleReader` over ``articles``.
    """
    work = str(work).rstrip("/")
    return [
        reader if reader is not None else ArticleReader(articles, root=root),
        NewsclaimsExtractor(model=model, exclusion_writer=JsonlWriter(
            f"{work}/{REJECTED_DIR}", output_filename="${rank}.jsonl", compression=None, adapter=rejected_row)),
        ParquetWriter(f"{work}/{RECORDS_DIR}", output_filename="${rank}.parquet", compression="zstd",
                      adapter=record_row, batch_size=ROW_GROUP_SIZE, schema=record_arrow_schema()),
    ]


def run_local(articles: str | Path, work: str | Path, *, tasks: int = 1, workers: int = 1,
              model: str | None = None, root: str | Path | None = None) -> None:
    """Run :func:`convert_pipeline` with datatrove's local executor (logs under ``work/logs``).

    The shards of an earlier run in ``work`` are removed first, so that :func:`merge` sees this run only.
    """
    import shutil

    from datatrove.executor import LocalPipelineExecutor

    for sub in (RECORDS_DIR, REJECTED_DIR):
        shutil.rmtree(Path(work) / sub, ignore_errors=True)
    executor = LocalPipelineExecutor(convert_pipeline(articles, work, model=model, root=root), tasks=tasks,
                                     workers=workers, logging_dir=str(Path(work) / "logs"), skip_completed=False)
    executor.run()


def shard_items(work: Path) -> Iterator[tuple[str, dict | None, str | None]]:
    """``(path, record, error)`` for every converted and every rejected article of a pipeline's output."""
    import pyarrow.parquet as pq

    for shard in sorted((work / RECORDS_DIR).glob("*.parquet")):
        for batch in pq.ParquetFile(shard).iter_batches(batch_size=ROW_GROUP_SIZE):
            for row in batch.to_pylist():
                yield row["source"]["path"], row, None
    for shard in sorted((work / REJECTED_DIR).glob("*.jsonl")):
        with open(shard, encoding="utf-8") as fh:
            for line in fh:
                rejected = json.loads(line)
                yield rejected.get("path") or rejected["id"], None, rejected["error"]


def merge(work: str | Path, out: str | Path, *, root: str | Path, check: bool = False) -> BuildResult:
    """Validate the shards of ``work`` and write ``out`` (data/) exactly as ``newsclaims build`` does.

    ``root`` is the dataset root whose validation policy applies (the folder holding ``data/``).
    """
    work = Path(work)
    if not (work / RECORDS_DIR).is_dir():
        raise FileNotFoundError(f"{work / RECORDS_DIR}: no record shards; run the pipeline first")
    records, errors = collect_records(shard_items(work), root=Path(root))
    return write_outputs(records, errors, Path(out), check=check)
