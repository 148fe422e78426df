"""One runner for every flow: the whole path of a tap, top to bottom.

    parse    the button's data (the typed codec refuses what it did not make)
    load     nothing: the flow starts from the state the button was shown in (the answers are
             loaded only where an action's destination depends on them: the last question)
    fire     the user's action on the flow's machine (answer, back, begin, mark_step, finish)
    move     one statement moves the session there, only if it still is (compare-and-set),
             and files the answer; it is committed, and returns the language and answers
    answer + show   the tap is acknowledged and the next screen shown, both at once

A button that no longer fits the session writes nothing: the user gets a toast and the
current screen (the slow path, which loads the user). The rest of this module is how a flow
is reached without a tap on it: opened from the menu or a deep link, retaken, continued,
answered by a typed number.
"""

from __future__ import annotations

import asyncio
import re

from telegram import Update

from bot import share, team_updates
from bot.callback_data import FlowTap, decode
from bot.context import AdvisorContext, Visit
from bot.flows.registry import BY_NAME, BY_TAP, FlowEntry
from bot.replies import answer_and_show, send_card
from bot.screens import menu as menu_screens
from bot.storage import StaleSessionError, UnknownUserError
from dialogs.flow import Flow, FlowError

CONTINUE, START_OVER = "c", "n"


async def flow_tap(update: Update, context: AdvisorContext) -> None:
    """A tap on any flow's button."""
    tap = decode(update.callback_query.data)
    entry = BY_TAP.get(type(tap))
    shown = entry.state_at(tap.step) if entry else None
    if shown is None:
        await reject_stale(update, context, entry)
        return
    if tap.trigger is None:
        await _continue_or_start_over(update, context, entry, tap)
        return
    try:
        await apply_action(update, context, entry, tap.session, shown, tap.trigger)
    except (FlowError, StaleSessionError):
        await reject_stale(update, context, entry)


async def apply_action(
    update: Update, context: AdvisorContext, entry: FlowEntry, session_id: int, shown: str, action: tuple[str, tuple]
) -> None:
    """Fire the user's action on the flow, write it in one statement, then acknowledge the tap
    and show what follows. Raises FlowError or StaleSessionError, having written nothing, when
    it does not fit."""
    check = entry.at(shown)
    trigger, arguments = action
    if check.depends_on_answers(trigger):  # e.g. the last answer: a contradiction leads to a review
        visit = await context.visit()
        session = visit.record.session(entry.name)
        if session is None or session.id != session_id or session.state != shown:
            raise StaleSessionError(session_id)
        check.answers = dict(session.answers)
    answer = check.act(trigger, *arguments)
    moved = await context.storage.move(context.user.id, session_id, entry.name, shown, check.state, answer)
    check.answers = moved.answers
    context.use_language(moved.language)
    if check.is_done:
        await _finish(update, context, entry, session_id, check)
    else:
        await _show_open_screen(update, context, entry, session_id, check)


async def _show_open_screen(
    update: Update, context: AdvisorContext, entry: FlowEntry, session_id: int, check: Flow, *, new_message=False
) -> None:
    """Show the flow's open screen, and note that the chat is on it: a number typed next
    answers this question (and no other)."""
    await answer_and_show(update, entry.screens.screen(context.tr, session_id, check), new_message=new_message)
    if context.chat_data is not None:
        context.chat_data.question_shown = session_id


