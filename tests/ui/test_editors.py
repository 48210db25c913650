"""The structured editors filled by keyboard and mouse in both languages, down to the saved file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, RadioButton, Select, SelectionList, Static

from alignment_tui.model.answers import set_answer
from alignment_tui.model.bank import Question, load_bank
from alignment_tui.model.profile import Budget, Channel, Kpi, Period, Persona, Profile, ValueItem
from alignment_tui.model.typed import parse_deadline
from alignment_tui.store import load_profile, save_profile
from alignment_tui.tui.widgets.editors.base import AnswerEditor, EditorContext, editor_class
from alignment_tui.tui.widgets.editors.rows import RowsEditor

PERSONAS = [("city-walkers", "Urban walkers"), ("cobblers", "Partner cobblers")]
AXES = [("workshops", "Neighbourhood workshops"), ("subscriptions", "Resoling subscriptions")]


class Host(App[None]):
    """Editors and a button to move the focus to; records every value the editors report."""

    def __init__(self, *editors: AnswerEditor) -> None:
        super().__init__()
        self.editors = editors
        self.values: list[Any] = []
        self.last: dict[int, Any] = {}  # id(editor) -> its last reported value

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield from self.editors
            yield Button("elsewhere", id="elsewhere")

    def on_answer_editor_changed(self, message: AnswerEditor.Changed) -> None:
        self.values.append(message.value)
        self.last[id(message.editor)] = message.value


def make(qid: str, value: Any, lang: str, **question: Any) -> AnswerEditor:
    q = load_bank().question(qid) if not question else Question.model_validate(question)
    context = EditorContext(lang, personas=list(PERSONAS), axes=list(AXES))
    return editor_class(q.kind)(q, value, context)


def cell(editor: RowsEditor, row: int, name: str) -> Any:
    return next(w for w in editor.rows()[row].cells() if w.name == name)


async def fill(pilot: Any, widget: Input, text: str, *, wait: bool = True) -> None:
    """Type ``text`` into a cell as a paste would, then leave the cell."""
    pilot.app.screen.set_focus(widget)
    widget.clear()
    widget.insert_text_at_cursor(text)
    pilot.app.screen.set_focus(None)
    if wait:
        await pilot.pause()


async def until(pilot: Any, condition: Any) -> bool:
    """Poll a condition the app reaches after a refresh or two (robust on a busy machine)."""
    for _ in range(50):
        if condition():
            return True
        await pilot.pause(0.02)
    return bool(condition())


def shown(widget: Static) -> str:
    return str(widget.render())


async def test_values_rows_added_reordered_and_removed_by_keyboard() -> None:
    editor = make("values.items", [], "en")
    app = Host(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor.focus_first()
        await pilot.press(*"Repair")  # the key path itself, a few keys
        await pilot.press("enter")  # Enter goes on to the next cell
        assert app.focused is cell(editor, 0, "meaning")
        app.focused.insert_text_at_cursor("we fix before we sell")
        await pilot.press("enter")
        app.focused.insert_text_at_cursor("a repair quote comes before any sale")
        await pilot.press("enter")  # Enter on the last cell of the last row adds a row
        await pilot.pause()
        assert len(editor.rows()) == 2
        assert await until(pilot, lambda: app.focused is cell(editor, 1, "name"))
        app.focused.insert_text_at_cursor("Walk the street")
        await pilot.pause()
        assert [v.name for v in app.values[-1]] == ["Repair", "Walk the street"]
        await pilot.press("alt+up")
        await pilot.pause()
        assert [v.name for v in app.values[-1]] == ["Walk the street", "Repair"]
        assert app.focused is cell(editor, 0, "name")  # the cursor moves with its row
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert len(editor.rows()) == 3
        assert await until(pilot, lambda: app.focused is cell(editor, 1, "name"))
        await pilot.press("ctrl+delete")  # removes the (blank) row just added
        assert await until(pilot, lambda: app.focused is cell(editor, 1, "name"))
        await pilot.press("ctrl+delete")  # a second press is no order to remove "Repair"
        await pilot.pause()
        assert len(editor.rows()) == 2
        await pilot.press("end", "ctrl+delete")  # after another key, it is
        await pilot.pause()
        assert app.values[-1] == [ValueItem(name="Walk the street")]
        assert len(editor.rows()) == 1
        await pilot.press("end", "ctrl+delete")  # the last row is emptied, never removed
        await pilot.pause()
        assert app.values[-1] == [] and len(editor.rows()) == 1


async def test_rows_by_mouse_and_blank_rows_left_out() -> None:
    editor = make("values.items", [ValueItem(name="A"), ValueItem(name="B")], "fr")
    app = Host(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Ctrl+R ajouter une ligne" in shown(editor.query_one(".rows-hint", Static))
        await pilot.click("#add-row")
        await pilot.pause()
        assert len(editor.rows()) == 3 and app.values == []  # a blank row is no answer yet
        await pilot.click(editor.rows()[1].query_one(".up", Button))
        await pilot.pause()
        assert [v.name for v in app.values[-1]] == ["B", "A"]
        await pilot.click(editor.rows()[0].query_one(".remove", Button))
        await pilot.pause()
        assert [v.name for v in app.values[-1]] == ["A"]


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_kpis_typed_numbers_and_dates(lang: str) -> None:
    editor = make("objectives.kpis", [], lang)
    app = Host(editor)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await fill(pilot, cell(editor, 0, "name"), "Abonnements" if lang == "fr" else "Plans")
        await fill(pilot, cell(editor, 0, "baseline"), "12.5%")
        assert cell(editor, 0, "unit").value == "%"  # the unit typed with the number lands
        await fill(pilot, cell(editor, 0, "target"), "1,5 k" if lang == "fr" else "1.5k")
        assert cell(editor, 0, "target").value == ("1\u202f500" if lang == "fr" else "1,500")
        cell(editor, 0, "branch").value = "financial"
        cell(editor, 0, "axis").value = "workshops"
        cell(editor, 0, "cadence").value = "monthly"
        await fill(pilot, cell(editor, 0, "owner"), "Camille")
        deadlines = {
            "30/06/2027": date(2027, 6, 30),
            "June 2027" if lang == "en" else "juin 2027": date(2027, 6, 30),
            "T2 2027" if lang == "fr" else "Q2 2027": date(2027, 6, 30),
            "Q3": parse_deadline("Q3"),
        }
        for typed, expected in deadlines.items():
            await fill(pilot, cell(editor, 0, "deadline"), typed)
            assert app.values[-1][0].deadline == expected
        expected_text = "30/09" if lang == "fr" else "30 Sep"
        assert cell(editor, 0, "deadline").value.startswith(expected_text)
        # Unreadable: a message saying what is expected; the previous value is kept.
        kept = app.values[-1]
        await fill(pilot, cell(editor, 0, "deadline"), "bientôt" if lang == "fr" else "soon")
        message = shown(editor.rows()[0].query_one(".row-error", Static))
        if lang == "fr":
            assert message.startswith("Échéance : Attendu : une date comme 30/06/2027")
        else:
            assert message.startswith("Deadline: Expected a date such as 30/06/2027")
        assert cell(editor, 0, "deadline").has_class("-unreadable")
        assert app.values[-1] == kept
        await fill(pilot, cell(editor, 0, "deadline"), "2027-06-30")
        assert not editor.rows()[0].query_one(".row-error").display
        kpi = app.values[-1][0]
    assert kpi == Kpi(
        name=kpi.name, branch="financial", baseline=12.5, target=1500, unit="%",
        deadline=date(2027, 6, 30), cadence="monthly", owner="Camille", axis="workshops",
    )  # fmt: skip


async def test_select_cell_by_keyboard_and_existing_kpi_shown_in_each_language() -> None:
    kpi = Kpi(name="Plans", baseline=24000, target=1234.5, deadline=date(2027, 6, 30))
    shown_as = (("fr", "24\u202f000", "30/06/2027"), ("en", "24,000", "30 Jun 2027"))
    for lang, baseline, deadline in shown_as:
        editor = make("objectives.kpis", [kpi], lang)
        app = Host(editor)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert cell(editor, 0, "baseline").value == baseline
            assert cell(editor, 0, "deadline").value == deadline
            branch = cell(editor, 0, "branch")
            branch.focus()
            await pilot.press("enter", "down", "enter")  # open, first branch, choose
            await pilot.pause()
            assert app.values[-1][0].branch == "marketing"
            assert app.values[-1][0].target == 1234.5  # untouched cells keep their value


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_channels_persona_and_budget_share(lang: str) -> None:
    editor = make("execution.channels", [], lang)
    app = Host(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill(pilot, cell(editor, 0, "name"), "Flyers")
        persona = cell(editor, 0, "persona")
        assert [str(label) for label, _ in persona._options[1:]] == [n for _, n in PERSONAS]
        persona.value = "city-walkers"
        timing = "every month" if lang == "en" else "chaque mois"
        await fill(pilot, cell(editor, 0, "timing"), timing)
        await fill(pilot, cell(editor, 0, "budget_share"), "12.5%")
        assert app.values[-1][0].budget_share == 0.125
        assert cell(editor, 0, "budget_share").value == ("12,5\u00a0%" if lang == "fr" else "12.5%")
        await fill(pilot, cell(editor, 0, "budget_share"), "150 %")
        message = shown(editor.rows()[0].query_one(".row-error", Static))
        assert ("entre 0 % et 100 %" if lang == "fr" else "between 0% and 100%") in message
        assert app.values[-1] == [
            Channel(name="Flyers", persona="city-walkers", timing=app.values[-1][0].timing,
                    budget_share=0.125)
        ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "derived"),
    [("fr", "identifiant citadins-marcheurs, tiré du nom"),
     ("en", "id citadins-marcheurs, from the name")],
)  # fmt: skip
async def test_personas_and_axes_get_unique_ids_from_their_names(lang: str, derived: str) -> None:
    editor = make("personas", [], lang)
    axes = make("strategy.axes", [], lang)
    app = Host(editor, axes)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill(pilot, cell(editor, 0, "name"), "Citadins marcheurs")
        assert cell(editor, 0, "id").placeholder == derived
        cell(editor, 0, "description").focus()
        await pilot.press("ctrl+r")
        assert await until(pilot, lambda: len(editor.rows()) == 2)
        await fill(pilot, cell(editor, 1, "name"), "Citadins   marcheurs!")
        await fill(pilot, cell(editor, 1, "description"), "les mêmes, le week-end")
        assert [p.id for p in app.last[id(editor)]] == [
            "citadins-marcheurs",
            "citadins-marcheurs-2",
        ]
        await fill(pilot, cell(editor, 1, "id"), "Week-end")
        assert app.last[id(editor)][1] == Persona(
            id="week-end", name="Citadins   marcheurs!", description="les mêmes, le week-end"
        )
        await fill(pilot, cell(axes, 0, "name"), "Ateliers de quartier")
        assert app.last[id(axes)][0].id == "ateliers-de-quartier"


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_budget_amount_currency_and_period(lang: str) -> None:
    editor = make("execution.budget", Budget(), lang)
    app = Host(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        amount = editor.query_one("#amount", Input)
        await fill(pilot, amount, "24 000 €")
        assert app.values[-1] == Budget(amount=24000, currency="EUR")
        assert amount.value == ("24\u202f000\u00a0€" if lang == "fr" else "€24,000")
        await fill(pilot, amount, "1,5 k€")
        assert app.values[-1].amount == 1500
        await fill(pilot, amount, "10k EUR/mois" if lang == "fr" else "£300 a month")
        assert app.values[-1].period == Period.month
        assert editor.query_one("#period", Select).value == "month"
        await fill(pilot, amount, "30000")  # no currency typed: the one given before is kept
        assert app.values[-1].currency == ("EUR" if lang == "fr" else "GBP")
        kept = app.values[-1]
        await fill(pilot, amount, "beaucoup")
        message = shown(editor.query_one(".error", Static))
        expected = "Attendu : un montant comme 24 000 €" if lang == "fr" else "Expected an amount"
        assert message.startswith(expected) and editor.value == kept
        editor.query_one("#period", Select).value = "year"
        await pilot.pause()
        assert app.values[-1] == Budget(amount=30000, currency=kept.currency, period="year")


async def test_dollars_with_a_comma_in_english() -> None:
    editor = make("execution.budget", Budget(), "en")
    app = Host(editor)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await fill(pilot, editor.query_one("#amount", Input), "$7,045")
        assert app.values[-1] == Budget(amount=7045, currency="USD")


@pytest.mark.parametrize(
    ("qid", "lang", "typed", "expected", "shown_back"),
    [
        ("values.horizon_years", "fr", "10 ans", 10, "10 ans"),
        ("vision.horizon_years", "en", "a decade", 10, "10 years"),
        ("objectives.horizon_months", "fr", "un trimestre", 3, "3 mois"),
        ("execution.horizon_months", "en", "1 year", 12, "12 months"),
    ],
)
async def test_horizons(qid: str, lang: str, typed: str, expected: int, shown_back: str) -> None:
    editor = make(qid, None, lang)
    app = Host(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = editor.query_one(Input)
        await fill(pilot, box, typed)
        assert app.values[-1] == expected and box.value == shown_back
        await fill(pilot, box, "jamais" if lang == "fr" else "never")
        assert shown(editor.query_one(".error", Static)).startswith(
            "Attendu : une durée" if lang == "fr" else "Expected a duration"
        )
        assert editor.value == expected


async def test_choices_among_personas_options_and_radio() -> None:
    editor = make("vision.beneficiaries", [], "en")
    app = Host(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(editor.query_one("#selection-hint", Static)).startswith("Nothing chosen yet")
        editor.query_one(SelectionList).focus()
        await pilot.press("down", "space")  # the second persona
        await pilot.pause()
        assert app.values[-1] == ["cobblers"]
        await pilot.press("up", "space")
        await pilot.pause()
        assert app.values[-1] == ["city-walkers", "cobblers"]  # in the order they are named
        assert shown(editor.query_one("#selection-hint", Static)).startswith("Space or a click")
    editor = make("vision.benefits", ["comfort"], "fr")
    app = Host(editor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        labels = [str(o.prompt) for o in editor.query_one(SelectionList)._options]
        assert labels[0].startswith("Financier")
        await pilot.click(SelectionList, offset=(4, 1))  # first line inside the border
        await pilot.pause()
        assert app.values[-1] == ["financial", "comfort"]
    question = {
        "id": "acme.stage", "kind": "choice", "layer": "strategy",
        "prompt": {"fr": "Stade ?", "en": "Stage?"}, "help": {"fr": "Aide.", "en": "Help."},
        "example_vague": {"fr": "x", "en": "x"}, "example_specific": {"fr": "y", "en": "y"},
        "probes": {"fr": ["a", "b"], "en": ["a", "b"]},
        "options": [{"value": "seed", "label": {"fr": "Amorçage", "en": "Seed"}},
                    {"value": "growth", "label": {"fr": "Croissance", "en": "Growth"}}],
    }  # fmt: skip
    editor = make("acme.stage", "", "fr", **question)
    app = Host(editor)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.click(RadioButton, offset=(2, 0))
        await pilot.pause()
        assert app.values[-1] == "seed"


async def test_no_persona_named_yet_says_where_to_name_them() -> None:
    q = load_bank().question("vision.beneficiaries")
    editor = editor_class("choice")(q, [], EditorContext("fr"))
    async with Host(editor).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Aucun persona nommé" in shown(editor.query_one(".hint", Static))


async def test_values_from_every_editor_land_in_the_saved_profile(tmp_path: Path) -> None:
    bank = load_bank()
    rows = {
        "values.items": [("name", "Réparer d'abord")],
        "personas": [("name", "Citadins marcheurs")],
        "strategy.axes": [("name", "Ateliers")],
        "objectives.kpis": [("name", "Abonnés"), ("baseline", "1 200"), ("target", "24 000"),
                            ("deadline", "T2 2027")],
        "execution.channels": [("name", "Flyers"), ("budget_share", "25 %")],
    }  # fmt: skip
    single = {"execution.budget": "24 000 € par an", "values.horizon_years": "10 ans"}
    editors = {qid: make(qid, [], "fr") for qid in rows}
    editors.update({qid: make(qid, None, "fr") for qid in single})
    app = Host(*editors.values())
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        for qid, typed in rows.items():
            for name, text in typed:
                await fill(pilot, cell(editors[qid], 0, name), text, wait=False)  # type: ignore[arg-type]
        for qid, text in single.items():
            await fill(pilot, editors[qid].query_one(Input), text, wait=False)
        await pilot.pause()

        def settled() -> bool:
            last = [app.last.get(id(e)) for e in editors.values()]
            kpis, channels, budget = last[3], last[4], last[5]
            return (
                None not in last
                and kpis[0].deadline is not None
                and channels[0].budget_share is not None
                and budget.period is not None
                and last[6] == 10
            )

        assert await until(pilot, settled)
    profile = Profile(lang="fr")
    for qid, editor in editors.items():
        set_answer(profile, bank.question(qid), app.last[id(editor)])
    set_answer(profile, bank.question("vision.benefits"), ["comfort", "social"])
    path = tmp_path / "atelier.toml"
    save_profile(profile, path)
    loaded = load_profile(path)
    assert loaded == profile
    assert loaded.values.items[0].name == "Réparer d'abord"
    assert loaded.objectives.kpis[0].target == 24000
    assert loaded.objectives.kpis[0].deadline == date(2027, 6, 30)
    assert loaded.execution.channels[0].budget_share == 0.25
    assert loaded.execution.budget == Budget(amount=24000, currency="EUR", period="year")
    assert loaded.personas[0].id == "citadins-marcheurs"
    assert loaded.strategy.axes[0].id == "ateliers"
    assert loaded.values.horizon_years == 10
    text = path.read_text("utf-8")
    assert "deadline = 2027-06-30" in text and "budget_share = 0.25" in text


@pytest.mark.parametrize(
    ("kind", "model"),
    [("values", ValueItem), ("personas", Persona), ("kpis", Kpi), ("channels", Channel)],
)
def test_every_field_of_a_row_has_a_cell(kind: str, model: type) -> None:
    columns = editor_class(kind).COLUMNS  # type: ignore[attr-defined]
    assert {c.field for c in columns} == set(model.model_fields) - CARRIED.get(kind, set())


# Fields of a row the table does not edit, kept as the row had them: a KPI's id (made
# from its name), the day of its baseline and its check-ins (recorded by a check-in).
CARRIED = {"kpis": {"id", "baseline_date", "checkins"}}


async def test_editing_a_kpi_row_keeps_its_id_baseline_day_and_check_ins() -> None:
    from alignment_tui.model import CheckIn

    readings = [CheckIn(date=date(2026, 11, 23), value=150, comment="rain")]
    kpi = Kpi(id="pre-orders", name="Pre-orders", baseline=90, target=300,
              baseline_date=date(2026, 9, 7), checkins=readings)  # fmt: skip
    editor = make("objectives.kpis", [kpi], "en")
    app = Host(editor)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await fill(pilot, cell(editor, 0, "name"), "Weekly pre-orders")
        await fill(pilot, cell(editor, 0, "target"), "320")
        [edited] = app.values[-1]
        assert (edited.name, edited.target) == ("Weekly pre-orders", 320)
        assert (edited.id, edited.baseline_date, edited.checkins) == (
            "pre-orders",
            date(2026, 9, 7),
            readings,
        )


async def test_in_the_walk_a_kpi_typed_reaches_the_file(tmp_path: Path) -> None:
    """The real question screen: the axis offered is the profile's, the row is autosaved."""
    from alignment_tui.app import make_app
    from alignment_tui.model.profile import Axis, Meta
    from alignment_tui.tui.screens.question import QuestionScreen

    path = tmp_path / "atelier.toml"
    axes = [Axis(id="ateliers", name="Ateliers de quartier")]
    profile = Profile(lang="fr", meta=Meta(organisation="Atelier"))
    profile.strategy.axes = axes
    save_profile(profile, path)
    app = make_app(path, lang="fr")
    async with app.run_test(size=(100, 36)) as pilot:
        assert await until(pilot, lambda: app.walk is not None)
        app.jump("objectives.kpis")
        assert await until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        editor = app.screen.editor
        assert isinstance(editor, RowsEditor)
        assert await until(pilot, lambda: bool(editor.rows()))
        axis = cell(editor, 0, "axis")
        assert [v for _, v in axis._options[1:]] == ["ateliers"]
        axis.value = "ateliers"
        await fill(pilot, cell(editor, 0, "name"), "Abonnés")
        await fill(pilot, cell(editor, 0, "target"), "1,5 k")
        await fill(pilot, cell(editor, 0, "deadline"), "T2 2027")
        expected = Kpi(
            id="abonnes", name="Abonnés", target=1500, deadline=date(2027, 6, 30), axis="ateliers"
        )

        def saved() -> bool:
            try:
                return load_profile(path).objectives.kpis == [expected]
            except Exception:
                return False

        for _ in range(15):  # autosave: on disk within about a second
            if saved():
                break
            await pilot.pause(0.2)
        assert app.profile is not None and app.profile.objectives.kpis == [expected]
        assert saved()


