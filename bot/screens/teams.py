"""Team checks: the teams list, a new team, the invitation, the owner's team view (aggregates
only), agreeing the team's levels, and what a member sees."""

from __future__ import annotations

from urllib.parse import quote

from babel.support import NullTranslations
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import TeamTap
from bot.screens.plan import plan_block
from bot.screens.ssrm_block import dimension_names, phase_title, profile_bar
from bot.screens.widgets import MARK, Screen, advisor_footer, button, escape, menu_button
from bot.storage import Team
from dialogs import plan, ssrm, team
from dialogs.i18n import N_

FLOW_TITLES = {"quick": N_("Quick phase check"), "full": N_("Full assessment")}


def invite_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username}?start={token}"


def home(tr: NullTranslations, owned: list[Team], joined: list[Team]) -> Screen:
    _ = tr.gettext
    lines = [
        "<b>" + _("Team checks") + "</b>",
        escape(
            _(
                "Ask your team the same questions and see the team’s picture — and where people see the "
                "organisation differently. Members’ own answers stay theirs: you see aggregates only, once at "
                "least {minimum} finished."
            ).format(minimum=team.MINIMUM)
        ),
    ]
    rows = [[button("👥 " + item.name, TeamTap("view", item.id))] for item in owned]
    if joined:
        lines += ["", "<b>" + _("Teams you are in") + "</b>"]
        lines += ["• " + escape(item.name) for item in joined]
        rows += [[button(_("Leave “{team}”").format(team=item.name)[:60], TeamTap("leave", item.id))]
                 for item in joined]
    rows.append([button(_("➕ New team check"), TeamTap("new"))])
    rows.append([menu_button(tr)])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def ask_name(tr: NullTranslations) -> Screen:
    _ = tr.gettext
    text = _("What is the team called? Send its name (up to {limit} characters), e.g. “Marketing Rotterdam”.").format(
        limit=team.NAME_LIMIT
    )
    return Screen(escape(text), InlineKeyboardMarkup([[button(_("« Back"), TeamTap("home"))]]))


def bad_name(tr: NullTranslations) -> str:
    return tr.gettext(
        "That name won’t do: use up to {limit} characters, without < or >. Send another name."
    ).format(limit=team.NAME_LIMIT)


def choose_flow(tr: NullTranslations, name: str) -> Screen:
    _ = tr.gettext
    text = escape(_("Which check should the members of “{team}” take?").format(team=name))
    rows = [
        [button(_("⚡ Quick phase check (5 questions)"), TeamTap("flow", key="quick"))],
        [button(_("📋 Full assessment (16 questions)"), TeamTap("flow", key="full"))],
        [button(_("« Back"), TeamTap("home"))],
    ]
    return Screen(text, InlineKeyboardMarkup(rows))


def invitation_text(tr: NullTranslations, item: Team, link: str) -> str:
    """The message to forward to the team."""
    return tr.gettext(
        "Where do we stand with social media? Take the {check} for “{team}”: {link} — only the team’s "
        "picture is shared, not your own answers."
    ).format(check=tr.gettext(FLOW_TITLES[item.flow]).lower(), team=item.name, link=link)


def created(tr: NullTranslations, item: Team, link: str) -> Screen:
    _ = tr.gettext
    message = invitation_text(tr, item, link)
    lines = [
        "<b>" + escape(_("Team “{team}” is ready").format(team=item.name)) + "</b>",
        escape(_("Share this link with the team; each member opens it and takes the check:")),
        escape(link),
        "",
        "<b>" + _("A message to forward") + "</b>",
        escape(message),
    ]
    share = "https://t.me/share/url?url=" + quote(link, safe="") + "&text=" + quote(message, safe="")
    rows = [
        [InlineKeyboardButton(_("📤 Share the link"), url=share)],
        [button(_("👥 Team view"), TeamTap("view", item.id))],
        [menu_button(tr)],
    ]
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def _phase_lines(tr: NullTranslations, phases: dict[int, int]) -> list[str]:
    lines = []
    for phase in ssrm.PHASES:
        count = phases.get(phase.number, 0)
        lines.append(f"{'■' * count}{'·' if not count else ''} {escape(phase_title(tr, phase))}: {count}")
    return lines


