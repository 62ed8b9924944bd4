"""The PostgreSQL schema: one file per version of the SQLite migrations beside it, same number and name."""
