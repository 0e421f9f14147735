"""The loading script (``newsclaims_loader.py`` at the dataset's root), rendered from its template.

The template (``loading_script.py`` in this package) is a complete ``GeneratorBasedBuilder``; the
build fills its generated block with the configurations, their data files and their features
(type trees derived from the schema), so the script needs neither this package nor the schema.
The script is named after the project, never after a dataset folder: ``datasets`` 4 and later
refuse a ``<folder name>.py`` at a dataset's root.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from newsclaims import SCHEMA_VERSION
from newsclaims.hf.card import CITATION, card_license
from newsclaims.hf.features import table_type_tree
from newsclaims.hf.tables import DEFAULT_CONFIG, SPLIT, tables

SCRIPT_NAME = "newsclaims_loader.py"
BLOCK = re.compile(r"# newsclaims:begin generated\n.*?# newsclaims:end generated\n", re.S)


def template() -> str:
    return (resources.files("newsclaims.hf") / "loading_script.py").read_text(encoding="utf-8")


def script_configs() -> dict:
    return {
        config: {
            "description": table.description,
            "splits": {SPLIT: [f"data/{table.parquet()}"]},
            "key": list(table.key),
            "features": table_type_tree(config),
        }
        for config, table in tables().items()
    }


def render_loader(records: list[dict], current: str | None = None) -> str:
    """The loading script for ``records`` (``current`` is ignored: the script is generated whole)."""
    block = "\n".join([
        "# newsclaims:begin generated",
        f"_VERSION = {json.dumps(SCHEMA_VERSION + '.0')}",
        f"_LICENSE = {json.dumps(card_license(records)['license'])}",
        f"_CITATION = {json.dumps(CITATION)}",
        f"_DEFAULT_CONFIG = {json.dumps(DEFAULT_CONFIG)}",
        f"_CONFIGS: dict = {json.dumps(script_configs(), indent=4)}",
        "# newsclaims:end generated",
        "",
    ])
    text = template()
    if not BLOCK.search(text):
        raise ValueError("the loading script template has no '# newsclaims:begin generated' block")
    return BLOCK.sub(lambda _: block, text, count=1)
