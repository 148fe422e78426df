"""What each screen shows: text (Telegram HTML) and inline keyboard, in the user's language.

Pure functions of the domain state and a translations object; sending is the handlers' job.
Whole sentences are translated with named placeholders, never glued from fragments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from html import escape as _html_escape

from babel.support import NullTranslations
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.i18n import LANGUAGE_NAMES, LANGUAGES
from dialogs import full_assessment, quick_check, ssrm

FILLED, EMPTY = "●", "○"
FULL_QUESTIONS = len(full_assessment.QUESTIONS)
# Telegram HTML needs only <, > and & escaped; quotes stay readable in the texts.
escape = partial(_html_escape, quote=False)


@dataclass(frozen=True)
class Screen:
    text: str
    keyboard: InlineKeyboardMarkup | None = None


def button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def menu_button(tr: NullTranslations) -> InlineKeyboardButton:
    return button(tr.gettext("☰ Menu"), callbacks.menu("menu"))


# -- menu, help, language ------------------------------------------------------------------------


def menu(tr: NullTranslations, first_name: str | None) -> Screen:
    _ = tr.gettext
    greeting = _("Hi {name}!").format(name=escape(first_name)) if first_name else _("Hi!")
    text = "\n\n".join(
        (
            f"<b>{greeting}</b> " + _("I’m your social media strategy advisor."),
            _(
                "I place your organisation on published models — the Social Strategy Readiness "
                "Model (SSRM), the Social Media 24/7 model, the Social Media Cycle and the Social "
                "Media Glue Model — and tell you what to do next."
            ),
            _("📋 Full assessment: {count} questions, 3 to 5 minutes.").format(count=FULL_QUESTIONS)
            + "\n"
            + _("⚡ Quick phase check: five questions, done within a minute.")
            + "\n"
            + _("💬 Advocacy tips: for employees, managers and local partners who share your posts."),
        )
    )
    keyboard = InlineKeyboardMarkup(
        [
            [button(_("📋 Full assessment"), callbacks.menu("full"))],
            [button(_("⚡ Quick phase check"), callbacks.menu("quick"))],
            [button(_("💬 Advocacy tips"), callbacks.tips())],
            [
                button(_("🗂 My results"), callbacks.menu("results")),
                button(_("🌐 Language"), callbacks.menu("language")),
            ],
        ]
    )
    return Screen(text, keyboard)


def help_text(tr: NullTranslations) -> Screen:
    _ = tr.gettext
    commands = (
        _("/start – the menu, or continue where you left off"),
        _("/help – this explanation"),
        _("/language – choose English or Dutch"),
        _("/settings – your settings (language)"),
        _("/results – your past results and what changed"),
        _("/tips – advocacy tips for employees, managers and local partners"),
        _("/stop – stop the weekly tip"),
    )
    full = _(
        "📋 The full assessment ({count} questions): your phase on the Social Strategy Readiness Model "
        "(SSRM) with its bottleneck, your profile on the Social Media 24/7 model, the next step of the "
        "Social Media Cycle and advice from the Social Media Glue Model, with a result card."
    ).format(count=FULL_QUESTIONS)
    quick = _("⚡ The quick phase check (five questions): your SSRM phase, profile and bottleneck.")
    text = "\n\n".join(
        (
            "<b>" + _("What I do") + "</b>",
            _(
                "I’m a social media strategy advisor. You answer by tapping buttons, and I place your "
                "organisation on published models and tell you what to do next."
            ),
            full + "\n" + quick,
            "<b>" + _("Commands") + "</b>\n" + "\n".join(commands),
            _(
                "Sources: the Social Strategy Readiness Model (SRO), the Social Media 24/7 model (de Lange, "
                "Hordijk, Kaasenbrood), the Social Media Cycle (MarketingMonday) and the Social Media Glue "
                "Model. Where the advisor adds its own rule, the result says so."
            ),
        )
    )
    return Screen(text, InlineKeyboardMarkup([[menu_button(tr)]]))


def language_choice(tr: NullTranslations, current: str) -> Screen:
    _ = tr.gettext
    rows = [
        [button(("✓ " if code == current else "") + LANGUAGE_NAMES[code], callbacks.language(code))]
        for code in LANGUAGES
    ]
    rows.append([menu_button(tr)])
    return Screen(_("Choose your language."), InlineKeyboardMarkup(rows))


def group_redirect(tr: NullTranslations, bot_username: str) -> Screen:
    _ = tr.gettext
    url = f"https://t.me/{bot_username}?start=quick"
    return Screen(
        _("I work in a private chat, so that your answers stay yours. Tap below to open it."),
        InlineKeyboardMarkup([[InlineKeyboardButton(_("Open the private chat"), url=url)]]),
    )


def reminder(tr: NullTranslations) -> str:
    return tr.gettext("Please tap one of the buttons below the question, or type the number of your answer.")


def unknown_command(tr: NullTranslations) -> str:
    return tr.gettext("Sorry, I don’t know that command. Here is the menu; /help lists what I understand.")


def use_the_buttons(tr: NullTranslations) -> str:
    return tr.gettext("I work with buttons: choose one below, or send /help.")


def stale_button(tr: NullTranslations) -> str:
    return tr.gettext("This button is no longer active.")


def something_went_wrong(tr: NullTranslations) -> str:
    return tr.gettext("Sorry, something went wrong on my side. Your answers are saved: send /start to go on.")


# -- quick check ---------------------------------------------------------------------------------


def progress(tr: NullTranslations, number: int, total: int) -> str:
    return tr.gettext("Question {number} of {total}").format(number=number, total=total)


def options_text(tr: NullTranslations, heading: str, question: str, options: tuple) -> str:
    """A question with its options' full wording, numbered like the buttons."""
    lines = [heading, "", question, ""]
    lines += [f"{index} · {escape(tr.gettext(option.wording))}" for index, option in enumerate(options, start=1)]
    lines += ["", tr.gettext("Tap the description that fits your organisation best.")]
    return "\n".join(lines)


