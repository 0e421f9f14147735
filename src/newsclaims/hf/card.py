"""The dataset card (README.md): YAML metadata and the generated parts of the body.

The YAML front matter is generated whole: licence, language, task categories, size category, the
configurations (``configs``: which Parquet files make each one) and ``dataset_info`` (features
derived from the schema, split sizes). In the body, only the parts between
``<!-- newsclaims:begin NAME -->`` and ``<!-- newsclaims:end NAME -->`` are generated (the field
tables and counts, the provenance per source); everything else is written by hand and kept as is.
``newsclaims build`` rewrites the card; ``newsclaims build --check`` fails when it is stale.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import Any

import pyarrow as pa

from newsclaims.hf.features import TypeTree, table_type_tree, type_tree, yaml_features
from newsclaims.hf.tables import DEFAULT_CONFIG, SPLIT, Column, tables
from newsclaims.schema import load_schema, resolve, unwrap_nullable

PRETTY_NAME = "newsclaims: who said what, where and when in news articles"
LANGUAGES = ["en"]
TASK_CATEGORIES = ["token-classification"]
TASK_IDS = ["named-entity-recognition", "coreference-resolution"]
TAGS = ["news", "quotation-attribution", "attribution", "datelines", "coreference", "information-extraction"]

# Licence ids the Hub knows, for the articles' licences written as SPDX ids (compared lowercased).
HUB_LICENSES = frozenset({
    "apache-2.0", "mit", "cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "cc-by-nc-sa-4.0",
    "cc-by-3.0", "cc-by-sa-3.0", "odc-by", "odbl", "pddl", "unknown",
})

CITATION = """@misc{newsclaims,
  title        = {newsclaims: who said what, where and when in news articles},
  author       = {{newsclaims contributors}},
  year         = {2026},
  howpublished = {Dataset and software},
  note         = {Records built by the newsclaims package from the articles listed under Source data}
}"""

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.S)


def _region(name: str) -> re.Pattern[str]:
    return re.compile(rf"<!-- newsclaims:begin {name} -->\n.*?<!-- newsclaims:end {name} -->\n", re.S)


def size_category(n: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < limit:
            return label
    return "n>1M"


def card_license(records: list[dict]) -> dict[str, str]:
    """The ``license`` of the card: the articles' common licence when the Hub knows it, else ``other``."""
    licences = {(r["source"]["license"] or "unknown").lower() for r in records} or {"unknown"}
    if len(licences) == 1 and (only := next(iter(licences))) in HUB_LICENSES:
        return {"license": only}
    return {"license": "other", "license_name": "per-article",
            "license_link": "README.md#licensing"}


def card_metadata(records: list[dict]) -> dict[str, Any]:
    """The YAML front matter as a dict (keys in the order the Hub shows them)."""
    configs, infos = [], []
    for config, table in tables().items():
        entry: dict[str, Any] = {"config_name": config, "data_files": [{"split": SPLIT, "path": f"data/{config}/{SPLIT}-*.parquet"}]}
        if config == DEFAULT_CONFIG:
            entry["default"] = True
        configs.append(entry)
        rows = pa.Table.from_pylist(list(table.rows(records)), schema=table.arrow_schema())
        split = {"name": SPLIT, "num_bytes": rows.nbytes, "num_examples": rows.num_rows}
        infos.append({"config_name": config, "features": yaml_features(config), "splits": [split]})
    return {
        **card_license(records), "language": LANGUAGES, "pretty_name": PRETTY_NAME,
        "task_categories": TASK_CATEGORIES, "task_ids": TASK_IDS, "tags": TAGS,
        "size_categories": [size_category(len(records))], "annotations_creators": ["machine-generated"],
        "language_creators": ["found"], "multilinguality": ["monolingual"], "source_datasets": ["original"],
        "configs": configs, "dataset_info": infos,
    }


def card_yaml(records: list[dict]) -> str:
    from huggingface_hub import DatasetCardData

    return DatasetCardData(**card_metadata(records)).to_yaml() + "\n"


# --- the generated parts of the body ----------------------------------------------------------

def type_name(tree: TypeTree) -> str:
    if isinstance(tree, str):
        return tree
    if isinstance(tree, list):
        return f"list<{type_name(tree[0])}>"
    return "struct"


