"""Single-answer structured editors: a budget, a horizon, a choice among options or names."""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.widgets import Input, RadioButton, RadioSet, Select, SelectionList, Static

from alignment_tui.i18n import t
from alignment_tui.model.profile import Budget, Period
from alignment_tui.model.typed import (
    HorizonUnit,
    Money,
    TypedValueError,
    format_horizon,
    format_money,
    parse_horizon,
    parse_money,
)
from alignment_tui.tui.widgets.editors.base import AnswerEditor, EditorContext
from alignment_tui.tui.widgets.editors.cells import TypedInput, shown_read_only
from alignment_tui.tui.widgets.fitted import (
    FittedContainer,
    FittedLabel,
    FittedStatic,
    FittedVertical,
)
from alignment_tui.tui.widgets.literal import literal

_CSS = """
{cls} {{ height: auto; }}
{cls} .fields {{ layout: grid; grid-size: 2; grid-gutter: 0 2; grid-rows: 2; height: auto; }}
{cls} .fields.-narrow {{ grid-size: 1; }}
{cls} .cell {{ height: 2; }}
{cls} .cell > Label {{ color: $text-muted; text-style: italic; height: 1; }}
{cls} Input {{ width: 1fr; }}
{cls} Input.-unreadable {{ background: $error 30%; }}
{cls} .hint {{ color: $text-muted; height: auto; }}
{cls} .error {{ color: $error; height: auto; display: none; }}
{cls} .error.-shown {{ display: block; }}
"""


class _TypedFieldEditor(AnswerEditor):
    """One typed input (plus extras), read as a whole when the user pauses or leaves it;
    what cannot be read keeps the previous value and says what is expected.

    An input emptied while typing is only stored as empty when it is left, so that clearing
    a value to type another does not wipe it if the new one cannot be read.
    """

    error_text: str | None = None

    def on_mount(self) -> None:
        self.disabled = shown_read_only(self)  # read-only: shown, not editable

    def take(self, other: AnswerEditor) -> bool:
        """Another answer of this kind here, as ``other`` would show it once mounted: each
        input holds it with the cursor at its end and nothing selected, no message about an
        unreadable entry, no read pending from what was typed in the last answer."""
        if type(other) is not type(self) or other.lang != self.lang or not self.is_mounted:
            return False
        self.question, self.value, self.context = other.question, other.value, other.context
        self.error_text = None
        message = self.query_one(".error", Static)
        message.update("")
        message.remove_class("-shown")
        self.refill()
        return True

    def refill(self) -> None:
        """The inputs show ``value`` (after ``take``)."""
        raise NotImplementedError

    @staticmethod
    def show_in(cell: TypedInput, text: str) -> None:
        """``cell`` holds ``text`` as if just built with it: nothing stored on the way."""
        cell._stop_pause()
        cell.remove_class("-unreadable")
        with cell.prevent(Input.Changed):
            cell.value = text
        cell.cursor_position = len(text)  # no selection left either
        cell.select_on_focus = False

    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def apply(self, parsed: Any) -> None:
        """Store a readable entry (``None``: emptied) and announce it when it changed."""
        raise NotImplementedError

    def shown(self) -> str:
        raise NotImplementedError

    def read(self, cell: Input, *, final: bool) -> None:
        text = cell.value.strip()
        try:
            parsed = self.parse(text) if text else None
        except TypedValueError as error:
            self.error_text = error.message(self.lang)
            cell.add_class("-unreadable")
        else:
            self.error_text = None
            cell.remove_class("-unreadable")
            if parsed is not None or final:
                self.apply(parsed)
        message = self.query_one(".error", Static)
        message.update(literal(self.error_text or ""))
        message.set_class(self.error_text is not None, "-shown")

    def flush(self) -> None:
        for cell in self.query(TypedInput):
            if cell.unread or cell.has_focus:
                cell._stop_pause()
                self.read(cell, final=True)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()  # read when the user pauses or leaves, never key by key

    @on(TypedInput.Paused)
    def _paused(self, event: TypedInput.Paused) -> None:
        event.stop()
        self.read(event.cell, final=False)

    @on(Input.Blurred)
    @on(Input.Submitted)
    def _left(self, event: Input.Blurred | Input.Submitted) -> None:
        self.read(event.input, final=True)
        if self.error_text is not None:
            return
        if self.shown() != event.input.value:
            with event.input.prevent(Input.Changed):
                event.input.value = self.shown()
        if isinstance(event, Input.Submitted):
            event.stop()
            self.screen.focus_next()

    def on_resize(self, event: events.Resize) -> None:
        for fields in self.query(".fields"):
            fields.set_class(event.size.width < 50, "-narrow")


