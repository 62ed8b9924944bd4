"""An analyst's registry edits (`conflictlens actors alias add | add ...`) hold on every path through the
store, not only on `ingest`: dataset import, events, export, incident resolution, the network and
`extract --db`. Issue 13, "One way through the house"."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app

runner = CliRunner()
TTP = "Tehrik-i-Taliban Pakistan (TTP)"
BLA = "Baloch Liberation Army (BLA)"
ZEBRA = "Zebra Front"  # a made-up name no registry knows, made an alias of TTP by the analyst
# GTD's published column layout (the codebook's 135 columns); the rows below are made up.
GTD_COLUMNS = (
    "eventid,iyear,imonth,iday,approxdate,extended,resolution,country,country_txt,region,region_txt,provstate,city,"
    "latitude,longitude,specificity,vicinity,location,summary,crit1,crit2,crit3,doubtterr,alternative,"
    "alternative_txt,multiple,success,suicide,attacktype1,attacktype1_txt,attacktype2,attacktype2_txt,attacktype3,"
    "attacktype3_txt,targtype1,targtype1_txt,targsubtype1,targsubtype1_txt,corp1,target1,natlty1,natlty1_txt,"
    "targtype2,targtype2_txt,targsubtype2,targsubtype2_txt,corp2,target2,natlty2,natlty2_txt,targtype3,"
    "targtype3_txt,targsubtype3,targsubtype3_txt,corp3,target3,natlty3,natlty3_txt,gname,gsubname,gname2,"
    "gsubname2,gname3,gsubname3,motive,guncertain1,guncertain2,guncertain3,individual,nperps,nperpcap,claimed,"
    "claimmode,claimmode_txt,claim2,claimmode2,claimmode2_txt,claim3,claimmode3,claimmode3_txt,compclaim,weaptype1,"
    "weaptype1_txt,weapsubtype1,weapsubtype1_txt,weaptype2,weaptype2_txt,weapsubtype2,weapsubtype2_txt,weaptype3,"
    "weaptype3_txt,weapsubtype3,weapsubtype3_txt,weaptype4,weaptype4_txt,weapsubtype4,weapsubtype4_txt,weapdetail,"
    "nkill,nkillus,nkillter,nwound,nwoundus,nwoundte,property,propextent,propextent_txt,propvalue,propcomment,"
    "ishostkid,nhostkid,nhostkidus,nhours,ndays,divert,kidhijcountry,ransom,ransomamt,ransomamtus,ransompaid,"
    "ransompaidus,ransomnote,hostkidoutcome,hostkidoutcome_txt,nreleased,addnotes,scite1,scite2,scite3,dbsource,"
    "INT_LOG,INT_IDEO,INT_MISC,INT_ANY,related").split(",")


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def ndjson(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def gtd_row(eventid: str, gname: str, **values: str) -> dict[str, str]:
    row = {"eventid": eventid, "iyear": "2021", "imonth": "3", "iday": "4", "country": "153",
           "country_txt": "Pakistan", "region_txt": "South Asia", "provstate": "Khyber Pakhtunkhwa",
           "city": "Bannu", "latitude": "32.98", "longitude": "70.60", "specificity": "1",
           "summary": "03/04/2021: Assailants attacked a police checkpoint in Bannu.",
           "attacktype1_txt": "Armed Assault", "targtype1_txt": "Police", "target1": "Checkpoint",
           "gname": gname, "claimed": "0", "weaptype1_txt": "Firearms", "nkill": "2", "nwound": "1",
           "nkillter": "0", "dbsource": "START Primary Collection"}
    return {**row, **values}


def write_gtd(path, rows: list[dict[str, str]]) -> str:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=GTD_COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


@pytest.fixture
def edited_db(tmp_path):
    """A store whose analyst made "Zebra Front" an alias of TTP, before anything was imported."""
    db = str(tmp_path / "edits.db")
    added = run("--db", db, "--quiet", "actors", "alias", "add", "TTP", ZEBRA)
    assert added.exit_code == 0, added.output
    return db


def test_import_and_events_apply_the_stored_alias(edited_db, tmp_path):
    path = write_gtd(tmp_path / "gtd.csv", [gtd_row("202103040001", ZEBRA)])
    imported = run("--db", edited_db, "--quiet", "import", "gtd", path)
    assert imported.exit_code == 0, imported.output
    events = ndjson(run("--db", edited_db, "events", "--format", "ndjson").output)
    assert [e["perpetrator"] for e in events] == [TTP]
    assert [a["actor"] for a in events[0]["attribution"]] == [TTP]


def test_parallel_import_applies_the_stored_alias(edited_db, tmp_path):
    path = write_gtd(tmp_path / "gtd.csv", [gtd_row("202103040001", ZEBRA)])
    assert run("--db", edited_db, "--quiet", "import", "gtd", path, "--parallel").exit_code == 0
    events = ndjson(run("--db", edited_db, "events", "--format", "ndjson").output)
    assert [e["perpetrator"] for e in events] == [TTP]


def test_export_acled_follows_a_merge_made_after_the_import(tmp_path):
    db = str(tmp_path / "late.db")
    path = write_gtd(tmp_path / "gtd.csv", [gtd_row("202103040001", ZEBRA)])
    assert run("--db", db, "--quiet", "import", "gtd", path).exit_code == 0
    # The edit comes after the import: the stored event still says "Zebra Front", the export
    # writes the name ACLED gives the actor it was merged into.
    assert run("--db", db, "--quiet", "actors", "merge", ZEBRA, "TTP").exit_code == 0
    result = run("--db", db, "--quiet", "export", "--format", "acled")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [r["actor1"] for r in rows] == ["TTP: Tehreek-i-Taliban Pakistan"]


def test_export_acled_after_an_aliased_import(edited_db, tmp_path):
    path = write_gtd(tmp_path / "gtd.csv", [gtd_row("202103040001", ZEBRA)])
    assert run("--db", edited_db, "--quiet", "import", "gtd", path).exit_code == 0
    result = run("--db", edited_db, "--quiet", "export", "--format", "acled")
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [r["actor1"] for r in rows] == ["TTP: Tehreek-i-Taliban Pakistan"]


def test_incident_resolution_knows_an_added_actors_parent(tmp_path):
    db = str(tmp_path / "incidents.db")
    added = run("--db", db, "--quiet", "actors", "add", ZEBRA, "--type", "rebel group", "--parent", "TTP",
                "--country", "PK")
    assert added.exit_code == 0, added.output
    path = write_gtd(tmp_path / "gtd.csv", [gtd_row("202103040001", ZEBRA), gtd_row("202103040002", TTP)])
    assert run("--db", db, "--quiet", "import", "gtd", path).exit_code == 0
    events = {e["perpetrator"]: e["id"] for e in ndjson(run("--db", db, "events", "--format", "ndjson").output)}
    why = json.loads(run("--db", db, "why", events[TTP], "--format", "json").stdout)
    # The branch and its parent are one actor to the resolver: the actor feature agrees.
    compared = {c["event_id"]: c["features"] for c in why["compared_now"]}
    assert compared[events[ZEBRA]]["actor"]["outcome"] == "same"


def test_incidents_list_carries_the_aliased_perpetrator(edited_db, tmp_path):
    path = write_gtd(tmp_path / "gtd.csv", [gtd_row("202103040001", ZEBRA)])
    assert run("--db", edited_db, "--quiet", "import", "gtd", path).exit_code == 0
    incidents = ndjson(run("--db", edited_db, "incidents", "list").stdout)
    assert [i["perpetrator"]["value"] for i in incidents] == [TTP]


def test_network_relations_of_an_import_use_the_stored_alias(edited_db, tmp_path):
    row = gtd_row("202103040001", ZEBRA, claimed="1", gname2=BLA, claim2="1")
    path = write_gtd(tmp_path / "gtd.csv", [row])
    assert run("--db", edited_db, "--quiet", "import", "gtd", path).exit_code == 0
    result = run("--db", edited_db, "network", "--actor", ZEBRA, "--depth", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["graph"]["actor"] == TTP
    assert {frozenset((e["source"], e["target"])) for e in data["edges"]} == {frozenset((TTP, BLA))}
    assert "joint_claim" in {e["kind"] for e in data["edges"]}


def test_extract_with_a_stored_database_applies_its_edits(edited_db, tmp_path):
    report = tmp_path / "bannu.txt"
    report.write_text("PESHAWAR, March 5, 2021 - Gunmen killed two policemen at a checkpoint in Bannu on Thursday. "
                      "The Zebra Front claimed responsibility for the attack.\n", encoding="utf-8")
    result = run("--db", edited_db, "--quiet", "extract", str(report))
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert events and events[0]["perpetrator"] == TTP


def test_alias_add_says_where_the_edit_applies(tmp_path):
    result = run("--db", str(tmp_path / "message.db"), "actors", "alias", "add", "TTP", ZEBRA)
    assert result.exit_code == 0
    assert "every later `conflictlens ingest`" not in result.output
    assert "import" in result.output and "export" in result.output


def test_attribution_override_resolves_the_stored_alias(edited_db, tmp_path):
    path = write_gtd(tmp_path / "gtd.csv", [gtd_row("202103040001", "Unknown")])
    assert run("--db", edited_db, "--quiet", "import", "gtd", path).exit_code == 0
    event_id = ndjson(run("--db", edited_db, "events", "--format", "ndjson").output)[0]["id"]
    result = run("--db", edited_db, "attribution", event_id, "--set", ZEBRA, "--by", "analyst",
                 "--why", "a later claim", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["answer"]["override"]["actor"] == TTP, data["answer"]
