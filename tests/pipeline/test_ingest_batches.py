"""How `pipeline.ingest` groups documents into store transactions."""

from conflictlens.extract.extractor import Extractor
from conflictlens.pipeline import extraction
from conflictlens.store import Store


def test_long_reports_are_saved_before_the_batch_holds_too_much_text(tmp_path, monkeypatch):
    """A batch was only cut at 200 documents: 200 long reports were all held in memory until saved."""
    saved = []
    save = extraction._save

    def recording_save(store, batch, *args, **kwargs):
        saved.append(len(batch))
        return save(store, batch, *args, **kwargs)

    monkeypatch.setattr(extraction, "_save", recording_save)
    monkeypatch.setattr(extraction, "BATCH_CHARS", 1_000)
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(f"Report {i}. " + "The council met again. " * 30, encoding="utf-8")
    with Store.open(str(tmp_path / "b.db")) as store:
        report = extraction.ingest([tmp_path], store, Extractor(use_ner=False))
    assert report.inserted == 3 and [n for n in saved if n] == [2, 1]
