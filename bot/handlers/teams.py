"""Team checks: /team (and the menu's entry), a team's link, the owner's view and actions, a
member joining and leaving, and /team in a group. The owner sees aggregates only
(``dialogs.team``); a member's answers count once, through the result's own insert."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError

from bot import card, team_updates
from bot.callback_data import TeamTap, decode
from bot.context import AdvisorContext, Visit
from bot.flows import runner
from bot.flows.registry import BY_NAME
from bot.i18n import translations
from bot.replies import answer_and_show, send
from bot.screens import teams as screens
from bot.storage import Team
from dialogs import ssrm, team

log = logging.getLogger(__name__)

TEAM_NAME = "team_name"  # what ChatData.text_wanted holds while the team's name is asked
GROUP_PREFIX = "g_"
GROUP_LINK_LIFETIME = timedelta(days=1)  # a group's set-up link works once, within a day


async def team_command(update: Update, context: AdvisorContext) -> None:
    """/team: the team checks, in a new message."""
    await show_home(update, context)


async def show_home(update: Update, context: AdvisorContext, toast: str | None = None) -> None:
    visit = await context.visit()
    owned = await context.storage.teams_owned(visit.user_id)
    joined = [item for item in await context.storage.memberships(visit.user_id) if item.owner_id != visit.user_id]
    await answer_and_show(update, screens.home(visit.tr, owned, joined), toast=toast)


async def _owned(update: Update, context: AdvisorContext, team_id: int | None) -> Team | None:
    """The team, if the tapping user owns it; otherwise the tap is refused."""
    item = await context.storage.team(team_id) if team_id is not None else None
    if item is None or item.owner_id != context.user.id:
        await runner.reject_stale(update, context)
        return None
    return item


async def _view(context: AdvisorContext, item: Team, tr) -> screens.Screen:
    joined, finished = await context.storage.team_counts(item.id)
    picture = team.picture(await context.storage.team_scores(item.id))
    benchmark = team.distribution(await context.storage.latest_phases())
    return screens.team_view(tr, item, joined, finished, picture, benchmark)


async def team_tap(update: Update, context: AdvisorContext) -> None:
    tap = decode(update.callback_query.data)
    if not isinstance(tap, TeamTap):
        await runner.reject_stale(update, context)
        return
    visit = await context.visit()
    if tap.action == "home":
        await show_home(update, context)
    elif tap.action == "new":
        await answer_and_show(update, screens.ask_name(visit.tr))
        _want_name(context)
    elif tap.action == "flow":
        await _create(update, context, visit, tap.key)
    elif tap.action == "join":
        await _join(update, context, visit, tap.team)
    elif tap.action == "leave":
        left = tap.team is not None and await context.storage.leave_team(tap.team, visit.user_id)
        if not left:
            await runner.reject_stale(update, context)
            return
        toast = visit.tr.gettext("You left the team. Your answers stay in its picture, anonymously.")
        await show_home(update, context, toast=toast)
    else:
        await _owner_tap(update, context, visit, tap)


async def _owner_tap(update: Update, context: AdvisorContext, visit: Visit, tap: TeamTap) -> None:
    item = await _owned(update, context, tap.team)
    if item is None:
        return
    storage = context.storage
    if tap.action in ("view", "refresh"):
        await answer_and_show(update, await _view(context, item, visit.tr))
        message = update.callback_query.message
        await storage.update_team(
            item.id, view_chat_id=message.chat.id, view_message_id=message.message_id, view_language=visit.language
        )
    elif tap.action in ("agree", "level"):
        picture = team.picture(await storage.team_scores(item.id))
        if picture is None:
            await runner.reject_stale(update, context)
            return
        levels = dict(item.agreed["levels"] if item.agreed else picture.medians)
        if tap.action == "level" and tap.key is not None and tap.value is not None:
            step = 1 if tap.value == "up" else -1
            levels[tap.key] = min(len(ssrm.PHASES), max(1, levels[tap.key] + step))
            await storage.update_team(item.id, agreed={"levels": levels, "final": False})
        await answer_and_show(update, screens.agree(visit.tr, item, levels, from_median=item.agreed is None))
    elif tap.action == "agreed":
        picture = team.picture(await storage.team_scores(item.id))
        if picture is None:
            await runner.reject_stale(update, context)
            return
        levels = item.agreed["levels"] if item.agreed else picture.medians
        await storage.update_team(item.id, agreed={"levels": levels, "final": True})
        result = ssrm.score({key: level - 1 for key, level in levels.items()})
        await answer_and_show(update, screens.team_result(visit.tr, item, result))
    elif tap.action in ("close", "reopen"):
        await storage.update_team(item.id, status="closed" if tap.action == "close" else "open")
        await answer_and_show(update, await _view(context, await storage.team(item.id), visit.tr))
    elif tap.action == "delete":
        await answer_and_show(update, screens.confirm_delete(visit.tr, item))
    elif tap.action == "deleted":
        await storage.delete_team(item.id)
        await show_home(update, context, toast=visit.tr.gettext("Team deleted."))
    elif tap.action == "remind":
        sent, skipped = await team_updates.remind_unfinished(context.application, item)
        await answer_and_show(update, None, toast=screens.reminded(visit.tr, sent, skipped))
    elif tap.action == "post":
        await _post_to_group(update, context, visit, item)
    elif tap.action == "card":
        await _send_card(update, context, visit, item)
    else:
        await runner.reject_stale(update, context)


async def _post_to_group(update: Update, context: AdvisorContext, visit: Visit, item: Team) -> None:
    picture = team.picture(await context.storage.team_scores(item.id))
    if item.group_chat_id is None or picture is None:
        await runner.reject_stale(update, context)
        return
    try:
        await context.bot.send_message(
            item.group_chat_id, screens.group_post(visit.tr, item, picture), parse_mode=ParseMode.HTML
        )
        toast = visit.tr.gettext("Posted to the group.")
    except Forbidden:
        toast = visit.tr.gettext("I can no longer post in that group.")
    await answer_and_show(update, None, toast=toast)


async def _send_card(update: Update, context: AdvisorContext, visit: Visit, item: Team) -> None:
    """The team's card: the agreed levels (else the median), with the 24/7 grid for a full assessment."""
    picture = team.picture(await context.storage.team_scores(item.id))
    if picture is None:
        await runner.reject_stale(update, context)
        return
    result = ssrm.score({key: level - 1 for key, level in (item.agreed_levels or picture.medians).items()})
    next_step = None
    if picture.steps_in_place is not None:  # the full assessment: the first step most have not in place
        next_step = next((n for n, count in picture.steps_in_place.items() if count * 2 <= picture.finished), None)
    scores = result.scores() | {"team": item.name, "cells": picture.cells, "next_step": next_step}
    png = await asyncio.to_thread(card.render_card, visit.language, card.card_key(scores))
    await answer_and_show(update, None)
    await update.effective_chat.send_photo(png, caption=visit.tr.gettext("The team’s card"))


