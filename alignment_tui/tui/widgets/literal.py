"""Text from a profile, a bank or the user, made literal for Textual: never markup, never a
terminal command (control characters are shown escaped)."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.markup import escape
from textual.strip import Strip
from textual.widgets import Input

from alignment_tui.safe_text import pictures, visible


def literal(text: str, style: str = "") -> Content:
    """``text`` as Textual content, shown exactly as written (``[b]`` stays ``[b]``)."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def literal_text(text: str, style: str = "") -> Text:
    """The same as a Rich ``Text``, for the widgets built from Rich renderables."""
    return Text(visible(text), style=style)


def markup_safe(text: str) -> str:
    """For the APIs that read their strings as markup (the command palette's titles)."""
    return escape(visible(text))


def shown_strip(strip: Strip) -> Strip:
    """A rendered line of an editor with its control characters drawn as pictures (␛):
    the text keeps them, the terminal never receives them."""
    segments = list(strip)
    if not any(pictures(text) != text for text, _, _ in segments):
        return strip
    return Strip(
        [type(s)(pictures(s.text), s.style, s.control) for s in segments], strip.cell_length
    )


class ShowsControls:
    """For an editable widget (``class X(ShowsControls, TextArea)``): each line it draws
    has its control characters as pictures; the value itself is left exactly as typed."""

    def render_line(self, y: int) -> Strip:
        return shown_strip(super().render_line(y))  # type: ignore[misc]


class SafeInput(ShowsControls, Input):
    """An ``Input`` whose value (a path, a name pasted from anywhere) never drives the terminal."""
