"""The advocacy tips' content: enough tips for every role and phase that a weekly tip does not
come again within three months, each naming a source that exists, drawn from all five sources,
short enough for a phone screen in English and Dutch."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from bot import weekly_tips
from bot.i18n import translations
from bot.weekly_tips import send_due_tips
from dialogs import advocacy
from tests.support.drivers import NOW, subscribe

# Each role gets tips for these phases: tip_phase lifts phases 1 and 2 to 3 (partners too, though
# the SSRM brings them in at PARTNERS_FROM); nothing is above 5.
PHASES = sorted({advocacy.tip_phase(phase) for phase in range(1, 6)})
POOLS = [(role, phase) for role in advocacy.ROLES for phase in PHASES]
# The five source texts, by the way each source label starts.
MODELS = {
    "Source: Social Media 24/7": "000 Social Media 24/7",
    "Source: SSRM": "001 SSRM",
    "Source: Social Media Cycle": "002 Social Media Cycle",
    "Source: Strategy Hexagon": "003 Strategy Hexagon",
    "Source: Social Media Glue Model": "004 Social Media Glue Model",
}
PHONE_SCREEN = 250  # characters of a tip's text, in either language


def _model(source: str) -> str | None:
    label = advocacy.SOURCES[source]
    return next((model for prefix, model in MODELS.items() if label.startswith(prefix)), None)


def test_every_role_gets_tips_for_phases_3_to_5():
    assert PHASES == [3, 4, 5]


@pytest.mark.parametrize(("role", "phase"), POOLS)
def test_every_role_and_phase_has_more_tips_than_the_repeat_gap(role, phase):
    tips = advocacy.tips_for(role, phase)
    assert len({tip.key for tip in tips}) == len(tips) >= 12
    # One more than the gap: then some tip is always outside the last 13 sent, whatever they were.
    assert len(tips) > advocacy.REPEAT_GAP
    advice = [tip for tip in tips if tip.source == advocacy.ADVICE]
    assert len(advice) < len(tips) / 4  # the advisor's own tips are a minority


@pytest.mark.parametrize(("role", "phase"), POOLS)
def test_a_year_of_weekly_tips_repeats_none_within_13_weeks(role, phase):
    recent: tuple[str, ...] = ()
    sent = []
    for _week in range(52):
        tip = advocacy.next_weekly_tip(role, phase, recent)
        sent.append(tip.key)
        recent = advocacy.remember(recent, tip.key)
    for week in range(len(sent) - advocacy.REPEAT_GAP + 1):
        window = sent[week : week + advocacy.REPEAT_GAP]
        assert len(set(window)) == advocacy.REPEAT_GAP, f"a repeat within 13 weeks from week {week + 1}"
    assert set(sent) == {tip.key for tip in advocacy.tips_for(role, phase)}  # and every tip comes


def test_no_repeat_within_13_weeks_across_changes_of_role_and_phase():
    changes = [("employee", 3)] * 9 + [("manager", 4)] * 7 + [("employee", 5)] * 11 + [("partner", 3)] * 25
    recent: tuple[str, ...] = ()
    sent = []
    for role, phase in changes:
        tip = advocacy.next_weekly_tip(role, phase, recent)
        assert tip.key not in recent[-advocacy.REPEAT_GAP :]
        assert tip in advocacy.tips_for(role, phase)
        sent.append(tip.key)
        recent = advocacy.remember(recent, tip.key)
    assert len(sent) == 52


async def test_the_job_sends_a_subscriber_27_weeks_without_a_repeat_within_13(advisor, monkeypatch):
    monkeypatch.setattr(weekly_tips, "SEND_INTERVAL", 0)
    await subscribe(advisor.chat(user_id=101), "Monday", lambda: NOW)  # employee, placed in phase 2
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    for week in range(27):
        assert await send_due_tips(advisor.application, monday + week * timedelta(days=7)) == 1
    texts = [call["text"] for call in advisor.api.calls_of("sendMessage") if "tip of the week" in call["text"]]
    assert len(texts) == 27
    for week in range(len(texts) - advocacy.REPEAT_GAP + 1):
        assert len(set(texts[week : week + advocacy.REPEAT_GAP])) == advocacy.REPEAT_GAP
    subscription = await advisor.storage.subscription(101)
    keys = [tip.key for tip in advocacy.tips_for("employee", 3)]
    assert list(subscription.recent_tips) == (keys * 2)[:27]  # round the list, in its order


def test_every_tip_names_a_source_that_exists():
    for tip in advocacy.TIPS:
        assert tip.source in advocacy.SOURCES, tip.key
        assert tip.source == advocacy.ADVICE or _model(tip.source) is not None, tip.source
        assert tip.roles and set(tip.roles) <= set(advocacy.ROLES), tip.key
        assert tip.phases and set(tip.phases) <= set(PHASES), tip.key
    assert {tip.source for tip in advocacy.TIPS} == set(advocacy.SOURCES)  # no label unused


def test_all_five_sources_are_used_and_advice_is_a_minority():
    used = {_model(tip.source) for tip in advocacy.TIPS if tip.source != advocacy.ADVICE}
    assert used == set(MODELS.values())
    advice = [tip for tip in advocacy.TIPS if tip.source == advocacy.ADVICE]
    assert len(advice) < len(advocacy.TIPS) / 10
    sources = {tip.source for tip in advocacy.TIPS}
    for cell in ("informing", "service", "emotion", "experience", "development", "extension", "promotion",
                 "distribution"):
        assert f"sm247_{cell}" in sources
    for program in ("support", "cocreation", "launch", "admin"):
        assert f"hexagon_{program}" in sources
    assert {"hexagon", "glue", "cycle6", "cycle7", "cycle11", "ssrm3", "ssrm4", "ssrm5"} <= sources


def test_tip_keys_are_short_ascii_and_unique():
    keys = [tip.key for tip in advocacy.TIPS]
    assert len(keys) == len(set(keys))
    for key in keys:
        assert re.fullmatch(r"[a-z0-9_]{1,24}", key), key


@pytest.mark.parametrize("language", ["en", "nl"])
def test_tips_fit_a_phone_screen_and_are_translated(language):
    tr = translations(language)
    for tip in advocacy.TIPS:
        text = tr.gettext(tip.text)
        assert len(text) <= PHONE_SCREEN, (tip.key, len(text))
        if language == "nl":
            assert text != tip.text, tip.key
            assert tr.gettext(advocacy.SOURCES[tip.source]).startswith(("Bron: ", "Eigen vuistregel")), tip.source


def test_the_dutch_tips_say_je_not_u_and_keep_the_phase_names_english():
    tr = translations("nl")
    dutch = [tr.gettext(tip.text) for tip in advocacy.TIPS]
    for text in dutch:
        assert not re.search(r"\b(u|uw)\b", text), text
    joined = " ".join(dutch)
    assert "Experimentation" in joined and "Collaborate" in joined
    assert "social media netwerk (SMN)" in joined and "contentplanning" in joined
