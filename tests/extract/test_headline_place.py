"""A headline sets the whole report: an incident whose sentences name no place takes the city the
headline names, not only its province (texts written for these tests)."""

from __future__ import annotations

from conflictlens.extract.places import in_a_title


def _places(session, text: str) -> list[tuple[str | None, str | None]]:
    events = [e.to_dict() for e in session.extract_text(text, published="2023-03-10")]
    assert events, "no event extracted"
    return [(e["location"].get("admin1"), e["location"].get("place")) for e in events]


def test_a_headline_line_above_the_first_sentence_is_a_title():
    text = "Latest news\n\nBomber kills 12 at a cafe in Mogadishu\n\nA suicide bomber killed 12 people.\nIn Kismayo, calm."
    assert in_a_title(text, text.index("Mogadishu"))
    assert not in_a_title(text, text.index("Kismayo"))  # below a line that ends a sentence
    paragraph = ("Gunmen attacked a hotel in Mogadishu on Friday and killed nine guests and two guards, police "
                 "said, in the third attack on a hotel in the city this year, and the siege went on for hours")
    assert not in_a_title(paragraph, paragraph.index("Mogadishu"))  # a long line is a paragraph, not a headline


def test_an_incident_naming_no_place_takes_the_city_of_the_headline(session):
    text = ("Suicide bomber kills 12 at a cafe in Mogadishu\n\n"
            "A suicide bomber killed 12 people at a busy cafe in the Somali capital on Thursday, police said.")
    assert _places(session, text)[0] == ("Banadir", "Mogadishu")


def test_a_city_named_in_an_earlier_paragraph_still_gives_only_its_province(session):
    text = ("Gunmen stormed a hotel in Mogadishu on Monday, killing nine guests.\n\n"
            "On Thursday a roadside bomb killed four soldiers, the army said.")
    assert ("Banadir", None) in _places(session, text)
