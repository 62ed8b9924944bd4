"""Casualty counts: the parser (`parse`) over clauses, nouns, numbers and the tally, by the rules of
`data/casualty_lexicon.json`."""