def team_view(tr: NullTranslations, item: Team, joined: int, finished: int, picture: team.TeamPicture | None,
              benchmark: dict[int, int] | None = None) -> Screen:
    """The owner's view: who joined and finished (counts only), then the team's picture."""
    _ = tr.gettext
    check = _(FLOW_TITLES[item.flow])
    lines = [
        "<b>" + escape(_("Team “{team}”").format(team=item.name)) + "</b> · " + escape(check),
        escape(_("👥 {joined} joined · {finished} finished").format(joined=joined, finished=finished)),
    ]
    if not item.is_open:
        lines.append("🔒 " + escape(_("Closed: no new answers.")))
    if picture is None:
        needed = team.MINIMUM - finished
        lines += [
            "",
            escape(
                tr.ngettext(
                    "The team’s picture shows once {minimum} members have finished: {count} more to go.",
                    "The team’s picture shows once {minimum} members have finished: {count} more to go.",
                    needed,
                ).format(minimum=team.MINIMUM, count=needed)
            ),
        ]
    else:
        lines += ["", "<b>" + _("Phases in the team") + "</b>", *_phase_lines(tr, picture.phases)]
        lines += ["", "<b>" + _("The team’s levels (median)") + "</b>" + MARK]
        for key in ssrm.DIMENSION_KEYS:
            level = picture.medians[key]
            lines.append(f"{profile_bar(level)}  {escape(_(ssrm.DIMENSIONS_BY_KEY[key].name))} {level}")
        lines += ["", "<b>" + escape(phase_title(tr, picture.team_result.phase)) + "</b> " + escape(_("as a team"))]
        lines += ["", "<b>" + _("Where you disagree most — discuss this") + "</b>" + MARK]
        if picture.spreads:
            for spread in picture.spreads[:2]:
                dimension = ssrm.DIMENSIONS_BY_KEY[spread.dimension]
                lines.append(
                    escape(
                        _("{dimension}: from phase {low} (“{low_says}”) to phase {high} (“{high_says}”).").format(
                            dimension=_(dimension.name),
                            low=spread.low,
                            low_says=_(dimension.options[spread.low - 1].label),
                            high=spread.high,
                            high_says=_(dimension.options[spread.high - 1].label),
                        )
                    )
                )
        else:
            lines.append(escape(_("Nowhere: every member chose the same level on every dimension.")))
        if picture.cells is not None:
            established = sum(1 for level in picture.cells.values() if level == 2)
            in_place = sum(1 for count in picture.steps_in_place.values() if count * 2 > picture.finished)
            lines += [
                "",
                escape(_("24/7 cells established by most: {count} of 8.").format(count=established)),
                escape(_("Cycle steps in place for most: {count} of 12.").format(count=in_place)),
            ]
        if item.agreed_levels:
            agreed = ssrm.score({key: level - 1 for key, level in item.agreed_levels.items()})
            lines += ["", "✅ " + escape(_("The team agreed on {phase}.").format(phase=phase_title(tr, agreed.phase)))]
    if benchmark is not None:
        lines += ["", *benchmark_lines(tr, benchmark)]
    if picture is not None:  # the median and the spread are the advisor's rules (†)
        lines += ["", advisor_footer(tr)]
    rows = [[button(_("🔄 Refresh"), TeamTap("refresh", item.id))]]
    delete = button(_("🗑 Delete"), TeamTap("delete", item.id))
    if picture is not None:
        rows.append([button(_("🤝 Agree the team’s levels"), TeamTap("agree", item.id))])
        rows.append([button(_("🖼 The team’s card"), TeamTap("card", item.id))])
    if item.is_open:
        rows.append([button(_("🔔 Remind who hasn’t finished"), TeamTap("remind", item.id))])
        rows.append([button(_("🔒 Close"), TeamTap("close", item.id)), delete])
    else:
        rows.append([button(_("🔓 Reopen"), TeamTap("reopen", item.id)), delete])
    if item.group_chat_id is not None and picture is not None:
        rows.append([button(_("📣 Post the team’s picture to the group"), TeamTap("post", item.id))])
    rows.append([button(_("« Teams"), TeamTap("home"))])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def benchmark_lines(tr: NullTranslations, counts: dict[int, int]) -> list[str]:
    _ = tr.gettext
    total = sum(counts.values())
    heading = _("Compared with all {count} organisations that took the check here").format(count=total)
    lines = ["<b>" + escape(heading) + "</b>"]
    for phase in ssrm.PHASES:
        share = round(100 * counts.get(phase.number, 0) / total)
        lines.append(escape(f"{phase_title(tr, phase)}: {share}%"))
    return lines


