"""The check-in screen: this week's reading of every KPI, against the steady pace, in a few keys.

Each row records its reading through ``model.checkins`` (the same core as the ``checkin``
command) when a field is left or Enter is pressed: a value typed as anywhere else, read by
``read_value``; a refused one keeps the reading there was, and the row says what is expected.
Every recorded change goes on an undo stack (Ctrl+Z) and to the app's autosave.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from alignment_tui.formats import format_number
from alignment_tui.i18n import t
from alignment_tui.model.checkins import (
    CheckinError,
    add_checkin,
    find_kpi,
    measure_text,
    read_value,
    start_of,
)
from alignment_tui.model.checkins import pace as pace_of
from alignment_tui.model.profile import CheckIn, Profile
from alignment_tui.safe_text import visible
from alignment_tui.session.checkins import today_entry
from alignment_tui.tui.screens.base import APP_KEYS, KeySpec, bindings, title_bar
from alignment_tui.tui.widgets.checkinrow import CheckinRow, ConfidencePicker
from alignment_tui.tui.widgets.keybar import KeyBar

CHECKIN_KEYS: list[KeySpec] = [
    ("ctrl+z", "undo", "checkin_tui.key.undo"),
    ("escape", "leave", "checkin_tui.key.leave"),
]


@dataclass(frozen=True)
class Undo:
    """A KPI's readings as they were before a change, to put back."""

    kpi_id: str
    checkins: list[CheckIn]
    name: str


