"""Reading PolNeAR attribution gold (brat standoff): articles with Source / Cue / Content relations.

A split folder holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``; when an
article has several annotators the first file by name is used (:func:`read_split`), and
:func:`read_annotators` gives every annotator's marking of those articles, to measure agreement. Spans are code-point offsets into the
text; a discontinuous span is a tuple of ``(start, end)`` parts, and a relation's ``Content2`` span
(a second part of its content, as '“A,” he said. “B.”' is sometimes marked) joins its content.
``Discuss``/``Discard`` flags are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsclaims.errors import NewsclaimsError

Parts = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldRelation:
    content: Parts
    cue: Parts = ()
    source: Parts = ()


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    relations: list[GoldRelation] = field(default_factory=list)
    annotator: str = ""


def _parse_parts(spec: str) -> Parts:
    return tuple((int(a), int(b)) for a, b in (p.split() for p in spec.split(";")))


def read_ann(path: Path) -> list[GoldRelation]:
    """The attribution relations of one brat ``.ann`` file (relations without content are dropped)."""
    spans: dict[str, tuple[str, Parts]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_bytes().decode("utf-8").split("\n"):
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # continuation of a multi-line span text
        if line.startswith("T"):
            kind, _, spec = fields[1].partition(" ")
            try:
                spans[fields[0]] = (kind, _parse_parts(spec))
            except ValueError as exc:
                raise NewsclaimsError(f"{path}: bad span line {line[:60]!r}") from exc
        elif line.startswith("E"):
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    out = []
    for rel in relations:
        parts = {role: spans[tid][1] for role, tid in rel.items() if tid in spans}
        # a relation whose content the annotator marked in two spans names the second "Content2"
        content = tuple(sorted(parts.get("Content", ()) + parts.get("Content2", ())))
        if content:
            out.append(GoldRelation(content, parts.get("Cue", ()), parts.get("Source", ())))
    return out


def _annotation_files(folder: str | Path) -> tuple[Path, dict[str, list[Path]]]:
    """The split's text folder and, per article name, its ``.ann`` files sorted by name."""
    folder = Path(folder)
    texts, anns = folder / "text", folder / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise NewsclaimsError(f"{folder}: not a PolNeAR split (expected text/ and attributions/ inside)")
    files: dict[str, list[Path]] = {}
    for ann in sorted(anns.glob("*.ann")):
        files.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    if not files:
        raise NewsclaimsError(f"{folder}: no .ann files under attributions/")
    return texts, files


def _article(texts: Path, name: str, ann: Path) -> GoldArticle:
    text_path = texts / f"{name}.txt"
    if not text_path.is_file():
        raise NewsclaimsError(f"{ann}: no text file {text_path}")
    return GoldArticle(name, text_path.read_bytes().decode("utf-8"), read_ann(ann), ann.stem.rsplit("_", 1)[1])


def read_split(folder: str | Path, *, limit: int | None = None) -> list[GoldArticle]:
    """Every article of a PolNeAR split folder with its gold relations (its first annotator's), sorted by name."""
    texts, files = _annotation_files(folder)
    return [_article(texts, name, files[name][0]) for name in sorted(files)[:limit]]


def read_annotators(folder: str | Path, *, limit: int | None = None) -> list[list[GoldArticle]]:
    """The articles of a split that several annotators marked, sorted by name: per article, one
    :class:`GoldArticle` per annotator (in the order of the file names)."""
    texts, files = _annotation_files(folder)
    several = sorted(name for name, anns in files.items() if len(anns) > 1)[:limit]
    return [[_article(texts, name, ann) for ann in files[name]] for name in several]
