"""newsclaims: who said what, where and when — a validated corpus built from raw news articles."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"
