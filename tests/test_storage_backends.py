"""The two storages behind one interface: SQLite (``bot.storage.Storage``) and PostgreSQL
(``bot.postgres_storage.PostgresStorage``, on a server the tests start themselves).

Tests marked ``backends`` run on both and expect the very same values (ids, dates as "…Z" text,
JSON, 0/1 flags); the others compare the two in one test, or check what only PostgreSQL can do:
several workers writing at the same moment (a tap's compare-and-set, two session starts, claims
of tips and reminders, migrations at start-up). Representative chat tests elsewhere carry the
``backends`` mark too."""

from __future__ import annotations

import asyncio
import inspect
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import asyncpg
import pytest

from bot.app import build_application
from bot.config import Settings
from bot.postgres_migrations import MIGRATIONS as POSTGRES_MIGRATIONS
from bot.postgres_migrations import migrate
from bot.postgres_storage import POOL_SIZE, PostgresStorage
from bot.reminders import send_due_reminders
from bot.retrying import RetryingRequest
from bot.simulator import ChatSimulator, LocalBotApi, running
from bot.storage import StaleSessionError, Storage, UnknownUserError, open_storage
from bot.weekly_tips import send_due_tips
from dialogs.hexagon import ORGANISATION
from tests.conftest import Advisor
from tests.support.drivers import NOW, subscribe, subscribe_with_a_reminder
from tests.support.rows import execute, rows
from tests.support.waits import Waits
from tests.test_your_data import TOKEN, everything

DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
SCORES = {"phase": 3, "levels": {"media": 3}, "plan": ["dimension:application:2", "cycle:6", "cycle:7"]}
MONDAY = NOW + timedelta(days=5, hours=-1)  # Monday 30 November 2026, 9:00 in Amsterdam


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage | PostgresStorage]:
    opened = await open_storage(database)
    try:
        yield opened
    finally:
        await opened.close()


@asynccontextmanager
async def advisor_on(database) -> AsyncIterator[Advisor]:
    """A running advisor (a worker) on ``database``, with its own in-process Bot API."""
    api = LocalBotApi()
    settings = Settings(token=None, base_url="http://bot-api.test/bot", database=database)
    async with running(build_application(settings, request=RetryingRequest(api, sleep=Waits()))) as application:
        yield Advisor(application, api)


def public_methods(cls) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, inspect.iscoroutinefunction)
        if not name.startswith("_") and name != "open"
    }


# -- one interface ------------------------------------------------------------------------------


async def test_open_storage_picks_the_backend_by_the_target(postgres_database, tmp_path):
    for target in (postgres_database, postgres_database.replace("postgresql://", "postgres://", 1)):
        opened = await open_storage(target)
        try:
            assert isinstance(opened, PostgresStorage)
            await opened.add_user(1)
            assert (await opened.load_user(1)).language is None
        finally:
            await opened.close()
    for target in (tmp_path / "a.sqlite3", str(tmp_path / "b.sqlite3")):
        opened = await open_storage(target)
        try:
            assert isinstance(opened, Storage)
        finally:
            await opened.close()


def test_postgres_storage_has_every_method_of_storage_with_the_same_signature():
    assert public_methods(PostgresStorage) == public_methods(Storage)
    assert len(public_methods(Storage)) > 50


def test_both_schemas_have_the_same_migrations_and_triggers():
    from bot.migrations import MIGRATIONS as SQLITE_MIGRATIONS

    assert len(POSTGRES_MIGRATIONS) == len(SQLITE_MIGRATIONS) == 10

    def triggers(scripts):
        return [re.findall(r"CREATE TRIGGER (\w+)", script) for script in scripts]

    assert triggers(POSTGRES_MIGRATIONS) == triggers(SQLITE_MIGRATIONS)


# -- the same values on both -----------------------------------------------------------------------


