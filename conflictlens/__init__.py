"""conflictlens: structured, sourced event records from reports of political violence."""

__version__ = "0.1.0"
