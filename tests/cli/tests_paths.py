"""Lets CLI tests import the invented-row helpers of tests/analysis."""

import sys
from pathlib import Path

ANALYSIS = Path(__file__).resolve().parents[1] / "analysis"
if str(ANALYSIS) not in sys.path:
    sys.path.insert(0, str(ANALYSIS))