async def test_a_channel_before_any_persona_is_named_says_where_to_name_them() -> None:
    q = load_bank().question("execution.channels")
    editor = editor_class("channels")(q, [], EditorContext("en"))
    async with Host(editor).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        hints = [shown(h) for h in editor.query(".rows-hint").results(Static)]
        assert any(h.startswith("No persona named yet") for h in hints)


async def test_kpi_row_at_40x12_one_field_a_line_every_cell_reached_by_tab() -> None:
    editor = make("objectives.kpis", [], "en")
    app = Host(editor)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        fields = editor.rows()[0].query_one(".row-fields")
        assert fields.styles.grid_size_columns == 1
        editor.focus_first()
        reached = []
        for _ in range(len(editor.COLUMNS)):
            await pilot.pause()
            focused = app.focused
            assert focused is not None and app.screen.region.contains_region(focused.region)
            reached.append(focused.name)
            await pilot.press("tab")
        assert reached == [c.field for c in editor.COLUMNS]
        assert app.focused is editor.query_one("#add-row")  # then the button to add a row


async def test_on_a_read_only_screen_editors_show_but_do_not_edit() -> None:
    from textual.screen import Screen

    class ReadOnly(Screen[None]):
        read_only = True  # what the question screen says when another app holds the file

        def __init__(self, *editors: AnswerEditor) -> None:
            super().__init__()
            self.editors = editors

        def compose(self) -> ComposeResult:
            yield from self.editors

    editors = [
        make("objectives.kpis", [Kpi(name="Plans")], "en"),
        make("execution.budget", None, "en"),
        make("vision.benefits", [], "en"),
    ]
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ReadOnly(*editors))
        await pilot.pause()
        assert all(e.disabled for e in editors)
        await pilot.press("ctrl+r", "x", "tab", "y")
        await pilot.pause()
        assert app.values == [] and len(editors[0].rows()) == 1  # type: ignore[attr-defined]


