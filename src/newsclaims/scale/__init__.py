"""Running newsclaims on engines built for scale (``newsclaims.scale.datatrove``; the ``scale`` extra)."""
