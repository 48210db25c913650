"""Dialogs: a change on disk, save as, a notice, the next period written, a terminal too small."""

from __future__ import annotations

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
    the answer (see ``tui/keyroute.py``).
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
    """Ask for a new file's name (save as, the next period's file); ``None`` when cancelled.
    An existing file, a missing folder or a name that cannot be written is one line here."""

    def __init__(
        self, suggestion: Path, lang: str, *, title: str = "", hint: str = "", action: str = ""
    ) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.lang = lang
        self.title_text = title or t("save_as.title", lang)
        self.hint = hint
        self.action_label = action or t("save_as.save", lang)
        for b in bindings([("escape", "cancel", "save_as.cancel")], lang):
            self._bindings.bind(b.key, b.action, b.description)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="title", markup=False)
            if self.hint:
                yield Static(self.hint, id="save-as-hint", markup=False)
            yield SafeInput(str(self.suggestion), id="save-as-path")
            yield Static("", id="save-as-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("save_as.cancel", lang), id="cancel", action="screen.cancel")
                yield Button(
                    self.action_label, id="save", variant="primary", action="screen.submit"
                )

    @on(Input.Submitted)
    def action_submit(self) -> None:
        # Lazy: the store (and pydantic) stays off the first frame, where this module loads.
        from alignment_tui.store.paths import new_file_or_problem

        chosen = new_file_or_problem(self.query_one(Input).value, self.lang)
        if isinstance(chosen, str):
            self.query_one("#save-as-error", Static).update(literal(chosen))
            return
        self.dismiss(chosen)

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


class OpenNextScreen(ModalScreen[bool]):
    """The next period's profile is written: open it (``True``) or stay on this one."""

    def __init__(self, written: str, lang: str) -> None:
        super().__init__()
        self.written = written
        self.lang = lang
        for b in bindings([("escape", "stay", "period.stay")], lang):
            self._bindings.bind(b.key, b.action, b.description)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog"):
            yield Static(t("period.written_title", lang), classes="title")
            yield Static(literal(self.written), id="next-written")
            yield Static(t("period.open_hint", lang))
            with Horizontal(classes="buttons"):
                yield Button(t("period.stay", lang), id="stay", action="screen.stay")
                yield Button(
                    t("period.open", lang), id="open", variant="primary", action="screen.open"
                )

    def on_mount(self) -> None:
        self.query_one("#open", Button).focus()

    def action_open(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)


class TooSmallScreen(Screen[None]):
    """Instead of a broken layout below 40×12; it goes away when the terminal grows."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(t("too_small", self.lang), id="too-small")
