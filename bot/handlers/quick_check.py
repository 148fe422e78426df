"""The quick phase check, one tap at a time.

The path of a tap: update in -> user and open session loaded -> trigger on the flow ->
answer and new state written in one statement -> tap answered -> screen rendered and sent.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks, screens
from bot.handlers.replies import show
from bot.handlers.visit import Visit, load_visit
from bot.storage import Session, StaleSessionError
from dialogs import quick_check, ssrm
from dialogs.quick_check import FLOW, FlowError, QuickCheck


def _check(session: Session) -> QuickCheck:
    return QuickCheck(session.state, dict(session.answers))


def current_screen(visit: Visit) -> screens.Screen:
    """Where the user is: the open question, else the menu."""
    session = visit.record.session
    if session is None:
        return screens.menu(visit.tr, visit.first_name)
    return screens.question(visit.tr, session.id, _check(session))


async def open_quick_check(update: Update, visit: Visit, *, fresh: bool = False) -> None:
    """Start the check, or offer to continue one that has answers (``fresh``: always anew)."""
    session = visit.record.session
    if session is not None and not fresh:
        check = _check(session)
        if check.answers or not check.is_first_question:
            await show(update, screens.resume(visit.tr, session.id, check))
            return
    else:
        session = await visit.storage.start_session(visit.user_id, FLOW, quick_check.QUESTIONS[0])
    await show(update, screens.question(visit.tr, session.id, _check(session)))


async def reject_stale(update: Update, visit: Visit) -> None:
    """A button from an earlier step, another session or a forged one: say so, show where we are."""
    await update.callback_query.answer(screens.stale_button(visit.tr))
    await show(update, current_screen(visit))


async def quick_check_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap on an option, Back, Continue or Start over."""
    query = update.callback_query
    visit = await load_visit(update, context, FLOW)
    tap = callbacks.parse_flow_tap(query.data)
    session = visit.record.session
    if tap is None or session is None or tap.session != session.id or tap.step != _check(session).question_number:
        await reject_stale(update, visit)
        return

    check = _check(session)
    try:
        if tap.action == "n":
            session = await visit.storage.start_session(visit.user_id, FLOW, quick_check.QUESTIONS[0])
            check = _check(session)
        elif tap.action == "b":
            check.back()
            await visit.storage.move_session(session.id, session.state, check.state)
        elif tap.option is not None:
            question = check.answer(tap.option)
            if check.is_done:
                result = check.result()
                await visit.storage.finish_session(
                    session, visit.user_id, question, tap.option, check.state,
                    _scores(result), ssrm.SCORING_VERSION,
                )
                await query.answer()
                await show(update, screens.quick_result(visit.tr, result))
                return
            await visit.storage.record_answer(session.id, question, tap.option, session.state, check.state)
        # "c" (continue) changes nothing: the open question is shown again.
    except (FlowError, StaleSessionError):
        await reject_stale(update, visit)
        return
    await query.answer()
    await show(update, screens.question(visit.tr, session.id, check))


def _scores(result: ssrm.SsrmResult) -> dict:
    return {"levels": result.levels, "phase": result.phase.number, "bottleneck": list(result.bottleneck)}