@pytest.mark.backends
async def test_a_tap_moves_and_files_its_answer_at_once_and_a_stale_one_writes_nothing(storage):
    await storage.add_user(7)
    await storage.set_language(7, "nl")
    session, language = await storage.start_session(7, "quick", "media")
    assert (session.id, session.answers, language) == (1, {}, "nl")
    moved = await storage.move(7, session.id, "quick", "media", "approach", ("media", 2))
    assert (moved.language, moved.answers) == ("nl", {"media": 2})
    moved = await storage.move(7, session.id, "quick", "approach", "application", ("approach", 0))
    # the answers stored before, by question, then the one this tap filed (as SQLite returns them)
    assert list(moved.answers.items()) == [("media", 2), ("approach", 0)]
    for stale in (
        (7, session.id, "quick", "approach", "x", ("approach", 4)),  # the state moved on
        (8, session.id, "quick", "application", "x", ("approach", 4)),  # not the user's
        (7, session.id, "full", "application", "x", ("approach", 4)),  # not that flow
    ):
        with pytest.raises(StaleSessionError):
            await storage.move(*stale)
    assert await rows(storage, "SELECT question, option FROM answers ORDER BY question") == [
        ("approach", 0), ("media", 2),
    ]
    moved = await storage.move(7, session.id, "quick", "application", "approach")  # « Back: no answer
    assert moved.answers == {"approach": 0, "media": 2}
    record = await storage.load_user(7)
    assert record.session("quick").state == "approach" and record.session("quick").answers == moved.answers
    [(answered_at,)] = await rows(storage, "SELECT answered_at FROM answers WHERE question = 'media'")
    assert DATE.fullmatch(answered_at)


@pytest.mark.backends
async def test_a_start_abandons_the_open_session_of_its_flow_and_the_last_moved_comes_first(storage):
    with pytest.raises(UnknownUserError):
        await storage.start_session(9, "quick", "media")
    await storage.add_user(7)
    first, _ = await storage.start_session(7, "quick", "media")
    await storage.move(7, first.id, "quick", "media", "approach", ("media", 1))
    full, _ = await storage.start_session(7, "full", "intro")
    second, _ = await storage.start_session(7, "quick", "media")
    assert (first.id, full.id, second.id) == (1, 2, 3)
    assert await rows(storage, "SELECT id, status, moved FROM sessions ORDER BY id") == [
        (1, "abandoned", 2), (2, "open", 3), (3, "open", 4),
    ]
    assert (await storage.load_user(7)).latest_session.id == 3
    await storage.move(7, full.id, "full", "intro", "media")
    assert (await storage.load_user(7)).latest_session.id == 2
    [(finished_at,)] = await rows(storage, "SELECT finished_at FROM sessions WHERE id = 1")
    assert DATE.fullmatch(finished_at)


@pytest.mark.backends
async def test_a_result_closes_its_session_keeps_its_plan_and_counts_once_for_the_team(storage):
    for user in (1, 2):
        await storage.add_user(user)
    team = await storage.create_team(1, "Ada", "Sales", "quick", "t_token", None)
    assert (team.id, team.is_open, team.agreed) == (1, True, None)
    await storage.join_team(team.id, 2, "en")
    session, _ = await storage.start_session(2, "quick", "impact", team.id)
    assert (await storage.team_of_session(session.id)).id == team.id
    for _ in range(2):  # the same last tap, delivered twice
        await storage.save_result(session.id, 2, "quick", SCORES, 2)
    [result] = await storage.results(2)
    assert (result.id, result.session_id, result.flow, result.scoring_version, result.scores) == (
        1, session.id, "quick", 2, SCORES,
    )
    assert DATE.fullmatch(result.created_at)
    assert await storage.result_of_session(2, session.id) == result
    assert (await storage.load_user(2)).sessions == {}  # closed: no open session
    assert await storage.team_counts(team.id) == (1, 1)
    assert await storage.team_scores(team.id) == [SCORES]
    assert await storage.unfinished_members(team.id) == []
    assert (await storage.latest_phase(2), await storage.latest_phases()) == (3, [3])
    plan = await storage.plan(2)
    assert (plan.id, plan.flow, plan.session_id) == (1, "quick", session.id)
    assert [(move.rank, move.key, move.done_at) for move in plan.moves] == [
        (1, "dimension:application:2", None), (2, "cycle:6", None), (3, "cycle:7", None),
    ]
    assert await storage.tick_move(2, plan.id, 2, True) and not await storage.tick_move(1, plan.id, 2, True)
    [(move, done_at)] = await storage.moves_done(2)
    assert move == "cycle:6" and DATE.fullmatch(done_at)
    agreed = {"levels": {"media": 4}, "final": True}
    await storage.update_team(team.id, status="closed", agreed=agreed, view_chat_id=1, view_message_id=5)
    changed = await storage.team(team.id)
    assert (changed.status, changed.agreed_levels, changed.view_message_id) == ("closed", {"media": 4}, 5)
    assert await storage.leave_team(team.id, 2) and not await storage.leave_team(team.id, 2)
    assert await storage.team_counts(team.id) == (0, 1)
    await storage.link_group("g_token", -100123)
    assert await storage.group_of_link("g_token", "2000-01-01T00:00:00.000Z") == -100123
    assert await storage.group_of_link("g_token", "2000-01-01T00:00:00.000Z") is None  # once
    assert await storage.group_of_link("none", "2000-01-01T00:00:00.000Z") is None
    await storage.delete_team(team.id)
    assert await storage.team(team.id) is None and await storage.results(2) == [result]


