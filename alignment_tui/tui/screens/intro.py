"""A layer's intro card: what it is, why it matters, its horizon, what a good answer has."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Button, Static

from alignment_tui.i18n import t
from alignment_tui.tui.screens.base import WalkScreen, WalkView
from alignment_tui.tui.widgets.literal import literal


class IntroScreen(WalkScreen):
    """Shown before a layer's questions; Enter or Next starts them."""

    def __init__(self, view: WalkView, intro: Any, number: int, count: int) -> None:
        view.progress = ""  # the heading says which layer this is
        super().__init__(view)
        self.intro = intro
        self.number = number
        self.count = count

    def body(self) -> ComposeResult:
        lang = self.lang
        heading = t(
            "intro.heading", lang, n=self.number, total=self.count, title=self.intro.title(lang)
        )
        yield Static(
            literal(heading),
            id="intro-title",
            classes="title",
        )
        for part in ("what", "why", "horizon", "good"):
            yield Static(t(f"intro.{part}", lang), classes="label")
            yield Static(literal(getattr(self.intro, part)(lang)), classes=f"card intro-{part}")

    def nav_buttons(self) -> ComposeResult:
        yield Button(t("nav.back", self.lang), id="back", action="app.go_back", compact=True)
        yield Button(
            t("intro.start", self.lang),
            id="next",
            variant="primary",
            action="app.go_next",
            compact=True,
        )

    def on_mount(self) -> None:
        self.query_one("#next", Button).focus()