def agree(tr: NullTranslations, item: Team, levels: dict[str, int], from_median: bool = True) -> Screen:
    """Set the team's agreed level per dimension, starting from the median."""
    _ = tr.gettext
    lines = [
        "<b>" + escape(_("Agree the team’s levels · “{team}”").format(team=item.name)) + "</b>",
        escape(
            _("After the discussion, set each dimension to the level the team agrees on. It starts at the median.")
            if from_median
            else _("After the discussion, set each dimension to the level the team agrees on.")
        ),
        "",
    ]
    rows = []
    for key in ssrm.DIMENSION_KEYS:
        name = _(ssrm.DIMENSIONS_BY_KEY[key].name)
        lines.append(f"{profile_bar(levels[key])}  {escape(name)} {levels[key]}")
        rows.append(
            [
                button("−", TeamTap("level", item.id, key, "down")),
                button(f"{name} {levels[key]}", TeamTap("agree", item.id)),  # shows the level; tapping redraws
                button("+", TeamTap("level", item.id, key, "up")),
            ]
        )
    rows.append([button(_("✅ This is our result"), TeamTap("agreed", item.id))])
    rows.append([button(_("« Team view"), TeamTap("view", item.id))])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def team_result(tr: NullTranslations, item: Team, result: ssrm.SsrmResult) -> Screen:
    """The team's result from the agreed levels, with the team's plan."""
    _ = tr.gettext
    moves = plan.for_quick_check(result).moves
    lines = [
        "<b>" + escape(_("The team’s result · “{team}”").format(team=item.name)) + "</b>",
        "",
        *plan_block(tr, moves),
        "",
        "<b>" + escape(phase_title(tr, result.phase)) + "</b>",
        *(f"{profile_bar(result.levels[key])}  {escape(_(ssrm.DIMENSIONS_BY_KEY[key].name))} {result.levels[key]}"
          for key in ssrm.DIMENSION_KEYS),
    ]
    if result.bottleneck:
        lines.append("<b>" + _("Bottleneck") + "</b>: " + escape(dimension_names(tr, result.bottleneck)))
    lines += ["", advisor_footer(tr)]
    rows = [[button(_("« Team view"), TeamTap("view", item.id))], [menu_button(tr)]]
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def confirm_delete(tr: NullTranslations, item: Team) -> Screen:
    _ = tr.gettext
    text = _("Delete the team “{team}”? Its link stops working and its picture is gone; members keep their results.")
    text = escape(text.format(team=item.name))
    rows = [
        [button(_("🗑 Yes, delete it"), TeamTap("deleted", item.id))],
        [button(_("« Back"), TeamTap("view", item.id))],
    ]
    return Screen(text, InlineKeyboardMarkup(rows))


