"""What every screen of the walk shares: header, chain, navigation, keys in the UI language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from alignment_tui.i18n import t
from alignment_tui.safe_text import visible
from alignment_tui.tui.widgets.chain import Chain, ChainEntry
from alignment_tui.tui.widgets.keybar import KeyBar
from alignment_tui.tui.widgets.literal import literal

# (key, action, locale key): the descriptions are looked up once the language is known.
KeySpec = tuple[str, str, str]

APP_KEYS: list[KeySpec] = [
    ("ctrl+s", "app.save_now", "key.save"),
    ("ctrl+q", "app.quit", "key.quit"),
    ("f9", "app.toggle_theme", "key.theme"),
    ("ctrl+p", "app.command_palette", "key.palette"),
]
WALK_KEYS: list[KeySpec] = [
    ("ctrl+n", "app.go_next", "key.next"),
    ("ctrl+b", "app.go_back", "key.back"),
    ("ctrl+g", "focus_chain", "key.goto"),
]
QUESTION_KEYS: list[KeySpec] = [
    ("ctrl+o", "app.skip", "key.skip"),
    ("f2", "toggle_examples", "key.examples"),
    ("f3", "app.toggle_coach", "key.coach"),
    ("f4", "app.external_edit", "key.editor"),
    ("f8", "waive", "key.waive"),
    ("f5", "app.timer('toggle')", "key.timer"),
]


def bindings(specs: Iterable[KeySpec], lang: str) -> list[Binding]:
    return [Binding(key, action, t(name, lang)) for key, action, name in specs]


def title_bar(heading: str, file: str = "") -> Static:
    """One line on top: the organisation and the file. (Textual's Header races fast screen
    switches: its title update can run after its children are gone.)"""
    text = Text.assemble(("⛓ ", "bold"), (visible(heading) or "alignment-tui", "bold"))
    if file:
        text.append(f"  ·  {visible(file)}", style="dim")
    return Static(text, id="title-bar")


@dataclass
class WalkView:
    """What surrounds every step: the language, the chain, progress and the read-only notice."""

    lang: str
    chain: list[ChainEntry] = field(default_factory=list)
    progress: str = ""
    banner: str = ""
    heading: str = ""  # the organisation, in the header
    file: str = ""  # the profile's path, under it
    key: str = ""  # the step shown (``intro:values``, a question's id, ``summary``)


class WalkScreen(Screen[None]):
    """A step of the walk; subclasses fill ``body``. Actions go to the app (``app.go_next``…)."""

    KEYS: ClassVar[list[KeySpec]] = WALK_KEYS

    def __init__(self, view: WalkView) -> None:
        super().__init__()
        self.view = view
        self.lang = view.lang
        for binding in bindings(self.KEYS, self.lang):
            self._bindings.bind(binding.key, binding.action, binding.description)

    def compose(self) -> ComposeResult:
        yield title_bar(self.view.heading, self.view.file)
        if self.view.banner:
            yield Static(self.view.banner, id="banner")
        with Horizontal(id="walk"):
            yield Chain(self.view.chain, id="chain")
            with VerticalScroll(id="main"):
                if self.view.progress:
                    yield Static(literal(self.view.progress), id="progress")
                yield from self.body()
                with Horizontal(id="nav"):
                    yield from self.nav_buttons()
        yield KeyBar(self.key_help(), self.lang)

    @property
    def shown(self) -> str:
        """The step on screen: its key, once it is drawn (a question screen shows the next
        question's pane a moment after the step)."""
        return self.view.key if self.is_mounted else ""

    def key_help(self) -> list[tuple[str, str, str]]:
        specs = [*self.KEYS, *APP_KEYS]
        return [(b.key, b.action, b.description) for b in bindings(specs, self.lang)]

    def body(self) -> ComposeResult:
        yield from ()

    def nav_buttons(self) -> ComposeResult:
        yield Button(t("nav.back", self.lang), id="back", action="app.go_back", compact=True)
        yield Button(
            t("nav.next", self.lang),
            id="next",
            variant="primary",
            action="app.go_next",
            compact=True,
        )

    def action_focus_chain(self) -> None:
        chain = self.query_one(Chain)
        if chain.display:
            chain.focus()
        else:
            self.app.action_command_palette()
