"""The only layer that wires stages together (DEVELOPERS.md): one module per kind of job.

`extraction` turns reports into stored events. Other jobs (dataset import and export, incident
resolution, the attribution ledger) live beside it, each importing the stages it needs.
"""

from conflictlens.pipeline.extraction import (  # noqa: F401  (the public wiring API)
    BATCH_DOCUMENTS,
    IngestReport,
    build_extractor,
    dumps,
    event_with_sentences,
    extract_batch,
    extract_file,
    extractor_if_stored,
    ingest,
    sample_paths,
    sentence_around,
)
