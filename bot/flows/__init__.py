"""The tap-driven flows: declared once in ``registry``, all driven by ``runner``."""
