"""The Dutch catalog is complete, current and consistent with the code's strings."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "locales" / "messages.pot"
NL = ROOT / "locales" / "nl" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def _ids(message_id) -> tuple:
    return message_id if isinstance(message_id, tuple) else (message_id,)


def _code_messages() -> set:
    found = set()
    for package in ("bot", "dialogs"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.add(message)
    return found


def _catalog(path: Path):
    with path.open("rb") as file:
        return read_po(file, locale="nl")


def test_the_template_is_up_to_date_with_the_code():
    in_template = {message.id for message in _catalog(POT) if message.id}
    in_code = _code_messages()
    assert in_code - in_template == set(), "new strings: run `make messages` and translate them"
    assert in_template - in_code == set(), "stale strings in messages.pot: run `make messages`"


def test_the_dutch_catalog_has_every_template_string():
    template = {message.id for message in _catalog(POT) if message.id}
    dutch = {message.id for message in _catalog(NL) if message.id}
    assert template - dutch == set()


@pytest.mark.parametrize("message", [m for m in _catalog(NL) if m.id], ids=lambda m: _ids(m.id)[0][:40])
def test_each_dutch_entry_is_translated_not_fuzzy_and_keeps_its_placeholders(message):
    assert not message.fuzzy
    translations = _ids(message.string)
    assert all(translations), "untranslated"
    expected = set(PLACEHOLDER.findall(" ".join(_ids(message.id))))
    for translation in translations:
        assert set(PLACEHOLDER.findall(translation)) == expected


def test_the_ssrm_phase_names_stay_english_in_dutch():
    """They are the model's proper names (seeds/README.md): only glossed, never translated."""
    dutch_texts = " ".join(" ".join(_ids(m.string)) for m in _catalog(NL) if m.id)
    for name in ("Basic Publishing", "Experimentation", "Collaborate", "Performance-Driven"):
        assert name in dutch_texts
