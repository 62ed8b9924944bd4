"""A country file's lines by name key: one line number per key, a list only where several lines share it."""

from conflictlens.geo.line_keys import lines_by_key
from conflictlens.geo.loader import _CountryIndex, _CountryRows

HEADER = "id\tname\tkind\tadmin1\tcountry\tadmin2\tlat\tlon\tpopulation\tstrength\twithin\tkeys"


def _line(n: int, name: str, keys: str) -> str:
    return f"gnl:ZZ:{n}\t{name}\tplace\tNorth\tZZ\t\t1.0\t2.0\t100\tg\t\t{keys}"


def test_keys_shared_by_lines_keep_every_line_in_order():
    lines = [HEADER, _line(1, "Oldtown", "oldtown|old town"), _line(2, "Newtown", "newtown"),
             _line(3, "Old Town", "old town|old town"), _line(4, "Oldtown East", "oldtown")]
    assert lines_by_key(lines) == {"oldtown": [1, 4], "old town": [1, 3], "newtown": 2}


def test_empty_keys_are_skipped_and_entries_come_in_line_order():
    lines = [HEADER, _line(1, "Hilltop", "hilltop||"), _line(2, "Hilltop", "hilltop"), _line(3, "Nameless", "")]
    rows = _CountryRows(lines, {})
    assert rows.by_key == {"hilltop": [1, 2]}
    index = _CountryIndex(rows)
    assert [e.id for e in index["hilltop"]] == ["gnl:ZZ:1", "gnl:ZZ:2"]
    assert len(index) == 1 and list(index) == ["hilltop"]