@lru_cache(maxsize=256)
def option_labels(tr: NullTranslations, options: tuple, chosen: int | None) -> tuple[str, ...]:
    """Button labels: the option's number and short label, ✓ on the one chosen before."""
    return tuple(
        ("✓ " if index == chosen else "") + f"{index + 1} · {tr.gettext(option.label)}"
        for index, option in enumerate(options)
    )


def navigation_row(tr: NullTranslations, back_data: str | None) -> list[InlineKeyboardButton]:
    """« Back (when there is an earlier screen) and ☰ Menu."""
    row = [menu_button(tr)]
    if back_data is not None:
        row.insert(0, button(tr.gettext("« Back"), back_data))
    return row


@lru_cache(maxsize=256)
def _question_text(tr: NullTranslations, state: str) -> str:
    """A question's text depends only on language and question: rendered once, then reused
    (it is on the path of every tap)."""
    dimension = ssrm.DIMENSIONS_BY_KEY[state]
    heading = "<b>{title}</b> · {progress}".format(
        title=tr.gettext("Quick phase check"),
        progress=progress(tr, quick_check.QUESTIONS.index(state) + 1, len(quick_check.QUESTIONS)),
    )
    question = f"<b>{escape(tr.gettext(dimension.name))}</b>: {escape(tr.gettext(dimension.question))}"
    return options_text(tr, heading, question, dimension.options)


def question(tr: NullTranslations, session_id: int, check: quick_check.QuickCheck) -> Screen:
    number = check.question_number
    labels = option_labels(tr, ssrm.DIMENSIONS_BY_KEY[check.state].options, check.answers.get(check.state))
    rows = [[button(label, callbacks.quick(session_id, number, index))] for index, label in enumerate(labels)]
    rows.append(navigation_row(tr, callbacks.quick(session_id, number, "b") if check.can_go_back() else None))
    return Screen(_question_text(tr, check.state), InlineKeyboardMarkup(rows))


def resume(tr: NullTranslations, session_id: int, check: quick_check.QuickCheck) -> Screen:
    _ = tr.gettext
    number = check.question_number
    answered = len(check.answers)
    text = _("You have a quick phase check in progress: {count} of {total} questions answered.").format(
        count=answered, total=len(quick_check.QUESTIONS)
    )
    keyboard = InlineKeyboardMarkup(
        [
            [
                button(
                    _("▶ Continue (question {number} of {total})").format(
                        number=number, total=len(quick_check.QUESTIONS)
                    ),
                    callbacks.quick(session_id, number, "c"),
                )
            ],
            [button(_("↺ Start over"), callbacks.quick(session_id, number, "n"))],
        ]
    )
    return Screen(text, keyboard)


