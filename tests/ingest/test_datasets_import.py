"""Dataset importers on small invented fixtures: field mapping, precision, actors, ids."""

from __future__ import annotations

import pytest
from dataset_rows import (
    ACLED_LEGACY_ROWS, ACLED_ROWS, GTD_ROWS, UCDP_ROWS, write_csv,
)

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets import ActorLink, Imported, import_rows
from conflictlens.pipeline.dataset_rows import dataset_actor_lookup
from conflictlens.pipeline.session import registry_of


def good(dataset, path, actors=None) -> list[Imported]:
    items = list(import_rows(dataset, path, actors))
    errors = [i for i in items if isinstance(i, ConflictLensError)]
    assert not errors, errors
    return items


@pytest.fixture(scope="module")
def registry_lookup():
    return dataset_actor_lookup(registry_of((), ()))


def test_acled_2023_layout_maps_every_field(tmp_path, registry_lookup):
    first, second = good("acled", write_csv(tmp_path / "a.csv", "acled", ACLED_ROWS), registry_lookup)
    e = first.event
    assert (e.dataset, e.dataset_id) == ("ACLED", "AFG90001")
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert e.date.to_dict() == {"start": "2021-03-04", "end": "2021-03-04", "precision": "day"}
    assert e.location.to_dict() == {"country": "AF", "admin1": "Kabul", "admin2": "Kabul", "place": "Kabul",
                                    "lat": 34.5167, "lon": 69.1833, "precision": "place"}
    assert e.perpetrator == "Taliban" and e.target_actor == "Civilians"
    assert e.attribution[0].stance == "attributed" and e.attribution[0].by == "ACLED"
    assert e.fatalities.to_dict() == {"low": 3, "best": 3, "high": 3}
    assert e.summary == first.document.text == "An invented roadside bomb; 3 killed."
    # columns with no field of their own are kept verbatim, mapped spellings too
    assert e.extra["civilian_targeting"] == "Civilian targeting" and e.extra["actor2"] == "Civilians (Afghanistan)"
    assert "notes" not in e.extra and "latitude" not in e.extra
    doc = first.document
    assert (doc.outlet, doc.external_id, doc.id) == ("ACLED", "AFG90001", e.document_id)
    # an unidentified armed group is no perpetrator; a name the registry lacks stays as given
    assert second.event.perpetrator is None and second.event.attribution == []
    assert second.event.target_actor == "Some Invented Militia"
    assert (second.event.date.precision, second.event.location.precision) == ("week", "district")


def test_acled_older_layout_and_written_dates(tmp_path):
    (item,) = good("acled", write_csv(tmp_path / "old.csv", "acled_legacy", ACLED_LEGACY_ROWS))
    e = item.event
    assert e.date.start == "2019-02-05" and e.date.precision == "month"
    assert e.location.country == "PK" and e.location.precision == "province"
    assert e.extra["data_id"] == "7001" and e.extra["inter1"] == "3"


def test_acled_header_alias_sub_event_type_decoded(tmp_path):
    from conflictlens.ingest.datasets import layout_of
    columns = tuple("sub_event_type_decoded" if c == "sub_event_type" else c for c in layout_of("acled").columns)
    row = dict(ACLED_ROWS[0], sub_event_type_decoded=ACLED_ROWS[0]["sub_event_type"])
    (item,) = good("acled", write_csv(tmp_path / "a.csv", "acled", [row], columns=columns))
    assert item.event.sub_event_type == "Remote explosive/landmine/IED"


def test_gtd_claims_uncertainty_dates_and_casualties(tmp_path, registry_lookup):
    first, second = good("gtd", write_csv(tmp_path / "g.csv", "gtd", GTD_ROWS), registry_lookup)
    e = first.event
    assert (e.attack_type, e.target_type, e.weapon_type) == ("Bombing/Explosion", "Police", "Explosives")
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")
    assert e.claimed and e.perpetrator == "Taliban"
    stances = [(a.actor, a.stance, a.channel) for a in e.attribution]
    assert stances[0] == ("Taliban", "claimed", "Unknown")
    assert stances[1][0] == "Haqqani Network" and stances[1][1] == "suspected"
    # nkill 4 counts the one assailant killed (nkillter 1): the record keeps victims and assailants apart
    assert (e.fatalities.best, e.injured.best, e.perpetrators_killed.best) == (3, 7, 1)
    assert e.targets == ["Checkpoint"] and e.target_actor is not None
    assert e.extra["scite1"].startswith('"Invented headline') and e.location.precision == "place"
    late = second.event
    assert late.date.to_dict() == {"start": "2021-03-01", "end": "2021-03-20", "precision": "month"}
    assert late.perpetrator is None and late.attribution == [] and late.fatalities.best is None
    assert late.location.precision == "province" and late.location.country == "PK"


