"""A country file's lines by name key (`loader._CountryRows`): the builders write each line's keys last,
'|'-separated."""

from __future__ import annotations


def lines_by_key(lines: list[str]) -> dict[str, int | list[int]]:
    """Name key -> the line (past the header) that has it, or the lines in order when several do (few do:
    a list for every key cost a country's file a third more memory and time to index)."""
    by_key: dict[str, int | list[int]] = {}
    for n in range(1, len(lines)):
        line = lines[n]
        keys = line[line.rfind("\t") + 1:]  # the builders write `keys` last
        for key in (dict.fromkeys(keys.split("|")) if "|" in keys else (keys,)):
            if not key:
                continue
            found = by_key.setdefault(key, n)
            if found != n:
                if isinstance(found, int):
                    by_key[key] = [found, n]
                else:
                    found.append(n)
    return by_key
