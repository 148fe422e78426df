"""The user's own data: /privacy, /mydata (every row as a JSON document), /deletedata (asked,
then all of it in one transaction), and a user blocking or unblocking the bot."""

from __future__ import annotations

import json
import logging

from telegram import ChatMemberUpdated, Update
from telegram.error import TelegramError

from bot.callback_data import PrivacyTap, decode
from bot.context import AdvisorContext
from bot.flows import runner
from bot.i18n import language_for, translations
from bot.replies import answer_and_show, send, send_document
from bot.screens import privacy as screens

log = logging.getLogger(__name__)


async def privacy_command(update: Update, context: AdvisorContext) -> None:
    """/privacy: what is kept, why and for how long."""
    visit = await context.visit()
    await send(update, screens.privacy(visit.tr))


async def mydata_command(update: Update, context: AdvisorContext) -> None:
    """/mydata: everything kept about the user, as a JSON document, and a short summary."""
    await _export(update, context)


async def deletedata_command(update: Update, context: AdvisorContext) -> None:
    """/deletedata: what will be removed, and a button to confirm."""
    await _ask_delete(update, context)


async def privacy_tap(update: Update, context: AdvisorContext) -> None:
    tap = decode(update.callback_query.data)
    if not isinstance(tap, PrivacyTap):
        await runner.reject_stale(update, context)
        return
    if tap.action == "privacy":
        visit = await context.visit()
        await answer_and_show(update, screens.privacy(visit.tr))
    elif tap.action == "export":
        await answer_and_show(update, None)
        await _export(update, context)
    elif tap.action == "delete":
        await _ask_delete(update, context)
    else:
        await _delete(update, context)


async def _export(update: Update, context: AdvisorContext) -> None:
    visit = await context.visit()
    exported = await context.storage.export_user(visit.user_id)
    document = json.dumps(exported, ensure_ascii=False, indent=2, sort_keys=True).encode()
    await update.effective_chat.send_message(screens.export_summary(visit.tr, exported))
    await send_document(update, document, "my-data.json", visit.tr.gettext("Your data"))


async def _ask_delete(update: Update, context: AdvisorContext) -> None:
    visit = await context.visit()
    owns = bool(await context.storage.teams_owned(visit.user_id))
    await answer_and_show(update, screens.confirm_delete(visit.tr, owns), new_message=update.callback_query is None)


async def _delete(update: Update, context: AdvisorContext) -> None:
    """Everything about the user goes, in one transaction; members of their teams are told."""
    tr = translations(await context.stored_language())
    members = await context.storage.delete_user(context.user.id)
    if context.chat_data is not None:
        context.chat_data.__init__()  # what is kept in memory for the chat goes too
    await answer_and_show(update, None)
    await update.effective_chat.send_message(screens.deleted(tr))
    for member, language, team in members:
        try:
            await context.bot.send_message(member, screens.team_ended(translations(language_for(language, None)), team))
        except TelegramError as error:  # blocked, gone: the team ended all the same
            log.info("could not tell a member that their team ended: %s", error)


async def blocked_or_unblocked(update: Update, context: AdvisorContext) -> None:
    """A user blocked the bot: the weekly tip and the reminder stop at once, without waiting for
    a send to fail. Unblocking resends nothing; /settings says what is off."""
    change: ChatMemberUpdated = update.my_chat_member
    if change.chat.type != "private":
        return
    if change.new_chat_member.status == "kicked":
        user_id = change.from_user.id
        stopped = await context.storage.unsubscribe(user_id, "blocked")
        reminder = await context.storage.stop_reminder(user_id, "blocked")
        log.info("user %s blocked the bot: weekly tip %s, reminder %s", user_id,
                 "stopped" if stopped else "none", "stopped" if reminder else "none")
