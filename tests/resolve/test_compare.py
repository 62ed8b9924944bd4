"""Pairwise comparison: outcomes per feature, vetoes, and the score."""

from __future__ import annotations

from conflictlens.resolve.compare import compare
from conflictlens.resolve.names import content_words, similar_skeletons, skeleton
from conflictlens.resolve.settings import settings
from resolve_helpers import event, profile

S = settings()


def outcomes(a, b) -> dict[str, str]:
    return dict(compare(profile(a), profile(b), S).outcomes)


def test_spelling_variants_share_a_skeleton():
    assert skeleton("makin") == skeleton("makeen")
    assert skeleton("ipi") == skeleton("eppi")
    assert skeleton("khyber pakhtunkhwa") == skeleton("khyber pakhtunkwa")
    assert skeleton("dasht e barchi") == skeleton("dasht i barchi") == skeleton("dashte barchi")
    assert not similar_skeletons(skeleton("hayatabad"), skeleton("saddar"))


def test_content_words_read_numbers_both_ways_and_drop_common_words():
    words = content_words(["Five soldiers were killed near the bridge"], 20, S.common_words)
    assert "5" in words and "bridge" in words and "killed" not in words and "soldier" not in words


def test_two_reports_of_one_bombing_score_above_threshold():
    first = event("a", killed=16, injured=30, text="A suicide bomber blew himself up among mourners at a funeral")
    later = event("b", place="Dasht-i-Barchi", killed=24, injured=41, perp="Khorasan Chapter of the Islamic State",
                  text="The death toll from the suicide bombing at a funeral has risen to 24")
    result = compare(profile(later, "Pamir Post"), profile(first), S)
    assert result.veto is None and result.score >= S.threshold
    assert dict(result.outcomes)["place"] == "similar" or dict(result.outcomes)["place"] == "same"


def test_same_city_same_day_different_attacks_stay_below_threshold():
    funeral = event("a", sub="Suicide bomb", killed=16, targets=("funeral",))
    clinic = event("b", place="Khair Khana", sub="Attack", killed=4, targets=("private clinic",))
    result = compare(profile(clinic), profile(funeral), S)
    assert result.score < S.threshold
    assert dict(result.outcomes)["type"] in ("related", "differ")


def test_two_neighbourhoods_same_toll_same_type_stay_apart():
    hayatabad = event("a", "2023-08-08", place="Hayatabad", admin2="Peshawar", admin1="Khyber Pakhtunkhwa",
                      country="PK", sub="Remote explosive/landmine/IED", target="Police", killed=1)
    saddar = event("b", "2023-08-08", place="Saddar", admin2="Peshawar", admin1="Khyber Pakhtunkhwa",
                   country="PK", sub="Remote explosive/landmine/IED", target="Police", killed=1)
    result = compare(profile(saddar, "Khyber Mail"), profile(hayatabad), S)
    assert dict(result.outcomes)["place"] == "other" and result.score < S.threshold


def test_vetoes():
    base = event("a")
    assert compare(profile(event("b", "2023-03-14")), profile(base), S).veto.startswith("dates")
    assert compare(profile(event("b", admin1="Herat", admin2="Herat", place="Herat")), profile(base), S).veto \
        == "different provinces"
    protest = event("b", sub="Peaceful protest")
    assert compare(profile(protest), profile(base), S).veto is not None


def test_date_tolerance_widens_with_precision():
    day = event("a", "2023-03-09")
    month = event("b", "2023-03-01", end="2023-03-31", precision="month")
    result = compare(profile(month), profile(day), S)
    assert result.veto is None and dict(result.outcomes)["date"] == "vague_overlap"
    two_days = compare(profile(event("c", "2023-03-11")), profile(day), S)
    assert two_days.veto is None and dict(two_days.outcomes)["date"] == "near"


def test_one_source_naming_two_places_is_two_incidents():
    a = event("a", doc="doc_1", place="Mokha")
    b = event("b", doc="doc_1", place="Ghundai")
    assert compare(profile(b), profile(a), S).veto == "one source, two places"


def test_actor_lineage_and_coalitions():
    iskp = event("a", perp="Khorasan Chapter of the Islamic State")
    isil = event("b", perp="Islamic State of Iraq and the Levant (ISIL)")
    assert outcomes(isil, iskp)["actor"] == "same"
    bla = event("c", perp="Baloch Liberation Army (BLA)")
    bras = event("d", perp="Baloch Raaji Aajoi Sangar (BRAS)")
    sra = event("e", perp="Sindhudesh Revolutionary Army (SRA)")
    assert outcomes(bras, bla)["actor"] == "same"  # UCDP codes BLA attacks under the alliance
    assert outcomes(sra, bla)["actor"] == "differ"  # two members of one alliance are two actors
    assert "actor" not in outcomes(event("f", perp="Unknown"), bla)