async def test_rows_pasted_from_a_spreadsheet_fill_cells_and_new_rows() -> None:
    from textual import events

    editor = make("objectives.kpis", [], "fr")
    app = Host(editor)
    block = (
        "Abonnés\tFinancier\tworkshops\t120\t400\tabonnés\tT2 2027\tmonthly\tgérante\n"
        "Boutiques\tmarketing\tNeighbourhood workshops\t2\t10\tboutiques\tfin 2027\n"
        "Délai\tastrologie\n"
    )
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        cell(editor, 0, "name").post_message(events.Paste(block))
        assert await until(pilot, lambda: len(app.values) > 0 and len(app.values[-1]) == 3)
        first, second, third = app.values[-1]
        assert first == Kpi(name="Abonnés", branch="financial", axis="workshops", baseline=120,
                            target=400, unit="abonnés", deadline=date(2027, 6, 30),
                            cadence="monthly", owner="gérante")  # fmt: skip
        assert (second.branch, second.axis, second.deadline) == (
            "marketing",
            "workshops",
            date(2027, 12, 31),
        )
        assert third.name == "Délai" and third.branch is None
        message = shown(editor.rows()[2].query_one(".row-error", Static))
        assert message.startswith("Branche : « astrologie » n'est pas dans la liste")
        assert cell(editor, 1, "deadline").value == "31/12/2027"  # shown back in French