@pytest.mark.backends
async def test_drafts_tips_done_subscriptions_and_reminders_read_back_the_same(storage):
    await storage.add_user(3)
    await storage.save_part(3, "goals", "Twice as many leads by June")
    await storage.save_part(3, ORGANISATION, "Acme")
    await storage.save_part(3, "goals", "Three times as many")
    draft = await storage.draft(3)
    assert (draft.organisation, draft.parts) == ("Acme", {"goals": "Three times as many"})
    assert DATE.fullmatch(draft.updated_at)
    assert (await storage.mark_tip_done(3, "formats"), await storage.mark_tip_done(3, "formats")) == (1, 1)
    await storage.subscribe(3, "employee", 2, 0, "2026-11-30T08:00:00+00:00", "en")
    subscription = await storage.subscription(3)
    assert (subscription.phase, subscription.recent_tips, subscription.failures, subscription.language) == (
        2, (), 0, "en",
    )
    assert await storage.claim_tip(3, "2026-11-30T08:00:00+00:00", ["a", "b"], "2026-12-07T08:00:00+00:00")
    await storage.release_tip(3, ["a"], "2026-11-30T09:00:00+00:00", failed=True)
    subscription = await storage.subscription(3)
    assert (subscription.last_tip, subscription.recent_tips, subscription.failures) == ("a", ("a",), 1)
    await storage.clear_failures(3)
    await storage.reschedule(3, "2026-12-01T08:00:00+00:00")
    assert await storage.due_subscriptions("2026-11-30T23:00:00+00:00", 10) == []
    [due] = await storage.due_subscriptions("2026-12-01T08:00:00+00:00", 10)
    assert (due.user_id, due.next_due, due.failures) == (3, "2026-12-01T08:00:00+00:00", 0)
    assert await storage.unsubscribe(3, "user") and not await storage.unsubscribe(3, "user")
    assert await rows(storage, "SELECT active, stopped_why FROM subscriptions") == [(0, "user")]
    await storage.set_reminder(3, 4, "2026-12-23T09:00:00+00:00", "nl")
    assert tuple(vars(await storage.reminder(3)).values()) == (3, 4, "2026-12-23T09:00:00+00:00", "nl")
    assert await storage.claim_reminder(3, "2026-12-23T09:00:00+00:00")
    assert await storage.reminder(3) is None and not await storage.stop_reminder(3, "user")


@pytest.mark.backends
async def test_an_update_counts_once_and_the_chat_state_round_trips(storage):
    assert await storage.first_delivery(1001) is True
    assert await storage.first_delivery(1001) is False
    assert await storage.chat_state(-100200) is None
    state = {"question_on_screen": 12, "text_wanted": ["goals", True], "pending_team_name": "Säles ✓"}
    await storage.save_chat_state(-100200, state)
    assert await storage.chat_state(-100200) == state
    await storage.save_chat_state(-100200, {})
    assert await storage.chat_state(-100200) == {}
    await storage.forget_handled_updates("2000-01-01T00:00:00.000Z")
    assert await storage.first_delivery(1001) is False  # handled after that
    await storage.forget_handled_updates("9999-01-01T00:00:00.000Z")
    assert await storage.first_delivery(1001) is True


