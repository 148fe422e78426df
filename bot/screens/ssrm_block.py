"""The SSRM result as one block: phase, profile, bottleneck, why, recognise, next step.
Shared by the quick check, the full assessment's detail and /results."""

from __future__ import annotations

from babel.support import NullTranslations

from bot.screens.widgets import EMPTY, FILLED, escape
from dialogs import ssrm


def profile_bar(level: int) -> str:
    return FILLED * level + EMPTY * (len(ssrm.PHASES) - level)


def dimension_names(tr: NullTranslations, keys: tuple[str, ...]) -> str:
    """Dimension names joined as a sentence: "Media, Approach and Impact"."""
    names = [tr.gettext(ssrm.DIMENSIONS_BY_KEY[key].name) for key in keys]
    if len(names) == 1:
        return names[0]
    return tr.gettext("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def lowest_dimensions(tr: NullTranslations, result: ssrm.SsrmResult) -> str:
    """The bottleneck's dimensions and their level, or that none stands out: the one wording
    the summary, the detail and the result card share."""
    if result.is_level:
        return tr.gettext("None stands out: all five dimensions are in phase {number}.").format(
            number=result.phase.number
        )
    return tr.gettext("{names} (phase {level})").format(
        names=dimension_names(tr, result.bottleneck), level=result.levels[result.bottleneck[0]]
    )


def bottleneck_headline(tr: NullTranslations, result: ssrm.SsrmResult, management_holds_back: bool) -> str:
    """The bottleneck in one line (the result card)."""
    _ = tr.gettext
    if management_holds_back:
        return _("Bottleneck") + ": " + _("Management support")
    if result.is_level:
        return lowest_dimensions(tr, result)
    return _("Bottleneck") + ": " + lowest_dimensions(tr, result)


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
