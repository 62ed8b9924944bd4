"""Wire copy: ALL-CAPS paragraphs truecased before the NLP (`truecase`, words in
`data/truecase_words.tsv.gz`) and the furniture around a story, datelines, bylines and credits
(`furniture`, patterns in `data/wire.json`)."""