async def _finish(
    update: Update, context: AdvisorContext, entry: FlowEntry, session_id: int, check: Flow, toast: str | None = None
) -> None:
    """Store the result (idempotent), show it, and send the card where the flow has one.

    The result (with its plan, which the same statement keeps) is derived from answers that
    are already committed, so its write runs alongside
    showing it (the database thread works while this one renders); should it fail, the session
    stays open in its last state and is finished on the user's next visit (``show_current``)."""
    result = check.result()
    moves = entry.plan(result, await _cycle_in_place(context, entry)).moves
    scores = result.scores() | {"plan": list(moves)}  # the plan is kept with the result it came from
    screen = entry.screens.result(context.tr, session_id, result, moves)
    if context.bot.supports_inline_queries:  # inline mode on (@BotFather): the result can be shared
        screen = share.with_share_button(screen, context.tr)
    await asyncio.gather(
        context.storage.save_result(session_id, context.user.id, entry.name, scores, entry.scoring_version),
        answer_and_show(update, screen, toast=toast),
    )
    if entry.with_card:
        await send_card(update, context, scores)
    await team_updates.after_result(update, context, session_id)


async def _cycle_in_place(context: AdvisorContext, entry: FlowEntry) -> tuple[int, ...]:
    """The Cycle steps the user's latest result of the flow the plan reads (``plan_reads``: the
    full assessment, for the quick check) says are in place; none without one."""
    if entry.plan_reads is None:
        return ()
    earlier = await context.storage.latest_result(context.user.id, entry.plan_reads)
    return tuple(earlier.scores.get("cycle_in_place", ())) if earlier else ()


async def reject_stale(update: Update, context: AdvisorContext, entry: FlowEntry | None = None) -> None:
    """A button from an earlier step, another session, an older release, or forged: say so, and
    show where the user is (in ``entry``'s flow, else the latest). With no session of that flow
    open (a double tap on a last answer, a button under a result) the tapped message stays as
    it is: it may be the result."""
    visit = await context.visit()
    toast = menu_screens.stale_button(visit.tr)
    if entry is not None and visit.record.session(entry.name) is None:
        await answer_and_show(update, None, toast=toast)
        return
    await show_current(update, context, entry, toast=toast)


async def show_current(
    update: Update, context: AdvisorContext, entry: FlowEntry | None = None, *, toast: str | None = None
) -> None:
    """Where the user is in ``entry``'s flow (or their latest flow): the open screen, else the
    menu. A flow whose last answer was stored but whose result was not (the bot stopped in
    between) is finished here."""
    visit = await context.visit()
    session = visit.record.session(entry.name) if entry else visit.record.latest_session
    if session is None:
        await answer_and_show(update, menu_screens.menu(visit.tr, visit.first_name), toast=toast)
        return
    entry = BY_NAME[session.flow]
    check = entry.at(session.state, session.answers)
    if check.is_done:
        await _finish(update, context, entry, session.id, check, toast)
    else:
        await _answer_then_show_open(update, context, entry, session.id, check, toast)


async def _answer_then_show_open(update, context, entry, session_id, check, toast) -> None:
    if toast is None:
        await _show_open_screen(update, context, entry, session_id, check)
        return
    await answer_and_show(update, entry.screens.screen(context.tr, session_id, check), toast=toast)
    if context.chat_data is not None:
        context.chat_data.question_shown = session_id


async def open_flow(update: Update, context: AdvisorContext, entry: FlowEntry, *, new_message: bool = False) -> None:
    """Start the flow, or offer to continue a session that has answers."""
    visit = await context.visit()
    session = visit.record.session(entry.name)
    if session is None:
        session, _language = await context.storage.start_session(visit.user_id, entry.name, entry.start().state)
        await _show_open_screen(update, context, entry, session.id, entry.start(), new_message=new_message)
        return
    check = entry.at(session.state, session.answers)
    if check.is_done:
        await show_current(update, context, entry)
    elif check.answers or check.question_number > 1:
        await answer_and_show(update, entry.screens.resume(visit.tr, session.id, check), new_message=new_message)
    else:
        await _show_open_screen(update, context, entry, session.id, check, new_message=new_message)