def _field_rows(columns: tuple[Column, ...]) -> Iterator[tuple[str, str, bool, str]]:
    """(dotted path, type, nullable, description) for every field, nested ones included."""
    root = load_schema()

    def walk(path: str, node: dict[str, Any], nullable: bool, description: str) -> Iterator[tuple[str, str, bool, str]]:
        tree = type_tree(node, root)
        yield path, type_name(tree), nullable, description
        inner, _ = unwrap_nullable(node, root)
        suffix = ""
        if inner.get("type") == "array":
            inner, _ = unwrap_nullable(inner["items"], root)
            suffix = "[]"
        if inner.get("type") == "object":
            for name, sub in inner["properties"].items():
                _, null = unwrap_nullable(sub, root)
                text = resolve(sub, root).get("description") or unwrap_nullable(sub, root)[0].get("description", "")
                text = " ".join(t for t in (text, constraints(unwrap_nullable(sub, root)[0])) if t)
                yield from walk(f"{path}{suffix}.{name}", sub, null or name not in inner.get("required", []), text)

    for column in columns:
        notes = constraints(unwrap_nullable(column.node, root)[0])
        yield from walk(column.name, column.node, column.nullable, " ".join(t for t in (column.description, notes) if t))


def constraints(node: dict[str, Any]) -> str:
    """What the schema allows beyond the type: enumerations and ranges."""
    if "enum" in node:
        return "One of " + ", ".join(f"`{v}`" for v in node["enum"]) + "."
    if "minimum" in node and "maximum" in node:
        return f"From {node['minimum']} to {node['maximum']}."
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def structure_section(records: list[dict]) -> str:
    lines = ["| configuration | rows | files | one row per |", "|---|---:|---|---|"]
    for config, table in tables().items():
        rows = sum(1 for _ in table.rows(records))
        lines.append(f"| `{config}`{' (default)' if config == DEFAULT_CONFIG else ''} | {rows} | "
                     f"`data/{table.parquet()}`, `data/{table.jsonl()}` | {_cell(table.description)} |")
    lines += ["", f"Every configuration has one split, `{SPLIT}`. The fields below are generated from "
              "`schema/record.schema.json`; offsets (`start`, `end`) are Python code-point offsets into "
              "the article's `text`, and a span's `text` equals `text[start:end]`.", ""]
    for config, table in tables().items():
        lines += [f"#### `{config}`", ""]
        if config == DEFAULT_CONFIG:
            lines += ["| field | type | nullable | description |", "|---|---|---|---|"]
            for path, kind, nullable, description in _field_rows(table.columns):
                lines.append(f"| `{path}` | {kind} | {'yes' if nullable else 'no'} | {_cell(description)} |")
        else:
            trees = table_type_tree(config)
            lines += ["| column | type | nullable | description |", "|---|---|---|---|"]
            for column in table.columns:
                text = " ".join(t for t in (column.description, constraints(unwrap_nullable(column.node, load_schema())[0])) if t)
                lines.append(f"| `{column.name}` | {type_name(trees[column.name])} | {'yes' if column.nullable else 'no'} | {_cell(text)} |")
        lines.append("")
    return "\n".join(lines)


def sources_section(records: list[dict]) -> str:
    groups: Counter = Counter()
    published: dict[tuple, list[str]] = {}
    urls: Counter = Counter()
    for r in records:
        source = r["source"]
        key = (str(PurePosixPath(source["path"]).parent), source["publisher"] or "not recorded", source["license"] or "not recorded")
        groups[key] += 1
        urls[key] += source["url"] is not None
        if source["published"]:
            published.setdefault(key, []).append(source["published"][:10])
    lines = ["| folder | publisher | licence | articles | with URL | published |", "|---|---|---|---:|---:|---|"]
    for key, n in sorted(groups.items()):
        dates = sorted(published.get(key, []))
        span = f"{dates[0]} to {dates[-1]}" if dates else "not recorded"
        lines.append(f"| `{_cell(key[0])}` | {_cell(key[1])} | {_cell(key[2])} | {n} | {urls[key]} | {span} |")
    lines += ["", f"{len(records)} articles in all; every record keeps its file's path and SHA-256 "
              "(`source.path`, `source.sha256`) so it can be traced back to the exact bytes it was built from."]
    return "\n".join(lines) + "\n"


def citation_section(records: list[dict]) -> str:
    return f"```bibtex\n{CITATION}\n```\n"


REGIONS: dict[str, tuple[str, Callable[[list[dict]], str]]] = {
    # region name → (heading under which it is appended when missing, generator)
    "structure": ("## Dataset structure", structure_section),
    "sources": ("## Source data", sources_section),
    "citation": ("## Citation", citation_section),
}

SKELETON = "# newsclaims\n"


def render_card(records: list[dict], current: str | None) -> str:
    """The card for ``records``: ``current`` with its front matter and generated regions rewritten."""
    body = FRONT_MATTER.sub("", current or SKELETON, count=1)
    for name, (heading, generate) in REGIONS.items():
        block = f"<!-- newsclaims:begin {name} -->\n{generate(records).rstrip()}\n<!-- newsclaims:end {name} -->\n"
        pattern = _region(name)
        if pattern.search(body):
            body = pattern.sub(lambda _, block=block: block, body, count=1)
        else:
            body = body.rstrip("\n") + f"\n\n{heading}\n\n{block}"
    return f"---\n{card_yaml(records)}---\n\n{body.lstrip()}"