def test_casualty_outcomes():
    base = event("a", killed=16)
    assert outcomes(event("b", killed=16), base)["fatalities"] == "exact"
    assert outcomes(event("b", killed=17), base)["fatalities"] == "close"
    assert outcomes(event("b", killed=30), base)["fatalities"] == "revised"
    assert outcomes(event("b", killed=80), base)["fatalities"] == "differ"
    assert outcomes(event("b", killed=1), event("c", killed=1))["fatalities"] == "exact_one"


def test_place_district_and_distance_agreeing_count_once():
    a = event("a", lat=34.5, lon=69.1)
    b = event("b", lat=34.5, lon=69.1)
    result = compare(profile(b, "Pamir Post"), profile(a), S)
    said = dict(result.outcomes)
    assert said["place"] == "same" and said["distance"] == "close" and said["admin2"] == "same"
    location = S.weight("place", "same")
    others = sum(S.weight(f, o) for f, o in result.outcomes if f not in ("place", "admin2", "distance"))
    assert abs(result.score - (location + others)) < 1e-9


def test_gazetteer_district_hint_agrees_but_never_disagrees():
    from conflictlens.resolve.profile import profile_of
    from resolve_helpers import ACTORS, source
    gtd = event("a", place="Hoshab", admin2=None, admin1="Balochistan", country="PK", dataset="GTD")
    ucdp = event("b", place=None, admin2="Kech", admin1="Balochistan", country="PK", geo="district", dataset="UCDP")
    hinted = profile_of(gtd, source(gtd), S, ACTORS, district_hint="Kech")
    assert dict(compare(hinted, profile(ucdp), S).outcomes)["admin2"] == "same"
    wrong = profile_of(gtd, source(gtd), S, ACTORS, district_hint="Gwadar")
    assert "admin2" not in dict(compare(wrong, profile(ucdp), S).outcomes)


def test_one_source_naming_a_district_and_a_town_the_gazetteer_puts_in_another_is_two_places():
    """GTD's "Arghandab district" row and its "Panjwai" row of the same day: Panjwai is its own district.

    Across sources the hint never disagrees (a gazetteer may err); one source coding two rows with
    two districts, one of them known only through the gazetteer, has told two places.
    """
    from conflictlens.resolve.profile import profile_of
    from resolve_helpers import ACTORS, source
    district = event("a", place=None, admin2="Arghandab", admin1="Kandahar", geo="district", dataset="GTD")
    town = event("b", place="Panjwai", admin2=None, admin1="Kandahar", dataset="GTD")
    hinted = profile_of(town, source(town), S, ACTORS, district_hint="Panjwaye")
    assert compare(hinted, profile(district), S).veto == "one source, two places"
    assert compare(profile(district), hinted, S).veto == "one source, two places"
    inside = profile_of(town, source(town), S, ACTORS, district_hint="Arghandab")
    assert compare(inside, profile(district), S).veto is None
    unknown = profile(town)  # no hint: the town may lie in that district
    assert compare(unknown, profile(district), S).veto is None


def test_null_island_coordinates_are_ignored():
    assert profile(event("a", lat=0.0, lon=0.0)).lat is None


def test_damaged_resolution_data_is_a_coded_error(monkeypatch):
    import pytest

    from conflictlens.errors import ConflictLensError
    from conflictlens.resolve import settings as module

    monkeypatch.setattr(module, "_read", lambda name: {})
    module.settings.cache_clear()
    try:
        with pytest.raises(ConflictLensError) as err:
            module.settings()
        assert err.value.code == "CL-E600"
    finally:
        monkeypatch.undo()
        module.settings.cache_clear()


def test_a_vetoed_pair_is_scored_for_why_and_left_unscored_for_clustering():
    import math

    same_source = event("b", doc="doc_a", place="Kart-e-Sakhi")  # one report, two places: vetoed after the place
    a, b = profile(event("a")), profile(same_source)
    shown, deciding = compare(a, b, S), compare(a, b, S, False)
    assert shown.veto == deciding.veto == "one source, two places"
    assert shown.outcomes == deciding.outcomes and ("place", "other") in shown.outcomes
    assert not math.isnan(shown.score) and math.isnan(deciding.score)  # `why` shows the score; decide reads the veto
    agreeing = profile(event("c", doc="doc_other"))
    assert compare(a, agreeing, S, False) == compare(a, agreeing, S)  # an unvetoed pair is scored either way
