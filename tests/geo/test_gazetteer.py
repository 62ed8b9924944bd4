"""Tests of the offline gazetteer (own example sentences; no restricted text)."""

from __future__ import annotations

import gzip
import time
from importlib import resources

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.geo import Gazetteer
from conflictlens.geo.normalize import name_key
from conflictlens.model.protocols import Geocoder


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def locate(gaz: Gazetteer, text: str):
    return gaz.best_location(gaz.find_places(text))


def test_satisfies_protocol_and_loads_fast(gaz):
    assert isinstance(gaz, Gazetteer)
    geocoder: Geocoder = gaz  # structural typing: the pipeline passes it as a Geocoder
    assert geocoder.find_places("") == []
    start = time.perf_counter()
    Gazetteer.load()  # cached
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize("variant,canonical", [
    ("Hilmand", "Helmand"), ("Oruzgan", "Uruzgan"), ("Urozgan", "Uruzgan"), ("Ningarhar", "Nangarhar"),
    ("Paktya", "Paktia"), ("Konar", "Kunar"), ("Sar-e Pol", "Sari Pul"), ("Sar-i-Pul", "Sari Pul"),
    ("Jowzjan", "Jawzjan"), ("Jauzjan", "Jawzjan"), ("Maidan Wardak", "Wardak"), ("Vardak", "Wardak"),
    ("Daikundi", "Daykundi"), ("Panjsher", "Panjshir"), ("Nimruz", "Nimroz"), ("Khowst", "Khost"),
    ("Qandahar", "Kandahar"), ("Bamiyan", "Bamyan"), ("Kondoz", "Kunduz"), ("NWFP", "Khyber Pakhtunkhwa"),
    ("Khyber-Pakhtunkhwa", "Khyber Pakhtunkhwa"), ("Azad Jammu and Kashmir", "Azad Kashmir"),
])
def test_province_spelling_variants(gaz, variant, canonical):
    assert [e.name for e in gaz.lookup(variant, kind="admin1")] == [canonical]


@pytest.mark.parametrize("variant", ["Mazar-i-Sharif", "Mazar-e-Sharif", "Mazari Sharif",
                                     "Pul-i-Khumri", "Puli Khumri", "Pul-e Khumri"])
def test_city_spelling_variants_normalise(gaz, variant):
    assert gaz.lookup(variant, kind="place", country="AF")


def test_connector_normalisation():
    assert name_key("Dasht-e-Barchi") == name_key("Dasht e Barchi") == name_key("Dashte Barchi")
    assert name_key("Qal'eh") == name_key("Qaleh")


def test_neighbourhood_resolves_to_its_city(gaz):
    loc, mention = locate(gaz, "A suicide bomber struck a school in Dasht-e-Barchi on Saturday.")
    assert mention is not None and mention.text == "Dasht-e-Barchi"
    assert (loc.country, loc.admin1, loc.admin2, loc.place) == ("AF", "Kabul", "Kabul", "Dasht-e-Barchi")
    assert loc.lat is not None


def test_city_with_district(gaz):
    loc, _ = locate(gaz, "Gunmen shot a shopkeeper in Ghazni city on Monday.")
    assert (loc.admin1, loc.place, loc.precision) == ("Ghazni", "Ghazni", "place")


def test_ambiguity_resolved_by_province_context(gaz):
    # Police District 2 exists in several cities; the province named decides.
    loc, _ = locate(gaz, "A bomb went off in Police District 2, Puli Khumri, Baghlan province.")
    assert loc.admin1 == "Baghlan"
    loc, _ = locate(gaz, "Clashes were reported in Arghandab district of Zabul province.")
    assert (loc.admin1, loc.precision) == ("Zabul", "district")
    # the open data spells Zabul's district "Argahandab"; GeoNames' "Arghandab" is its alias
    assert loc.admin2 in {e.name for e in gaz.lookup("Arghandab", kind="admin2", country="AF")}
    loc, _ = locate(gaz, "Clashes were reported in Arghandab district, Kandahar.")
    assert (loc.admin1, loc.admin2) == ("Kandahar", "Arghandab")


def test_district_beats_capital_city_named_as_province(gaz):
    loc, _ = locate(gaz, "Rockets hit houses in Ghoryan, Herat, Afghanistan.")
    assert (loc.admin2, loc.precision) == ("Ghoryan", "district")


def test_province_only_gives_province_centroid(gaz):
    loc, _ = locate(gaz, "Fighting continued across Faryab province, officials said.")
    assert (loc.country, loc.admin1, loc.place, loc.precision) == ("AF", "Faryab", None, "province")
    assert (loc.lat, loc.lon) == gaz.province_centroid("AF", "Faryab")


