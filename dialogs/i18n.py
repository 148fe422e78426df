"""Marking strings for translation without translating them here.

The domain has no notion of the user's language: it marks its texts with ``N_`` so that
``pybabel extract`` finds them, and the Telegram adapter translates them per update.
"""


def N_(message: str) -> str:  # noqa: N802 - the gettext convention Babel looks for
    """Mark ``message`` for extraction; return it unchanged."""
    return message
