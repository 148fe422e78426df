"""A sleep for ``RetryingRequest`` that takes no time, so that retries cost the tests nothing."""

import asyncio


class Waits:
    """Records each wait asked for (in seconds) and lets the other tasks run once."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)
        await asyncio.sleep(0)
