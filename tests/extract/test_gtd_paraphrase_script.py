"""scripts/measure_gtd_paraphrase.py: a paraphrase that keeps the meaning must keep the type; the script counts the
rows where it does not. The rows here were written for this test."""

import re

from scripts.measure_gtd_paraphrase import PARAPHRASES, measure

GOLD = {"targtype1_txt": "Police", "attacktype1_txt": "Armed Assault"}


def test_a_paraphrase_that_keeps_the_type_is_not_counted() -> None:
    rows = [("1", "Assailants shot and killed a police officer in Khost, Afghanistan.", GOLD)]
    assert measure("passive", "target_type", rows, show=False) == (
        "passive: touched 1, changed 0 (right -> wrong 0, wrong -> right 0)")


def test_rows_the_paraphrase_does_not_touch_are_left_out() -> None:
    rows = [("1", "An explosive device detonated in Khost, Afghanistan.", GOLD)]
    assert measure("fired on", "attack_type", rows, show=False).startswith("fired on: touched 0,")


def test_the_paraphrases_rewrite_the_wordings_they_name() -> None:
    text = ("Assailants attacked the vehicle of a judge and opened fire on civilians near a mosque; an explosive "
            "device attached to a car carrying soldiers detonated targeting security forces in Khost. The tribal "
            "elder was killed.")
    untouched = [name for name, (pattern, replacement) in PARAPHRASES.items() if re.sub(pattern, replacement, text) == text]
    assert untouched == ["passive", "gunned down", "exploded in", "at the gate of"]
