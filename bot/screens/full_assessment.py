"""The full assessment's screens: intro, questions, the Cycle checklist, the result summary and
each model in detail. Text is Telegram HTML; every message stays under Telegram's 4,096
characters (a test checks the longest ones)."""

from __future__ import annotations

from functools import lru_cache

from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import FullTap, MenuTap, ResultTap
from bot.screens.plan import plan_block
from bot.screens.ssrm_block import dimension_names, lowest_dimensions, next_level_lines, phase_title, ssrm_lines
from bot.screens.widgets import (
    MARK,
    Screen,
    advisor_footer,
    button,
    escape,
    menu_button,
    navigation_row,
    option_labels,
    options_text,
    progress,
)
from dialogs import cycle, full_assessment, glue, results, sm247, ssrm
from dialogs.full_assessment import CYCLE, GLUE, INTRO, MANAGEMENT, REVIEW, FullAssessment, FullResult
from dialogs.i18n import N_
from dialogs.results import StoredResult

TOTAL = len(full_assessment.QUESTIONS)
LEVEL_SYMBOLS = ("○", "◐", "●")  # not yet, started, established


def _data(session_id: int, check: FullAssessment, action: str | int) -> FullTap:
    return FullTap(session_id, check.screen_number, str(action))


def _heading(tr: NullTranslations, check: FullAssessment, section: str) -> str:
    title = tr.gettext("Full assessment")
    where = progress(tr, check.question_number, TOTAL) if check.question_number else tr.gettext("Correct your answer")
    return f"<b>{title}</b> · {where}\n<i>{section}</i>"


def _back(session_id: int, check: FullAssessment) -> FullTap | None:
    return _data(session_id, check, "b") if check.can_go_back() else None


def screen(tr: NullTranslations, session_id: int, check: FullAssessment) -> Screen:
    """The open screen of the assessment."""
    if check.state == INTRO:
        return intro(tr, session_id, check)
    if check.state == CYCLE:
        return checklist(tr, session_id, check)
    if check.state == REVIEW:
        return review(tr, session_id, check)
    return question(tr, session_id, check)


def intro(tr: NullTranslations, session_id: int, check: FullAssessment) -> Screen:
    _ = tr.gettext
    text = "\n\n".join(
        (
            "<b>" + _("Full assessment") + "</b>",
            _("{count} questions, about 3 to 5 minutes. Tap the answer that fits; you can go back at any time.").format(
                count=TOTAL
            ),
            "\n".join(
                (
                    _("1. Social Strategy Readiness Model (SSRM): your phase, with management support"),
                    _("2. Social Media 24/7: what you do in its eight cells"),
                    _("3. Social Media Cycle: which of its twelve steps are in place"),
                    _("4. Social Media Glue Model: how campaigns and everyday posting relate"),
                )
            ),
            _("Then you get your result, a result card and the next step."),
        )
    )
    keyboard = InlineKeyboardMarkup([[button(_("▶ Start"), _data(session_id, check, "g"))], [menu_button(tr)]])
    return Screen(text, keyboard)


@lru_cache(maxsize=128)
def _options_question(tr: NullTranslations, state: str) -> tuple[str, tuple]:
    """The text and options of a question answered with one of its options; they depend only
    on language and question, so they are rendered once (this is on the path of every tap)."""
    _ = tr.gettext
    check = FullAssessment(state)
    state = check.question_key  # a correction asks the question again
    if state in ssrm.DIMENSIONS_BY_KEY:
        dimension = ssrm.DIMENSIONS_BY_KEY[state]
        section, question_text, options = "SSRM · " + _(dimension.name), dimension.question, dimension.options
    elif state == MANAGEMENT:
        section, question_text, options = (
            "SSRM · " + _("Management support"),
            ssrm.MANAGEMENT_QUESTION,
            ssrm.MANAGEMENT_OPTIONS,
        )
    elif state == GLUE:
        section, question_text, options = _("Social Media Glue Model"), glue.QUESTION, glue.SITUATIONS
    else:
        raise KeyError(f"{state} is not answered with an option")
    return options_text(tr, _heading(tr, check, section), escape(_(question_text)), options), options


