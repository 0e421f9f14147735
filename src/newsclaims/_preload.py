"""Imported once by the forkserver that starts ``convert``'s worker processes.

It pays the one-time costs (parser, gazetteers, word lists, cue model) before any worker is
forked, then freezes the garbage collector's view of those objects so that collections in the
workers do not write to, and so copy, the pages they share. The model is the default one (or
``NEWSCLAIMS_SPACY_MODEL``); a worker asked for another loads that one itself. A failure here
only costs the sharing: each worker then loads what it needs, and reports errors itself.
"""

import gc
import logging

try:
    from newsclaims.pipeline import warm_up

    warm_up()
except Exception:  # noqa: BLE001 - e.g. the default model is missing and --model names another
    logging.getLogger(__name__).debug("forkserver warm-up failed; workers load their own", exc_info=True)
gc.freeze()
