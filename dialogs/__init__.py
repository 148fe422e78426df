"""The advisor's domain: the models, their question banks, flows and scoring.

Nothing here imports Telegram. User-facing strings are marked with ``N_`` so Babel extracts
them; the adapter (``bot/``) translates them per user.
"""