def profile_bar(level: int) -> str:
    return FILLED * level + EMPTY * (len(ssrm.PHASES) - level)


def dimension_names(tr: NullTranslations, keys: tuple[str, ...]) -> str:
    """Dimension names joined as a sentence: "Media, Approach and Impact"."""
    names = [tr.gettext(ssrm.DIMENSIONS_BY_KEY[key].name) for key in keys]
    if len(names) == 1:
        return names[0]
    return tr.gettext("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def phase_title(tr: NullTranslations, phase: ssrm.Phase) -> str:
    return tr.gettext("Phase {number} · {name}").format(number=phase.number, name=phase.name)


def ssrm_lines(tr: NullTranslations, result: ssrm.SsrmResult) -> list[str]:
    """The SSRM result as lines of HTML: phase, profile, bottleneck, why, recognise, next step."""
    _ = tr.gettext
    phase = result.phase
    profile = []
    for key in ssrm.DIMENSION_KEYS:
        line = f"{profile_bar(result.levels[key])}  {_(ssrm.DIMENSIONS_BY_KEY[key].name)} {result.levels[key]}"
        if key in result.bottleneck:
            line += "  ← " + _("bottleneck")
        profile.append(line)
    if result.is_level:
        bottleneck = _("None stands out: all five dimensions are in phase {number}.").format(number=phase.number)
    else:
        lowest = result.levels[result.bottleneck[0]]
        if lowest < phase.number:
            bottleneck = tr.ngettext(
                "{names} (phase {level}) is the lowest: it holds the others back.",
                "{names} (phase {level}) are the lowest: they hold the others back.",
                len(result.bottleneck),
            )
        else:  # at the phase itself: nothing lags behind it, but these must move for the next one
            bottleneck = tr.ngettext(
                "{names} (phase {level}) is the lowest: lift it first to reach the next phase.",
                "{names} (phase {level}) are the lowest: lift them first to reach the next phase.",
                len(result.bottleneck),
            )
        bottleneck = bottleneck.format(names=dimension_names(tr, result.bottleneck), level=lowest)
    next_levels = [
        "<b>"
        + escape(_("Next level for {dimension}").format(dimension=_(ssrm.DIMENSIONS_BY_KEY[key].name)))
        + "</b>: "
        + escape(_(ssrm.DIMENSIONS_BY_KEY[key].options[result.levels[key]].wording))
        for key in result.bottleneck
    ]
    ordered = " · ".join(str(level) for level in sorted(result.levels.values()))
    why = _(
        "your five levels, from low to high, are {levels}. Your phase is their middle value (the "
        "median), so one lagging dimension does not pull the whole organisation back. This is the "
        "advisor’s rule, not the model’s."
    ).format(levels=ordered)
    is_last = phase.number == len(ssrm.PHASES)
    next_heading = _("The path forward: Always-On") if is_last else _("Why take the next step?")
    return [
        f"<b>{escape(phase_title(tr, phase))}</b>",
        f"<i>{escape(_(phase.gloss))}</i>",
        "",
        "<b>" + _("Your profile") + "</b>",
        *profile,
        "",
        "<b>" + _("Bottleneck") + "</b>: " + escape(bottleneck),
        *next_levels,
        "",
        "<b>" + _("Why this phase") + "</b>: " + escape(why),
        "",
        "<b>" + _("Recognise this?") + "</b> " + escape(_(phase.recognize)),
        "",
        f"<b>{next_heading}</b>",
        escape(_(phase.next_step)),
    ]


def quick_result(tr: NullTranslations, result: ssrm.SsrmResult) -> Screen:
    _ = tr.gettext
    keyboard = InlineKeyboardMarkup(
        [
            [button(_("↻ Retake"), callbacks.menu("retake")), button(_("☰ Menu"), callbacks.menu("home"))],
            [button(_("📋 Full assessment"), callbacks.menu("full_new"))],
        ]
    )
    return Screen("\n".join(ssrm_lines(tr, result)), keyboard)
