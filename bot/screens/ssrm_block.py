"""The SSRM result as one block: phase, profile, bottleneck, why, recognise, next step.
Shared by the quick check, the full assessment's detail and /results."""

from __future__ import annotations

from babel.support import NullTranslations

from bot.screens.widgets import EMPTY, FILLED, MARK, escape
from dialogs import ssrm


def profile_bar(level: int) -> str:
    return FILLED * level + EMPTY * (len(ssrm.PHASES) - level)


def dimension_names(tr: NullTranslations, keys: tuple[str, ...]) -> str:
    """Dimension names joined as a sentence: "Media, Approach and Impact"."""
    names = [tr.gettext(ssrm.DIMENSIONS_BY_KEY[key].name) for key in keys]
    if len(names) == 1:
        return names[0]
    return tr.gettext("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _with_levels(tr: NullTranslations, levels: dict[str, int], keys: tuple[str, ...]) -> str:
    """ "Application (5), Technology (5) and Impact (4)" """
    names = [f"{tr.gettext(ssrm.DIMENSIONS_BY_KEY[key].name)} ({levels[key]})" for key in keys]
    if len(names) == 1:
        return names[0]
    return tr.gettext("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def lowest_dimensions(tr: NullTranslations, result: ssrm.SsrmResult) -> str:
    """The bottleneck's dimensions and their level, or that there is none: the one wording the
    summary, the detail and the result card share."""
    if result.is_level:
        if result.phase.number == len(ssrm.PHASES):
            return tr.gettext("you are evenly at the top phase.")
        return tr.gettext("you are evenly at phase {number}.").format(number=result.phase.number)
    return tr.gettext("{names} (phase {level})").format(
        names=dimension_names(tr, result.bottleneck), level=result.levels[result.bottleneck[0]]
    )


def bottleneck_headline(tr: NullTranslations, result: ssrm.SsrmResult, management_holds_back: bool) -> str:
    """The bottleneck in one line (the result card)."""
    _ = tr.gettext
    if management_holds_back:
        return _("Bottleneck") + ": " + _("Management support")
    if result.is_level and result.rules > 1:
        return _("No bottleneck") + ": " + lowest_dimensions(tr, result)
    return _("Bottleneck") + ": " + lowest_dimensions(tr, result)


def phase_title(tr: NullTranslations, phase: ssrm.Phase) -> str:
    return tr.gettext("Phase {number} · {name}").format(number=phase.number, name=phase.name)


def next_level_lines(tr: NullTranslations, result: ssrm.SsrmResult, keys: tuple[str, ...]) -> list[str]:
    """The source's description of the next level of each of ``keys``."""
    _ = tr.gettext
    lines = []
    for key in keys:
        dimension = ssrm.DIMENSIONS_BY_KEY[key]
        if result.levels[key] < len(dimension.options):
            heading = escape(_("Next level for {dimension}").format(dimension=_(dimension.name)))
            lines.append(f"<b>{heading}</b>: " + escape(_(dimension.options[result.levels[key]].wording)))
    return lines


def bottleneck_lines(tr: NullTranslations, result: ssrm.SsrmResult) -> list[str]:
    """The bottleneck (the dimensions below the phase) with the source's next level for each;
    with none, that the organisation is evenly at its phase and what leads to the next."""
    _ = tr.gettext
    phase = result.phase
    if result.rules == 1:  # a result stored by the first rules: the lowest dimension(s)
        return _first_rules_bottleneck(tr, result)
    if result.bottleneck:
        sentence = tr.ngettext(
            "{names} (phase {level}) is below your phase: it holds the others back.",
            "{names} (phase {level}) are below your phase: they hold the others back.",
            len(result.bottleneck),
        ).format(names=dimension_names(tr, result.bottleneck), level=result.levels[result.bottleneck[0]])
        return ["<b>" + _("Bottleneck") + "</b>: " + escape(sentence), *next_level_lines(tr, result, result.bottleneck)]
    if phase.number == len(ssrm.PHASES):
        return ["<b>" + _("No bottleneck") + "</b>: " + escape(_("you are evenly at the top phase."))]
    sentence = _(
        "you are evenly at phase {number}: no dimension is below it. To reach phase {next}, lift {names} first."
    ).format(number=phase.number, next=phase.number + 1, names=dimension_names(tr, result.next_lift))
    lines = ["<b>" + _("No bottleneck") + "</b>: " + escape(sentence) + MARK]
    return lines + next_level_lines(tr, result, result.next_lift)


def _first_rules_bottleneck(tr: NullTranslations, result: ssrm.SsrmResult) -> list[str]:
    _ = tr.gettext
    if result.is_level:
        level = _("None stands out: all five dimensions are in phase {number}.").format(number=result.phase.number)
        return ["<b>" + _("Bottleneck") + "</b>: " + escape(level)]
    lowest = result.levels[result.bottleneck[0]]
    if lowest < result.phase.number:
        sentence = tr.ngettext(
            "{names} (phase {level}) is the lowest: it holds the others back.",
            "{names} (phase {level}) are the lowest: they hold the others back.",
            len(result.bottleneck),
        )
    else:
        sentence = tr.ngettext(
            "{names} (phase {level}) is the lowest: lift it first to reach the next phase.",
            "{names} (phase {level}) are the lowest: lift them first to reach the next phase.",
            len(result.bottleneck),
        )
    sentence = sentence.format(names=dimension_names(tr, result.bottleneck), level=lowest)
    return ["<b>" + _("Bottleneck") + "</b>: " + escape(sentence), *next_level_lines(tr, result, result.bottleneck)]


def ahead_line(tr: NullTranslations, result: ssrm.SsrmResult) -> list[str]:
    """Dimensions two or more phases above the phase, named rather than hidden."""
    _ = tr.gettext
    if not result.ahead:
        return []
    sentence = tr.ngettext(
        "{names} is two or more phases beyond your phase. It pays off once the rest has caught up: "
        "each phase builds on the one before.",
        "{names} are two or more phases beyond your phase. They pay off once the rest has caught up: "
        "each phase builds on the one before.",
        len(result.ahead),
    ).format(names=_with_levels(tr, result.levels, result.ahead))
    if "technology" in result.ahead and result.levels["approach"] <= result.phase.number:
        sentence += " " + _("Your tools are ahead of your strategy.")
    return ["<b>" + _("Ahead of your practice") + "</b>: " + escape(sentence)]


def why_line(tr: NullTranslations, result: ssrm.SsrmResult) -> str:
    """How the phase follows from the levels, true for this profile."""
    _ = tr.gettext
    ordered = " · ".join(str(level) for level in sorted(result.levels.values()))
    if result.rules == 1:
        why = _(
            "your five levels, from low to high, are {levels}. Your phase is their middle value (the "
            "median), so one lagging dimension does not pull the whole organisation back. This is the "
            "advisor’s rule, not the model’s."
        ).format(levels=ordered)
        return "<b>" + _("Why this phase") + "</b>: " + escape(why)
    if result.capped:
        why = _(
            "your five levels, from low to high, are {levels}. Their middle value is {median}, but each "
            "phase builds on the one before: your phase is at most one above your lowest level ({lowest})."
        ).format(levels=ordered, median=result.median, lowest=min(result.levels.values()))
    elif result.bottleneck:
        why = tr.ngettext(
            "your five levels, from low to high, are {levels}. Your phase is their middle value (the "
            "median): {names}, one level behind, does not pull the whole organisation back, but is its "
            "bottleneck.",
            "your five levels, from low to high, are {levels}. Your phase is their middle value (the "
            "median): {names}, one level behind, do not pull the whole organisation back, but are its "
            "bottleneck.",
            len(result.bottleneck),
        ).format(levels=ordered, names=dimension_names(tr, result.bottleneck))
    else:
        why = _(
            "your five levels, from low to high, are {levels}. Your phase is their middle value (the "
            "median), and none of them is below it."
        ).format(levels=ordered)
    return "<b>" + _("Why this phase") + "</b>: " + escape(why) + MARK


def profile_lines(tr: NullTranslations, result: ssrm.SsrmResult) -> list[str]:
    _ = tr.gettext
    lines = []
    for key in ssrm.DIMENSION_KEYS:
        line = f"{profile_bar(result.levels[key])}  {_(ssrm.DIMENSIONS_BY_KEY[key].name)} {result.levels[key]}"
        if key in result.bottleneck:
            line += "  ← " + _("bottleneck")
        elif key in result.ahead:
            line += "  ← " + _("ahead")
        lines.append(line)
    return lines


def ssrm_lines(tr: NullTranslations, result: ssrm.SsrmResult, bottleneck: list[str] | None = None) -> list[str]:
    """The SSRM result as lines of HTML: phase, profile, bottleneck (``bottleneck`` replaces
    it, for management support), what is ahead, why, then recognise and the next step."""
    _ = tr.gettext
    phase = result.phase
    lines = [
        f"<b>{escape(phase_title(tr, phase))}</b>",
        f"<i>{escape(_(phase.gloss))}</i>",
        "",
        "<b>" + _("Your profile") + "</b>",
        *profile_lines(tr, result),
        "",
        *(bottleneck if bottleneck is not None else bottleneck_lines(tr, result)),
        *ahead_line(tr, result),
        "",
        why_line(tr, result),
        "",
    ]
    if result.capped and result.rules > 1:
        # The phase's own picture ("Recognise this?", the next step) describes an organisation
        # that is at that phase on every dimension; this one is further along on most. The
        # bottleneck's next level says what to do instead.
        caught_up = tr.ngettext(
            "Most of your practice is further along than this phase. Once {names} catches up, your phase "
            "follows the rest.",
            "Most of your practice is further along than this phase. Once {names} catch up, your phase "
            "follows the rest.",
            len(result.bottleneck),
        ).format(names=dimension_names(tr, result.bottleneck))
        return [*lines, "<b>" + _("What to do") + "</b>", escape(caught_up) + MARK]
    is_last = phase.number == len(ssrm.PHASES)
    next_heading = _("The path forward: Always-On") if is_last else _("Why take the next step?")
    return [
        *lines,
        "<b>" + _("Recognise this?") + "</b> " + escape(_(phase.recognize)),
        "",
        f"<b>{next_heading}</b>",
        escape(_(phase.next_step)),
    ]
