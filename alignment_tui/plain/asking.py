"""How plain mode asks each kind of question: text, lists, choices, rows asked field by field
(the columns of each kind of row come from the model's registry, as the TUI's editors')."""

from __future__ import annotations

from typing import Any

from alignment_tui.model import kinds
from alignment_tui.model.bank import Question
from alignment_tui.model.ids import unique_ids
from alignment_tui.model.kinds import Column, horizon_unit, parser_for
from alignment_tui.model.profile import Branch, Cadence, Period, Profile
from alignment_tui.plain.console import ADD, CLEAR, KEEP, Choice, Console, Keep


def ask(console: Console, question: Question, profile: Profile, current: Any) -> Any:
    """The new answer to ``question`` (``KEEP`` when left as it was)."""
    kind = question.kind
    if kind == "text":
        console.say(console.tr("how.text"))
        lines = console.read_block(console.tr("answer_prompt"), items=False)
        if isinstance(lines, Keep):
            return KEEP
        return "\n".join(lines or [])
    if kind == "list":
        console.say(console.tr("how.list"))
        items = console.read_block(console.tr("item_prompt"), items=True)
        return items if isinstance(items, Keep) else list(items or [])
    if kind == "choice":
        return _ask_choice(console, question, profile)
    if kind == "horizon":
        console.say(console.tr("how.typed"))
        unit = horizon_unit(question.field)
        return console.read_typed(
            console.tr("answer_prompt"), parser_for(console.lang, f"horizon_{unit}")
        )
    if kind == "budget":
        return _ask_budget(console, current)
    return _ask_rows(console, kind, profile, current)


def options_of(question: Question, profile: Profile, lang: str) -> list[Choice]:
    """What a choice question offers: its own options, or the profile's personas or axes."""
    if question.options_from == "personas":
        return [Choice(p.id, p.name or p.id) for p in profile.personas if p.id]
    if question.options_from == "axes":
        return [Choice(a.id, a.name or a.id) for a in profile.strategy.axes if a.id]
    return [Choice(o.value, o.label(lang)) for o in question.options]


def _ask_choice(console: Console, question: Question, profile: Profile) -> Any:
    options = options_of(question, profile, console.lang)
    if not options:
        console.say(console.tr(f"no_options.{question.options_from or 'bank'}"))
        # Still one line per question, so a script's lines never shift.
        console.read(console.tr("enter_prompt"))
        return KEEP
    console.say(console.tr("how.choice_many" if question.multiple else "how.choice_one"))
    return console.read_choice(console.tr("choice_prompt"), options, multiple=question.multiple)


def _ask_budget(console: Console, current: Any) -> Any:
    """Two lines, always: the amount (with its currency), then the period."""
    console.say(console.tr("how.budget"))
    amount = console.read_typed(console.tr("field.amount"), parser_for(console.lang, "money"))
    options = [Choice(p.value, console.tr(f"period.{p.value}")) for p in Period]
    console.say(console.tr("field.period"))
    period = console.read_choice(console.tr("choice_prompt"), options, multiple=False)
    if isinstance(amount, Keep) and isinstance(period, Keep):
        return KEEP
    row: dict[str, Any] = _plain_row(current) if current is not None else {}
    if amount is None:
        row.pop("amount", None)
        row["currency"] = ""
    elif not isinstance(amount, Keep):
        value, currency, said_period = amount
        # A figure typed without a currency keeps the one already given.
        row.update(amount=value, currency=currency or row.get("currency", ""))
        if said_period is not None:
            row["period"] = said_period
    if period is None:
        row.pop("period", None)
    elif not isinstance(period, Keep):
        row["period"] = period
    return row


def _ask_rows(console: Console, kind: str, profile: Profile, current: Any) -> Any:
    spec = kinds.spec(kind)
    columns = spec.columns
    rows = [_plain_row(item) for item in current or []]
    if rows:
        console.say(console.tr("current_rows", count=len(rows)))
        console.say(console.tr("how.rows_existing"))
    else:
        console.say(console.tr("how.rows"))
    new_rows: list[dict[str, Any]] = []
    first_prompt = True
    while True:
        label = console.tr(f"field.{kind}.{columns[0].key}", number=len(new_rows) + 1)
        name = console.read(label + console.tr("colon"))
        if first_prompt and rows:
            first_prompt = False
            if name == "":
                return KEEP
            if name == CLEAR:
                return []
            if name == ADD:
                new_rows = rows
                continue
        if first_prompt and name == "":
            return KEEP
        first_prompt = False
        if name in ("", CLEAR, "."):
            break
        row: dict[str, Any] = {columns[0].key: name}
        for column in columns[1:]:
            value = _ask_cell(console, kind, column, profile, row)
            if value is not None and not isinstance(value, Keep) and value != "":
                row[column.key] = value
        new_rows.append(row)
    if spec.id_fallback:
        _give_ids(new_rows, spec.id_fallback)
    return new_rows


def _ask_cell(
    console: Console, kind: str, column: Column, profile: Profile, row: dict[str, Any]
) -> Any:
    how = column.how
    if how == "id":
        made = unique_ids([row.get("name", "")], kinds.spec(kind).id_fallback)[0]
        return console.read(console.tr("field.id", id=made) + console.tr("colon"))
    label = console.tr(f"field.{kind}.{column.key}")
    prompt = label + console.tr("colon")
    if how == "unit" and row.get("unit"):
        # The unit came with a number ("12 %"): an empty line keeps it.
        typed = console.read(console.tr("field.unit_kept", unit=row["unit"]) + console.tr("colon"))
        return typed or row["unit"]
    if how == "measure":
        measure = console.read_typed(prompt, parser_for(console.lang, "measure"))
        if isinstance(measure, tuple):
            number, unit = measure
            if unit and not row.get("unit"):
                row["unit"] = unit
            return number
        return measure
    if how in ("line", "unit"):
        return console.read(prompt)
    if how in ("deadline", "share"):
        return console.read_typed(prompt, parser_for(console.lang, how))
    options: list[Choice]
    if how == "branch":
        options = [Choice(b.value, console.tr(f"branch.{b.value}")) for b in Branch]
    elif how == "cadence":
        options = [Choice(c.value, console.tr(f"cadence.{c.value}")) for c in Cadence]
    elif how == "persona":
        options = [Choice(p.id, p.name or p.id) for p in profile.personas if p.id]
    else:
        options = [Choice(a.id, a.name or a.id) for a in profile.strategy.axes if a.id]
    if not options:
        # Nothing to refer to yet: the link is typed as free text.
        return console.read(prompt)
    console.say(label)
    return console.read_choice(console.tr("choice_prompt"), options, multiple=False)


def _plain_row(item: Any) -> dict[str, Any]:
    if hasattr(item, "model_dump"):
        dumped: dict[str, Any] = item.model_dump(mode="python", exclude_none=True)
        return dumped
    return dict(item)


def _give_ids(rows: list[dict[str, Any]], fallback: str) -> None:
    """Each row's id from the id typed, else from its name, unique in the list (as the TUI)."""
    wanted = [str(row.get("id") or row.get("name") or "") for row in rows]
    for row, ident in zip(rows, unique_ids(wanted, fallback), strict=True):
        row["id"] = ident