@pytest.mark.backends
async def test_two_workers_send_each_weekly_tip_and_reminder_once(database):
    """Two advisors on one database run the weekly tip and the reminders at the same moment:
    every subscriber gets one tip and one reminder in all, whichever worker sent it."""
    async with advisor_on(database) as one, advisor_on(database) as other:
        users = range(500, 510)
        for user in users:
            await subscribe_with_a_reminder(one.chat(user_id=user), lambda: NOW)
        for job, when in ((send_due_tips, MONDAY), (send_due_reminders, NOW + timedelta(weeks=5))):
            before = {worker: len(worker.api.calls_of("sendMessage")) for worker in (one, other)}
            sent = await asyncio.gather(job(one.application, when), job(other.application, when))
            assert sum(sent) == len(users), job
            calls = [worker.api.calls_of("sendMessage")[before[worker]:] for worker in (one, other)]
            received = [call["chat_id"] for worker_calls in calls for call in worker_calls]
            assert sorted(received) == list(users), job


async def test_workers_together_keep_to_the_weekly_tips_pace_on_postgres(postgres_database, monkeypatch):
    """Every worker runs the weekly tip job: each sends at its share of the pace (20 a second
    in all), so that two workers together stay as far below Telegram's limit as one."""
    from bot import weekly_tips

    pauses: list[float] = []

    async def note_pause(seconds: float) -> None:
        pauses.append(seconds)

    api = LocalBotApi()
    settings = Settings(
        token=None, base_url="http://bot-api.test/bot", database=postgres_database, workers=2,
        webhook_url="https://advisor.example", webhook_secret="s",
    )
    async with running(build_application(settings, request=RetryingRequest(api, sleep=Waits()))) as application:
        worker = Advisor(application, api)
        for user in (601, 602):
            await subscribe(worker.chat(user_id=user), "Monday", lambda: NOW)
        with monkeypatch.context() as patched:  # asyncio.sleep itself: only while the job runs
            patched.setattr(weekly_tips.asyncio, "sleep", note_pause)
            assert await send_due_tips(application, MONDAY) == 2
    assert pauses == [2 / 20, 2 / 20]


@pytest.mark.backends
async def test_two_storages_claim_concurrently_and_exactly_one_wins(database):
    first, second = await open_storage(database), await open_storage(database)
    try:
        users = range(1, 41)
        for user in users:
            await first.add_user(user)
            await first.subscribe(user, "employee", 3, 0, "2026-11-30T08:00:00+00:00", "en")
            await first.set_reminder(user, 4, "2026-12-23T09:00:00+00:00", "en")
        claims = await asyncio.gather(*(
            worker.claim_tip(user, "2026-11-30T08:00:00+00:00", [f"tip-{n}"], "2026-12-07T08:00:00+00:00")
            for user in users for n, worker in enumerate((first, second))
        ))
        assert [claims[2 * n] + claims[2 * n + 1] for n in range(len(users))] == [1] * len(users)
        reminders = await asyncio.gather(*(
            worker.claim_reminder(user, "2026-12-23T09:00:00+00:00") for user in users for worker in (second, first)
        ))
        assert sum(reminders) == len(users)
        updates = await asyncio.gather(*(worker.first_delivery(n) for n in range(20) for worker in (first, second)))
        assert sum(updates) == 20
    finally:
        await first.close()
        await second.close()


@pytest.mark.backends
async def test_deleting_a_user_leaves_no_table_holding_them(database):
    async with advisor_on(database) as advisor:
        owner = advisor.chat(user_id=7)
        token = await everything(advisor, owner)
        member = advisor.chat(user_id=20)
        await member.send(f"/start {token}")
        await member.tap(1)
        for option in (2, 2, 2, 2, 2):
            await member.tap(option)
        storage = advisor.storage
        await storage.save_chat_state(7, {"question_on_screen": None})
        assert set(await storage.tables_holding(7)) >= {"users", "sessions", "results", "teams", "chat_states"}
        assert await storage.delete_user(7) == [(20, "en", "Owned team")]
        assert await storage.tables_holding(7) == []
        assert (await storage.export_user(7))["users"] is None
        assert await storage.load_user(7) is None and await storage.team_by_token(token) is None
        assert len(await storage.results(20)) == 1  # the member's own result stays theirs
        assert await rows(storage, "SELECT count(*) FROM team_members") == [(0,)]


