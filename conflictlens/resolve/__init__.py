"""The `resolve` stage: which reports and dataset rows describe the same incident.

Pure logic over the model: `profile` (what is compared), `blocking` (index keys, so no pair is
compared unless it could match), `compare` (feature by feature, with vetoes), `cluster`
(incremental assignment that never chains), `compose` (the merged record, every field with its
sources, casualties low/best/high) and `metrics` (pairwise and B-cubed scores). Weights and
vocabularies are data in `resolve/data/`. Storage and wiring live in `store.incidents` and
`pipeline.resolution`.
"""
