"""Hugging Face ``datasets`` features of every configuration, derived from the record schema.

The derivation goes through a *type tree*, plain data that the loading script embeds so that it
needs neither this package nor the schema file: a scalar is its ``datasets.Value`` dtype
(``"string"``, ``"int64"``, ``"float64"``, ``"bool"``), a struct is a dict of field name → type
tree, a list is a one-element list holding the item's type tree.
"""

from __future__ import annotations

from typing import Any

from newsclaims.hf.tables import tables
from newsclaims.schema import load_schema, unwrap_nullable

TypeTree = str | list | dict

_DTYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


def type_tree(node: dict[str, Any], root: dict[str, Any] | None = None) -> TypeTree:
    """The type tree of one JSON Schema node."""
    root = root or load_schema()
    node, _ = unwrap_nullable(node, root)
    kind = node.get("type")
    if kind in _DTYPES:
        return _DTYPES[kind]
    if kind == "array":
        return [type_tree(node["items"], root)]
    if kind == "object":
        return {name: type_tree(sub, root) for name, sub in node["properties"].items()}
    raise ValueError(f"cannot derive a feature type for schema node {node!r}")


def table_type_tree(config: str) -> dict[str, TypeTree]:
    """The type tree of one configuration's rows (column name → type tree)."""
    root = load_schema()
    return {c.name: type_tree(c.node, root) for c in tables()[config].columns}


def feature(tree: TypeTree):
    """``datasets`` feature of a type tree (the same function the loading script carries)."""
    import datasets

    if isinstance(tree, str):
        return datasets.Value(tree)
    if isinstance(tree, list):
        return datasets.List(feature(tree[0]))
    return {name: feature(sub) for name, sub in tree.items()}


def features(config: str):
    """``datasets.Features`` of one configuration."""
    import datasets

    return datasets.Features(feature(table_type_tree(config)))


def yaml_features(config: str) -> list[dict[str, Any]]:
    """The ``dataset_info.features`` list of the card's YAML (the format ``datasets`` reads back)."""
    return features(config)._to_yaml_list()