def question(tr: NullTranslations, session_id: int, check: FullAssessment) -> Screen:
    if check.state in sm247.CELLS_BY_KEY:
        return cell_question(tr, session_id, check)
    text, options = _options_question(tr, check.state)
    labels = option_labels(tr, options, check.answers.get(check.question_key))
    rows = [[button(label, _data(session_id, check, index))] for index, label in enumerate(labels)]
    rows.append(navigation_row(tr, _back(session_id, check)))
    return Screen(text, InlineKeyboardMarkup(rows))


@lru_cache(maxsize=64)
def _cell_text(tr: NullTranslations, state: str) -> str:
    _ = tr.gettext
    cell = sm247.CELLS_BY_KEY[state]
    area = next(a for a in sm247.AREAS if a.key == cell.area)
    heading = _heading(tr, FullAssessment(state), f"Social Media 24/7 · {_(area.name)} · {_(cell.name)}")
    return "\n\n".join((heading, "<b>" + escape(_(cell.question)) + "</b>", escape(_(cell.explanation))))


def cell_question(tr: NullTranslations, session_id: int, check: FullAssessment) -> Screen:
    chosen = check.answers.get(check.state)
    row = [
        button(("✓ " if index == chosen else "") + tr.gettext(label), _data(session_id, check, index))
        for index, label in enumerate(sm247.LEVEL_LABELS)
    ]
    return Screen(
        _cell_text(tr, check.state), InlineKeyboardMarkup([row, navigation_row(tr, _back(session_id, check))])
    )


@lru_cache(maxsize=8)
def _checklist_text(tr: NullTranslations) -> str:
    """The checklist's text: the same for everyone in a language (the ticks are on the buttons)."""
    _ = tr.gettext
    lines = [
        _heading(tr, FullAssessment(CYCLE), _("Social Media Cycle")),
        "",
        _("Which steps are in place? Tap to tick them, then Done."),
    ]
    for phase in cycle.PHASES:
        name = escape(_(phase.name))
        lines += ["", "<b>" + _("Cycle phase {number}: {name}").format(number=phase.number, name=name) + "</b>"]
        for step in (step for step in cycle.STEPS if step.phase == phase.number):
            lines.append(f"{step.number} · <b>{escape(_(step.name))}</b>: {escape(_(step.meaning))}")
    return "\n".join(lines)


def checklist(tr: NullTranslations, session_id: int, check: FullAssessment) -> Screen:
    _ = tr.gettext
    in_place = set(cycle.steps_in_place(check.answers))
    # One step per row: two to a row cut the names short on a phone ("✓ 5 · Cross-media integ…").
    rows = [
        [
            button(
                ("✓ " if step.number in in_place else "") + f"{step.number} · {_(step.name)}",
                _data(session_id, check, f"s{step.number:02d}{int(step.number not in in_place)}"),
            )
        ]
        for step in cycle.STEPS
    ]
    rows.append([button(_("Done ▶"), _data(session_id, check, "d"))])
    rows.append(navigation_row(tr, _back(session_id, check)))
    return Screen(_checklist_text(tr), InlineKeyboardMarkup(rows))


def resume(tr: NullTranslations, session_id: int, check: FullAssessment) -> Screen:
    _ = tr.gettext
    answered = check.answered
    text = _("You have a full assessment in progress: {count} of {total} questions answered.").format(
        count=answered, total=TOTAL
    )
    number = check.question_number
    label = (
        _("▶ Continue (question {number} of {total})").format(number=number, total=TOTAL) if number else _("▶ Continue")
    )
    keyboard = InlineKeyboardMarkup(
        [
            [button(label, _data(session_id, check, "c"))],
            [button(_("↺ Start over"), _data(session_id, check, "n"))],
            [menu_button(tr)],
        ]
    )
    return Screen(text, keyboard)


