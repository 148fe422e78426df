"""The quick phase check, one tap at a time.

The path of a tap: callback data parsed -> trigger on the flow, from the state the button was
shown in -> one statement moves the session there (only if it still is) and files the answer
-> tap answered -> next screen rendered from what that statement returned and sent.
A button that no longer fits the session writes nothing; the user gets a toast and the
current screen (the slow path, which loads the user first).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks, screens
from bot.handlers.replies import show
from bot.handlers.visit import Visit, load_visit, storage_of
from bot.i18n import language_for, translations
from bot.storage import Session, StaleSessionError, UnknownUserError
from dialogs import quick_check, ssrm
from dialogs.quick_check import FLOW, FlowError, QuickCheck


def _check(session: Session) -> QuickCheck:
    return QuickCheck(session.state, dict(session.answers))


def _scores(result: ssrm.SsrmResult) -> dict:
    return {"levels": result.levels, "phase": result.phase.number, "bottleneck": list(result.bottleneck)}


async def current_screen(visit: Visit) -> screens.Screen:
    """Where the user is: the open question, else the menu. A check whose last answer was
    stored but whose result was not (the bot stopped in between) is finished here."""
    session = visit.record.session
    if session is None:
        return screens.menu(visit.tr, visit.first_name)
    check = _check(session)
    if check.is_done:
        result = check.result()
        await visit.storage.save_result(session.id, visit.user_id, FLOW, _scores(result), ssrm.SCORING_VERSION)
        return screens.quick_result(visit.tr, result)
    return screens.question(visit.tr, session.id, check)


async def open_quick_check(update: Update, visit: Visit, *, fresh: bool = False) -> None:
    """Start the check, or offer to continue one that has answers (``fresh``: always anew)."""
    session = visit.record.session
    if session is not None and not fresh:
        check = _check(session)
        if check.is_done:
            await show(update, await current_screen(visit))
            return
        if check.answers or not check.is_first_question:
            await show(update, screens.resume(visit.tr, session.id, check))
            return
    else:
        session, _language = await visit.storage.start_session(visit.user_id, FLOW, quick_check.QUESTIONS[0])
    await show(update, screens.question(visit.tr, session.id, _check(session)))


async def retake(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Retake: a new session straight away (its insert also returns the user's language)."""
    user = update.effective_user
    try:
        session, language = await storage_of(context).start_session(user.id, FLOW, quick_check.QUESTIONS[0])
    except UnknownUserError:  # never registered (forged data): the slow path registers them
        visit = await load_visit(update, context, FLOW)
        await open_quick_check(update, visit, fresh=True)
        return
    tr = translations(language_for(language, user.language_code))
    await update.callback_query.answer()
    await show(update, screens.question(tr, session.id, _check(session)))


async def reject_stale(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button from an earlier step, another session or a forged one: say so, show where we are."""
    visit = await load_visit(update, context, FLOW)
    await update.callback_query.answer(screens.stale_button(visit.tr))
    await show(update, await current_screen(visit))


async def quick_check_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap on an option or Back (fast path), or on Continue / Start over."""
    query = update.callback_query
    tap = callbacks.parse_flow_tap(query.data)
    if tap is None or not 1 <= tap.step <= len(quick_check.QUESTIONS):
        await reject_stale(update, context)
        return
    if tap.action in ("c", "n"):
        await _continue_or_start_over(update, context, tap)
        return

    user = update.effective_user
    shown = quick_check.QUESTIONS[tap.step - 1]  # the question the button was shown with
    check = QuickCheck(shown)
    try:
        if tap.action == "b":
            check.back()
            answer = None
        else:
            answer = (check.answer(tap.option), tap.option)
        moved = await storage_of(context).move(user.id, tap.session, shown, check.state, answer)
    except (FlowError, StaleSessionError):
        await reject_stale(update, context)
        return
    check.answers = moved.answers
    tr = translations(language_for(moved.language, user.language_code))
    if check.is_done:
        result = check.result()
        await storage_of(context).save_result(tap.session, user.id, FLOW, _scores(result), ssrm.SCORING_VERSION)
        screen = screens.quick_result(tr, result)
    else:
        screen = screens.question(tr, tap.session, check)
    await query.answer()
    await show(update, screen)


async def _continue_or_start_over(update: Update, context: ContextTypes.DEFAULT_TYPE, tap: callbacks.FlowTap) -> None:
    visit = await load_visit(update, context, FLOW)
    session = visit.record.session
    check = _check(session) if session else None
    if check is None or check.is_done or session.id != tap.session or tap.step != check.question_number:
        await update.callback_query.answer(screens.stale_button(visit.tr))
        await show(update, await current_screen(visit))
        return
    await update.callback_query.answer()
    if tap.action == "n":
        await open_quick_check(update, visit, fresh=True)
    else:
        await show(update, screens.question(visit.tr, session.id, check))
