"""What the advisor keeps and why (/privacy), the user's own data (/mydata), and deleting it
(/deletedata), in the user's language."""

from __future__ import annotations

from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import MenuTap, PrivacyTap
from bot.screens.widgets import Screen, button, escape, menu_button
from dialogs.i18n import N_

# Per kind of data: what, why, how long. Whole sentences, translated as such.
KEPT = (
    N_(
        "Your answers and results: to show your result, what changed since last time, and your "
        "plan. Kept until you delete them."
    ),
    N_("Your plan and the moves you ticked off: to follow up on them. Kept until you delete them."),
    N_("Your strategy drafts: so that you can stop and come back. Kept until you delete them."),
    N_(
        "Team memberships: your answers count only in the team’s totals, shown from 3 members; "
        "nobody sees your own answers, not the team’s owner either. A team you own is deleted with "
        "its members’ answers to it."
    ),
    N_(
        "The weekly tip and the reminder you switched on, and the tips you marked as done: to send "
        "them on the day you chose. Kept until you stop them or delete your data."
    ),
    N_(
        "Your language, if you chose one. No phone number or contacts are stored; your Telegram "
        "first name greets you, and is kept only with a team you create, to show members whose it is."
    ),
)


def privacy(tr: NullTranslations) -> Screen:
    _ = tr.gettext
    lines = [
        "<b>" + _("Your data") + "</b>",
        escape(_("What I keep about you, and why:")),
        "",
        *("• " + escape(_(kind)) for kind in KEPT),
        "",
        escape(_(
            "It is stored on the advisor’s own server and never shared. /mydata sends you all of it as "
            "a file; /deletedata removes all of it."
        )),
    ]
    rows = [
        [button(_("📦 My data"), PrivacyTap("export")), button(_("🗑 Delete my data"), PrivacyTap("delete"))],
        [menu_button(tr)],
    ]
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def export_summary(tr: NullTranslations, exported: dict) -> str:
    _ = tr.gettext
    # a team the user owns and also took the check in is one team, not two
    teams = {team["id"] for team in exported["teams"]} | {member["team_id"] for member in exported["team_members"]}
    results, sessions = len(exported["results"]), len(exported["sessions"])
    plans, parts = len(exported["plans"]), len(exported["strategy_drafts"])
    kept = [
        tr.ngettext("{count} result", "{count} results", results).format(count=results)
        + " "
        + tr.ngettext("from {count} check", "from {count} checks", sessions).format(count=sessions),
        tr.ngettext("{count} plan", "{count} plans", plans).format(count=plans),
        tr.ngettext("{count} strategy part", "{count} strategy parts", parts).format(count=parts),
        tr.ngettext("{count} team", "{count} teams", len(teams)).format(count=len(teams)),
    ]
    listed = _("{items} and {last}").format(items=", ".join(kept[:-1]), last=kept[-1])
    return _("Here is everything I keep about you: {kept}, in a file a person can read (JSON).").format(kept=listed)


def confirm_delete(tr: NullTranslations, owns_teams: bool) -> Screen:
    _ = tr.gettext
    lines = [
        "<b>" + _("Delete all your data?") + "</b>",
        escape(_(
            "Your answers, results, plans, strategy drafts, weekly tip, reminder and team memberships "
            "are removed for good."
        )),
    ]
    if owns_teams:
        lines.append(escape(_(
            "The teams you own are deleted too, with their members’ answers to them; I tell the "
            "members."
        )))
    rows = [
        [button(_("🗑 Yes, delete everything"), PrivacyTap("deleted"))],
        [button(_("« Keep my data"), MenuTap("menu"))],
    ]
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def deleted(tr: NullTranslations) -> str:
    return tr.gettext("All your data is deleted. If you come back, I start from scratch: send /start.")


def team_ended(tr: NullTranslations, team: str) -> str:
    return tr.gettext("The team check “{team}” has ended: its owner deleted it. Your own results stay yours.").format(
        team=team
    )
