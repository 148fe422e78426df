"""Taking the full assessment by taps, as a user would, for the chat tests."""

from bot.simulator import ChatSimulator


async def take_full_assessment(
    chat: ChatSimulator,
    levels: tuple[int, ...],
    management: int,
    cells: tuple[int, ...],
    in_place: tuple[int, ...],
    glue: int,
) -> None:
    """Answer every screen: SSRM levels 1-5, management 0-2, cells 0-2, Cycle steps, Glue 0-3."""
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
    await chat.tap(glue + 1)
