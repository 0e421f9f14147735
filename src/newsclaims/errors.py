"""Exceptions the library raises; only the CLI turns them into exit codes."""

from __future__ import annotations


class NewsclaimsError(Exception):
    """Base class for every error newsclaims raises on purpose."""


class ArticleError(NewsclaimsError):
    """An article that cannot be read or converted, located by its file."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # picklable, so that worker processes can send it back
        return type(self), (self.path, self.reason)


class ModelNotFound(NewsclaimsError):
    """The configured spaCy model is not installed."""


class OutputError(NewsclaimsError):
    """An output path that may not be written (outside the output folder, say)."""