# What the review says of each contradiction, and which answers it offers to correct.
CONTRADICTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "management_approach": (
        N_(
            "You said management does not back social media, but for Approach you chose: “{approach}” "
            "From Experimentation on, the model has management set the example."
        ),
        (MANAGEMENT, "approach"),
    ),
    "glue_approach": (
        N_(
            "On campaigns and everyday posting you said: “{glue}” But for Approach you chose: “{approach}” "
            "The two say differently how regularly you post."
        ),
        (GLUE, "approach"),
    ),
}
CORRECT_LABELS = {
    MANAGEMENT: N_("✎ Management support"),
    "approach": N_("✎ Approach"),
    GLUE: N_("✎ Campaigns and posting"),
}
KEPT = {
    "management_approach": N_(
        "You kept two answers that disagree: no management support, and an approach where management "
        "sets the example. The result takes both as given."
    ),
    "glue_approach": N_(
        "You kept two answers that disagree: how regularly you post, and your approach. The result "
        "takes both as given."
    ),
}


def review(tr: NullTranslations, session_id: int, check: FullAssessment) -> Screen:
    """Two answers that cannot both be right: correct either, or keep both."""
    _ = tr.gettext
    approach_option = ssrm.DIMENSIONS_BY_KEY["approach"].options[check.answers["approach"]]
    approach = _(approach_option.wording)
    glue_wording = _(glue.SITUATIONS[check.answers[GLUE]].wording)
    lines = ["<b>" + _("Check two of your answers") + "</b>"]
    offered: list[str] = []
    for key in check.contradictions:
        sentence, questions = CONTRADICTIONS[key]
        lines += ["", escape(_(sentence).format(approach=approach, glue=glue_wording))]
        offered += [question for question in questions if question not in offered]
    lines += ["", _("Correct one of them, or keep your answers as they are.")]
    rows = [[button(_(CORRECT_LABELS[question]), _data(session_id, check, "e" + question))] for question in offered]
    rows.append([button(_("✓ Keep my answers"), _data(session_id, check, "k"))])
    rows.append(navigation_row(tr, _back(session_id, check)))
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


# -- the result -------------------------------------------------------------------------------------


def sm247_grid(tr: NullTranslations, cells: dict[str, int]) -> str:
    """The 24/7 profile as a grid: areas down, simple and complex across (monospace)."""
    _ = tr.gettext
    names = [_(area.name) for area in sm247.AREAS]
    width = max(len(name) for name in names) + 2
    simple, complex_ = _("simple"), _("complex")
    lines = [" " * width + f"{simple:<10}{complex_}"]
    for area, name in zip(sm247.AREAS, names, strict=True):
        row = [c for c in sm247.CELLS if c.area == area.key]
        simple_cell = next(c for c in row if not c.complex)
        complex_cell = next(c for c in row if c.complex)
        lines.append(
            f"{name:<{width}}{LEVEL_SYMBOLS[cells[simple_cell.key]]:<10}{LEVEL_SYMBOLS[cells[complex_cell.key]]}"
        )
    legend = _("● established  ◐ started  ○ not yet")
    return "<pre>" + escape("\n".join(lines)) + "</pre>\n" + legend


def _step_line(tr: NullTranslations, step: cycle.Step) -> str:
    phase = cycle.PHASES[step.phase - 1]
    return tr.gettext("Step {number} · {name} (Cycle phase {phase}: {phase_name})").format(
        number=step.number, name=tr.gettext(step.name), phase=phase.number, phase_name=tr.gettext(phase.name)
    )


GLUE_BASE_FIRST = N_("You post without a content plan, so the base comes first.")
# Why management holds the organisation back, per answer (the source: "management support is
# essential", "especially as organizations move into more advanced stages"). From which phase
# on it counts is the advisor's reading.
MANAGEMENT_HOLDS_BACK = {
    ssrm.NO_SUPPORT: N_(
        "management support. Management does not back social media, while the model calls its "
        "support essential; from Basic Publishing on, that holds you back."
    ),
    ssrm.ALLOWS: N_(
        "management support. Management allows social media but does not drive or prioritise it, "
        "while the model asks for active support and prioritisation, especially in the more "
        "advanced phases."
    ),
}


def management_lines(tr: NullTranslations, result: FullResult) -> list[str]:
    """Management support as the first bottleneck, then the dimensions below the phase."""
    _ = tr.gettext
    lines = ["<b>" + _("Bottleneck") + "</b>: " + escape(_(MANAGEMENT_HOLDS_BACK[result.management])) + MARK]
    if result.ssrm.bottleneck:
        below = _("Then: {dimensions}, below your phase.").format(dimensions=lowest_dimensions(tr, result.ssrm))
        lines.append(escape(below))
    return lines


