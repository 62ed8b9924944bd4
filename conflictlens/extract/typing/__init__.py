"""Event typing by the rules: sub-event types from the cues of `data/event_cues.json` (`classify`) and
territory changing hands (`territory`)."""
