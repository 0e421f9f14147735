"""Extraction stages: pure functions over a spaCy ``Doc``.

Each module handles one subtask and returns record parts sorted by position:
``dateline`` (where/when/by whom), ``actors`` (entities merged across mentions), ``quotes``
(direct, partial, social posts) and ``claims`` (indirect speech and stances).
"""