class CheckinScreen(Screen[None]):
    """One row per KPI with an id; Enter walks value → confidence → comment → next KPI."""

    KEYS: ClassVar[list[KeySpec]] = CHECKIN_KEYS

    def __init__(
        self,
        lang: str,
        profile: Callable[[], Profile],
        changed: Callable[[], None],
        *,
        title: tuple[str, str] = ("", ""),
        today: date | None = None,
        read_only: str = "",
    ) -> None:
        """``profile`` gives the open profile (a reload after a change on disk replaces
        it), ``changed`` says it changed (autosave); ``title``: the organisation, the file."""
        super().__init__()
        self.lang = lang
        self._profile = profile
        self._changed = changed
        self.title_parts = title
        self.today = today or date.today()
        self.read_only = read_only  # the banner, when nothing may be written
        self.undo_stack: list[Undo] = []
        for binding in bindings(self.KEYS, lang):
            # Escape leaves even from a field (an Input would otherwise keep it).
            priority = binding.key == "escape"
            self._bindings.bind(binding.key, binding.action, binding.description, priority=priority)

    @property
    def profile(self) -> Profile:
        return self._profile()

    def compose(self) -> ComposeResult:
        lang, profile = self.lang, self.profile
        yield title_bar(*self.title_parts)
        if self.read_only:
            yield Static(self.read_only, id="banner")
        with VerticalScroll(id="checkin"):
            yield Static(t("checkin_tui.title", lang), classes="title")
            kpis = [k for k in profile.objectives.kpis if k.id]
            if not kpis:
                yield Static(t("checkin_tui.no_kpis", lang), id="checkin-empty")
            else:
                yield Static(t("checkin_tui.hint", lang), classes="label", id="checkin-hint")
            for index, kpi in enumerate(kpis):
                pace = pace_of(kpi, self.today, start_of(kpi, profile))
                row = CheckinRow(pace, today_entry(pace, self.today), lang, index)
                row.disabled = bool(self.read_only)
                yield row
        specs = [*self.KEYS, *APP_KEYS]
        yield KeyBar(((b.key, b.action, b.description) for b in bindings(specs, lang)), lang)

    def on_mount(self) -> None:
        for row in self.query(CheckinRow).results():
            if not self.read_only:
                row.value_input.focus()
            break

    # -- moving on: Enter goes to the next field, the last one to the next KPI ------------
    @on(Input.Submitted, ".checkin-value")
    def _value_entered(self, event: Input.Submitted) -> None:
        row = self._row_of(event.input)
        if row is not None and self.record(row):
            row.picker.focus()

    @on(Input.Submitted, ".checkin-comment")
    def _comment_entered(self, event: Input.Submitted) -> None:
        row = self._row_of(event.input)
        if row is not None and self.record(row):
            rows = list(self.query(CheckinRow).results())
            following = rows[rows.index(row) + 1 :]
            if following:
                following[0].value_input.focus()
                following[0].scroll_visible()

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        row = self._row_of(event.input)
        if row is not None and row.is_attached:
            self.record(row)
            # A long comment left scrolled to its end would show only its last words.
            event.input.cursor_position = 0

    @on(ConfidencePicker.Changed)
    def _confidence(self, event: ConfidencePicker.Changed) -> None:
        row = self._row_of(event.picker)
        if row is not None:
            self.record(row)

    @on(ConfidencePicker.Submitted)
    def _confidence_entered(self, event: ConfidencePicker.Submitted) -> None:
        row = self._row_of(event.picker)
        if row is not None:
            row.comment_input.focus()

    def _row_of(self, widget: Widget) -> CheckinRow | None:
        node = widget.parent
        while node is not None and not isinstance(node, CheckinRow):
            node = node.parent
        return node

    # -- recording ----------------------------------------------------------------------
    def record(self, row: CheckinRow) -> bool:
        """Record what the row's fields say, if it differs from today's reading; ``False``
        when the value is refused (the reading there was stays, the row says why)."""
        if self.read_only:
            return True
        lang, profile = self.lang, self.profile
        try:
            _, kpi = find_kpi(profile, row.kpi_id)
        except CheckinError as exc:  # renamed away meanwhile (a reload)
            row.say(exc.message(lang), error=True)
            return False
        typed = row.value_input.value.strip()
        confidence = row.picker.value
        comment = row.comment_input.value.strip()
        current = today_entry(row.pace, self.today)
        if not typed:
            if current is None and (confidence is not None or comment):
                row.say(t("checkin_tui.value_first", lang), error=True)
                return False
            if current is not None:
                # An emptied value keeps today's reading: deleting is Ctrl+Z's job.
                row.say(t("checkin_tui.kept", lang), error=True)
                row.value_input.value = format_number(current.value, lang)
                return False
            row.say("")
            return True
        try:
            value = read_value(typed, kpi, lang)
        except CheckinError as exc:
            kept = t("checkin_tui.kept_old", lang) if current is not None else ""
            row.say(exc.message(lang) + kept, error=True)
            return False
        if (
            current is not None
            and float(current.value) == float(value)
            and current.confidence == confidence
            and current.comment == comment
        ):
            row.say(t("checkin_tui.recorded", lang, value=measure_text(value, kpi.unit, lang)))
            return True
        before = [c.model_copy() for c in kpi.checkins]
        try:
            add_checkin(
                profile,
                row.kpi_id,
                value,
                on=self.today,
                confidence=confidence,
                comment=comment,
                today=self.today,
            )
        except CheckinError as exc:
            row.say(exc.message(lang), error=True)
            return False
        self.undo_stack.append(Undo(row.kpi_id, before, kpi.name or kpi.id))
        self._refresh(row)
        row.say(t("checkin_tui.recorded", lang, value=measure_text(value, kpi.unit, lang)))
        self._changed()
        return True

    def _refresh(self, row: CheckinRow) -> None:
        _, kpi = find_kpi(self.profile, row.kpi_id)
        pace = pace_of(kpi, self.today, start_of(kpi, self.profile))
        row.refresh_pace(pace, today_entry(pace, self.today))

    def record_all(self) -> None:
        """Every row's fields, recorded (on quitting: a value typed and not yet left)."""
        for row in self.query(CheckinRow).results():
            self.record(row)

    # -- undo, leave --------------------------------------------------------------------
    def action_undo(self) -> None:
        if self.read_only:
            return
        if not self.undo_stack:
            self.app.notify(t("checkin_tui.nothing_to_undo", self.lang))
            return
        undo = self.undo_stack.pop()
        try:
            _, kpi = find_kpi(self.profile, undo.kpi_id)
        except CheckinError:
            return
        kpi.checkins = undo.checkins
        for row in self.query(CheckinRow).results():
            if row.kpi_id == undo.kpi_id:
                self._refresh(row)
                row.show_fields(row.today_entry)
                row.say(t("checkin_tui.undone", self.lang))
                row.value_input.focus()
        notice = t("checkin_tui.undone_notice", self.lang, kpi=visible(undo.name))
        self.app.notify(notice, markup=False)
        self._changed()

    def on_screen_suspend(self) -> None:
        # Another screen on top (the palette, a dialog) or this one switched away.
        self.record_all()

    def action_leave(self) -> None:
        self.record_all()
        self.dismiss()
