"""Long reports: read a section at a time, with events and spans as if read whole (issue 17, defect 2)."""

from types import SimpleNamespace

from conflictlens.extract.chunks import char_batches
from conflictlens.extract.extractor import NER_BATCH_CHARS, NER_PIECE_CHARS, SECTION_CHARS, Extractor
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

FILLER = ("The provincial council in Kabul met again to discuss the budget for schools, roads and clinics. "
          "Elders from Nangarhar asked for more teachers. The session was adjourned at noon.")
ATTACK = ("A roadside bomb exploded in Ghazni on March 2, 2021, killing 3 civilians and wounding four others. "
          "The Taliban claimed responsibility for the attack.")
RAID = "Gunmen opened fire on a police checkpoint in Kunduz on Tuesday. 6 police officers were killed."


def doc(text, published="2021-03-20"):
    return Document(id=document_id(text), text=text, published=published)


def filler(chars):
    return "\n\n".join([FILLER] * (chars // (len(FILLER) + 2) + 1))


def summary(event):
    return (event.sub_event_type, event.date.start, event.fatalities.best, event.injured.best, event.perpetrator,
            event.claimed, event.location.admin1, sorted(event.evidence))


def test_an_attack_deep_in_a_long_report_reads_as_it_does_alone(extractor):
    text = filler(3 * SECTION_CHARS) + "\n\n" + ATTACK + "\n\n" + filler(SECTION_CHARS)
    offset = text.index(ATTACK)
    [alone] = extractor.extract(doc(ATTACK))
    [event] = extractor.extract(doc(text))
    assert summary(event) == summary(alone)
    assert event.document_id == document_id(text)
    for name, spans in alone.evidence.items():
        moved = [(ev.start + offset, ev.end + offset, ev.text) for ev in spans]
        assert [(ev.start, ev.end, ev.text) for ev in event.evidence[name]] == moved
        assert all(text[ev.start: ev.end] == ev.text for ev in event.evidence[name])


def test_events_of_different_sections_are_events_of_the_one_report(extractor):
    text = "\n\n".join([ATTACK, filler(2 * SECTION_CHARS), RAID, filler(SECTION_CHARS),
                       ATTACK.replace("Ghazni", "Herat").replace("March 2", "March 9")])
    events = extractor.extract(doc(text))
    assert [(e.location.admin1, e.date.start) for e in events] == [
        ("Ghazni", "2021-03-02"), ("Kunduz", "2021-03-16"), ("Herat", "2021-03-09")]
    assert {e.document_id for e in events} == {document_id(text)} and len({e.id for e in events}) == 3
    assert all(text[ev.start: ev.end] == ev.text for e in events for evs in e.evidence.values() for ev in evs)
    assert extractor.extract(doc(text)) == events  # deterministic ids and values


def test_the_opening_dateline_dates_every_section(extractor):
    text = "KABUL, March 20, 2021 (Kabul Wire) - " + FILLER + "\n\n" + filler(2 * SECTION_CHARS) + "\n\n" + RAID
    [event] = extractor.extract(doc(text, published=None))
    assert event.date.start == "2021-03-16"  # the Tuesday before the dateline's Saturday


class RecordingNlp:
    """Stands in for spaCy: records what it is given to tag, and finds no entities."""

    def __init__(self):
        self.batches = []

    def pipe(self, texts, batch_size):
        texts = list(texts)
        self.batches.append([len(t) for t in texts])
        return [SimpleNamespace(ents=[]) for _ in texts]


def test_spacy_tags_bounded_pieces_near_triggers_only():
    text = filler(3 * SECTION_CHARS) + "\n\n" + ATTACK + "\n\n" + filler(SECTION_CHARS)
    recorder = RecordingNlp()
    extractor = Extractor(use_ner=False)
    extractor.nlp = recorder
    extractor.extract(doc(text))
    tagged = [n for batch in recorder.batches for n in batch]
    assert tagged and max(tagged) <= NER_PIECE_CHARS
    assert all(sum(batch) <= NER_BATCH_CHARS for batch in recorder.batches)
    assert sum(tagged) <= 2 * NER_PIECE_CHARS  # the piece with the attack and the one after it


def test_batches_of_pieces_keep_to_the_character_budget():
    pieces = [(i, 0, "x" * n) for i, n in enumerate([30, 30, 50, 10, 120, 5])]
    batches = [[len(p[2]) for p in b] for b in char_batches(pieces, 100)]
    assert batches == [[30, 30], [50, 10], [120], [5]]


def test_a_bulletin_reads_each_date_a_bounded_number_of_times(extractor, monkeypatch):
    """Dating an incident used to rescan the whole text for dates and re-read every date before it:
    minutes for a bulletin of a thousand incidents. Each date is now found once and read a few times."""
    from conflictlens.extract.dates import mentions as dates

    items = [f"A roadside bomb exploded in Ghazni on March {i % 28 + 1}, 2021, killing {i % 9 + 2} civilians."
             for i in range(60)]
    text = "\n\n".join(items)
    calls = {"scans": 0, "reads": 0}
    scan, read = dates.find_date_mentions, dates.resolve_mention

    def counted_scan(t):
        calls["scans"] += len(t) == len(text)
        return scan(t)

    def counted_read(*args, **kwargs):
        calls["reads"] += 1
        return read(*args, **kwargs)

    monkeypatch.setattr(dates, "find_date_mentions", counted_scan)
    monkeypatch.setattr(dates, "resolve_mention", counted_read)
    events = extractor.extract(doc(text))
    assert [e.date.start for e in events] == [f"2021-03-{i % 28 + 1:02d}" for i in range(60)]
    assert calls["scans"] <= 1 and calls["reads"] <= 3 * len(items)


def test_long_reports_are_not_read_ahead_a_whole_batch_at_a_time():
    """extract_many used to read 64 documents before extracting the first: 64 long reports at once."""
    from conflictlens.extract.extractor import READ_AHEAD_CHARS

    pulled = []

    def reports():
        for i in range(3):
            pulled.append(i)
            yield doc(f"Report {i}. " + filler(READ_AHEAD_CHARS))

    stream = Extractor(use_ner=False).extract_many(reports())
    next(stream)
    assert pulled == [0]
    assert len(list(stream)) == 2


def test_an_event_dated_by_the_event_of_an_earlier_section_points_at_that_date(extractor):
    """An event with no date of its own takes the previous event's; when that was told in an earlier
    section, its evidence span was counted in the wrong section (an empty or unrelated text)."""
    undated = "Taliban fighters attacked an army outpost in Helmand, leaving 5 soldiers dead."
    text = "\n\n".join([ATTACK, filler(SECTION_CHARS), undated])
    events = extractor.extract(doc(text))
    assert [e.date.start for e in events] == ["2021-03-02", "2021-03-02"]
    [date] = events[1].evidence["date"]
    assert (date.start, date.text) == (text.index("March 2, 2021"), "March 2, 2021")
