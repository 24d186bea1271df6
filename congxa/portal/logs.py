"""Log formatting that a scanner cannot turn into a flood.

Used by the LOGGING block of settings.py: a refused request (a bad Host header,
a path trick, a 4xx) is one line without traceback, so a thousand of them are a
thousand lines, not fifteen thousand; a real error (5xx) keeps its traceback.
"""

from __future__ import annotations

import logging

# Longest message written for a refused request: its text is the attacker's.
MAX_LENGTH = 300


def one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LENGTH else text[: MAX_LENGTH - 1] + "…"


class OneLineFormatter(logging.Formatter):
    """The message alone, on one line, without exception or stack."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)
        record.msg = one_line(record.getMessage())
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return super().format(record)


class RefusedRequestFilter(logging.Filter):
    """On `django.request`: a 4xx loses its traceback and is one line; a 5xx
    goes through whole."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.msg = one_line(record.getMessage())
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True
