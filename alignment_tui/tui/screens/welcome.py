"""The first screen: start a new profile, open one (recent ones listed), choose the language."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from alignment_tui.i18n import t
from alignment_tui.safe_text import visible
from alignment_tui.store.paths import new_profile_path
from alignment_tui.tui.screens.base import bindings, title_bar
from alignment_tui.tui.widgets.keybar import KeyBar
from alignment_tui.tui.widgets.literal import SafeInput, literal, literal_text


class WelcomeScreen(Screen[None]):
    """Posts ``Create``, ``Open`` or ``Language``; the app does the work."""

    class Create(Message):
        def __init__(self, organisation: str, respondent: str) -> None:
            super().__init__()
            self.organisation = organisation
            self.respondent = respondent

    class Open(Message):
        def __init__(self, path: Path, *, checkin: bool = False) -> None:
            super().__init__()
            self.path = path
            self.checkin = checkin  # straight to the check-in screen once it is open

    class Language(Message):
        def __init__(self, lang: str) -> None:
            super().__init__()
            self.lang = lang

    def __init__(
        self,
        lang: str,
        *,
        target: Path | None = None,
        error: str = "",
        fields: tuple[str, str, str] = ("", "", ""),
    ) -> None:
        super().__init__()
        self.lang = lang
        self.target = target
        self.error = error
        self.fields = fields
        keys = [
            ("f2", "toggle_lang", "welcome.key_lang"),
            ("ctrl+p", "app.command_palette", "key.palette"),
            ("ctrl+q", "app.quit", "key.quit"),
        ]
        self.keys = bindings(keys, lang)
        self._bindings.bind(self.keys[0].key, self.keys[0].action, self.keys[0].description)

    def compose(self) -> ComposeResult:
        lang = self.lang
        org, respondent, path = self.fields
        yield title_bar("alignment-tui")
        with VerticalScroll(id="welcome"):
            yield Static(t("welcome.title", lang), classes="title")
            yield Static(t("welcome.pitch", lang), id="pitch")
            if self.error:
                yield Static(literal(self.error), id="welcome-error", classes="error")
            with Horizontal(id="lang-row"):
                yield Static(t("welcome.language", lang), classes="label")
                with RadioSet(id="lang", compact=True):
                    yield RadioButton("Français", value=lang == "fr", id="lang-fr")
                    yield RadioButton("English", value=lang == "en", id="lang-en")
            with Vertical(id="new", classes="card"):
                yield Static(t("welcome.new", lang), classes="label")
                yield SafeInput(org, placeholder=t("welcome.organisation", lang), id="organisation")
                yield SafeInput(
                    respondent, placeholder=t("welcome.respondent", lang), id="respondent"
                )
                yield Static(self._target_text(org), id="target")
                yield Button(t("welcome.create", lang), id="create", variant="primary")
            with Vertical(id="open", classes="card"):
                yield Static(t("welcome.open", lang), classes="label")
                yield OptionList(id="recent", classes="hidden")  # shown once read
                yield SafeInput(path, placeholder=t("welcome.path", lang), id="path")
                with Horizontal(id="open-buttons"):
                    yield Button(t("welcome.open_button", lang), id="open-button")
                    yield Button(t("welcome.checkin_button", lang), id="checkin-button")
        yield KeyBar(((b.key, b.action, b.description) for b in self.keys), self.lang)

    def on_mount(self) -> None:
        # The screen may already be on its way out (a fast switch): then there is nothing.
        for field in self.query("#organisation"):
            field.focus()

    def _target_text(self, organisation: str) -> Content:
        if self.target is not None:
            return literal(t("welcome.target", self.lang, path=str(self.target)))
        if not organisation.strip():
            return literal(t("welcome.target_hint", self.lang))

        return literal(t("welcome.target", self.lang, path=str(new_profile_path(organisation))))

    def show_recent(self, entries: list[tuple[Path, str]]) -> None:
        """Fill the recent list once it has been read (off the first frame): each profile
        by its organisation's name, its file beneath; the first one highlighted, so that
        Enter on the list opens it."""
        for recent in self.query("#recent").results(OptionList):
            recent.clear_options()
            options = []
            for path, organisation in entries:
                line = literal_text(organisation or path.name, style="bold")
                line.append("  " + visible(_home_relative(path)), style="dim")
                options.append(Option(line, id=str(path)))
            recent.add_options(options)
            recent.set_class(not entries, "hidden")
            if entries:
                recent.highlighted = 0

    @on(Input.Changed, "#organisation")
    def _org_changed(self, event: Input.Changed) -> None:
        self.query_one("#target", Static).update(self._target_text(event.value))

    @on(Input.Submitted, "#organisation")
    def _next_field(self) -> None:
        self.query_one("#respondent", Input).focus()

    @on(Input.Submitted, "#respondent")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        org = self.query_one("#organisation", Input).value.strip()
        if not org:
            self.query_one("#organisation", Input).focus()
            self.app.notify(t("welcome.need_organisation", self.lang))
            return
        self.post_message(self.Create(org, self.query_one("#respondent", Input).value.strip()))

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#open-button")
    def _open(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        if raw:
            self.post_message(self.Open(Path(raw).expanduser()))
        else:
            self.query_one("#path", Input).focus()

    @on(Button.Pressed, "#checkin-button")
    def _checkin(self) -> None:
        """The path typed, else the recent profile highlighted, opened on its check-in."""
        raw = self.query_one("#path", Input).value.strip()
        recent = self.query_one("#recent", OptionList)
        if raw:
            self.post_message(self.Open(Path(raw).expanduser(), checkin=True))
        elif recent.highlighted is not None and not recent.has_class("hidden"):
            option = recent.get_option_at_index(recent.highlighted)
            if option.id:
                self.post_message(self.Open(Path(option.id), checkin=True))
        else:
            self.query_one("#path", Input).focus()

    @on(OptionList.OptionSelected, "#recent")
    def _open_recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(self.Open(Path(event.option.id)))

    @on(RadioSet.Changed, "#lang")
    def _lang(self, event: RadioSet.Changed) -> None:
        lang = "fr" if event.pressed.id == "lang-fr" else "en"
        if lang != self.lang:
            self.post_message(self.Language(lang))

    def action_toggle_lang(self) -> None:
        self.post_message(self.Language("en" if self.lang == "fr" else "fr"))

    def current_fields(self) -> tuple[str, str, str]:
        return (
            self.query_one("#organisation", Input).value,
            self.query_one("#respondent", Input).value,
            self.query_one("#path", Input).value,
        )


def _home_relative(path: Path) -> str:
    """``~/clients/atelier.toml`` rather than the whole absolute path."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class OpeningScreen(Screen[None]):
    """Shown for the instant the profile and the questions load, so the terminal is never blank."""

    def __init__(self, lang: str, path: Path) -> None:
        super().__init__()
        self.lang = lang
        self.path = path

    def compose(self) -> ComposeResult:
        yield title_bar("alignment-tui", str(self.path))
        yield Static(literal(t("welcome.opening", self.lang, path=str(self.path))), id="opening")
        yield KeyBar([("ctrl+q", "app.quit", t("key.quit", self.lang))], self.lang)
