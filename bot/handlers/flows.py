"""The tap-driven flows (quick phase check, full assessment), one tap at a time.

The path of a tap: callback data parsed -> trigger on the flow, from the state the button was
shown in -> one statement moves the session there (only if it still is) and files the answer
-> tap answered -> next screen rendered from what that statement returned and sent.
A button that no longer fits the session writes nothing; the user gets a toast and the
current screen (the slow path, which loads the user first).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass

from babel.support import NullTranslations
from telegram import Update
from telegram.ext import ContextTypes

from bot import assessment_screens, callbacks, screens
from bot.handlers.replies import send_card, show
from bot.handlers.visit import Visit, load_visit, storage_of
from bot.i18n import language_for, translations
from bot.storage import Session, StaleSessionError, UnknownUserError
from dialogs import cycle, full_assessment, quick_check, ssrm
from dialogs.flow import Flow, FlowError


@dataclass(frozen=True)
class FlowSpec:
    """How the adapter drives and shows one flow."""

    namespace: str
    flow: str
    model: type[Flow]
    initial: str
    scoring_version: int
    screen: Callable[[NullTranslations, int, Flow], screens.Screen]  # the open intro or question
    resume: Callable[[NullTranslations, int, Flow], screens.Screen]
    result_screen: Callable[[NullTranslations, int, object], screens.Screen]
    scores: Callable[[object], dict]
    with_card: bool = False
    actions: frozenset[str] = frozenset({"b", "c", "n"})  # besides option numbers

    def allows(self, action: str) -> bool:
        """Whether the flow has this kind of tap (a forged one of the other flow has not)."""
        return action.isdecimal() or action[0] in self.actions

    def at(self, session: Session) -> Flow:
        return self.model(session.state, dict(session.answers))

    def state_at(self, step: int) -> str | None:
        """The state a button of screen ``step`` was shown in (0: the intro, if the flow has one)."""
        if step == 0:
            return self.initial if self.initial not in self.model.QUESTIONS else None
        return self.model.QUESTIONS[step - 1] if step <= len(self.model.QUESTIONS) else None


QUICK = FlowSpec(
    namespace=callbacks.QUICK,
    flow=quick_check.FLOW,
    model=quick_check.QuickCheck,
    initial=quick_check.QUESTIONS[0],
    scoring_version=ssrm.SCORING_VERSION,
    screen=screens.question,
    resume=screens.resume,
    result_screen=lambda tr, session_id, result: screens.quick_result(tr, result),
    scores=lambda result: result.scores(),
)
FULL = FlowSpec(
    namespace=callbacks.FULL,
    flow=full_assessment.FLOW,
    model=full_assessment.FullAssessment,
    initial=full_assessment.INTRO,
    scoring_version=full_assessment.SCORING_VERSION,
    screen=assessment_screens.screen,
    resume=assessment_screens.resume,
    result_screen=assessment_screens.summary,
    scores=lambda result: result.scores(),
    with_card=True,
    actions=frozenset({"b", "c", "n", "g", "d", "s"}),  # begin, done, s<nn><0|1>: mark a Cycle step
)
SPECS = {spec.namespace: spec for spec in (QUICK, FULL)}
BY_FLOW = {spec.flow: spec for spec in SPECS.values()}

# -- screens reached without a tap ------------------------------------------------------------------

QUESTION_SHOWN, QUESTION_ON_SCREEN = "question_shown", "question_on_screen"


async def show_screen(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    spec: FlowSpec,
    tr: NullTranslations,
    session_id: int,
    check: Flow,
    *,
    new_message: bool = False,
) -> None:
    """Show the open screen of a flow, and note that the chat is on it: a number typed next
    answers this question (and no other)."""
    await show(update, spec.screen(tr, session_id, check), new_message=new_message)
    if context.chat_data is not None:
        context.chat_data[QUESTION_SHOWN] = session_id


async def remember_screen(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs after every update (handler group 1): what the update left on screen is what the
    next one sees; any other screen clears it."""
    if context.chat_data is not None:
        context.chat_data[QUESTION_ON_SCREEN] = context.chat_data.pop(QUESTION_SHOWN, None)