async def test_the_export_is_the_same_on_both_backends(postgres_database, tmp_path):
    """The same chats on SQLite and on PostgreSQL export the same document: the same tables,
    keys, ids and values, in the same order; only the times differ (in the same format)."""
    exports = []
    for database in (tmp_path / "advisor.sqlite3", postgres_database):
        async with advisor_on(database) as advisor:
            chat = advisor.chat(user_id=7)
            await everything(advisor, chat)
            other = advisor.chat(user_id=8)
            await other.send(f"/start {TOKEN.search(chat.messages[-1].text).group(0)}")
            await other.tap(1)
            exports.append(await advisor.storage.export_user(7))

    def timeless(value):
        if isinstance(value, dict):
            return {key: timeless(item) for key, item in value.items()}
        if isinstance(value, list):
            return [timeless(item) for item in value]
        if isinstance(value, str) and DATE.fullmatch(value):
            return "<time>"
        return TOKEN.sub("<token>", value) if isinstance(value, str) else value  # random: a new one each time

    sqlite, postgres = exports
    assert json.dumps(timeless(sqlite)) == json.dumps(timeless(postgres))
    assert set(sqlite) == set(postgres) and sqlite["sessions"][0]["answers"]
    assert sqlite["subscriptions"][0]["recent_tips"] == [] and sqlite["subscriptions"][0]["active"] == 1


# -- several workers at once: PostgreSQL ------------------------------------------------------------


async def test_two_moves_from_the_same_state_at_once_exactly_one_succeeds(postgres_database):
    first, second = await open_storage(postgres_database), await open_storage(postgres_database)
    try:
        sessions = []
        for user in range(1, 31):
            await first.add_user(user)
            session, _ = await first.start_session(user, "quick", "media")
            sessions.append((user, session.id))

        async def tap(worker, user, session_id, option):
            try:
                await worker.move(user, session_id, "quick", "media", f"approach-{option}", ("media", option))
            except StaleSessionError:
                return None
            return option

        outcomes = await asyncio.gather(*(
            tap(worker, user, session_id, option)
            for user, session_id in sessions for option, worker in ((1, first), (2, second))
        ))
        for n, (user, _session_id) in enumerate(sessions):
            [winner] = [option for option in outcomes[2 * n:2 * n + 2] if option is not None]
            session = (await first.load_user(user)).session("quick")
            assert (session.state, session.answers) == (f"approach-{winner}", {"media": winner})
    finally:
        await first.close()
        await second.close()


async def test_a_move_that_waited_for_another_writes_nothing(postgres_database):
    """The compare-and-set under a lock: a tap whose session another worker is moving waits for
    it, then finds the state changed and is refused; nothing of it is written."""
    storage = await open_storage(postgres_database)
    other = await asyncpg.connect(postgres_database)
    try:
        await storage.add_user(1)
        session, _ = await storage.start_session(1, "quick", "media")
        transaction = other.transaction()
        await transaction.start()
        await other.execute(
            "UPDATE sessions SET state = 'approach', last_question = 'media', last_option = 4 WHERE id = $1", session.id
        )
        waiting = asyncio.create_task(storage.move(1, session.id, "quick", "media", "approach", ("media", 2)))
        for _ in range(100):  # until it waits for the row lock
            await asyncio.sleep(0.01)
            if await storage._pool.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            ):
                break
        else:
            raise AssertionError("the second move never waited")
        assert not waiting.done()
        await transaction.commit()
        with pytest.raises(StaleSessionError):
            await waiting
        assert (await storage.load_user(1)).session("quick").answers == {"media": 4}
    finally:
        await other.close()
        await storage.close()


async def test_two_starts_of_the_same_flow_at_once_leave_one_open_session(postgres_database):
    first, second = await open_storage(postgres_database), await open_storage(postgres_database)
    try:
        users = range(1, 21)
        for user in users:
            await first.add_user(user)
            await first.start_session(user, "quick", "media")
        started = await asyncio.gather(*(
            worker.start_session(user, "quick", "media") for user in users for worker in (first, second)
        ))
        assert len({session.id for session, _ in started}) == 2 * len(users)
        for user in users:
            statuses = await rows(first, "SELECT status, moved FROM sessions WHERE user_id = ? ORDER BY id", user)
            assert sorted(status for status, _ in statuses) == ["abandoned", "abandoned", "open"]
            assert sorted(moved for _, moved in statuses) == [1, 2, 3]  # no two alike
    finally:
        await first.close()
        await second.close()