def _summary_bottleneck(tr: NullTranslations, result: FullResult) -> list[str]:
    _ = tr.gettext
    if result.management_holds_back:
        lines = management_lines(tr, result)
    elif result.ssrm.bottleneck or result.ssrm.rules == 1:
        lines = ["<b>" + _("Bottleneck") + "</b>: " + escape(lowest_dimensions(tr, result.ssrm))]
    else:
        lines = ["<b>" + _("No bottleneck") + "</b>: " + escape(lowest_dimensions(tr, result.ssrm))]
    if result.ssrm.ahead:
        ahead = dimension_names(tr, result.ssrm.ahead)
        lines.append("<b>" + _("Ahead of your practice") + "</b>: " + escape(ahead))
    return lines


def cycle_lines(tr: NullTranslations, result: FullResult) -> list[str]:
    """The next step; the bottleneck's step only when it differs, saying which comes first."""
    _ = tr.gettext
    if result.next_step is None and result.bottleneck_step is None:
        return [escape(_("All twelve steps are in place: keep the cycle going, starting again at step 1."))]
    first = full_assessment.first_cycle_step(result)
    lines = [escape(_step_line(tr, first))]
    other = result.bottleneck_step if first == result.next_step else result.next_step
    if other is not None and other != first:
        if other == result.bottleneck_step and not (result.ssrm.bottleneck or result.management_holds_back):
            then = _("Then step {number} · {name}: the step for what leads to the next phase.")
        elif other == result.bottleneck_step:
            then = _("Then step {number} · {name}: the step your bottleneck points to.")
        else:
            then = _("Then step {number} · {name}: the first step not yet in place.")
        lines.append(escape(then.format(number=other.number, name=_(other.name))) + MARK)
    return lines


def result(tr: NullTranslations, session_id: int, result: FullResult, moves: tuple[str, ...] = ()) -> Screen:
    """The summary: the plan first, then each model's result in short, with buttons to each in detail."""
    _ = tr.gettext
    lines = [
        "<b>" + _("Your social media assessment") + "</b>",
        "",
        *plan_block(tr, moves),
        *([""] if moves else []),
        "<b>SSRM: " + escape(phase_title(tr, result.ssrm.phase)) + "</b>",
        *_summary_bottleneck(tr, result),
        *("⚠ " + escape(_(KEPT[key])) for key in result.contradictions),
        "",
        "<b>Social Media 24/7</b>",
        sm247_grid(tr, result.cells),
        "",
        "<b>" + _("Next step in the Social Media Cycle") + "</b>",
        *cycle_lines(tr, result),
        "",
        "<b>" + _("Social Media Glue Model") + "</b>: " + escape(_(glue.ASPECTS[result.glue_aspect][0])),
    ]
    if result.glue_aspect != glue.SITUATIONS[result.glue_situation].aspect:
        lines[-1] += " — " + escape(_(GLUE_BASE_FIRST)) + MARK
    lines += ["", advisor_footer(tr)]
    return Screen("\n".join(lines), result_keyboard(tr, session_id, "sum"))


def result_keyboard(tr: NullTranslations, session_id: int, current: str) -> InlineKeyboardMarkup:
    _ = tr.gettext
    parts = [("sum", _("Summary")), ("ssrm", "SSRM"), ("sm247", "24/7"), ("cycle", _("Cycle")), ("glue", _("Glue"))]
    details = [button(label, ResultTap(session_id, part)) for part, label in parts if part != current]
    return InlineKeyboardMarkup(
        [
            details[:2],
            details[2:],
            [button(_("📌 My plan"), MenuTap("plan")), button(_("🗂 My results"), MenuTap("results"))],
            [
                button(_("🧭 Write your strategy"), MenuTap("strategy")),
                button(_("📄 Report"), ResultTap(session_id, "report")),
            ],
            [button(_("↻ Retake"), MenuTap("retake_full")), button(_("☰ Menu"), MenuTap("home"))],
        ]
    )