def _want_name(context: AdvisorContext) -> None:
    if context.chat_data is not None:
        context.chat_data.text_wanted_shown = (TEAM_NAME, False)


async def take_name(update: Update, context: AdvisorContext, visit: Visit) -> bool:
    """The team's name, typed after "New team check": checked, then the check to take."""
    wanted = context.chat_data.text_wanted if context.chat_data is not None else None
    if wanted is None or wanted[0] != TEAM_NAME:
        return False
    message = update.effective_message
    name = team.clean_name(message.text or "")
    if name is None:
        await message.reply_text(screens.bad_name(visit.tr))
        _want_name(context)
        return True
    context.chat_data.pending_team_name = name
    await send(update, screens.choose_flow(visit.tr, name))
    return True


async def _create(update: Update, context: AdvisorContext, visit: Visit, flow: str | None) -> None:
    name = context.chat_data.pending_team_name if context.chat_data is not None else None
    if name is None or flow not in BY_NAME:  # the name was asked before a restart: ask again
        await answer_and_show(update, screens.ask_name(visit.tr))
        _want_name(context)
        return
    group_chat_id = context.chat_data.pending_group_chat_id
    item = await context.storage.create_team(
        visit.user_id, visit.first_name, name, flow, team.new_token(), group_chat_id
    )
    context.chat_data.pending_team_name = context.chat_data.pending_group_chat_id = None
    link = screens.invite_link(context.bot.username, item.token)
    await answer_and_show(update, screens.created(visit.tr, item, link))
    if group_chat_id is not None:
        await _invite_group(context, item, link)


async def _invite_group(context: AdvisorContext, item: Team, link: str) -> None:
    """The group the team was set up from gets the button to take the check."""
    tr = translations(context.language)
    screen = screens.group_invite(tr, link)
    try:
        await context.bot.send_message(item.group_chat_id, screen.text, reply_markup=screen.keyboard)
    except TelegramError as error:
        log.info("could not post team %s's invitation to its group: %s", item.id, error)


async def open_invite(update: Update, context: AdvisorContext, token: str) -> None:
    """/start t_…: a team's link."""
    visit = await context.visit()
    item = await context.storage.team_by_token(token) if team.TOKEN.fullmatch(token) else None
    if item is None:
        await send(update, screens.link_not_valid(visit.tr))
    elif not item.is_open:
        await send(update, screens.closed(visit.tr, item))
    else:
        await send(update, screens.invite(visit.tr, item))


async def open_group_link(update: Update, context: AdvisorContext, token: str) -> None:
    """/start g_…: set up a team check for the group the link came from."""
    visit = await context.visit()
    not_before = (context.advisor.clock() - GROUP_LINK_LIFETIME).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    chat_id = await context.storage.group_of_link(token.removeprefix(GROUP_PREFIX), not_before)
    if chat_id is None:
        await send(update, screens.link_not_valid(visit.tr))
        return
    context.chat_data.pending_group_chat_id = chat_id
    await send(update, screens.ask_name(visit.tr))
    _want_name(context)


async def _join(update: Update, context: AdvisorContext, visit: Visit, team_id: int | None) -> None:
    item = await context.storage.team(team_id) if team_id is not None else None
    if item is None:
        await answer_and_show(update, screens.link_not_valid(visit.tr))
        return
    if not item.is_open:
        await answer_and_show(update, screens.closed(visit.tr, item))
        return
    await context.storage.join_team(item.id, visit.user_id, visit.language)
    session = visit.record.session(item.flow)
    if session is not None and session.team_id == item.id:  # under way (back from a reminder): continue
        await runner.open_flow(update, context, BY_NAME[item.flow], new_message=True)
        return
    await runner.start_in_team(update, context, BY_NAME[item.flow], item.id)


async def group_team_command(update: Update, context: AdvisorContext) -> None:
    """/team in a group: a button to set up the group's team check in the private chat. (The
    questions are never asked in the group.)"""
    tr = translations(await context.stored_language())
    token = team.new_token().removeprefix(team.TOKEN_PREFIX)
    await context.storage.link_group(token, update.effective_chat.id)
    link = screens.invite_link(context.bot.username, GROUP_PREFIX + token)
    await send(update, screens.group_setup(tr, link))
