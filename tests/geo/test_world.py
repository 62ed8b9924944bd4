"""The world layer of the gazetteer: English division names, Arabic-script aliases, namesakes across
countries steered by the report's country, and the per-country loading (own sentences only)."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from conflictlens.geo import Gazetteer
from scripts.geobuild.world import WorldBuilder, unit_key, usable_alias
from conflictlens.geo.loader import load_country
from conflictlens.geo.normalize import name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def locate(gaz: Gazetteer, text: str):
    return gaz.best_location(gaz.find_places(text))


@pytest.mark.parametrize("text, country, admin1, place", [
    ("Gunmen attacked a checkpoint in Arish, North Sinai, Egypt, killing two soldiers.", "EG", "North Sinai", "Arish"),
    ("Militants shelled a base near Kismayo, Lower Juba, Somalia.", "SO", "Lower Juba", "Kismayo"),
    ("A bomb exploded in Maiduguri, Borno, Nigeria.", "NG", "Borno", "Maiduguri"),
    ("An explosive device went off in Mosul, Nineveh, Iraq.", "IQ", "Nineveh", "Mosul"),
    ("A bomb exploded in Grozny, Chechnya, Russia.", "RU", "Chechnya", "Grozny"),
    ("Protesters set fire to cars in Hanover, Lower Saxony, Germany.", "DE", "Lower Saxony", "Hanover"),
    ("A gas canister bomb exploded outside a bank in Athens, Greece.", "GR", "Attica", "Athens"),
    ("Shots were fired at a house in Halmstad, Sweden.", "SE", "Halland", "Halmstad"),
    ("A blast damaged a market in Shenyang, Liaoning, China.", "CN", "Liaoning", "Shenyang"),
    ("Arsonists attacked a mosque in Cartagena, Murcia, Spain.", "ES", "Murcia", "Cartagena"),
    ("A crude bomb went off in Chittagong, Bangladesh.", "BD", "Chittagong", "Chattogram"),
])
def test_divisions_come_out_under_their_english_names(gaz, text, country, admin1, place):
    loc, _ = locate(gaz, text)
    assert (loc.country, loc.admin1, loc.place, loc.precision) == (country, admin1, place, "place")


@pytest.mark.parametrize("written, english", [
    ("Shamal Sina", "North Sinai"), ("Jubbada Hoose", "Lower Juba"), ("Ninawa", "Nineveh"),
    ("Salah ad Din", "Saladin"), ("Nord-Kivu", "North Kivu"),
    ("Niedersachsen", "Lower Saxony"), ("Attikí", "Attica"), ("Chechenskaya Respublika", "Chechnya"),
    ("Moskovskaya oblast'", "Moscow Oblast"), ("Vlaams Gewest", "Flanders"), ("Hallands län", "Halland"),
])
def test_transliterated_and_local_names_are_aliases_of_the_english_name(gaz, written, english):
    loc, _ = locate(gaz, f"Clashes were reported in {written} on Monday.")
    assert (loc.admin1, loc.precision) == (english, "province")


@pytest.mark.parametrize("text, admin1", [
    ("Attackers stabbed two people in Moscow, Russia.", "Moscow"),  # the federal city, not the oblast around it
    ("A man attacked a police officer in Zelenograd, Russia.", "Moscow"),
    ("A drone struck an oil depot in Belgorod, Russia.", "Belgorod Oblast"),
    ("A car was set alight in Zoetermeer, Netherlands.", "South Holland"),  # not North Holland, a near spelling
    ("A bomb went off in Lyon, France.", "Auvergne-Rhône-Alpes"),  # GeoNames still files it under Rhône-Alpes
])
def test_towns_geonames_files_under_an_english_or_older_name_get_their_division(gaz, text, admin1):
    loc, _ = locate(gaz, text)
    assert (loc.admin1, loc.precision) == (admin1, "place")


@pytest.mark.parametrize("text, country, admin1, place", [
    ("انفجار في شمال سيناء", "EG", "North Sinai", None),
    ("قتل ثلاثة أشخاص في الموصل", "IQ", "Nineveh", "Mosul"),
    ("هجوم في مقديشو", "SO", None, "Mogadishu"),
])
def test_arabic_script_names_are_found(gaz, text, country, admin1, place):
    loc, _ = locate(gaz, text)
    assert loc.country == country and loc.place == place
    assert admin1 is None or loc.admin1 == admin1


@pytest.mark.parametrize("text, country", [
    ("A car bomb exploded in Tripoli, Lebanon, on Monday.", "LB"),
    ("A car bomb exploded in Tripoli, Libya, on Monday.", "LY"),
    ("A car bomb exploded in Tripoli, Greece, on Monday.", "GR"),
])
def test_the_reports_country_picks_among_namesakes_abroad(gaz, text, country):
    loc, _ = locate(gaz, text)
    assert (loc.country, loc.place, loc.precision) == (country, "Tripoli", "place")


def test_a_bigger_namesake_abroad_is_no_reason_to_move_an_event():
    """Nothing in the text tells the cities called Cartagena apart (Colombia's is four times Spain's):
    their size does not either. Named with its country, each is found."""
    gaz = Gazetteer.load()
    loc, _ = locate(gaz, "Rockets hit Cartagena on Monday.")
    assert (loc.country, loc.place, loc.lat) == (None, "Cartagena", None)
    loc, _ = locate(gaz, "Rockets hit Cartagena, Spain, on Monday.")
    assert (loc.country, loc.place) == ("ES", "Cartagena")


def test_the_country_most_of_the_names_share_steers_a_namesake(gaz):
    """Jalalabad has namesakes in India; Nangarhar does not: the event stays in Afghanistan."""
    loc, _ = locate(gaz, "Gunmen killed a driver in Jalalabad city, the capital of Nangarhar.")
    assert (loc.country, loc.admin1, loc.place) == ("AF", "Nangarhar", "Jalalabad")
    loc, _ = locate(gaz, "A bomb went off in Jalalabad on Monday.")
    assert (loc.country, loc.place) == ("AF", "Jalalabad")  # a curated place: what the name means


def test_the_one_country_all_ambiguous_names_share_is_the_reports(gaz):
    """Hyderabad is in Pakistan and India, Jalalabad in Afghanistan and India: only India has both."""
    loc, _ = locate(gaz, "Protests spread from Hyderabad to Jalalabad on Monday.")
    assert loc.country == "IN" and loc.place == "Hyderabad"


def test_a_countrys_towns_are_read_only_when_a_text_uses_its_names(gaz):
    load_country.cache_clear()
    gaz.find_places("kismayo")  # no capitalised word: nothing looked up
    assert load_country.cache_info().currsize == 0
    gaz.find_places("Kismayo")  # a Somali name only: Somalia's file alone
    assert load_country.cache_info().currsize == 1


def test_a_country_file_builds_an_entry_when_its_key_is_first_used():
    load_country.cache_clear()
    index, meta = load_country("YE")
    [sanaa] = [e for e in index["sana"] if e.kind == "place" and e.country == "YE"]
    assert sanaa.name == "Sanaa" and sanaa.population > 1_000_000
    assert index["sana"] == index["sana"]  # built once, the same entries each time
    assert meta[sanaa.id].strength in "cgvw"
    assert len(index.rows.entries) < len(index) / 10  # the other towns are still lines
    some_id = next(iter(meta))  # an id never looked up by key still has its Meta
    assert meta[some_id].strength in "cgvw"
    with pytest.raises(KeyError):
        meta["gnw:YE:not-a-row"]


def test_world_files_keys_match_the_normaliser():
    folder = resources.files("conflictlens.geo") / "data" / "world"
    for cc in ("EG", "SO", "IQ"):
        with (folder / f"{cc}.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split("\t")
            for n, line in enumerate(fh):
                row = dict(zip(header, line.rstrip("\n").split("\t")))
                names = [row["name"], *filter(None, row["aliases"].split("|"))]
                if n % 13 == 0:
                    assert set(row["keys"].split("|")) == set(filter(None, map(name_key, names))), row["id"]
                assert row["id"].split(":")[1] == cc  # the loader finds a world entry's file by its id


def test_english_rows_rename_the_division_they_name_exactly():
    base = [_row("a1:UA-30", "Kyiv"), _row("a1:UA-32", "Kyivska oblast"), _row("a1:EG-SIN", "Shamāl Sīnā'")]
    english = [{"country": "UA", "name": "Kyiv Oblast", "aliases": "Kyivska oblast"},
               {"country": "EG", "name": "North Sinai", "aliases": "Shamāl Sīnā'|شمال سيناء"}]
    b = WorldBuilder(base, english)
    names = {e.id: (e.name, e.aliases) for e in b.entries}
    assert names["a1:UA-30"][0] == "Kyiv" and names["a1:UA-32"][0] == "Kyiv Oblast"
    assert names["a1:EG-SIN"] == ("North Sinai", ["Shamāl Sīnā'", "شمال سيناء"])
    assert b.admin1_of("EG", "Muhafazat Shamal Sina'").name == "North Sinai"
    assert b.admin1_of("UA", "Kyiv").name == "Kyiv"  # "Kyiv Oblast" less its kind is no claim on it


def test_aliases_kept_are_names_as_people_write_them():
    assert usable_alias("Al Mawsil") and usable_alias("الموصل")
    assert not usable_alias("MSL") and not usable_alias("maydwghwry") and not usable_alias("Мосул")
    assert unit_key("Basra Governorate") == unit_key("Basra") == name_key("Basra")


def _row(row_id: str, name: str) -> dict[str, str]:
    return {"id": row_id, "kind": "admin1", "name": name, "country": row_id[3:5], "aliases": "",
            "lat": "", "lon": "", "strength": "g"}


def test_datasets_names_of_countries_are_known(gaz):
    assert [e.country for e in gaz.lookup("West Bank and Gaza Strip", kind="country")] == ["PS"]
    assert [e.country for e in gaz.lookup("DR Congo", kind="country")] == ["CD"]


@pytest.mark.parametrize("text", [
    "Southern forces said they repelled the attack.",
    "Fighters came from the West, officials said.",
])
def test_a_common_word_is_no_alias_of_a_division_abroad(gaz, text):
    """"Southern" (Israel's Southern District) and "West" (Cameroon's West region) need a cue word."""
    assert gaz.find_places(text) == []


def test_a_big_city_often_in_the_news_needs_no_cue_but_an_everyday_word_does(gaz):
    loc, _ = locate(gaz, "A car bomb exploded in Baghdad on Monday, Iraqi police said.")
    assert (loc.country, loc.place, loc.precision) == ("IQ", "Baghdad", "place")
    assert gaz.find_places("Reading the statement, officials said nothing more.") == []


def test_a_name_before_province_that_names_no_province_is_not_a_town(gaz):
    """Horasan, a Turkish town, is also written Khorasan: "Khorasan Province" is no town."""
    mentions = gaz.find_places("Islamic State Khorasan Province fighters ambushed a patrol in Kunar province.")
    assert [m.text for m in mentions] == ["Kunar"]


def test_the_world_key_list_is_sorted_so_that_bisection_finds_every_key():
    from conflictlens.geo.loader import load_bundled

    countries = load_bundled().world.countries
    keys = countries.keys_
    assert all(a < b for a, b in zip(keys, keys[1:]))  # scripts/build_global_geo.py writes them sorted
    assert "YE" in countries[name_key("Sanaa")].split() and name_key("Sanaa") in countries
    assert "no such place at all" not in countries and countries.get("no such place at all") is None


def test_the_first_words_found_by_bisection_are_the_builders_list_of_them():
    """`FirstWords` answers from the sorted keys what the file's third block lists: the first word of
    every world key, and no other word (nor a word that only starts one)."""
    import gzip

    from conflictlens.geo.loader import WORLD_KEYS, _data_dir, load_bundled

    with gzip.open(_data_dir() / WORLD_KEYS, "rt", encoding="utf-8") as fh:
        listed = frozenset(fh.read().split("\n\n")[2].split("\n"))
    first = load_bundled().first_words
    assert all(word in first for word in listed)
    unlisted = ({word[:-1] for word in listed} | {word + "q" for word in listed}) - listed
    assert [w for w in unlisted if w not in first.eager and w in first] == []