async def test_workers_starting_at_once_migrate_a_new_database_once(postgres_database):
    opened = await asyncio.gather(*(PostgresStorage.open(postgres_database) for _ in range(3)))
    try:
        versions = await rows(opened[0], "SELECT version FROM schema_version ORDER BY version")
        assert versions == [(number,) for number in range(1, len(POSTGRES_MIGRATIONS) + 1)]
        [(applied_at,)] = await rows(opened[0], "SELECT applied_at FROM schema_version WHERE version = 9")
        assert DATE.fullmatch(applied_at)
        await opened[1].add_user(1)
        assert (await opened[2].load_user(1)).id == 1
    finally:
        for storage in opened:
            await storage.close()


async def test_migration_5_starts_the_history_with_the_last_tip_on_postgres(postgres_database):
    connection = await asyncpg.connect(postgres_database)  # a database of the previous release
    try:
        assert await migrate(connection, target=4) == 4
        await connection.execute("INSERT INTO users (id) VALUES (91), (92)")
        await connection.execute(
            "INSERT INTO subscriptions (user_id, role, phase, weekday, next_due, last_tip)"
            " VALUES (91, 'employee', 3, 0, '2026-11-30T08:00:00+00:00', 'formats'),"
            " (92, 'manager', 4, 0, '2026-11-30T08:00:00+00:00', NULL)"
        )
    finally:
        await connection.close()
    storage = await PostgresStorage.open(postgres_database)
    try:
        assert (await storage.subscription(91)).recent_tips == ("formats",)
        assert (await storage.subscription(92)).recent_tips == ()
        await execute(storage, "DELETE FROM users WHERE id = ?", 92)
        assert await storage.subscription(92) is None
    finally:
        await storage.close()


@pytest.mark.backends
async def test_times_as_text_compare_byte_by_byte(storage, backend):
    """The due times are text, compared as text: on PostgreSQL every text column is COLLATE "C",
    byte by byte as SQLite compares, whatever locale the database was created with (a locale's
    collation may put "." before "+", or ignore punctuation)."""
    for user, due in ((1, "2026-11-30T08:00:00Z"), (2, "2026-11-30T08:00:00+00:00"), (3, "2026-11-30T07:59:59Z")):
        await storage.add_user(user)
        await storage.subscribe(user, "employee", 3, 0, due, "en")
    due = await storage.due_subscriptions("2026-11-30T08:00:00.500000+00:00", 10)
    assert [(subscription.user_id, subscription.next_due) for subscription in due] == [
        (3, "2026-11-30T07:59:59Z"), (2, "2026-11-30T08:00:00+00:00"),
    ]
    if backend == "postgres":
        assert await rows(
            storage,
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'",
        ) == []


def test_the_console_names_a_postgresql_database_without_its_password(tmp_path, monkeypatch):
    from bot import console

    assert console.shown_database("postgresql://advisor:s3cret@db:5432/advisor") == (
        "postgresql://advisor:***@db:5432/advisor"
    )
    assert console.shown_database("postgresql://db/advisor") == "postgresql://db/advisor"
    assert console.shown_database("advisor.sqlite3") == "advisor.sqlite3"
    monkeypatch.chdir(tmp_path)
    assert console.files_folder("postgresql://db/advisor") == tmp_path / console.FILES_FOLDER


async def test_a_session_started_elsewhere_is_continued_here(postgres_database):
    """Two workers, one user: what one worker stored, the other continues (nothing in memory)."""
    async with advisor_on(postgres_database) as one, advisor_on(postgres_database) as other:
        first = one.chat(user_id=5)
        await first.send("/start quick")
        for option in (1, 2):
            await first.tap(option)
        second = ChatSimulator(other.application, other.api, user_id=5)
        await second.send("/start")
        assert second.last.text == "You have a quick phase check in progress: 2 of 5 questions answered."


