"""The record schema (``schema/record.schema.json``) and the artefacts derived from it.

The JSON Schema is the single source of truth. The Arrow schema used for Parquet is derived here;
the Hugging Face features and the card's field table are derived from the same file elsewhere.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pyarrow is imported where an Arrow type is derived: validating JSONL needs none
    import pyarrow as pa

RECORD_SCHEMA = "record.schema.json"
SIDECAR_SCHEMA = "sidecar.schema.json"


def schema_dir() -> Path:
    """Where the schema files live: inside the installed package, or ``schema/`` of a checkout."""
    packaged = resources.files("newsclaims") / "schema"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "schema"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("newsclaims schema files not found (expected schema/ beside src/)")


@lru_cache(maxsize=None)
def load_schema(name: str = RECORD_SCHEMA) -> dict[str, Any]:
    with open(schema_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


def resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (``#/$defs/...``) to its definition."""
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref are supported, got {ref!r}")
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **extra}
    return node


def unwrap_nullable(node: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Return (the non-null schema, whether null is allowed) for ``oneOf [null, X]`` or ``type: [X, null]``."""
    node = resolve(node, root)
    if "oneOf" in node:
        options = [resolve(o, root) for o in node["oneOf"]]
        non_null = [o for o in options if o.get("type") != "null"]
        if len(non_null) != 1:
            raise ValueError("oneOf must be [null, X]")
        inner, _ = unwrap_nullable(non_null[0], root)
        return inner, len(non_null) < len(options)
    types = node.get("type")
    if isinstance(types, list):
        non_null = [t for t in types if t != "null"]
        if len(non_null) != 1:
            raise ValueError(f"union types other than [X, null] are not supported: {types}")
        return {**node, "type": non_null[0]}, "null" in types
    return node, False


_SCALARS = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool_"}


def arrow_type(node: dict[str, Any], root: dict[str, Any]) -> pa.DataType:
    import pyarrow as pa

    node, _ = unwrap_nullable(node, root)
    kind = node.get("type")
    if kind in _SCALARS:
        return getattr(pa, _SCALARS[kind])()
    if kind == "array":
        return pa.list_(arrow_type(node["items"], root))
    if kind == "object":
        return pa.struct(arrow_fields(node, root))
    raise ValueError(f"cannot derive an Arrow type for {node!r}")


def arrow_fields(node: dict[str, Any], root: dict[str, Any]) -> list[pa.Field]:
    import pyarrow as pa

    fields = []
    for name, sub in node["properties"].items():
        _, nullable = unwrap_nullable(sub, root)
        fields.append(pa.field(name, arrow_type(sub, root), nullable=nullable or name not in node.get("required", [])))
    return fields


@lru_cache(maxsize=None)
def record_arrow_schema() -> pa.Schema:
    """The Parquet schema of the articles table, derived from the JSON Schema."""
    import pyarrow as pa

    root = load_schema(RECORD_SCHEMA)
    return pa.schema(arrow_fields(root, root))
