"""The one folding of names (model/text.py), and that every stage builds its keys on it."""

from pathlib import Path

import pytest

from conflictlens.actors.normalize import name_key as actor_key
from conflictlens.geo.normalize import fold_token
from conflictlens.ingest.datasets.reference import countries
from conflictlens.model.redaction import fold_name
from conflictlens.model.text import ascii_key, fold, fold_words, strip_marks
from conflictlens.resolve.names import fold as resolver_fold

PACKAGE = Path(__file__).resolve().parents[2] / "conflictlens"


def test_fold_drops_accents_and_case():
    assert fold("Kōṭ ÉLÉVÉ") == "kot eleve"
    assert fold("Straße") == "strasse"
    assert fold("ﬁeld") == "field"


def test_strip_marks_keeps_case_for_acronyms():
    assert strip_marks("ÉTA") == "ETA"
    assert strip_marks("Herāt") == "Herat"


def test_fold_drops_arabic_harakat():
    assert fold("كَابُل") == "كابل"


def test_fold_words_splits_on_punctuation():
    assert fold_words("  Qala-i-Naw, (Bādghīs)  ") == "qala i naw badghis"


def test_ascii_key_keeps_only_ascii_letters_and_digits():
    assert ascii_key("Côte d'Ivoire") == ascii_key("COTE DIVOIRE") == "cotedivoire"
    assert ascii_key("Route 66") == "route66"


@pytest.mark.parametrize("written", ["𝐀fghanistan", "ᴬfghanistan", "Ａｆｇｈａｎｉｓｔａｎ"])
def test_compatibility_capitals_fold_to_letters(written):
    # casefolding before decomposing dropped these capitals (they decompose to upper case)
    assert ascii_key(written) == "afghanistan"
    assert countries().from_name(written) == "AF"


@pytest.mark.parametrize("left, right", [("Hérat", "HERAT"), ("Kōṭ", "kot"), ("Daʼesh", "Daesh")])
def test_every_stage_folds_alike(left, right):
    assert actor_key(left) == actor_key(right)
    assert fold_token(left) == fold_token(right)
    assert resolver_fold(left.replace("ʼ", "")) == resolver_fold(right)
    assert fold_name(left.replace("ʼ", "")) == fold_name(right)


def test_no_stage_folds_text_itself():
    """Decomposing and dropping combining marks is done in one place: model/text.py."""
    own = []
    for path in PACKAGE.rglob("*.py"):
        if path.name != "text.py" and 'normalize("NFKD"' in path.read_text(encoding="utf-8"):
            own.append(str(path.relative_to(PACKAGE)))
    assert own == []
