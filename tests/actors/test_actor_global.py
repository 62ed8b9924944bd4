"""The global registry: every UCDP actor beside the curated file, country branches, no false matches.

Sentences here are written for the tests; no restricted reference text is copied.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conflictlens.actors import ActorRegistry
from conflictlens.actors.loader import UCDP_PATH
from conflictlens.actors.normalize import name_key
from conflictlens.errors import ConflictLensError

ISIL = "Islamic State of Iraq and the Levant (ISIL)"
ISWAP = "Islamic State West Africa Province (ISWAP)"
ISCAP = "Central Africa Province of the Islamic State"
ISGS = "Islamic State in the Greater Sahara (ISGS)"
ISKP = "Khorasan Chapter of the Islamic State"
JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"
UCDP_CSV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ucdp" / "ucdp-actor-221.csv"


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


def ucdp_entries(reg: ActorRegistry) -> list:
    return [e for e in reg.all() if e.source == "ucdp"]


def test_every_ucdp_actor_is_an_actor_or_part_of_a_curated_one(reg):
    ids = {e.ucdp_id for e in reg.all() if e.ucdp_id is not None}
    assert len(ucdp_entries(reg)) > 1400 and len(ids) > 1500
    if not UCDP_CSV.exists():
        pytest.skip("../shared/data is not present")
    with UCDP_CSV.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 1700
    for row in rows:
        found = reg.by_external_name("ucdp", row["NameData"])
        assert found is not None, row["NameData"]


def test_the_curated_file_wins_and_links_by_ucdp_id(reg):
    boko = reg.by_external_name("ucdp", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad")
    assert boko is not None and boko.name == "Boko Haram" and boko.ucdp_id == 1051
    assert [e.name for e in reg.all() if e.ucdp_id == 1051] == ["Boko Haram"]
    # UCDP has three ELNs: Colombia's is the curated one, Bolivia's and Peru's stay UCDP actors.
    assert reg.by_external_name("ucdp", "ELN").name in {"National Liberation Army of Colombia (ELN)",
                                                        "National Liberation Army (ELN) (Bolivia)"}
    assert reg.get("National Liberation Army (ELN) (Peru)").source == "ucdp"
    assert reg.resolve("ELN", "CO").canonical == "National Liberation Army of Colombia (ELN)"


def test_governments_are_the_states_forces(reg):
    nigeria = reg.get("Government of Nigeria")
    assert nigeria.actor_type == "state forces" and nigeria.country == "NG"
    assert reg.resolve("security forces", "NG").canonical == "Government of Nigeria"


@pytest.mark.parametrize("word, country, expected", [
    ("police", "NG", "Police Forces of Nigeria"),
    ("soldiers", "MM", "Military Forces of Myanmar"),
    ("troops", "ML", "Military Forces of Mali"),
    ("police", "CO", "Police Forces of Colombia"),
])
def test_generic_forces_take_the_countrys_branch(reg, word, country, expected):
    assert reg.resolve(word, country, "2021-03-01").canonical == expected


def test_thirty_countries_have_their_own_police_and_army(reg):
    for generic in ("Police", "Military forces", "Security forces"):
        assert len(reg.get(generic).regional_branches) >= 32, generic


@pytest.mark.parametrize("text, country, expected", [
    ("Islamic State fighters overran an army base in Borno State on Friday.", "NG", ISWAP),
    ("Islamic State fighters attacked a market near Lake Chad.", "TD", ISWAP),
    ("The Islamic State claimed the killing of two farmers in Kogi State.", "NG", ISIL),
    ("Islamic State militants beheaded villagers in Cabo Delgado.", "MZ", ISCAP),
    ("The Islamic State claimed an attack near Beni.", "CD", ISCAP),
    ("Islamic State fighters ambushed soldiers near Tillaberi.", "NE", ISGS),
    ("Islamic State fighters raided a camp near Diffa.", "NE", ISWAP),
    ("Islamic State fighters attacked a checkpoint in Jalalabad.", "AF", ISKP),
    ("Islamic State gunmen attacked a shrine in Kirkuk.", "IQ", ISIL),
    ("Al-Qaeda militants ambushed a convoy near Mopti.", "ML", JNIM),
    ("Al-Shabab fighters attacked the town of Palma.", "MZ", "Ansar al-Sunna (Mozambique)"),
    ("Al-Shabab fighters attacked a base near Afgoye.", "SO", "Al-Shabaab"),
])
def test_a_bare_parent_name_is_the_branch_of_the_reports_country(reg, text, country, expected):
    assert reg.find_actors(text, country, "2021-03-01")[0].canonical == expected


def test_a_branch_with_cues_needs_the_text(reg):
    assert reg.resolve("Islamic State", "NG", "2021-03-01").canonical == ISIL  # a bare name: no cue
    # Before ISWAP existed, a Borno report's "Islamic State" is the Islamic State itself.
    assert [m.canonical for m in reg.find_actors("Islamic State fighters in Borno", "NG", "2014-01-01")] == [ISIL]


@pytest.mark.parametrize("text", [
    "The family said the fat man was in the model house on the hill.",
    "THE FAMILY SAID THE FAT MAN WAS IN THE MODEL HOUSE ON THE HILL.",
    "Kuki and Naga students played a football match in the Afar region.",
    "The Moro family moved to Bassa last year with their neighbours.",
    "Supporters of the club celebrated after the National Liberation Front meeting.",
    "Neutralists at the debate said a new popular front of farmers was forming.",
    "Forest brothers and sisters gathered at the old mill to remember the war.",
    "An ACC meeting in the capital discussed the price of maize.",
])
def test_ordinary_sentences_name_no_actor(reg, text):
    assert [m.canonical for m in reg.find_actors(text, "NG", "2021-03-01")] == []


def test_ucdp_names_in_running_text_have_two_words_or_are_acronyms(reg):
    for e in ucdp_entries(reg):
        assert all(len(name_key(a)) >= 2 for a in e.aliases), e.name
        assert all(a.replace("-", "").replace(" ", "").replace("/", "").isupper() or
                   any(c.isdigit() for c in a) for a in e.acronyms), e.name


def test_gtd_names_of_the_new_groups(reg):
    for gname in ("Boko Haram", "Al-Shabaab", "Houthi extremists (Ansar Allah)", "New People's Army (NPA)",
                  "Hamas (Islamic Resistance Movement)", "Fulani extremists", "Jamaat Nusrat al-Islam wal Muslimin (JNIM)",
                  "National Liberation Army of Colombia (ELN)", "Revolutionary Armed Forces of Colombia (FARC) dissidents",
                  "Indigenous People of Biafra (IPOB)", "Allied Democratic Forces (ADF)", "Kachin Independence Army (KIA)",
                  "Communist Party of India - Maoist (CPI-Maoist)", "Sinai Province of the Islamic State"):
        assert reg.by_external_name("gtd", gname) is not None, gname
    assert reg.lineage(JNIM) == (JNIM, "Al-Qaida")
    assert reg.lineage(ISWAP) == (ISWAP, ISIL)


def test_the_registry_lists_its_sources(reg):
    sources = reg.sources
    assert sources[0]["file"] == "actors.yaml"
    ucdp = next(s for s in sources if s.get("file") == UCDP_PATH.name)
    assert ucdp["licence"] == "CC BY 4.0" and ucdp["version"] == "22.1"
    assert "UCDP Actor Dataset" in (Path(__file__).resolve().parents[2] / "NOTICE").read_text(encoding="utf-8")


def test_branch_cues_are_validated(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nactors:\n  - name: Taliban\n    regional_branches:\n"
                    "      NG: {name: Taliban, cue: [Borno]}\n", encoding="utf-8")
    with pytest.raises(ConflictLensError) as err:
        ActorRegistry.load([str(path)])
    assert err.value.code == "CL-E301" and "cues" in err.value.message


@pytest.mark.parametrize("span", ["Union", "Black", "Indian", "The Family", "Ethiopia", "FAT", "Palestinian"])
def test_an_everyday_word_handed_whole_is_no_actor(reg, span):
    # NER hands `resolve` spans like these; UCDP has actors called "Black", "FAT" and "La Familia".
    assert reg.resolve(span) is None


def test_phrases_that_translate_a_name_are_no_names_in_text(reg):
    # UCDP's English full names include "Security Group", "Be Well" and "Elite Army Troops".
    text = "THE ELITE ARMY TROOPS OF THE SECURITY GROUP TOLD RESIDENTS TO BE WELL AND BE STRONG."
    assert [m.canonical for m in reg.find_actors(text) if reg.get(m.canonical).source == "ucdp"] == []
