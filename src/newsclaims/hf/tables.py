"""The corpus tables: ``articles`` (one row per record) and the flattened ``quotes``, ``claims`` and
``actors`` (one row per item, with the article's id and dateline), each a configuration of the
published dataset.

Every column is a node of ``schema/record.schema.json`` reached by a JSON pointer, so its Arrow
type, its Hugging Face feature, its Croissant field and its line in the card's field table are all
derived from the schema. A column is nullable when any step of its path may be null.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pyarrow as pa

from newsclaims.export import jsonl_bytes, parquet_bytes
from newsclaims.schema import arrow_type, load_schema, resolve, unwrap_nullable

SPLIT = "train"
DEFAULT_CONFIG = "articles"


def data_file(config: str, suffix: str, *, shard: int = 0, shards: int = 1) -> str:
    """Path of a table file relative to ``data/``: ``<config>/train-00000-of-00001.<suffix>``."""
    return f"{config}/{SPLIT}-{shard:05d}-of-{shards:05d}.{suffix}"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    pointer: str  # JSON pointer into the record schema (through $defs for item fields)
    node: dict[str, Any]  # the schema node, $ref resolved
    nullable: bool
    description: str


@dataclass(frozen=True, slots=True)
class Table:
    config: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[list[dict]], Iterator[dict]]
    key: tuple[str, ...]  # columns whose values make a unique row key

    def row_key(self, row: dict) -> str:
        return "/".join(str(row[name]) for name in self.key)

    def arrow_schema(self) -> pa.Schema:
        root = load_schema()
        return pa.schema([pa.field(c.name, arrow_type(c.node, root), nullable=c.nullable) for c in self.columns])

    def parquet(self) -> str:
        return data_file(self.config, "parquet")

    def jsonl(self) -> str:
        return data_file(self.config, "jsonl")


def _walk(pointer: str) -> tuple[dict[str, Any], bool, str]:
    """(schema node, nullable on the way, description) of a pointer like ``/dateline/place/name``
    or ``#/$defs/quote/speaker`` (an item field)."""
    root = load_schema()
    if pointer.startswith("#/$defs/"):
        name, *parts = pointer[len("#/$defs/"):].split("/")
        node, nullable = root["$defs"][name], False
    else:
        node, nullable, parts = root, False, pointer.strip("/").split("/")
    description = node.get("description", "")
    for part in parts:
        inner, _ = unwrap_nullable(node, root)
        sub = inner["properties"][part]
        node, null_here = unwrap_nullable(sub, root)
        nullable = nullable or null_here or part not in inner.get("required", [])
        description = resolve(sub, root).get("description") or node.get("description", "")
    return resolve(sub, root) if parts else node, nullable, description


def _column(name: str, pointer: str, *, description: str | None = None, nullable: bool = False) -> Column:
    node, null_on_path, described = _walk(pointer)
    return Column(name, pointer, node, nullable or null_on_path, description or described)


# The article-level columns every flattened table carries: column name → pointer into the record.
ARTICLE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("dateline_place", "/dateline/place/name", "Normalised name of the dateline place."),
    ("dateline_country_code", "/dateline/place/country_code", "ISO 3166-1 alpha-2 code of the dateline place."),
    ("dateline_geonames_id", "/dateline/place/geonames_id", "GeoNames id of the dateline place."),
    ("dateline_agencies", "/dateline/agencies", "Agencies and credits of the dateline."),
    ("dateline_date", "/dateline/date", "Date of the dateline: YYYY-MM-DD, or --MM-DD when the year is not known."),
    ("dateline_date_basis", "/dateline/date_basis", "How the dateline date was obtained."),
)


def _get(record: dict, pointer: str) -> Any:
    value: Any = record
    for part in pointer.strip("/").split("/"):
        if value is None:
            return None
        value = value[part]
    return value


def _article_columns() -> list[Column]:
    return [_column(name, pointer, description=text) for name, pointer, text in ARTICLE_COLUMNS]


def _item_columns(definition: str) -> list[Column]:
    item = load_schema()["$defs"][definition]
    columns = [_column("article_id", "/id", description="Id of the article the row comes from.")]
    for name in item["properties"]:
        columns.append(_column(name, f"#/$defs/{definition}/{name}"))
        if name == "speaker":
            columns.append(_column("speaker_name", "#/$defs/actor/name", nullable=True,
                                   description="Canonical name of the speaker (the actor `speaker` points to)."))
    return columns + _article_columns()


def _item_rows(key: str) -> Callable[[list[dict]], Iterator[dict]]:
    def rows(records: list[dict]) -> Iterator[dict]:
        for record in records:
            names = {a["id"]: a["name"] for a in record["actors"]}
            article = {name: _get(record, pointer) for name, pointer, _ in ARTICLE_COLUMNS}
            for item in record[key]:
                row = {"article_id": record["id"]}
                for name, value in item.items():
                    row[name] = value
                    if name == "speaker":
                        row["speaker_name"] = names.get(value) if value else None
                row.update(article)
                yield row

    return rows


def _record_columns() -> list[Column]:
    return [_column(name, f"/{name}") for name in load_schema()["properties"]]


@lru_cache(maxsize=None)
def tables() -> dict[str, Table]:
    """Every configuration of the dataset, the default (``articles``) first."""
    return {
        "articles": Table("articles", "One row per article: its text, provenance, dateline, actors, quotes and claims.",
                          tuple(_record_columns()), lambda records: iter(records), ("id",)),
        "quotes": Table("quotes", "One row per quote (direct, partial, social post), with its article's id and dateline.",
                        tuple(_item_columns("quote")), _item_rows("quotes"), ("article_id", "id")),
        "claims": Table("claims", "One row per claim (indirect speech, stance, according-to), with its article's id and dateline.",
                        tuple(_item_columns("claim")), _item_rows("claims"), ("article_id", "id")),
        "actors": Table("actors", "One row per actor (person, organisation, country, place, group), with its article's id and dateline.",
                        tuple(_item_columns("actor")), _item_rows("actors"), ("article_id", "id")),
    }


def table_files(records: list[dict], *, configs: tuple[str, ...] | None = None) -> dict[str, bytes]:
    """The Parquet and JSONL files of the tables (all, or ``configs``), paths relative to ``data/``."""
    files: dict[str, bytes] = {}
    for table in tables().values():
        if configs is not None and table.config not in configs:
            continue
        rows = list(table.rows(records))
        files[table.jsonl()] = jsonl_bytes(rows)
        files[table.parquet()] = parquet_bytes(rows, table.arrow_schema())
    return files


def flattened_table_files(records: list[dict]) -> dict[str, bytes]:
    """The ``quotes``, ``claims`` and ``actors`` tables (the articles table is written by the build)."""
    return table_files(records, configs=tuple(c for c in tables() if c != DEFAULT_CONFIG))
