"""`pipeline.ingest` tells its caller how many files it reads and how many it has read (issue 17)."""

from __future__ import annotations

from conflictlens import pipeline
from conflictlens.ingest import iter_documents, report_files
from conflictlens.store import Store


def _reports(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Gunmen killed two police officers in Herat on Sunday.\n")
    (folder / "sub" / "b.jsonl").write_text('{"text": "A bomb killed three people in Kabul."}\n'
                                            '{"text": "Gunmen attacked a checkpoint in Kandahar."}\n')
    (folder / ".hidden.txt").write_text("not read\n")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01" * 50)
    return [folder, tmp_path / "c.txt", tmp_path / "missing.txt"]


def test_report_files_lists_what_iter_documents_reads_in_its_order(tmp_path):
    paths = _reports(tmp_path)
    files = report_files(paths)
    assert [getattr(f, "name", None) for f in files] == ["a.txt", "b.jsonl", "c.txt", None]
    assert files[-1].code == "CL-E100"
    read = [d.source_path if hasattr(d, "source_path") else d.subject for d in iter_documents(paths)]
    assert read[0].endswith("a.txt") and read[-1].endswith("missing.txt")


def test_ingest_reports_files_read_out_of_all(tmp_path, extractor):
    progress = []
    with Store.open(":memory:") as store:
        report = pipeline.ingest(_reports(tmp_path), store, extractor,
                                 on_file=lambda done, total: progress.append((done, total)))
    assert progress == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert report.inserted == 3 and len(report.errors) == 2
