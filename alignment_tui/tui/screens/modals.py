"""Dialogs: file changed on disk, save as, a notice, and the terminal-too-small screen."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from alignment_tui.i18n import t
from alignment_tui.tui.keyroute import InterruptingDialog
from alignment_tui.tui.screens.base import bindings
from alignment_tui.tui.widgets.literal import SafeInput, literal

CONFLICT_CHOICES = ("reload", "overwrite", "save_as")


def alt_label(key: str) -> str:
    """``alt+r`` → ``Alt+R``, as it is written on the dialog's buttons."""
    return "Alt+" + key.removeprefix("alt+").upper()


class ChangedOnDiskScreen(InterruptingDialog[str]):
    """The file changed since it was loaded: ``reload``, ``overwrite`` or ``save_as``.

    It opens while the user may be typing: a choice takes a click, Tab then Enter on a
    button, or an Alt key (never a bare letter), and what is typed before goes on into
    the answer (see ``screens/keyroute.py``).
    """

    def __init__(self, path: str, lang: str) -> None:
        super().__init__()
        self.path = path
        self.lang = lang
        self.keys = {choice: t(f"conflict.key.{choice}", lang) for choice in CONFLICT_CHOICES}
        self.own_keys |= frozenset(self.keys.values())
        for choice, key in self.keys.items():
            self._bindings.bind(key, f"choose('{choice}')", t(f"conflict.{choice}", lang))

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog"):
            yield Static(t("conflict.title", lang), classes="title")
            yield Static(literal(t("conflict.body", lang, path=self.path)))
            keys = {f"{choice}_key": alt_label(key) for choice, key in self.keys.items()}
            yield Static(t("conflict.how", lang, **keys), markup=False, id="conflict-how")
            with Horizontal(classes="buttons"):
                for choice in CONFLICT_CHOICES:
                    label = f"{t(f'conflict.{choice}', lang)} ({alt_label(self.keys[choice])})"
                    yield Button(
                        label,
                        id=choice,
                        variant="primary" if choice == "save_as" else "default",
                        action=f"screen.choose('{choice}')",
                    )

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class SaveAsScreen(ModalScreen[Path | None]):
    """Ask for another file name; ``None`` when cancelled."""

    def __init__(self, suggestion: Path, lang: str) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.lang = lang
        for b in bindings([("escape", "cancel", "save_as.cancel")], lang):
            self._bindings.bind(b.key, b.action, b.description)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog"):
            yield Static(t("save_as.title", lang), classes="title")
            yield SafeInput(str(self.suggestion), id="save-as-path")
            yield Static("", id="save-as-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("save_as.cancel", lang), id="cancel", action="screen.cancel")
                yield Button(
                    t("save_as.save", lang), id="save", variant="primary", action="screen.submit"
                )

    @on(Input.Submitted)
    def action_submit(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            self.query_one("#save-as-error", Static).update(t("save_as.empty", self.lang))
            return
        path = Path(raw).expanduser()
        if path.suffix != ".toml" and path.name:
            path = path.with_name(path.name + ".toml")
        error = self.query_one("#save-as-error", Static)
        # os.path, not Path: a name too long is an answer, not a crash.
        if os.path.lexists(path):
            error.update(t("save_as.exists", self.lang))
            return
        if not path.name or not os.path.isdir(path.parent):
            error.update(t("save_as.no_folder", self.lang))
            return
        # Lazy: the store (and pydantic) stays off the first frame, where this module loads.
        from alignment_tui.store import ProfileError
        from alignment_tui.store.files import check_new_file

        problem = check_new_file(path)
        if problem is not None:
            error.update(
                literal(ProfileError(problem.key, path, **problem.params).message(self.lang))
            )
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoticeScreen(ModalScreen[None]):
    """A message that needs reading once (e.g. opened read-only); Enter or Escape closes it."""

    def __init__(self, title: str, body: str, lang: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.lang = lang
        for b in bindings([("escape", "close", "notice.ok")], lang):
            self._bindings.bind(b.key, b.action, b.description)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.title_text), classes="title")
            yield Static(literal(self.body))
            with Horizontal(classes="buttons"):
                yield Button(
                    t("notice.ok", self.lang), id="ok", variant="primary", action="screen.close"
                )

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def action_close(self) -> None:
        self.dismiss(None)


class TooSmallScreen(Screen[None]):
    """Instead of a broken layout below 40×12; it goes away when the terminal grows."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(t("too_small", self.lang), id="too-small")
