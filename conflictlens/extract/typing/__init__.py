"""Event typing by the rules: sub-event types from the cues of `data/event_cues.json` (`classify`),
territory changing hands (`territory`), and what a sentence tells as having happened (`unreal`: threats,
plans and questions set aside)."""