def test_ucdp_hdx_export_skips_the_hxl_row(tmp_path, registry_lookup):
    path = write_csv(tmp_path / "u.csv", "ucdp", UCDP_ROWS, hxl=True)
    (item,) = good("ucdp", path, registry_lookup)
    e = item.event
    assert e.fatalities.to_dict() == {"low": 4, "best": 5, "high": 9}
    assert e.date.start == e.date.end == "2009-05-01" and e.date.precision == "day"
    assert e.location.precision == "district" and e.location.admin2 == "Swat district"
    assert e.perpetrator == "Tehrik-i-Taliban Pakistan (TTP)" and e.extra["side_a"] == "TTP"
    assert e.event_type == "Violence against civilians" and item.document.published == "2009-05-02"


def test_ids_are_deterministic_and_per_row(tmp_path):
    path = write_csv(tmp_path / "a.csv", "acled", ACLED_ROWS)
    once = [(i.document.id, i.event.id, i.version) for i in good("acled", path)]
    twice = [(i.document.id, i.event.id, i.version) for i in good("acled", path)]
    assert once == twice and len({i for i, _, _ in once}) == 2


def test_a_custom_actor_lookup_is_used(tmp_path):
    def lookup(dataset, name, country, date):
        return ActorLink(name.upper(), in_registry=True)

    (item,) = good("acled", write_csv(tmp_path / "a.csv", "acled", ACLED_ROWS[:1]), lookup)
    assert item.event.perpetrator == "TALIBAN"


def test_xlsx_gtd_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from conflictlens.ingest.datasets import layout_of
    book = openpyxl.Workbook()
    sheet = book.active
    columns = layout_of("gtd").columns
    sheet.append(list(columns))
    for row in GTD_ROWS:
        sheet.append([_typed(row.get(c, "")) for c in columns])
    path = tmp_path / "gtd.xlsx"
    book.save(path)
    items = good("gtd", path)
    csv_items = good("gtd", write_csv(tmp_path / "g.csv", "gtd", GTD_ROWS))
    assert [i.event.to_dict() | {"extra": None} for i in items] == \
        [i.event.to_dict() | {"extra": None} for i in csv_items]
    assert items[0].event.dataset_id == "202103040001"


def _typed(value: str):
    """Spreadsheet cells hold numbers as numbers."""
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            continue
    return value or None


def test_a_column_outside_the_layout_is_kept_in_extra_when_filled(tmp_path):
    from dataset_rows import csv_text
    from conflictlens.ingest.datasets import layout_of
    columns = (*layout_of("acled").columns, "desk_note")
    rows = [{**ACLED_ROWS[0], "desk_note": "checked by phone"}, {**ACLED_ROWS[1], "desk_note": ""}]
    path = tmp_path / "a.csv"
    path.write_text(csv_text("acled", rows, columns), encoding="utf-8")
    first, second = good("acled", path)
    assert first.event.extra["desk_note"] == "checked by phone" and "desk_note" not in second.event.extra
    assert "tags" not in first.event.extra  # empty in the file: nothing kept


def test_a_linked_actor_with_regional_branches_follows_country_and_date(registry_lookup):
    """Links are cached per name, except where the branch depends on the row's country and date."""
    calls = [("ucdp", "IS", "AF", "2021-01-01"), ("ucdp", "IS", "PK", "2018-01-01"),
             ("ucdp", "IS", "PK", "2021-01-01"), ("acled", "Police", "AF", "2021-08-01"),
             ("acled", "Police", "AF", "2021-09-01"), ("acled", "Police", "PK", "2021-09-01")]
    linked = [registry_lookup(*call).canonical for call in calls]
    assert linked == ["Khorasan Chapter of the Islamic State", "Khorasan Chapter of the Islamic State",
                      "Pakistan Province of the Islamic State", "Afghan National Police (ANP)",
                      "Islamic Emirate of Afghanistan security forces", "Pakistan Police"]
    assert registry_lookup("acled", "Taliban", "AF", "2021-01-01") is registry_lookup("acled", "Taliban", "PK", None)
