#!/usr/bin/env python3
"""Build data/ from seeds/ (same as `newsclaims build`); extra arguments are passed on."""

import sys

from newsclaims.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
