"""The geo stage: an offline gazetteer that finds place names and geocodes events.

Only the standard library is needed at run time; the bundled data is built by
scripts/build_reference_geo.py from open sets (attributions in NOTICE).
"""

from conflictlens.geo.gazetteer import Gazetteer

__all__ = ["Gazetteer"]
