"""Croissant metadata (MLCommons, version 1.1) of the published dataset: ``croissant.json``.

One ``cr:FileObject`` per Parquet file (with its SHA-256 and size) and one ``cr:RecordSet`` per
configuration, whose fields are derived from the same type trees as the ``datasets`` features: a
struct is a field with ``subField``s (read with a ``jsonPath`` into the column), a list is a field
with ``isArray``. The JSON-LD ``@context`` is the one the Croissant 1.1 specification defines
(``croissant_context.json`` in this package).
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from newsclaims import SCHEMA_VERSION
from newsclaims.hf.card import CITATION, LANGUAGES, PRETTY_NAME, TAGS, card_license
from newsclaims.hf.features import TypeTree, table_type_tree
from newsclaims.hf.tables import tables

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
PARQUET = "application/x-parquet"
DATA_TYPES = {"string": "sc:Text", "int64": "sc:Integer", "float64": "sc:Float", "bool": "sc:Boolean"}


def context() -> dict[str, Any]:
    return json.loads((resources.files("newsclaims.hf") / "croissant_context.json").read_text(encoding="utf-8"))


def _field(record_set: str, path: list[str], tree: TypeTree, file_id: str, description: str) -> dict[str, Any]:
    field: dict[str, Any] = {"@type": "cr:Field", "@id": f"{record_set}/{'/'.join(path)}", "name": path[-1]}
    if description:
        field["description"] = description
    source: dict[str, Any] = {"fileObject": {"@id": file_id}, "extract": {"column": path[0]}}
    if len(path) > 1:
        source["transform"] = {"jsonPath": ".".join(path[1:])}
    if isinstance(tree, list):
        field["isArray"] = True
        field["arrayShape"] = "-1"
        tree = tree[0]
    if isinstance(tree, dict):
        field["subField"] = [_field(record_set, [*path, name], sub, file_id, "") for name, sub in tree.items()]
    else:
        field["dataType"] = DATA_TYPES[tree]
    field["source"] = source
    return field


def croissant(dataset_root: Path, records: list[dict], *, url: str) -> dict[str, Any]:
    """The Croissant description of the dataset whose files lie under ``dataset_root``."""
    distribution, record_sets = [], []
    for config, table in tables().items():
        rel = f"data/{table.parquet()}"
        data = (dataset_root / rel).read_bytes()
        file_id = rel
        distribution.append({
            "@type": "cr:FileObject", "@id": file_id, "name": rel, "contentUrl": rel,
            "encodingFormat": PARQUET, "contentSize": f"{len(data)} B",
            "sha256": hashlib.sha256(data).hexdigest(),
        })
        trees = table_type_tree(config)
        record_sets.append({
            "@type": "cr:RecordSet", "@id": config, "name": config, "description": table.description,
            "key": [{"@id": f"{config}/{name}"} for name in table.key],
            "field": [_field(config, [c.name], trees[c.name], file_id, c.description) for c in table.columns],
        })
    license_ = card_license(records)
    published = sorted(r["source"]["published"][:10] for r in records if r["source"]["published"])
    return {
        "@context": context(),
        "@type": "sc:Dataset",
        "name": "newsclaims",
        "alternateName": PRETTY_NAME,
        "description": ("News articles with their datelines, actors, quotes and claims: who said what, where and "
                        "when. Every span has code-point offsets into the unchanged article text."),
        "conformsTo": CONFORMS_TO,
        "license": license_.get("license_name", license_["license"]),
        "url": url,
        "version": f"{SCHEMA_VERSION}.0",
        **({"datePublished": published[-1]} if published else {}),
        "inLanguage": LANGUAGES,
        "keywords": TAGS,
        "citeAs": CITATION,
        "distribution": distribution,
        "recordSet": record_sets,
    }


def croissant_bytes(dataset_root: Path, records: list[dict], *, url: str) -> bytes:
    return (json.dumps(croissant(dataset_root, records, url=url), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
