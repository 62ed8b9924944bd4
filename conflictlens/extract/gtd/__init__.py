"""GTD-style typing of an event: attack types (`attack_types`) and target types (`targets`), by the cues of
`data/gtd_cues.json`."""