async def _finish(
    update: Update, context: ContextTypes.DEFAULT_TYPE, spec: FlowSpec, language: str, session_id: int, check: Flow
) -> None:
    """Store the result (idempotent), show it, and send the card where the flow has one.

    The result is derived from answers that are already committed, so its write runs alongside
    showing it (the database thread works while this one renders); should it fail, the session
    stays open in its last state and is finished on the user's next visit (``show_current``)."""
    result = check.result()
    scores = spec.scores(result)
    await asyncio.gather(
        storage_of(context).save_result(session_id, update.effective_user.id, spec.flow, scores, spec.scoring_version),
        show(update, spec.result_screen(translations(language), session_id, result)),
    )
    if spec.with_card:
        await send_card(update, context, language, scores)


async def show_current(update: Update, context: ContextTypes.DEFAULT_TYPE, visit: Visit, spec: FlowSpec | None) -> None:
    """Where the user is in ``spec``'s flow (or their latest flow): the open screen, else the menu.
    A flow whose last answer was stored but whose result was not (the bot stopped in between)
    is finished here."""
    session = visit.record.session(spec.flow) if spec else visit.record.latest_session
    if session is None:
        await show(update, screens.menu(visit.tr, visit.first_name))
        return
    spec = BY_FLOW[session.flow]
    check = spec.at(session)
    if check.is_done:
        await _finish(update, context, spec, visit.language, session.id, check)
    else:
        await show_screen(update, context, spec, visit.tr, session.id, check)


async def open_flow(
    update: Update, context: ContextTypes.DEFAULT_TYPE, visit: Visit, spec: FlowSpec, *, new_message: bool = False
) -> None:
    """Start the flow, or offer to continue a session that has answers."""
    session = visit.record.session(spec.flow)
    if session is not None:
        check = spec.at(session)
        if check.is_done:
            await show_current(update, context, visit, spec)
        elif check.answers or check.question_number > 1:
            await show(update, spec.resume(visit.tr, session.id, check), new_message=new_message)
        else:
            await show_screen(update, context, spec, visit.tr, session.id, check, new_message=new_message)
        return
    session, _language = await visit.storage.start_session(visit.user_id, spec.flow, spec.initial)
    await show_screen(update, context, spec, visit.tr, session.id, spec.at(session), new_message=new_message)


async def start_anew(
    update: Update, context: ContextTypes.DEFAULT_TYPE, spec: FlowSpec, *, new_message: bool = False
) -> None:
    """Retake: a new session straight away (its insert also returns the user's language), unless
    one with answers is under way: then Continue / Start over, so that none are dropped."""
    user = update.effective_user
    if new_message:  # from a result, where another session may have been started since
        visit = await load_visit(update, context)
        session = visit.record.session(spec.flow)
        if session is not None:
            if update.callback_query:
                await update.callback_query.answer()
            check = spec.at(session)
            if session.answers or check.question_number > 1:
                await show(update, spec.resume(visit.tr, session.id, check), new_message=True)
            elif context.chat_data is None or context.chat_data.get(QUESTION_ON_SCREEN) != session.id:
                await show_screen(update, context, spec, visit.tr, session.id, check, new_message=True)
            else:  # a double tap on Retake: its first screen is already there
                context.chat_data[QUESTION_SHOWN] = session.id
            return
    try:
        session, language = await storage_of(context).start_session(user.id, spec.flow, spec.initial)
    except UnknownUserError:  # never registered (forged data): the slow path registers them
        visit = await load_visit(update, context)
        session, language = await visit.storage.start_session(user.id, spec.flow, spec.initial)
    tr = translations(language_for(language, user.language_code))
    if update.callback_query:
        await update.callback_query.answer()
    await show_screen(update, context, spec, tr, session.id, spec.at(session), new_message=new_message)


