"""A one-line key bar: every action's key and name, each clickable (lighter than Footer)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.markup import escape
from textual.widgets import Static

from alignment_tui.i18n import catalogue, normalise_lang


def key_label(key: str, lang: str | None = None) -> str:
    """``ctrl+n`` → ``^n``, ``f2`` → ``F2``, ``escape`` → the keycap's name in ``lang``
    (``keycap.*`` in the locale): how terminal users are used to see keys."""
    if key.startswith("ctrl+"):
        return "^" + key[5:]
    if key[:1] == "f" and key[1:].isdigit():
        return key.upper()
    return catalogue(normalise_lang(lang)).get(f"keycap.{key}", key)


class KeyBar(Static):
    """Rebuilt only with its screen; Textual's Footer recomposes on every focus change."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: auto; max-height: 3;
        background: $panel; color: $foreground; padding: 0 1;
    }
    """

    def __init__(self, keys: Iterable[tuple[str, str, str]], lang: str | None = None) -> None:
        """``keys``: (key, action, description); an action without ``app.`` is the screen's;
        ``lang`` names the keycaps."""
        parts = []
        for key, action, description in keys:
            target = action if action.startswith(("app.", "screen.")) else f"screen.{action}"
            label = escape(key_label(key, lang))
            parts.append(f"[@click={target}][b $accent]{label}[/] {escape(description)}[/]")
        super().__init__("  ".join(parts), id="keybar")
