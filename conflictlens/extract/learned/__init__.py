"""Learned typing beside the rules (issue 11, item 5).

A user with licensed data (GTD summaries, ACLED notes) trains a linear model (`train.py`, with
scikit-learn, imported only there) and saves it as data: a JSON file of vocabulary, idf weights,
coefficients and the thresholds picked by cross-validation. Extraction reads that file with
`model.py` in pure Python: loading a user's file runs no code, and scikit-learn is not needed.
"""
