"""A progress line for long imports: done/total, rate and time left."""

from __future__ import annotations

import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return (
        f"{hours}:{minutes:02d}:{seconds:02d}"
        if hours
        else f"{minutes:02d}:{seconds:02d}"
    )


class Progress:
    """Redraws one line on a terminal; prints a line every `every` pages otherwise."""

    def __init__(
        self, stream: TextIO, total: int | None, *, label: str, every: int = 100
    ):
        self.stream = stream
        self.total = total
        self.label = label
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self._last_draw = 0.0
        self.tty = bool(getattr(stream, "isatty", lambda: False)())

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        if self.total:
            share = min(self.done / self.total, 1.0)
            bar = "#" * int(share * 30) + "-" * (30 - int(share * 30))
            left = (self.total - self.done) / rate if rate else 0
            return (
                f"[{bar}] {self.done}/{self.total} {share:4.0%} "
                f"{rate:.1f} {self.label}, ~{_clock(left)}"
            )
        return f"{self.done} {rate:.1f} {self.label}, {_clock(elapsed)}"

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.tty:
            if now - self._last_draw >= 0.2 or self.done == self.total:
                self.stream.write("\r" + self.line())
                self.stream.flush()
                self._last_draw = now
        elif self.done % self.every == 0:
            self.stream.write(self.line() + "\n")

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\r" + self.line() + "\n")
