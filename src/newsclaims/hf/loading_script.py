"""Loading script of the newsclaims corpus: who said what, where and when in news articles.

A ``datasets.GeneratorBasedBuilder`` with one configuration per table of ``data/``: ``articles``
(default, one row per article) and the flattened ``quotes``, ``claims`` and ``actors`` (one row
per item, with the article's id and dateline). It reads the Parquet files beside it and runs no
code from the data folder. With ``datasets`` 3.x::

    load_dataset("path/to/newsclaims_loader.py", "quotes", trust_remote_code=True)

With ``datasets`` 4 and later, which no longer run scripts, use the builder class directly or load
the Parquet configurations of the card: ``load_dataset("path/to/dataset", "quotes")``.

The features below are generated from ``schema/record.schema.json`` by ``newsclaims build``; do not
edit this file by hand (its template is ``src/newsclaims/hf/loading_script.py``).
"""

from __future__ import annotations

import datasets
import pyarrow.parquet as pq

# newsclaims:begin generated
_VERSION = "0.0.0"
_LICENSE = ""
_CITATION = ""
_DEFAULT_CONFIG = ""
_CONFIGS: dict = {}
# newsclaims:end generated

_HOMEPAGE = ""
_DESCRIPTION = __doc__.split("\n\n")[0]


def _feature(tree):
    """A ``datasets`` feature from a type tree: dtype string, dict (struct) or one-item list."""
    if isinstance(tree, str):
        return datasets.Value(tree)
    if isinstance(tree, list):
        item = _feature(tree[0])
        list_feature = getattr(datasets, "List", None)  # datasets 4+; 3.x spells a list [feature]
        return list_feature(item) if list_feature is not None else [item]
    return {name: _feature(sub) for name, sub in tree.items()}


class NewsClaims(datasets.GeneratorBasedBuilder):
    """The newsclaims corpus, one configuration per table."""

    VERSION = datasets.Version(_VERSION)
    BUILDER_CONFIGS = [
        datasets.BuilderConfig(name=name, version=datasets.Version(_VERSION), description=config["description"])
        for name, config in _CONFIGS.items()
    ]
    DEFAULT_CONFIG_NAME = _DEFAULT_CONFIG

    def _info(self) -> datasets.DatasetInfo:
        config = _CONFIGS[self.config.name]
        return datasets.DatasetInfo(
            description=f"{_DESCRIPTION} {config['description']}",
            features=datasets.Features(_feature(config["features"])),
            homepage=_HOMEPAGE,
            license=_LICENSE,
            citation=_CITATION,
        )

    def _split_generators(self, dl_manager):
        config = _CONFIGS[self.config.name]
        return [
            datasets.SplitGenerator(name=split, gen_kwargs={"files": dl_manager.download(files)})
            for split, files in config["splits"].items()
        ]

    def _generate_examples(self, files):
        key_fields = _CONFIGS[self.config.name]["key"]
        for path in files:
            for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
                for row in batch.to_pylist():
                    yield "/".join(str(row[name]) for name in key_fields), row