def ssrm_detail(tr: NullTranslations, result: FullResult) -> str:
    """The SSRM result as the quick check shows it, with management support: when it holds the
    next step back, it is the first bottleneck."""
    _ = tr.gettext
    bottleneck = None
    if result.management_holds_back:
        bottleneck = management_lines(tr, result) + next_level_lines(tr, result.ssrm, result.ssrm.bottleneck)
    lines = ssrm_lines(tr, result.ssrm, bottleneck)
    management = escape(_(ssrm.MANAGEMENT_OPTIONS[result.management].wording))
    why = next(i for i, line in enumerate(lines) if line.startswith("<b>" + _("Why this phase")))
    lines[why:why] = ["<b>" + _("Management support") + "</b>: " + management, ""]
    lines += ["", advisor_footer(tr)]
    return "\n".join(lines)


def sm247_detail(tr: NullTranslations, result: FullResult) -> str:
    _ = tr.gettext
    lines = ["<b>Social Media 24/7</b>", sm247_grid(tr, result.cells), ""]
    for cell in sm247.CELLS:
        level = _(sm247.LEVEL_LABELS[result.cells[cell.key]])
        lines.append(f"{LEVEL_SYMBOLS[result.cells[cell.key]]} <b>{escape(_(cell.name))}</b>: {escape(level)}")
    lines += ["", "<b>" + _("What the model remarks") + "</b>"]
    if result.remarks:
        lines.append("\n\n".join(escape(_(sm247.REMARKS[key])) for key in result.remarks))
    else:
        lines.append(escape(_("None of the model’s warnings apply to your answers.")))
    lines += ["", escape(_(sm247.MODEL_ORDER)), escape(_(sm247.PROFILE_READING)) + MARK, "", advisor_footer(tr)]
    return "\n".join(lines)


def cycle_detail(tr: NullTranslations, result: FullResult) -> str:
    _ = tr.gettext
    lines = ["<b>" + _("Social Media Cycle") + "</b>", ""]
    step = full_assessment.first_cycle_step(result)
    if step is None:
        lines.append(escape(_("All twelve steps are in place: keep the cycle going, starting again at step 1.")))
    else:
        phase = cycle.PHASES[step.phase - 1]
        lines += [
            "<b>" + escape(_step_line(tr, step)) + "</b>",
            escape(_(step.description)),
            "",
            "<i>" + escape(_(phase.description)) + "</i>",
        ]
    other = result.bottleneck_step if step == result.next_step else result.next_step
    if other is not None and step is not None and other != step:
        lines += ["", *(cycle_lines(tr, result)[1:]), escape(_(other.description))]
    done = ", ".join(str(number) for number in result.in_place) or "–"
    lines += ["", escape(_("Steps in place: {steps}").format(steps=done)), "", advisor_footer(tr)]
    return "\n".join(lines)


def glue_detail(tr: NullTranslations, result: FullResult) -> str:
    _ = tr.gettext
    lines = ["<b>" + _("Social Media Glue Model") + "</b>", ""]
    lines.append(escape(_("You said: {situation}").format(situation=_(glue.SITUATIONS[result.glue_situation].wording))))
    for number, (title, advice) in glue.ASPECTS.items():
        marker = "▶ " if number == result.glue_aspect else ""
        lines += ["", f"<b>{marker}{number}. {escape(_(title))}</b>", escape(_(advice))]
    lines += [
        "",
        "<i>"
        + escape(
            _(
                "The model’s question: what is the balance between short campaigns and managing social media, "
                "and how can they strengthen each other?"
            )
        )
        + "</i>",
    ]
    return "\n".join(lines)


DETAILS = {"ssrm": ssrm_detail, "sm247": sm247_detail, "cycle": cycle_detail, "glue": glue_detail}


def details(tr: NullTranslations, stored: StoredResult, part: str) -> Screen:
    """A stored result's summary or one model in detail, with buttons to the other parts."""
    shown = results.full_result(stored.scores, stored.scoring_version)
    if part == "sum":
        return result(tr, stored.session_id, shown, tuple(stored.scores.get("plan", ())))
    return Screen(DETAILS[part](tr, shown), result_keyboard(tr, stored.session_id, part))
