"""Templates, CSS and JS of the review pages (package data in ``templates/``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def read_asset(name: str) -> str:
    return (resources.files("newsclaims.review") / "templates" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment():
    """A Jinja2 environment that escapes every value it writes into HTML."""
    from jinja2 import ChainableUndefined, Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("newsclaims.review", "templates"), autoescape=select_autoescape(default=True),
                       undefined=ChainableUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