def invite(tr: NullTranslations, item: Team) -> Screen:
    """What a member sees when they open the team's link."""
    _ = tr.gettext
    owner = escape(item.owner_name or _("the team’s owner"))
    lines = [
        "<b>" + escape(_("Team check “{team}”").format(team=item.name)) + "</b>",
        _("{owner} asks the team to take the {check}.").format(
            owner=owner, check=escape(_(FLOW_TITLES[item.flow]).lower())
        ),
        "",
        escape(
            _(
                "Your answers count only as part of the team’s picture, shown once at least {minimum} members "
                "finished. Nobody — not {owner} either — sees your own answers. You get your own result and plan."
            ).format(minimum=team.MINIMUM, owner=item.owner_name or _("the team’s owner"))
        ),
    ]
    rows = [[button(_("✅ Join and start"), TeamTap("join", item.id))], [menu_button(tr)]]
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def link_not_valid(tr: NullTranslations) -> Screen:
    _ = tr.gettext
    text = _("This team link does not work (any more): the team may have been deleted. Ask the sender for a new one.")
    return Screen(escape(text), InlineKeyboardMarkup([[menu_button(tr)]]))


def closed(tr: NullTranslations, item: Team) -> Screen:
    _ = tr.gettext
    text = _("The team check “{team}” is closed: it takes no new answers.").format(team=item.name)
    return Screen(escape(text), InlineKeyboardMarkup([[menu_button(tr)]]))


def counted(tr: NullTranslations, item: Team) -> str:
    return tr.gettext("✅ Your answers count for the team “{team}”. Only the team’s picture is shared.").format(
        team=item.name
    )


def reminder(tr: NullTranslations, item: Team, link: str) -> Screen:
    _ = tr.gettext
    text = _("A reminder from the team check “{team}”: your answers are still missing. It takes a few minutes.").format(
        team=item.name
    )
    return Screen(escape(text), InlineKeyboardMarkup([[InlineKeyboardButton(_("▶ Take the check"), url=link)]]))


def reminded(tr: NullTranslations, sent: int, skipped: int) -> str:
    text = tr.ngettext("Reminded {sent} member.", "Reminded {sent} members.", sent).format(sent=sent)
    if skipped:
        text += " " + tr.ngettext("{count} could not be reached.", "{count} could not be reached.", skipped).format(
            count=skipped
        )
    return text


def group_post(tr: NullTranslations, item: Team, picture: team.TeamPicture) -> str:
    """The team's picture as posted to its group: aggregates only."""
    _ = tr.gettext
    lines = [
        "<b>" + escape(_("Team check “{team}”").format(team=item.name)) + "</b>",
        escape(_("{count} members finished.").format(count=picture.finished)),
        "",
        *_phase_lines(tr, picture.phases),
        "",
        "<b>" + escape(phase_title(tr, _team_phase(item, picture))) + "</b> " + escape(_("as a team")),
    ]
    if picture.spreads:
        spread = picture.spreads[0]
        name = _(ssrm.DIMENSIONS_BY_KEY[spread.dimension].name)
        lines.append(escape(_("Most to discuss: {dimension} (phase {low} to {high}).").format(
            dimension=name, low=spread.low, high=spread.high)))
    return "\n".join(lines)


def _team_phase(item: Team, picture: team.TeamPicture) -> ssrm.Phase:
    if item.agreed_levels:
        return ssrm.score({key: level - 1 for key, level in item.agreed_levels.items()}).phase
    return picture.team_result.phase


def group_invite(tr: NullTranslations, link: str) -> Screen:
    """In a group: a button that sets up (or takes) the team check in the private chat."""
    _ = tr.gettext
    text = _("Team check: each of you answers in a private chat with me; the group sees only the team’s picture.")
    return Screen(escape(text), InlineKeyboardMarkup([[InlineKeyboardButton(_("▶ Take the check"), url=link)]]))


def group_setup(tr: NullTranslations, link: str) -> Screen:
    _ = tr.gettext
    text = _("Set up a team check for this group: tap below; I’ll ask the rest in a private chat.")
    return Screen(escape(text), InlineKeyboardMarkup([[InlineKeyboardButton(_("👥 Set up the team check"), url=link)]]))