async def retake(update: Update, context: AdvisorContext, entry: FlowEntry) -> None:
    """From a result: the result stays in the chat and the new check comes in a new message.
    When one with answers is under way since, Continue / Start over, so that none are dropped."""
    visit = await context.visit()
    session = visit.record.session(entry.name)
    if session is None:
        await start_anew(update, context, entry, new_message=True)
        return
    check = entry.at(session.state, session.answers)
    if session.answers or check.question_number > 1:
        await answer_and_show(update, entry.screens.resume(visit.tr, session.id, check), new_message=True)
    elif context.chat_data is None or context.chat_data.question_on_screen != session.id:
        await _show_open_screen(update, context, entry, session.id, check, new_message=True)
    else:  # a double tap on Retake: its first screen is already there
        await answer_and_show(update, None)
        context.chat_data.question_shown = session.id


async def start_in_team(update: Update, context: AdvisorContext, entry: FlowEntry, team_id: int) -> None:
    """A new session of ``entry``'s flow whose result counts for the team (any open one of the
    flow is kept, abandoned, with its answers)."""
    session, language = await context.storage.start_session(context.user.id, entry.name, entry.start().state, team_id)
    context.use_language(language)
    context.forget_visit()
    await _show_open_screen(update, context, entry, session.id, entry.start(), new_message=True)


async def start_anew(update: Update, context: AdvisorContext, entry: FlowEntry, *, new_message: bool = False) -> None:
    """A new session straight away (its insert also returns the user's language)."""
    try:
        session, language = await context.storage.start_session(context.user.id, entry.name, entry.start().state)
    except UnknownUserError:  # never registered (forged data): the slow path registers them
        await context.visit()
        session, language = await context.storage.start_session(context.user.id, entry.name, entry.start().state)
    context.use_language(language)
    context.forget_visit()
    await _show_open_screen(update, context, entry, session.id, entry.start(), new_message=new_message)


async def _continue_or_start_over(update: Update, context: AdvisorContext, entry: FlowEntry, tap: FlowTap) -> None:
    visit = await context.visit()
    session = visit.record.session(entry.name)
    check = entry.at(session.state, session.answers) if session else None
    if check is None or check.is_done or session.id != tap.session or tap.step != check.screen_number:
        await show_current(update, context, entry, toast=menu_screens.stale_button(visit.tr))
        return
    if tap.action == START_OVER:
        await start_anew(update, context, entry)
        return
    await _show_open_screen(update, context, entry, session.id, check)


async def typed_answer(update: Update, context: AdvisorContext, visit: Visit, text: str) -> bool:
    """A number typed where a question shows numbered options counts as tapping that option
    (on the Cycle checklist: ticking or unticking that step). Returns whether it was taken."""
    on_screen = context.chat_data.question_on_screen if context.chat_data is not None else None
    session = next((s for s in visit.record.sessions.values() if s.id == on_screen), None)
    if session is None or not re.fullmatch("[0-9]{1,2}", text):
        return False
    entry = BY_NAME[session.flow]
    check = entry.at(session.state, session.answers)
    action = check.typed(int(text))
    if action is None:
        return False
    try:
        await apply_action(update, context, entry, session.id, session.state, action)
    except (FlowError, StaleSessionError):
        return False
    return True


async def load_chat_state(update: object, context: AdvisorContext) -> None:
    """Runs before every update (handler group -2) when workers share the chat: what the
    previous update left on screen, whichever worker handled it."""
    chat = update.effective_chat if isinstance(update, Update) else None
    if context.advisor.shared and context.chat_data is not None and chat is not None:
        state = await context.storage.chat_state(chat.id)
        if state is not None:
            context.chat_data.restore(state)
        context.chat_state_loaded = context.chat_data.kept()


async def remember_screen(update: object, context: AdvisorContext) -> None:
    """Runs after every update (handler group 1): what the update left on screen is what the
    next one sees; any other screen clears it. With workers sharing the chat, a change is stored."""
    if context.chat_data is None:
        return
    context.chat_data.turn()
    chat = update.effective_chat if isinstance(update, Update) else None
    if context.advisor.shared and chat is not None and context.chat_data.kept() != context.chat_state_loaded:
        await context.storage.save_chat_state(chat.id, context.chat_data.kept())