async def typed_answer(update: Update, context: ContextTypes.DEFAULT_TYPE, visit: Visit, text: str) -> bool:
    """A number typed where a question shows numbered options counts as tapping that option.
    Returns whether it was taken as an answer."""
    on_screen = context.chat_data.get(QUESTION_ON_SCREEN) if context.chat_data is not None else None
    session = next((s for s in visit.record.sessions.values() if s.id == on_screen), None)
    if session is None or not re.fullmatch("[0-9]{1,2}", text):
        return False
    spec = BY_FLOW[session.flow]
    check = spec.at(session)
    number = int(text)
    if check.state == full_assessment.CYCLE and 1 <= number <= len(cycle.STEPS):
        # on the checklist a number ticks (or unticks) that step
        in_place = number in cycle.steps_in_place(check.answers)
        tap = callbacks.FlowTap(session.id, check.question_number, f"s{number:02d}{int(not in_place)}")
    elif 1 <= number <= check.option_count:
        tap = callbacks.FlowTap(session.id, check.question_number, str(number - 1))
    else:
        return False
    try:
        await apply_tap(update, context, spec, session.state, tap)
    except (FlowError, StaleSessionError):
        return False
    return True


async def reject_stale(update: Update, context: ContextTypes.DEFAULT_TYPE, spec: FlowSpec | None) -> None:
    """A button from an earlier step, another session or a forged one: say so, and show where
    the user is in that flow. With no session of it open (a double tap on a last answer, a
    button under a result) the tapped message stays as it is: it may be the result."""
    visit = await load_visit(update, context)
    await update.callback_query.answer(screens.stale_button(visit.tr))
    if spec is not None and visit.record.session(spec.flow) is not None:
        await show_current(update, context, visit, spec)


# -- taps -------------------------------------------------------------------------------------------


def _step(check: Flow, tap: callbacks.FlowTap) -> tuple[str, int] | None:
    """Fire the tap's trigger on the flow; the answer to file with the move, if any."""
    if tap.action == "b":
        check.back()
        return None
    if tap.action == "g":
        check.begin()
        return None
    if tap.action == "d":
        check.finish_checklist()
        return None
    if tap.marked_step is not None:
        number, in_place = tap.marked_step
        return check.mark_step(number, in_place), int(in_place)
    return check.answer(tap.option), tap.option


async def flow_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap on an option, Back, Begin, a Cycle step or Done (fast path), or Continue / Start over."""
    query = update.callback_query
    parsed = callbacks.parse_flow_tap(query.data)
    spec = SPECS[parsed[0]] if parsed else None
    shown = spec.state_at(parsed[1].step) if parsed else None
    if shown is None:
        await reject_stale(update, context, spec)
        return
    tap = parsed[1]
    if not spec.allows(tap.action):
        await reject_stale(update, context, spec)
        return
    if tap.action in ("c", "n"):
        await _continue_or_start_over(update, context, spec, tap)
        return
    try:
        await apply_tap(update, context, spec, shown, tap)
    except (FlowError, StaleSessionError):
        await reject_stale(update, context, spec)


async def apply_tap(
    update: Update, context: ContextTypes.DEFAULT_TYPE, spec: FlowSpec, shown: str, tap: callbacks.FlowTap
) -> None:
    """Fire the tap on the flow, write it in one statement, acknowledge it, show what follows.
    Raises FlowError or StaleSessionError, having written nothing, when the tap does not fit."""
    user = update.effective_user
    check = spec.model(shown)
    answer = _step(check, tap)
    moved = await storage_of(context).move(user.id, tap.session, shown, check.state, answer)
    check.answers = moved.answers
    language = language_for(moved.language, user.language_code)
    if update.callback_query:
        await update.callback_query.answer()
    if check.is_done:
        await _finish(update, context, spec, language, tap.session, check)
    else:
        await show_screen(update, context, spec, translations(language), tap.session, check)


async def _continue_or_start_over(
    update: Update, context: ContextTypes.DEFAULT_TYPE, spec: FlowSpec, tap: callbacks.FlowTap
) -> None:
    visit = await load_visit(update, context)
    session = visit.record.session(spec.flow)
    check = spec.at(session) if session else None
    if check is None or check.is_done or session.id != tap.session or tap.step != check.question_number:
        await update.callback_query.answer(screens.stale_button(visit.tr))
        await show_current(update, context, visit, spec)
        return
    if tap.action == "n":
        await start_anew(update, context, spec)
        return
    await update.callback_query.answer()
    await show_screen(update, context, spec, visit.tr, session.id, check)
