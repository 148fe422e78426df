"""The strategy builder: /strategy (and the menu's entry), its buttons, and the text typed into
a part. A part is saved as soon as it is sent; what the user is asked to type is kept per chat
(``ChatData.text_wanted``), so text fills only the part on screen."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ChatAction

from bot import documents
from bot.callback_data import StrategyTap, decode
from bot.context import AdvisorContext, Visit
from bot.flows import runner
from bot.replies import answer_and_show, send, send_document
from bot.screens import strategy as screens
from dialogs import hexagon
from dialogs.hexagon import ORGANISATION, ORGANISATION_LIMIT


def _want_text(context: AdvisorContext, part: str, append: bool | None = False) -> None:
    if context.chat_data is not None:
        context.chat_data.text_wanted_shown = (part, append)


async def show_overview(update: Update, context: AdvisorContext, *, toast: str | None = None) -> None:
    visit = await context.visit()
    draft = await context.storage.draft(visit.user_id)
    first_visit = not draft.written and draft.organisation is None
    await answer_and_show(update, screens.overview(visit.tr, draft, first_visit=first_visit), toast=toast)


async def strategy_command(update: Update, context: AdvisorContext) -> None:
    """/strategy: the overview of the strategy, in a new message."""
    await show_overview(update, context)


async def _show_part(update: Update, context: AdvisorContext, visit: Visit, part: str, toast: str | None = None):
    draft = await context.storage.draft(visit.user_id)
    await answer_and_show(update, screens.part(visit.tr, part, draft), toast=toast)
    _want_text_for(context, draft, part)


def _want_text_for(context: AdvisorContext, draft: hexagon.Draft, part: str) -> bool:
    """Nothing written yet: what the user sends next is this part; with text, a typed message is
    answered with how to change it (None: neither replace nor add was chosen). True when empty."""
    empty = not (draft.organisation if part == ORGANISATION else draft.parts.get(part))
    _want_text(context, part, False if empty else None)
    return empty


async def strategy_tap(update: Update, context: AdvisorContext) -> None:
    """A button of the builder."""
    tap = decode(update.callback_query.data)
    if not isinstance(tap, StrategyTap) or (tap.action in ("open", "write", "add") and tap.part is None):
        await runner.reject_stale(update, context)
        return
    visit = await context.visit()
    if tap.action == "overview":
        await show_overview(update, context)
    elif tap.action == "open":
        await _show_part(update, context, visit, tap.part)
    elif tap.action in ("write", "add"):
        append = tap.action == "add" and tap.part != ORGANISATION
        await answer_and_show(update, screens.write_prompt(visit.tr, tap.part, append))
        _want_text(context, tap.part, append)
    elif tap.action == "example" and tap.part in hexagon.PARTS_BY_KEY:
        # read the example, then type: the text still fills the part the example is for
        empty = _want_text_for(context, await context.storage.draft(visit.user_id), tap.part)
        await answer_and_show(update, screens.example(visit.tr, tap.part, ready_for_text=empty))
    elif tap.action == "skip" and tap.part in hexagon.PARTS_BY_KEY:
        index = hexagon.PART_KEYS.index(tap.part)
        if index + 1 < len(hexagon.PART_KEYS):
            await _show_part(update, context, visit, hexagon.PART_KEYS[index + 1])
        else:
            await show_overview(update, context)
    elif tap.action == "programs":
        await answer_and_show(update, screens.programs(visit.tr, await _plan_moves(context, visit)))
    elif tap.action == "program" and tap.item is not None:
        await _add_program(update, context, visit, tap.item)
    elif tap.action in ("pdf", "md"):
        await _send_strategy(update, context, visit, tap.action)
    else:
        await runner.reject_stale(update, context)


async def _send_strategy(update: Update, context: AdvisorContext, visit: Visit, kind: str) -> None:
    """The strategy with the latest assessment, as a PDF or a Markdown document (made in a
    worker thread: rendering is CPU work)."""
    draft = await context.storage.draft(visit.user_id)
    if not draft.written:
        await runner.reject_stale(update, context)
        return
    results = await context.storage.results(visit.user_id)
    latest = results[0] if results else None
    zone = context.advisor.settings.timezone
    today = context.advisor.clock().astimezone(ZoneInfo(zone)).date()
    await answer_and_show(update, None)
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_DOCUMENT)
    name = screens.file_name(visit.tr, draft)
    if kind == "pdf":
        content = await asyncio.to_thread(documents.strategy_pdf, visit.language, draft, latest, today, zone=zone)
        await send_document(update, content, name + ".pdf", visit.tr.gettext("Your strategy as a PDF"))
    else:
        text = await asyncio.to_thread(documents.strategy_markdown, visit.language, draft, latest, today, zone=zone)
        await send_document(update, text.encode(), name + ".md", visit.tr.gettext("Your strategy in Markdown"))


async def _plan_moves(context: AdvisorContext, visit: Visit) -> tuple[str, ...]:
    kept = await context.storage.plan(visit.user_id)
    return tuple(move.key for move in kept.moves) if kept else ()


async def _add_program(update: Update, context: AdvisorContext, visit: Visit, item: str) -> None:
    """A program (or a plan move) picked: added to the actions, to edit from there."""
    line = screens.program_text(visit.tr, item, await _plan_moves(context, visit))
    if line is None:  # a plan move that is no longer in the plan
        await runner.reject_stale(update, context)
        return
    draft = await context.storage.draft(visit.user_id)
    text = draft.combined("actions", line, append=True)
    limit = hexagon.PARTS_BY_KEY["actions"].limit
    if len(text) > limit:
        await answer_and_show(update, None, toast=screens.too_long(visit.tr, "actions", len(text), limit))
        return
    await context.storage.save_part(visit.user_id, "actions", text)
    await _show_part(update, context, visit, "actions", toast=screens.saved(visit.tr, "actions"))


async def take_text(update: Update, context: AdvisorContext, visit: Visit) -> bool:
    """Text sent while a part asks for it: saved (or, too long, refused with the limit).
    Returns whether the message was taken for the strategy."""
    wanted = context.chat_data.text_wanted if context.chat_data is not None else None
    message = update.effective_message
    if wanted is None or wanted[0] not in (*hexagon.PART_KEYS, ORGANISATION) or (message.text or "").startswith("/"):
        return False
    part, append = wanted
    if append is None:  # the part has text, and neither Replace nor Add was tapped
        await message.reply_text(screens.how_to_change(visit.tr, part))
        draft = await context.storage.draft(visit.user_id)
        await send(update, screens.part(visit.tr, part, draft))
        _want_text(context, part, None)
        return True
    if not message.text:
        await message.reply_text(screens.text_only(visit.tr))
        _want_text(context, part, append)
        return True
    typed = message.text.strip()
    draft = await context.storage.draft(visit.user_id)
    if part == ORGANISATION:
        text, limit = typed, ORGANISATION_LIMIT
    else:
        text, limit = draft.combined(part, typed, append), hexagon.PARTS_BY_KEY[part].limit
    if len(text) > limit:
        await message.reply_text(screens.too_long(visit.tr, part, len(text), limit))
        _want_text(context, part, append)
        return True
    await context.storage.save_part(visit.user_id, part, text)
    await message.reply_text(screens.saved(visit.tr, part))
    if part == ORGANISATION:
        await show_overview(update, context)
    else:
        draft.parts[part] = text
        await send(update, screens.part(visit.tr, part, draft))
    return True
