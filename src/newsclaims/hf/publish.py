"""Publishing to the Hugging Face Hub: stage exactly what goes up, then upload it.

``stage`` copies the dataset card, the loading script and the Parquet file of every configuration
from the dataset root (the folder holding ``data/``) into an empty folder and writes
``croissant.json`` beside them. It first checks that the card, the loading script and the
flattened tables follow the articles table, so a stale checkout is never published. ``upload``
sends a staged folder to a dataset repository with ``huggingface_hub`` and the user's token
(``HF_TOKEN`` or ``huggingface-cli login``).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsclaims.errors import NewsclaimsError
from newsclaims.hf.card import render_card
from newsclaims.hf.croissant import croissant_bytes
from newsclaims.hf.loader import SCRIPT_NAME, render_loader
from newsclaims.hf.tables import DEFAULT_CONFIG, table_files, tables

CROISSANT = "croissant.json"
CARD = "README.md"
REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")


class PublishError(NewsclaimsError):
    """The dataset cannot be staged or uploaded as it is."""


@dataclass(slots=True)
class Staged:
    folder: Path
    files: list[str]  # relative POSIX paths, sorted


def hub_url(repo_id: str) -> str:
    return f"https://huggingface.co/datasets/{repo_id}"


def check_repo_id(repo_id: str) -> str:
    if not REPO_ID.match(repo_id):
        raise PublishError(f"repository id {repo_id!r} is not of the form ORG/NAME")
    return repo_id


def read_records(dataset_root: Path) -> list[dict]:
    path = dataset_root / "data" / tables()[DEFAULT_CONFIG].jsonl()
    if not path.is_file():
        raise PublishError(f"{path} does not exist: run `newsclaims build` first")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def stale_files(dataset_root: Path, records: list[dict]) -> list[str]:
    """Files of the dataset root that do not follow ``records`` (the articles table)."""
    expected: dict[str, bytes] = {f"data/{rel}": data for rel, data in table_files(records).items() if rel.endswith(".parquet")}
    card = dataset_root / CARD
    expected[CARD] = render_card(records, card.read_text(encoding="utf-8") if card.exists() else None).encode("utf-8")
    expected[SCRIPT_NAME] = render_loader(records).encode("utf-8")
    return [rel for rel, data in sorted(expected.items())
            if not (dataset_root / rel).is_file() or (dataset_root / rel).read_bytes() != data]


def stage(dataset_root: Path, dest: Path, *, repo_id: str) -> Staged:
    """Stage the card, the loading script, the Parquet files and ``croissant.json`` into ``dest``."""
    check_repo_id(repo_id)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise PublishError(f"{dest} exists and is not an empty folder: choose a new folder to stage into")
    records = read_records(dataset_root)
    if not records:
        raise PublishError(f"{dataset_root / 'data'} holds no article: nothing to publish")
    stale = stale_files(dataset_root, records)
    if stale:
        raise PublishError(f"stale files (not what the articles table gives now): {', '.join(stale)}; "
                           "run `newsclaims build` and commit")
    files = [CARD, SCRIPT_NAME, *(f"data/{t.parquet()}" for t in tables().values())]
    dest.mkdir(parents=True, exist_ok=True)
    for rel in files:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dataset_root / rel, dest / rel)
    (dest / CROISSANT).write_bytes(croissant_bytes(dest, records, url=hub_url(repo_id)))
    return Staged(dest, sorted([*files, CROISSANT]))


def upload(staged: Staged, *, repo_id: str, private: bool = False, api: Any = None,
           commit_message: str = "Publish newsclaims corpus") -> str:
    """Create the dataset repository if needed and upload the staged folder; returns the commit URL."""
    check_repo_id(repo_id)
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    try:
        api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        commit = api.upload_folder(folder_path=str(staged.folder), repo_id=repo_id, repo_type="dataset",
                                   commit_message=commit_message)
    except Exception as exc:  # noqa: BLE001 - network, auth and Hub errors all stop the upload the same way
        raise PublishError(f"upload to {hub_url(repo_id)} failed: {exc} (is a token set? `huggingface-cli login` or HF_TOKEN)") from exc
    return str(getattr(commit, "commit_url", commit))
