"""The geo stage: an offline gazetteer that finds place names and geocodes events.

Only the standard library is needed at run time; the bundled data is built by
scripts/build_reference_geo.py (Afghanistan and Pakistan in depth, countries, first-level divisions)
and scripts/build_global_geo.py (the world layer: English division names, GeoNames second-level
units and towns, one file per country read on first use) from open sets (attributions in NOTICE).
"""

from conflictlens.geo.gazetteer import Gazetteer

__all__ = ["Gazetteer"]
