"""Dates: mentions found by the grammar of `data/date_grammar.txt` (`mentions`), resolved against an anchor
(`resolvers`) with the tables of `data/date_phrases.json` (`tables`)."""
