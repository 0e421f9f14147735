"""Evaluation against external gold: datelines, attributions (PolNeAR), coreference (GAP).

Each module exposes ``evaluate(gold, **options) -> Result`` where ``Result.format()`` is the printed
report; ``newsclaims eval <what>`` prints it.
"""
