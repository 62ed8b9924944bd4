"""The spaCy pipeline the extractor loads (extract/nlp.py): only what the NER needs.

The texts are written for this test in the way wire reports open; none comes from a reference dataset.
"""

from conflictlens.extract.nlp import EXCLUDED, MODEL, _load, load_bare_ner, load_nlp

TEXTS = [
    "Taliban fighters attacked a police post in Kandahar on Monday, the Interior Ministry said.",
    "KABUL, May 9 (Reuters) - A car bomb killed 12 people near the Ministry of Defence in Kabul.",
    "Gunmen from Boko Haram raided the village of Mafa in Borno State, killing 30, residents said.",
    "The FMLN denied that its forces had ambushed an army patrol near San Salvador.",
]


def test_the_pipeline_is_the_sentencizer_and_the_ner_alone():
    nlp = load_nlp()
    assert nlp.pipe_names == ["sentencizer", "ner"]
    assert "tok2vec" in EXCLUDED


def test_the_ner_embeds_words_itself_so_the_shared_tok2vec_is_not_needed():
    """Without the shared tok2vec the NER finds the same entities, at the same offsets, as the model
    with it: the NER listens to no other component."""
    full = _load(MODEL, exclude=[name for name in EXCLUDED if name != "tok2vec"])
    assert full.get_pipe("tok2vec").listening_components == []
    lean = load_nlp()
    for text in TEXTS:
        with_it = [(e.start_char, e.end_char, e.label_) for e in full(text).ents]
        assert with_it and [(e.start_char, e.end_char, e.label_) for e in lean(text).ents] == with_it


def test_the_tokenizer_is_the_one_the_model_ships_as_a_plain_load_gives_it():
    """The config's tokenizer is left empty for the shipped one to fill: the same exceptions, affixes
    and patterns, the same tokens."""
    plain, lean = load_bare_ner(), load_nlp()
    assert lean.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    assert len(lean.tokenizer.rules) > 1000
    for text in [*TEXTS, "He can't go to the U.S. e-mail info@example.org at 5:30pm, i.e. 12 km away."]:
        assert [(t.text, t.idx) for t in lean.make_doc(text)] == [(t.text, t.idx) for t in plain.make_doc(text)]