def test_country_only(gaz):
    loc, _ = locate(gaz, "Officials in Pakistan condemned the attack.")
    assert (loc.country, loc.admin1, loc.precision) == ("PK", None, "country")
    assert loc.lat is not None


def test_no_place_gives_empty_location(gaz):
    loc, mention = locate(gaz, "Nothing here names a place at all.")
    assert mention is None and loc.country is None and loc.lat is None


def test_lowercase_common_words_not_matched(gaz):
    text = "the police center said a bomb hit the bazaar near the village and killed khan."
    assert gaz.find_places(text) == []


def test_capitalised_common_words_and_person_names_not_matched(gaz):
    text = "Police said Mohammad Ali Khan, a Center official, was killed."
    assert gaz.find_places(text) == []


def test_weak_name_matches_with_cue(gaz):
    # "Dasht" is a village name and a common word: only with a cue.
    assert not gaz.find_places("Dasht was quiet.")
    assert [m.text for m in gaz.find_places("They reached Dasht village in Ghor.")][0] == "Dasht"


def test_mentions_left_to_right_longest_first(gaz):
    mentions = gaz.find_places("From Dera Ismail Khan to Khyber Pakhtunkhwa and Khyber.")
    assert [m.text for m in mentions] == ["Dera Ismail Khan", "Khyber Pakhtunkhwa", "Khyber"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_former_fata_belongs_to_kp(gaz):
    loc, _ = locate(gaz, "A drone strike was reported in Miranshah, North Waziristan.")
    assert (loc.country, loc.admin1, loc.admin2, loc.place) == (
        "PK", "Khyber Pakhtunkhwa", "North Waziristan", "Miranshah")


def test_quetta_neighbourhood(gaz):
    loc, _ = locate(gaz, "A blast targeted a market in Hazara Town, Quetta.")
    assert (loc.admin1, loc.place) == ("Balochistan", "Hazara Town")


def test_non_afpak_country_and_first_level_division(gaz):
    loc, _ = locate(gaz, "Insurgents raided a town in Borno, Nigeria.")
    assert (loc.country, loc.admin1, loc.precision) == ("NG", "Borno", "province")
    assert loc.lat is not None and 4 < loc.lat < 14


def test_punjab_disambiguated_by_city(gaz):
    loc, _ = locate(gaz, "A blast in Lahore, Punjab killed four.")
    assert (loc.country, loc.admin1, loc.place) == ("PK", "Punjab", "Lahore")


def test_every_country_present(gaz):
    for name, code in [("France", "FR"), ("Somalia", "SO"), ("Yemen", "YE"), ("Mali", "ML")]:
        assert any(e.country == code for e in gaz.lookup(name, kind="country"))


def test_user_extra_places(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("name\tkind\tcountry\tadmin1\tadmin2\tlat\tlon\taliases\n"
                     "Zarghun Kalay\tplace\tAF\tKandahar\tArghandab\t31.7\t65.7\tZarghoon Kalai\n",
                     encoding="utf-8")
    gaz = Gazetteer.load(str(extra))
    loc, _ = locate(gaz, "Shots were fired in Zarghoon Kalai, Kandahar.")
    assert (loc.place, loc.admin1, loc.lat, loc.precision) == ("Zarghun Kalay", "Kandahar", 31.7, "place")
    assert not Gazetteer.load().lookup("Zarghun Kalay")  # the bundled gazetteer is unchanged


def test_user_extra_places_errors(tmp_path):
    with pytest.raises(ConflictLensError) as err:
        Gazetteer.load(str(tmp_path / "missing.tsv"))
    assert err.value.code == "CL-E100"
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tkind\tcountry\nFoo\tplanet\tAF\n", encoding="utf-8")
    with pytest.raises(ConflictLensError):
        Gazetteer.load(str(bad))


def test_hostile_strings_do_not_crash(gaz):
    long_text = ("Kabul " * 20000) + "x" * 100000
    assert len(gaz.find_places(long_text)) == 20000
    control = "Kan\x00dahar\x07 \x1b[31mHerat\u200b \ufeffKabul\r\n\tGhazni"
    gaz.best_location(gaz.find_places(control))
    rtl = "انفجار در کابل و \u202eKandahar\u202c هرات ولایت دشت برچی"
    gaz.best_location(gaz.find_places(rtl))
    gaz.find_places("İ" * 1000 + "ß" + "\U0001F600" * 100)


def test_precomputed_keys_match_normaliser():
    path = resources.files("conflictlens.geo") / "data" / "gazetteer.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for n, line in enumerate(fh):
            if n % 37:
                continue
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            names = [row["name"], *filter(None, row["aliases"].split("|"))]
            expected = set(filter(None, (name_key(x) for x in names)))
            assert set(row["keys"].split("|")) == expected, row["id"]


def test_a_name_equally_likely_in_several_cities_keeps_only_what_they_share(gaz):
    """A bare "Saddar" is a neighbourhood of Karachi, Peshawar and Rawalpindi: the name in the country,
    at the country's precision, not a guess at one city."""
    loc, mention = locate(gaz, "A bomb exploded in Saddar on Monday, killing two people.")
    assert mention is not None and mention.text == "Saddar"
    assert (loc.country, loc.admin1, loc.admin2, loc.place, loc.precision) == ("PK", None, None, "Saddar", "country")
    assert loc.lat is not None  # the country's point, as for a report that names only the country
    for city, province in (("Karachi", "Sindh"), ("Rawalpindi", "Punjab"), ("Peshawar", "Khyber Pakhtunkhwa")):
        loc, _ = locate(gaz, f"A bomb exploded in Saddar, {city}, on Monday.")
        assert (loc.admin1, loc.admin2, loc.place) == (province, city, "Saddar")


def test_namesakes_far_apart_in_one_province_keep_the_province_unless_a_district_is_named(gaz):
    """Villages named Baghak lie in three Wardak districts, 20 to 65 km apart (and in eleven more provinces)."""
    assert {"Markazi Bihsud", "Nirkh", "Saydabad"} <= {e.admin2 for e in gaz.lookup("Baghak", country="AF")}
    loc, _ = locate(gaz, "Gunmen attacked a checkpoint in Baghak on Monday.")
    assert (loc.country, loc.admin1, loc.place, loc.precision) == ("AF", None, "Baghak", "country")
    loc, _ = locate(gaz, "Gunmen attacked a checkpoint in Baghak, Wardak, on Monday.")
    assert (loc.admin1, loc.admin2, loc.place, loc.precision) == ("Wardak", None, "Baghak", "province")
    assert (loc.lat, loc.lon) == gaz.province_centroid("AF", "Wardak")
    loc, _ = locate(gaz, "Gunmen attacked a checkpoint in Baghak, Nirkh district, Wardak.")
    assert (loc.admin2, loc.place, loc.precision) == ("Nirkh", "Baghak", "place")


def test_namesakes_a_few_kilometres_apart_are_one_answer(gaz):
    """Gerdab in Bati Kot and Gerdab in Kama (Nangarhar) are 17 km apart: a place, not an ambiguity."""
    loc, _ = locate(gaz, "Gunmen attacked a checkpoint in Gerdab village, Nangarhar province, on Monday.")
    assert (loc.admin1, loc.place, loc.precision) == ("Nangarhar", "Gerdab", "place")
    assert loc.admin2 in ("Bati Kot", "Kama")


def test_a_town_named_like_its_district_is_what_a_bare_name_means(gaz):
    loc, _ = locate(gaz, "A bomb went off in Sahiwal on Friday.")
    assert (loc.admin1, loc.admin2, loc.place, loc.precision) == ("Punjab", "Sahiwal", "Sahiwal", "place")


@pytest.mark.parametrize("text, country, admin1", [
    ("A bomb exploded in Kyiv on Monday.", "UA", "Kyiv"),
    ("Protesters gathered in Lima, Peru.", "PE", "Lima"),
    ("Clashes were reported in Ladakh, India.", "IN", "Ladākh"),
])
def test_provinces_do_not_count_as_namesakes(gaz, text, country, admin1):
    """Provinces sharing a name (a city that is a province of its own, two rows of one province) are
    not treated as namesakes: the province stays, and the world layer's city of that name in it
    gives the point (as a bare "Herat" means the city)."""
    loc, _ = locate(gaz, text)
    assert (loc.country, loc.admin1) == (country, admin1)
    assert loc.precision in ("province", "place") and loc.lat is not None


def test_namesakes_in_two_countries_keep_only_the_name(gaz):
    """Villages named Chinarak lie in Herat and in Khyber Pakhtunkhwa: the text names no country."""
    loc, _ = locate(gaz, "Fighting was reported in Chinarak on Monday.")
    assert (loc.country, loc.place, loc.lat, loc.precision) == (None, "Chinarak", None, None)
    loc, _ = locate(gaz, "Fighting was reported in Chinarak, Pakistan, on Monday.")
    assert (loc.country, loc.admin1, loc.place) == ("PK", "Khyber Pakhtunkhwa", "Chinarak")


def test_namesake_districts_keep_the_district_name_and_what_they_share(gaz):
    """Three Afghan districts are called Kohistan (Badakhshan, Faryab, Kapisa)."""
    loc, _ = locate(gaz, "Shelling hit Kohistan district on Monday.")
    assert (loc.country, loc.admin1, loc.admin2, loc.precision) == ("AF", None, "Kohistan", "country")
    loc, _ = locate(gaz, "Clashes were reported in Kohistan district of Kapisa.")
    assert (loc.admin1, loc.precision) == ("Kapisa", "district")


def test_close_namesakes_astride_a_provincial_border_are_not_one_answer(gaz):
    """Ashrafkhel villages in Kabul and Parwan provinces lie 22 km apart: the province is not known."""
    assert {e.admin1 for e in gaz.lookup("Ashrafkhel", kind="place")} >= {"Kabul", "Parwan"}
    loc, _ = locate(gaz, "A bomb went off in Ashrafkhel village on Monday.")
    assert (loc.country, loc.admin1, loc.place, loc.precision) == ("AF", None, "Ashrafkhel", "country")


@pytest.mark.parametrize("text, admin1, admin2", [
    # Two rows of one district (the other spelling has no real point: 0,0) are one district.
    ("Fighting was reported in Mandozai district on Monday.", "Khost", "Mandozai"),
    # The spelling the text uses picks among namesakes: Bannu, not Baghlan's Bano; Charsadda, not Ghor's Charsada.
    ("Militants attacked a police station in Bannu district on Monday.", "Khyber Pakhtunkhwa", "Bannu"),
    ("Clashes were reported in Charsadda district.", "Khyber Pakhtunkhwa", "Charsadda"),
])
def test_duplicate_rows_and_exact_spellings_settle_a_tie(gaz, text, admin1, admin2):
    loc, _ = locate(gaz, text)
    assert (loc.admin1, loc.admin2, loc.precision) == (admin1, admin2, "district")


def test_rows_of_one_district_take_a_real_point_whichever_comes_first(gaz):
    """Mandozai's other row (Ismail Khail) sits at 0,0, a placeholder: never the answer's point."""
    from conflictlens.model.protocols import PlaceMention
    mentions = gaz.find_places("Fighting was reported in Mandozai district on Monday.")
    flipped = [PlaceMention(m.start, m.end, m.text, tuple(reversed(m.candidates))) for m in mentions]
    for order in (mentions, flipped):
        loc, _ = gaz.best_location(order)
        assert (loc.admin1, loc.precision) == ("Khost", "district") and (loc.lat, loc.lon) != (0.0, 0.0)
        assert loc.lat is not None


def test_spelling_settles_nothing_when_a_country_has_namesakes_of_its_own(gaz):
    """Dalan in Wardak, Dallan in Balkh, and one in Pakistan: no country, no guess."""
    loc, _ = locate(gaz, "A bomb went off in Dalan village on Monday.")
    assert (loc.country, loc.place, loc.precision) == (None, "Dalan", None)


def test_a_possessive_is_no_place_cue_for_a_weak_name(gaz):
    # "Police" (a town in Poland) is a place only with a cue word: "Police district", not "Police's District Force"
    text = "Two jawans of the Chhattisgarh Police's District Force were killed."
    assert all(p.text.lower() not in ("police", "police's") for p in gaz.find_places(text))


def test_a_country_that_takes_sides_is_skipped_whole(gaz):
    text = "A missile hit a parade of forces loyal to the United Arab Emirates and the Saudi-backed army in Aden."
    names = [p.text for p in gaz.find_places(text)]
    assert names == ["Aden"]


def test_spelling_ranks_a_mentions_namesakes_not_other_mentions(gaz):
    # "Sanaa" is spelt as Yemen's capital, not Peru's "Sana"; that gives it no edge over "Aden" told first
    location, _ = locate(gaz, "A missile hit a camp in Aden. The Houthis, who hold the capital, Sanaa, claimed it.")
    assert (location.country, location.admin1) == ("YE", "Aden")


def test_the_spelling_across_countries_counts_before_how_specific_a_namesake_is(gaz):
    # "Kech" is Balochistan's district letter for letter; a German town known by it as an alternate name
    # (Ketsch) is more specific, yet not what a report that spells "Kech" means
    location, _ = locate(gaz, "Fighters bombed an army patrol in the hills of Kech on Tuesday.")
    assert (location.country, location.admin1, location.admin2) == ("PK", "Balochistan", "Kech")


def test_a_name_kept_as_written_among_namesakes_drops_its_possessive(gaz):
    # "Saddar" is a neighbourhood of several cities: the name is kept as written, without the "'s"
    location, _ = locate(gaz, "A blast hit Saddar's main market on Friday.")
    assert location.place == "Saddar"