class BudgetEditor(_TypedFieldEditor):
    """The budget: an amount typed with its currency ("24 000 €", "10k EUR"), and its period."""

    KINDS: ClassVar[tuple[str, ...]] = ("budget",)
    DEFAULT_CSS = _CSS.format(cls="BudgetEditor")

    def __init__(self, question: Any, value: Any, context: EditorContext, **kwargs: Any) -> None:
        budget = value.model_copy() if isinstance(value, Budget) else Budget()
        super().__init__(question, budget, context, **kwargs)

    def shown(self) -> str:
        budget: Budget = self.value
        if budget.amount is None:
            return ""
        return format_money(Money(budget.amount, budget.currency or None), self.lang)

    def compose(self) -> ComposeResult:
        lang, budget = self.lang, self.value
        periods = [(t(f"editors.period.{p.value}", lang), p.value) for p in Period]
        with FittedContainer(classes="fields"):
            with FittedVertical(classes="cell"):
                yield FittedLabel(t("editors.col.amount", lang))
                yield TypedInput(
                    self.shown(),
                    placeholder=t(
                        "editors.example", lang, text=t("editors.placeholder.amount", lang)
                    ),
                    compact=True,
                    select_on_focus=False,
                    id="amount",
                )
            with FittedVertical(classes="cell"):
                yield FittedLabel(t("editors.col.period", lang))
                yield Select(
                    periods,
                    value=budget.period.value if budget.period else Select.NULL,
                    prompt=t("editors.choose", lang),
                    compact=True,
                    id="period",
                )
        yield FittedStatic("", classes="error")

    def refill(self) -> None:
        budget: Budget = self.value
        self.show_in(self.query_one("#amount", TypedInput), self.shown())
        period = self.query_one("#period", Select)
        period.expanded = False
        with period.prevent(Select.Changed):
            period.value = budget.period.value if budget.period else Select.NULL

    def parse(self, text: str) -> Money:
        return parse_money(text, self.lang)

    def apply(self, parsed: Money | None) -> None:
        budget: Budget = self.value
        if parsed is None:
            self._store(budget.model_copy(update={"amount": None, "currency": ""}))
            return
        # A figure typed without a currency keeps the one already given.
        currency = parsed.currency or budget.currency
        period = parsed.period or budget.period
        self._store(Budget(amount=parsed.amount, currency=currency, period=period))
        if parsed.period is not None:
            self.query_one("#period", Select).value = parsed.period.value

    @on(Select.Changed, "#period")
    def _period(self, event: Select.Changed) -> None:
        event.stop()
        period = None if event.value is Select.NULL else Period(str(event.value))
        self._store(self.value.model_copy(update={"period": period}))

    def _store(self, budget: Budget) -> None:
        budget = Budget.model_validate(budget.model_dump())
        if budget != self.value:
            self.value = budget
            self.announce()


class HorizonEditor(_TypedFieldEditor):
    """A horizon in whole years or months, whichever the question's field holds."""

    KINDS: ClassVar[tuple[str, ...]] = ("horizon",)
    DEFAULT_CSS = _CSS.format(cls="HorizonEditor")

    @property
    def unit(self) -> HorizonUnit:
        field = str(getattr(self.question, "field", "") or "")
        return "months" if field.endswith("horizon_months") else "years"

    def shown(self) -> str:
        return format_horizon(self.value, self.unit, self.lang) if self.value else ""

    def compose(self) -> ComposeResult:
        with FittedVertical(classes="cell"):
            yield FittedLabel(t("editors.col.horizon", self.lang))
            yield TypedInput(self.shown(), compact=True, select_on_focus=False, id="horizon")
        yield FittedStatic(t(f"editors.horizon.{self.unit}", self.lang), classes="hint")
        yield FittedStatic("", classes="error")

    def refill(self) -> None:
        self.show_in(self.query_one("#horizon", TypedInput), self.shown())
        self.query_one(".hint", Static).update(t(f"editors.horizon.{self.unit}", self.lang))

    def parse(self, text: str) -> int:
        return parse_horizon(text, self.unit)

    def apply(self, parsed: int | None) -> None:
        if parsed != self.value:
            self.value = parsed
            self.announce()


