"""The one definition of a text's features, shared by training and prediction.

Training hands this function to scikit-learn as the analyzer, and the predictor calls it again,
so both see exactly the same features: lowercased word unigrams and bigrams, and character
3- to 5-grams inside words (" car", "bomb", "omb ") that survive spelling variants
("suicide-bomber", "IEDs").
"""

from __future__ import annotations

from conflictlens.extract.patterns import compile_pattern

FEATURES_VERSION = 1
_WORD = compile_pattern(r"[a-z0-9]+(?:'[a-z]+)?")
_DIGITS = compile_pattern(r"\d")
CHAR_SIZES = (3, 4, 5)


def text_features(text: str) -> list[str]:
    """Feature names of `text`, repeated as often as they occur (term counts)."""
    # Digits are one shape ("12 killed" and "7 killed" are one feature): figures are no type.
    words = _WORD.findall(_DIGITS.sub("0", text.lower()))
    found = [f"w:{w}" for w in words]
    found += [f"b:{a} {b}" for a, b in zip(words, words[1:])]
    for word in words:
        padded = f" {word} "
        for size in CHAR_SIZES:
            found += [f"c:{padded[i:i + size]}" for i in range(len(padded) - size + 1)]
    return found
