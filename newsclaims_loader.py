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
_VERSION = "1.1.0"
_LICENSE = "unknown"
_CITATION = "@misc{newsclaims,\n  title        = {newsclaims: who said what, where and when in news articles},\n  author       = {{newsclaims contributors}},\n  year         = {2026},\n  howpublished = {Dataset and software},\n  note         = {Records built by the newsclaims package from the articles listed under Source data}\n}"
_DEFAULT_CONFIG = "articles"
_CONFIGS: dict = {
    "articles": {
        "description": "One row per article: its text, provenance, dateline, actors, quotes and claims.",
        "splits": {
            "train": [
                "data/articles/train-00000-of-00001.parquet"
            ]
        },
        "key": [
            "id"
        ],
        "features": {
            "id": "string",
            "schema_version": "string",
            "text": "string",
            "language": "string",
            "source": {
                "path": "string",
                "sha256": "string",
                "url": "string",
                "publisher": "string",
                "license": "string",
                "published": "string"
            },
            "dateline": {
                "text": "string",
                "start": "int64",
                "end": "int64",
                "place": {
                    "text": "string",
                    "start": "int64",
                    "end": "int64",
                    "name": "string",
                    "country_code": "string",
                    "geonames_id": "int64",
                    "lat": "float64",
                    "lon": "float64"
                },
                "agencies": [
                    "string"
                ],
                "date": "string",
                "date_basis": "string"
            },
            "actors": [
                {
                    "id": "string",
                    "name": "string",
                    "type": "string",
                    "titles": [
                        "string"
                    ],
                    "aliases": [
                        "string"
                    ],
                    "country_code": "string",
                    "handles": [
                        "string"
                    ],
                    "mentions": [
                        {
                            "text": "string",
                            "start": "int64",
                            "end": "int64"
                        }
                    ]
                }
            ],
            "quotes": [
                {
                    "id": "string",
                    "text": "string",
                    "start": "int64",
                    "end": "int64",
                    "parts": [
                        {
                            "text": "string",
                            "start": "int64",
                            "end": "int64"
                        }
                    ],
                    "kind": "string",
                    "speaker": "string",
                    "source": {
                        "text": "string",
                        "start": "int64",
                        "end": "int64"
                    },
                    "cue": {
                        "text": "string",
                        "start": "int64",
                        "end": "int64"
                    },
                    "platform": "string",
                    "handle": "string",
                    "date": "string",
                    "link": "string",
                    "method": "string",
                    "confidence": "float64"
                }
            ],
            "claims": [
                {
                    "id": "string",
                    "text": "string",
                    "start": "int64",
                    "end": "int64",
                    "parts": [
                        {
                            "text": "string",
                            "start": "int64",
                            "end": "int64"
                        }
                    ],
                    "kind": "string",
                    "speaker": "string",
                    "source": {
                        "text": "string",
                        "start": "int64",
                        "end": "int64"
                    },
                    "cue": {
                        "text": "string",
                        "start": "int64",
                        "end": "int64"
                    },
                    "method": "string",
                    "confidence": "float64"
                }
            ]
        }
    },
    "quotes": {
        "description": "One row per quote (direct, partial, social post), with its article's id and dateline.",
        "splits": {
            "train": [
                "data/quotes/train-00000-of-00001.parquet"
            ]
        },
        "key": [
            "article_id",
            "id"
        ],
        "features": {
            "article_id": "string",
            "id": "string",
            "text": "string",
            "start": "int64",
            "end": "int64",
            "parts": [
                {
                    "text": "string",
                    "start": "int64",
                    "end": "int64"
                }
            ],
            "kind": "string",
            "speaker": "string",
            "speaker_name": "string",
            "source": {
                "text": "string",
                "start": "int64",
                "end": "int64"
            },
            "cue": {
                "text": "string",
                "start": "int64",
                "end": "int64"
            },
            "platform": "string",
            "handle": "string",
            "date": "string",
            "link": "string",
            "method": "string",
            "confidence": "float64",
            "dateline_place": "string",
            "dateline_country_code": "string",
            "dateline_geonames_id": "int64",
            "dateline_agencies": [
                "string"
            ],
            "dateline_date": "string",
            "dateline_date_basis": "string"
        }
    },
    "claims": {
        "description": "One row per claim (indirect speech, stance, according-to), with its article's id and dateline.",
        "splits": {
            "train": [
                "data/claims/train-00000-of-00001.parquet"
            ]
        },
        "key": [
            "article_id",
            "id"
        ],
        "features": {
            "article_id": "string",
            "id": "string",
            "text": "string",
            "start": "int64",
            "end": "int64",
            "parts": [
                {
                    "text": "string",
                    "start": "int64",
                    "end": "int64"
                }
            ],
            "kind": "string",
            "speaker": "string",
            "speaker_name": "string",
            "source": {
                "text": "string",
                "start": "int64",
                "end": "int64"
            },
            "cue": {
                "text": "string",
                "start": "int64",
                "end": "int64"
            },
            "method": "string",
            "confidence": "float64",
            "dateline_place": "string",
            "dateline_country_code": "string",
            "dateline_geonames_id": "int64",
            "dateline_agencies": [
                "string"
            ],
            "dateline_date": "string",
            "dateline_date_basis": "string"
        }
    },
    "actors": {
        "description": "One row per actor (person, organisation, country, place, group), with its article's id and dateline.",
        "splits": {
            "train": [
                "data/actors/train-00000-of-00001.parquet"
            ]
        },
        "key": [
            "article_id",
            "id"
        ],
        "features": {
            "article_id": "string",
            "id": "string",
            "name": "string",
            "type": "string",
            "titles": [
                "string"
            ],
            "aliases": [
                "string"
            ],
            "country_code": "string",
            "handles": [
                "string"
            ],
            "mentions": [
                {
                    "text": "string",
                    "start": "int64",
                    "end": "int64"
                }
            ],
            "dateline_place": "string",
            "dateline_country_code": "string",
            "dateline_geonames_id": "int64",
            "dateline_agencies": [
                "string"
            ],
            "dateline_date": "string",
            "dateline_date_basis": "string"
        }
    }
}
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
