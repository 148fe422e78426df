"""Taps sent in one batch: the buttons of screens the user has not seen yet, as they will be."""

from bot.simulator import ChatSimulator


def quick_check_tap(chat: ChatSimulator, question: int, option: int) -> str:
    """The callback data of option ``option`` (0-based) on question ``question`` (1-5) of the
    quick check on screen: ``q1:<session>:<question>:<option>`` (see bot/callbacks.py)."""
    namespace, session, _question, _option = chat.screen.buttons[0]["callback_data"].split(":")
    assert namespace == "q1", chat.screen.buttons[0]
    return f"{namespace}:{session}:{question}:{option}"
