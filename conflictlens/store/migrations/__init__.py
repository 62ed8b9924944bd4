"""Numbered SQL migrations (``NNNN_name.sql``), applied in order by ``conflictlens.store.schema``.

A package (not a bare folder) so the ``*.sql`` files ship in the wheel as package data.
"""
