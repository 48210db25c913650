"""The Textual app's public names where other code has always found them."""

from __future__ import annotations

from alignment_tui.tui.app import AlignmentApp, make_app

__all__ = ["AlignmentApp", "make_app"]
