"""The check-in screen: values typed as each language writes them, at a person's pace and at
15 keys/s on a busy machine, land in the saved file; refused values, undo, the lock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from alignment_tui.app import AlignmentApp, make_app
from alignment_tui.i18n import t
from alignment_tui.model.checkins import CheckinError, measure_text, read_value
from alignment_tui.model.profile import (
    Cadence,
    CheckIn,
    Confidence,
    Kpi,
    Meta,
    Objectives,
    Profile,
)
from alignment_tui.store import ProfileLock, load_profile, save_profile
from alignment_tui.tui.screens.base import WalkScreen
from alignment_tui.tui.screens.checkin import CheckinScreen
from alignment_tui.tui.screens.modals import ChangedOnDiskScreen, NoticeScreen, SaveAsScreen
from alignment_tui.tui.screens.welcome import WelcomeScreen
from alignment_tui.tui.widgets.checkinrow import CheckinRow
from tests.ui.conftest import SIZE, wait_for
from tests.ui.typing import caught_up, cpu_burnt, keys_of, type_keys

TODAY = date(2026, 11, 30)
START = date(2026, 9, 7)
UNITS = {
    "en": ("subscribers", "EUR", "% of repeat customers"),
    "fr": ("abonnés", "EUR", "% de clients fidèles"),
}
# Per language: what a person types for each KPI, and the number it means.
TYPED = {
    "en": [("1,250", 1250), ("12.4k", 12400), ("62%", 62)],
    "fr": [("1 250", 1250), ("12,4 k", 12400), ("62 %", 62)],
}
LAST = CheckIn(date=date(2026, 11, 23), value=1180, confidence=Confidence.on_track)
CONFIDENCE = [("1", Confidence.on_track), ("2", Confidence.at_risk), ("3", Confidence.off_track)]


def _profile_at(path: Path, lang: str) -> Path:
    subscribers, revenue, repeat = UNITS[lang]
    kpis = [
        Kpi(id="subscribers", name=subscribers.capitalize(), baseline=800, target=2000,
            unit=subscribers, deadline=date(2027, 6, 30), baseline_date=START,
            cadence=Cadence.weekly, checkins=[LAST]),
        Kpi(id="revenue", name="Revenue", baseline=10000, target=15000, unit=revenue,
            deadline=date(2027, 6, 30), baseline_date=START, cadence=Cadence.monthly),
        Kpi(id="repeat", name="Repeat", baseline=40, target=60, unit=repeat,
            deadline=date(2027, 3, 31), baseline_date=START, cadence=Cadence.weekly),
    ]  # fmt: skip
    created = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)
    meta = Meta(organisation="Kiln", created=created, updated=created, position="values.origin")
    save_profile(Profile(lang=lang, meta=meta, objectives=Objectives(kpis=kpis)), path)
    return path


def _open_checkin(app: AlignmentApp) -> None:
    assert app.walker is not None
    app.walker.checkin(TODAY)


async def _checkin_screen(pilot, app: AlignmentApp) -> CheckinScreen:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: app.walk is not None)
    _open_checkin(app)
    await wait_for(pilot, lambda: isinstance(app.screen, CheckinScreen))
    screen = app.screen
    assert isinstance(screen, CheckinScreen)
    await wait_for(pilot, lambda: isinstance(app.focused, Input))
    return screen


def _walk_keys(lang: str) -> list[str]:
    """Value, Enter, a confidence digit, Enter, a comment, Enter: for each KPI in turn."""
    keys: list[str] = []
    for index, (typed, _) in enumerate(TYPED[lang]):
        digit = CONFIDENCE[index][0]
        keys += [*keys_of(typed), "enter", digit, "enter", *keys_of(f"note {index}"), "enter"]
    return keys


def _saved_today(path: Path) -> dict[str, CheckIn]:
    kpis = load_profile(path).objectives.kpis
    return {k.id: c for k in kpis for c in k.checkins if c.date == TODAY}


def _all_saved(path: Path, lang: str) -> bool:
    saved = _saved_today(path)
    return len(saved) == 3 and all(
        float(saved[kpi].value) == value and saved[kpi].comment == f"note {i}"
        for i, (kpi, (_, value)) in enumerate(
            zip(["subscribers", "revenue", "repeat"], TYPED[lang], strict=True)
        )
    )


def _assert_walk_saved(path: Path, lang: str) -> None:
    saved = _saved_today(path)
    assert [float(saved[k].value) for k in ("subscribers", "revenue", "repeat")] == [
        v for _, v in TYPED[lang]
    ]
    assert [saved[k].confidence for k in ("subscribers", "revenue", "repeat")] == [
        c for _, c in CONFIDENCE
    ]
    assert [saved[k].comment for k in ("subscribers", "revenue", "repeat")] == [
        "note 0", "note 1", "note 2"
    ]  # fmt: skip
    # The earlier reading is still there, before today's.
    kpi = load_profile(path).objectives.kpis[0]
    assert [c.date for c in kpi.checkins] == [date(2026, 11, 23), TODAY]


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_a_check_in_at_a_persons_pace_is_saved(workdir: Path, lang: str) -> None:
    path = _profile_at(workdir / "kiln.toml", lang)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _checkin_screen(pilot, app)
        assert app.lang == lang
        title = str(screen.query_one(".title", Static).render())
        assert title == t("checkin_tui.title", lang)
        for key in _walk_keys(lang):
            await pilot.press(key)
        # Autosave within its wait: no Ctrl+S.
        await wait_for(pilot, lambda: _all_saved(path, lang), timeout=10)
        rows = list(screen.query(CheckinRow).results())
        status = str(rows[2].query_one(".checkin-status", Static).render())
        assert status == t(
            "checkin_tui.recorded", lang, value=measure_text(62, UNITS[lang][2], lang)
        )
        await pilot.press("ctrl+q")
    _assert_walk_saved(path, lang)


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_a_check_in_typed_at_15_keys_a_second_on_a_busy_machine(
    workdir: Path, lang: str
) -> None:
    path = _profile_at(workdir / "kiln.toml", lang)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _checkin_screen(pilot, app)
        with cpu_burnt():
            await type_keys(app, _walk_keys(lang))
            await caught_up(pilot, app)  # every key delivered, then the autosave's wait
            await wait_for(pilot, lambda: _all_saved(path, lang), timeout=20)
        await pilot.press("ctrl+q")
    _assert_walk_saved(path, lang)


async def test_a_refused_value_keeps_the_reading_and_says_what_is_expected(workdir: Path) -> None:
    path = _profile_at(workdir / "kiln.toml", "fr")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _checkin_screen(pilot, app)
        row = next(iter(screen.query(CheckinRow).results()))
        await pilot.press(*keys_of("1 300"), "enter")
        await wait_for(pilot, lambda: "subscribers" in _saved_today(path), timeout=10)
        row.value_input.focus()
        await pilot.press("ctrl+u", *keys_of("12 boutiques"), "enter")
        kpi = load_profile(path).objectives.kpis[0]
        with pytest.raises(CheckinError) as refused:
            read_value("12 boutiques", kpi, "fr")
        expected = refused.value.message("fr") + t("checkin_tui.kept_old", "fr")
        await wait_for(pilot, lambda: str(row.query_one(".checkin-status").render()) == expected)
        assert row.query_one(".checkin-status").has_class("error")
        # The focus stays on the value to correct it; the reading is the one there was.
        assert app.focused is row.value_input
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        await pilot.press("ctrl+q")
    assert float(_saved_today(path)["subscribers"].value) == 1300


async def test_undo_takes_back_the_last_reading(workdir: Path) -> None:
    path = _profile_at(workdir / "kiln.toml", "en")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _checkin_screen(pilot, app)
        await pilot.press(*keys_of("1,300"), "enter", "1")

        # Enter records the value, 1 its confidence: an autosave may land in between.
        def confident() -> bool:
            saved = _saved_today(path).get("subscribers")
            return saved is not None and saved.confidence is Confidence.on_track

        await wait_for(pilot, confident, timeout=10)
        await pilot.press("ctrl+z")  # the confidence
        await wait_for(pilot, lambda: _saved_today(path)["subscribers"].confidence is None, 10)
        await pilot.press("ctrl+z")  # the value
        await wait_for(pilot, lambda: "subscribers" not in _saved_today(path), timeout=10)
        row = next(iter(screen.query(CheckinRow).results()))
        assert row.value_input.value == ""
        assert str(row.query_one(".checkin-status").render()) == t("checkin_tui.undone", "en")
        await pilot.press("ctrl+q")
    assert [c.value for c in load_profile(path).objectives.kpis[0].checkins] == [1180]


async def test_a_value_typed_then_quit_is_saved(workdir: Path) -> None:
    path = _profile_at(workdir / "kiln.toml", "en")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _checkin_screen(pilot, app)
        await pilot.press(*keys_of("1.3k"))
        await pilot.press("ctrl+q")
    assert float(_saved_today(path)["subscribers"].value) == 1300


async def test_read_only_when_another_window_holds_the_profile(workdir: Path) -> None:
    path = _profile_at(workdir / "kiln.toml", "fr")
    before = path.read_bytes()
    other = ProfileLock(path)
    assert other.acquire()
    try:
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, NoticeScreen))
            await pilot.press("enter")
            _open_checkin(app)
            await wait_for(pilot, lambda: isinstance(app.screen, CheckinScreen))
            screen = app.screen
            await wait_for(pilot, lambda: len(screen.query(CheckinRow)) == 3)
            assert "Lecture seule" in str(screen.query_one("#banner").render())
            rows = list(screen.query(CheckinRow).results())
            assert all(r.value_input.is_disabled and r.picker.is_disabled for r in rows)
            await pilot.press(*keys_of("1300"), "enter")
            assert all(r.value_input.value == "" for r in rows)
            await pilot.press("ctrl+q")
        assert path.read_bytes() == before
    finally:
        other.release()


async def test_welcome_check_in_button_opens_the_profile_on_its_check_in(workdir: Path) -> None:
    path = _profile_at(workdir / "kiln.toml", "fr")
    app = make_app(None, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        app.screen.query_one("#path", Input).value = str(path)
        await pilot.click("#checkin-button")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckinScreen), timeout=10)
        await wait_for(pilot, lambda: len(app.screen.query(CheckinRow)) == 3)
        # The palette offers the way back, and the walk's palette offers the check-in.
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert t("key.checkin_leave", "fr") in names
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CheckinScreen))
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert t("key.checkin", "fr") in names
        await pilot.press("ctrl+q")


@pytest.mark.parametrize(("lang", "keycap"), [("en", "Esc"), ("fr", "Échap")])
async def test_the_key_bar_names_escape_as_the_keyboard_prints_it(
    workdir: Path, lang: str, keycap: str
) -> None:
    path = _profile_at(workdir / "kiln.toml", lang)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _checkin_screen(pilot, app)
        keybar = str(screen.query_one("#keybar").render())
        assert f"{keycap} {t('checkin_tui.key.leave', lang)}" in keybar
        assert "escape" not in keybar
        await pilot.press("ctrl+q")


async def _conflict_in_checkin(pilot, app: AlignmentApp, path: Path) -> CheckinScreen:  # type: ignore[no-untyped-def]
    """A reading saved, then the file changed elsewhere (a reading on the third KPI), then
    a second reading typed: the changed-on-disk dialog opens over the check-in."""
    screen = await _checkin_screen(pilot, app)
    await type_keys(app, [*keys_of("1,250"), "enter"])
    await wait_for(pilot, lambda: "subscribers" in _saved_today(path), timeout=10)
    theirs = load_profile(path)
    theirs.objectives.kpis[2].checkins.append(
        CheckIn(date=TODAY, value=55, confidence=Confidence.at_risk)
    )
    save_profile(theirs, path)
    app.set_focus(list(screen.query(CheckinRow).results())[1].value_input)
    await type_keys(app, [*keys_of("12.4k"), "enter"])
    await wait_for(pilot, lambda: isinstance(app.screen, ChangedOnDiskScreen))
    return screen


async def test_a_reload_during_a_check_in_opens_it_again_on_the_files_version(
    workdir: Path,
) -> None:
    path = _profile_at(workdir / "kiln.toml", "en")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.walk is not None)
        depth = len(app.screen_stack)
        first = await _conflict_in_checkin(pilot, app, path)
        await pilot.press("alt+r")
        await wait_for(
            pilot, lambda: isinstance(app.screen, CheckinScreen) and app.screen is not first
        )
        again = app.screen
        assert isinstance(again, CheckinScreen) and again.today == TODAY
        # The check-in is over the step it was opened on, and nothing else is left behind.
        assert len(app.screen_stack) == depth + 1
        assert first not in app.screen_stack
        assert isinstance(app.screen_stack[-2], WalkScreen)
        await wait_for(pilot, lambda: bool(again.query(CheckinRow)))
        rows = list(again.query(CheckinRow).results())
        # The file's reading on the third KPI is shown; ours on the second was not kept.
        assert rows[2].value_input.value == "55" and rows[2].picker.value is Confidence.at_risk
        assert rows[1].value_input.value == ""
        await pilot.press("ctrl+q")
    saved = _saved_today(path)
    assert float(saved["repeat"].value) == 55 and "revenue" not in saved


async def test_a_save_as_during_a_check_in_keeps_the_readings_in_the_new_file(
    workdir: Path,
) -> None:
    path = _profile_at(workdir / "kiln.toml", "en")
    copy = workdir / "kiln-mine.toml"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.walk is not None)
        depth = len(app.screen_stack)
        first = await _conflict_in_checkin(pilot, app, path)
        await pilot.press("alt+s")
        await wait_for(
            pilot, lambda: isinstance(app.screen, SaveAsScreen) and bool(app.screen.query(Input))
        )
        app.screen.query_one(Input).value = str(copy)
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: isinstance(app.screen, CheckinScreen) and app.screen is not first
        )
        assert len(app.screen_stack) == depth + 1 and first not in app.screen_stack
        await wait_for(
            pilot, lambda: len(_saved_today(copy)) == 2 if copy.exists() else False, timeout=10
        )
        await pilot.press("ctrl+q")
    mine = _saved_today(copy)
    assert float(mine["subscribers"].value) == 1250 and float(mine["revenue"].value) == 12400
    assert "repeat" not in mine
    assert float(_saved_today(path)["repeat"].value) == 55  # theirs, untouched
