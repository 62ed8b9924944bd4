"""Analysis stage: pure reasoning over stored records (source grading, estimative attribution, ACH).

Imports only the model and errors; the pipeline hands it statements, grades and overrides.
"""
