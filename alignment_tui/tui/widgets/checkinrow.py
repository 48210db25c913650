"""One KPI's row of the check-in screen: its plan, its readings and a trend, then three fields."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from alignment_tui.formats import format_number
from alignment_tui.i18n import t
from alignment_tui.model.checkins import Pace
from alignment_tui.model.profile import CheckIn, Confidence
from alignment_tui.safe_text import visible
from alignment_tui.session.checkins import CONFIDENCES, Kind, Part, plan_parts, readings_parts
from alignment_tui.tui.widgets.literal import SafeInput

CHOICES = CONFIDENCES
STYLE = {Confidence.on_track: "green", Confidence.at_risk: "yellow", Confidence.off_track: "red"}
# How each kind of part (session/checkins.py) is drawn.
STYLES: dict[Kind, str] = {
    "text": "",
    "dim": "dim",
    "strong": "bold",
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "red",
    "warning": "yellow",
    "trend": "bold cyan",
}


def drawn(parts: list[Part]) -> Text:
    """The parts with their styles."""
    text = Text()
    for part, kind in parts:
        text.append(visible(part), style=STYLES[kind])  # a unit or comment may hold anything
    return text


class ConfidencePicker(Widget, can_focus=True):
    """Three choices on one line: 1, 2, 3 or ←/→ choose; Backspace clears."""

    DEFAULT_CSS = """
    ConfidencePicker { width: auto; height: 1; padding: 0 1; }
    ConfidencePicker:focus { background: $boost; text-style: bold; }
    ConfidencePicker:disabled { opacity: 0.6; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("backspace,delete", "clear", show=False),
        Binding("enter", "submit", show=False),
    ]

    value: reactive[Confidence | None] = reactive(None)

    class Changed(Message):
        """A choice made (or cleared)."""

        def __init__(self, picker: ConfidencePicker) -> None:
            super().__init__()
            self.picker = picker

    class Submitted(Message):
        """Enter: on to the comment."""

        def __init__(self, picker: ConfidencePicker) -> None:
            super().__init__()
            self.picker = picker

    def __init__(self, lang: str, value: Confidence | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.set_reactive(ConfidencePicker.value, value)

    def render(self) -> Text:
        text = Text()
        for number, choice in enumerate(CHOICES, start=1):
            label = f"{number} {t(f'checkin.confidence.{choice.value}', self.lang)}"
            if choice is self.value:
                text.append(f"[{label}]", style=f"bold reverse {STYLE[choice]}")
            else:
                text.append(f" {label} ", style="dim")
            text.append(" ")
        return text

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key in ("1", "2", "3")

    def on_key(self, event: events.Key) -> None:
        if event.key in ("1", "2", "3"):
            event.stop()
            event.prevent_default()
            self.choose(CHOICES[int(event.key) - 1])

    def choose(self, choice: Confidence | None) -> None:
        if choice is not self.value:
            self.value = choice
            self.post_message(self.Changed(self))

    def action_move(self, step: int) -> None:
        if self.value is None:
            index = 0 if step > 0 else len(CHOICES) - 1
        else:
            index = (CHOICES.index(self.value) + step) % len(CHOICES)
        self.choose(CHOICES[index])

    def action_clear(self) -> None:
        self.choose(None)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))


class CheckinRow(Vertical):
    """The row of one KPI; the screen reads its fields and records the check-in."""

    def __init__(self, pace: Pace, today_entry: CheckIn | None, lang: str, index: int) -> None:
        super().__init__(classes="checkin-row", id=f"kpi-{index}")
        self.pace = pace
        self.kpi_id = pace.kpi.id
        self.lang = lang
        self.index = index
        self.today_entry = today_entry

    def compose(self) -> ComposeResult:
        lang, kpi, entry = self.lang, self.pace.kpi, self.today_entry
        # A profile's text is shown literally: never markup, never a terminal command.
        title = Text(visible(kpi.name or kpi.id), style="bold")
        title.append(f"  {visible(kpi.id)}", style="dim")
        yield Static(title, classes="kpi-name")
        yield Static(drawn(plan_parts(self.pace, lang)), classes="kpi-plan")
        yield Static(drawn(readings_parts(self.pace, lang)), classes="kpi-readings")
        with Horizontal(classes="checkin-fields"):
            value = format_number(entry.value, lang) if entry is not None else ""
            yield SafeInput(
                value,
                placeholder=visible(t("checkin_tui.value_placeholder", lang, unit=kpi.unit or "–")),
                classes="checkin-value",
                compact=True,
            )
            yield ConfidencePicker(lang, entry.confidence if entry else None)
            yield SafeInput(
                entry.comment if entry is not None else "",
                placeholder=t("checkin_tui.comment_placeholder", lang),
                classes="checkin-comment",
                compact=True,
            )
        yield Static("", classes="checkin-status", markup=False)

    @property
    def value_input(self) -> SafeInput:
        return self.query_one(".checkin-value", SafeInput)

    @property
    def comment_input(self) -> SafeInput:
        return self.query_one(".checkin-comment", SafeInput)

    @property
    def picker(self) -> ConfidencePicker:
        return self.query_one(ConfidencePicker)

    def refresh_pace(self, pace: Pace, today_entry: CheckIn | None) -> None:
        """After a reading is recorded or undone: the readings line and the fields again."""
        self.pace, self.today_entry = pace, today_entry
        self.query_one(".kpi-readings", Static).update(drawn(readings_parts(pace, self.lang)))

    def show_fields(self, entry: CheckIn | None) -> None:
        """Put ``entry`` (today's reading, or none) back in the fields."""
        self.value_input.value = format_number(entry.value, self.lang) if entry else ""
        self.comment_input.value = entry.comment if entry else ""
        self.picker.set_reactive(ConfidencePicker.value, entry.confidence if entry else None)
        self.picker.refresh()

    def say(self, text: str, *, error: bool = False) -> None:
        status = self.query_one(".checkin-status", Static)
        status.update(visible(text))  # it may repeat what was typed, or the KPI's unit
        status.set_class(error, "error")