@pytest.mark.backends
async def test_an_update_is_claimed_by_one_worker_and_taken_over_after_its_lease(database):
    one, other = await open_storage(database), await open_storage(database)
    try:
        now = "2026-11-26T10:00:00.000Z"
        claims = await asyncio.gather(*(s.claim_update(77, "2026-11-26T09:59:00.000Z", now) for s in (one, other)))
        assert sorted(claims) == ["new", "working"]  # handed to both at once: one takes it
        assert await other.claim_update(77, "2026-11-26T09:59:00.000Z", now) == "working"
        later = "2026-11-26T10:05:00.000Z"  # the claim is older than the lease: its worker died
        assert await other.claim_update(77, "2026-11-26T10:04:00.000Z", later) == "new"
        await other.finish_update(77)
        assert await one.claim_update(77, "2026-11-26T10:04:00.000Z", later) == "done"
        assert await one.ping() and await other.ping()
    finally:
        await one.close()
        await other.close()


async def turns_taken(one: Storage, other: Storage, holding: float, second_comes: float) -> list[str]:
    """User 42's update on worker ``one`` holds the turn for ``holding`` s; after ``second_comes``
    s, another of theirs arrives on worker ``other``. The order in which they ran."""
    order = []

    async def hold(storage, name, seconds):
        async with storage.user_lock(42):
            order.append(f"{name} in")
            await asyncio.sleep(seconds)
            order.append(f"{name} out")

    first = asyncio.create_task(hold(one, "first", holding))
    await asyncio.sleep(second_comes)
    await asyncio.gather(first, hold(other, "second", 0))
    return order


async def test_one_users_lock_holds_across_workers_on_postgres(postgres_database):
    one, other = await open_storage(postgres_database), await open_storage(postgres_database)
    try:
        assert await turns_taken(one, other, 0.2, 0.05) == ["first in", "first out", "second in", "second out"]
        async with one.user_lock(42), other.user_lock(43):  # another user is not held up
            pass
    finally:
        await one.close()
        await other.close()


async def test_a_turn_longer_than_its_lease_is_kept_on_postgres(postgres_database, monkeypatch):
    """An update that outlasts the lease (429s waited out) renews it: another worker's update of
    the same user still waits for it."""
    from bot import postgres_storage

    monkeypatch.setattr(postgres_storage, "TURN_LEASE", 0.3)
    one, other = await open_storage(postgres_database), await open_storage(postgres_database)
    try:
        # the second comes at twice the lease: unrenewed, the first's turn would have lapsed by then
        assert await turns_taken(one, other, 1.0, 0.6) == ["first in", "first out", "second in", "second out"]
    finally:
        await one.close()
        await other.close()


async def test_updates_in_hand_beyond_the_pool_hold_no_connection_on_postgres(postgres_database):
    """Three times the pool's connections of users, each in their turn waiting for Telegram and
    then writing: no update holds a connection while it waits, so none waits for a free one."""
    storage = await open_storage(postgres_database)
    try:
        async def update(user: int) -> None:
            async with storage.user_lock(user):
                await asyncio.sleep(0.1)  # the answer and the edit, a round trip away
                await storage.set_language(user, "nl")

        await asyncio.wait_for(asyncio.gather(*(update(user) for user in range(1, 3 * POOL_SIZE + 1))), 5)
        assert [(await storage.load_user(user)).language for user in (1, 3 * POOL_SIZE)] == ["nl", "nl"]
        assert await rows(storage, "SELECT count(*) FROM user_turns") == [(0,)]  # every turn given back
    finally:
        await storage.close()


async def test_a_dead_workers_turn_lapses_after_its_lease_on_postgres(postgres_database):
    storage = await open_storage(postgres_database)
    try:
        await execute(
            storage,
            "INSERT INTO user_turns VALUES (42, 'dead worker', '2000-01-01T00:00:00.000Z'),"
            " (43, 'busy worker', '2999-01-01T00:00:00.000Z')"
        )
        async with storage.user_lock(42):  # lapsed: taken at once
            assert await rows(storage, "SELECT holder <> 'dead worker' FROM user_turns WHERE user_id = 42") == [(True,)]
        with pytest.raises(TimeoutError):  # still leased: the update waits its turn
            await asyncio.wait_for(storage.user_lock(43).__aenter__(), 0.3)
    finally:
        await storage.close()
