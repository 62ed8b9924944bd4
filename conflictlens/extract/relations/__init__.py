"""Relations between actors: stated in report text (`text`, cues in `data/relation_cues.json`, read by
`lexicon`) and derived from event records (`events`: clashes, joint claims)."""