def _plain(value: Any) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


class ChoiceEditor(AnswerEditor):
    """A choice among the question's options, or among the personas or axes already named.

    Several answers (``multiple``): a list to tick with Space or a click; one answer: radio
    buttons.
    """

    KINDS: ClassVar[tuple[str, ...]] = ("choice",)
    DEFAULT_CSS = """
    ChoiceEditor { height: auto; }
    ChoiceEditor SelectionList { height: auto; max-height: 14; }
    ChoiceEditor RadioSet { height: auto; width: 1fr; }
    ChoiceEditor .hint { color: $text-muted; height: auto; }
    """

    def __init__(self, question: Any, value: Any, context: EditorContext, **kwargs: Any) -> None:
        multiple = bool(getattr(question, "multiple", False))
        value = [_plain(v) for v in value or []] if multiple else _plain(value) if value else ""
        super().__init__(question, value, context, **kwargs)
        self.multiple = multiple

    def on_mount(self) -> None:
        self.disabled = shown_read_only(self)  # read-only: shown, not editable

    def take(self, other: AnswerEditor) -> bool:
        """Another choice of several here: the list holds ``other``'s options, those of its
        answer ticked, none highlighted, scrolled to the top, as ``other`` would show them
        once mounted. A choice of one (radio buttons), or of names when there are none to
        choose from, is built anew (False)."""
        if type(other) is not type(self) or other.lang != self.lang or not self.is_mounted:
            return False
        assert isinstance(other, ChoiceEditor)
        lists = self.query(SelectionList)
        options = other.options()
        if not (self.multiple and other.multiple and lists and options):
            return False
        self.question, self.value, self.context = other.question, other.value, other.context
        selection: SelectionList[str] = lists.first()
        with selection.prevent(SelectionList.SelectedChanged):
            selection.clear_options()
            selection.add_options([(literal(label), v, v in self.value) for label, v in options])
        selection.highlighted = None
        selection.scroll_home(animate=False, immediate=True)
        self.query_one("#selection-hint", Static).update(self._selection_hint())
        return True

    def options(self) -> list[tuple[str, str]]:
        source = getattr(self.question, "options_from", None)
        if source == "personas":
            found = [(name or ident, ident) for ident, name in self.context.personas if ident]
        elif source == "axes":
            found = [(name or ident, ident) for ident, name in self.context.axes if ident]
        else:
            found = [(o.label(self.lang), o.value) for o in getattr(self.question, "options", [])]
        chosen = self.value if self.multiple else [self.value] if self.value else []
        known = {v for _, v in found}
        # An answer whose option is gone (a persona renamed) is shown, not silently dropped.
        return found + [(v, v) for v in chosen if v not in known]

    def compose(self) -> ComposeResult:
        options = self.options()
        source = getattr(self.question, "options_from", None)
        if not options and source in ("personas", "axes"):
            yield Static(t(f"editors.no_{source}", self.lang), classes="hint")
            return
        if self.multiple:
            # Names and ids come from the profile: shown as written, never as markup.
            yield SelectionList[str](
                *[(literal(label), v, v in self.value) for label, v in options]
            )
            yield FittedStatic(self._selection_hint(), classes="hint", id="selection-hint")
        else:
            with RadioSet():
                for label, v in options:
                    yield RadioButton(literal(label), value=v == self.value, name=v)

    def _selection_hint(self) -> str:
        key = "editors.toggle_hint" if self.value else "editors.empty_selection"
        return t(key, self.lang)

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        selected = set(event.selection_list.selected)
        value = [v for _, v in self.options() if v in selected]
        if value != self.value:
            self.value = value
            self.announce()
        self.query_one("#selection-hint", Static).update(self._selection_hint())

    @on(RadioSet.Changed)
    def _picked(self, event: RadioSet.Changed) -> None:
        event.stop()
        value = event.pressed.name or ""
        if value != self.value:
            self.value = value
            self.announce()
