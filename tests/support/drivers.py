"""Taking the flows by taps, as a user would, for the chat tests."""

from datetime import UTC, datetime

from bot.simulator import ChatSimulator


async def take_full_assessment(
    chat: ChatSimulator,
    levels: tuple[int, ...],
    management: int,
    cells: tuple[int, ...],
    in_place: tuple[int, ...],
    glue: int,
    *,
    keep_contradictions: bool = True,
    last: bool = True,
) -> None:
    """Answer every screen: SSRM levels 1-5, management 0-2, cells 0-2, Cycle steps, Glue 0-3.
    Answers that contradict each other lead to a review first: kept as they are, by default.
    ``last=False`` stops at the last question (the Glue Model's), unanswered."""
    await chat.send("/start full")
    await chat.tap(1)  # ▶ Start
    for level in levels:
        await chat.tap(level)
    await chat.tap(management + 1)
    for level in cells:
        await chat.tap(level + 1)
    for number in in_place:
        [label] = [b["text"] for b in chat.screen.buttons if b["text"].startswith(f"{number} · ")]
        await chat.tap(label)
    done = chat.screen.buttons[-3]  # Done ▶, above « Back and ☰ Menu
    await chat.tap(done["text"])
    if not last:
        return
    await chat.tap(glue + 1)
    keep = [b for b in chat.screen.buttons if b.get("callback_data", "").endswith(":k")]
    if keep and keep_contradictions:
        await chat.tap(keep[0]["text"])


NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # a Wednesday, 10:00 in Amsterdam


async def open_tips(chat, role_label: str) -> None:
    await chat.send("/tips")
    await chat.tap(role_label)



async def subscribe(chat, day_label: str, clock) -> None:
    chat.application.bot_data.clock = clock
    await open_tips(chat, "Employee")
    await chat.tap("Only company profiles post")
    await chat.tap("🔔 A tip every week")
    await chat.tap(day_label)


async def subscribe_with_a_reminder(chat, clock) -> None:
    """A weekly tip on Mondays, a quick check's plan, and a check-in reminder in 4 weeks."""
    await subscribe(chat, "Monday", clock)
    await chat.send("/start quick")
    for option in (2, 2, 2, 2, 2):
        await chat.tap(option)
    await chat.send("/plan")
    await chat.tap("⏰ Remind me to check in")
    await chat.tap("In 4 weeks")


