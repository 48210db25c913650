"""The session core: an open profile and the walk through it, shared by every front end."""

from __future__ import annotations

from alignment_tui.session.core import ProfileSession, ReadOnly, refusal
from alignment_tui.session.opening import create_session, open_session
from alignment_tui.session.saving import ProfileWriter, SaveState, WriteResult
from alignment_tui.session.steps import Step, StepKind, Steps

__all__ = [
    "ProfileSession",
    "ProfileWriter",
    "ReadOnly",
    "SaveState",
    "Step",
    "StepKind",
    "Steps",
    "WriteResult",
    "create_session",
    "open_session",
    "refusal",
]
