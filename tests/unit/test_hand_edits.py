"""A profile edited by hand: a blank optional value (``cadence = ""``) reads as "not set"."""

from __future__ import annotations

import enum
import json
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel

from alignment_tui.cli.commands.schema import profile_schema
from alignment_tui.model.profile import Profile
from alignment_tui.store import ProfileError, dumps_profile, load_profile, save_profile

EXAMPLE = "misaligned-en-ledgerline.toml"


def _is_choice(annotation: Any) -> bool:
    """Does the annotation hold an enumeration (a StrEnum or a Literal), at any depth?"""
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return True
    if typing.get_origin(annotation) is typing.Literal:
        return True
    return any(_is_choice(arg) for arg in typing.get_args(annotation))


def _sections(model: type[BaseModel], prefix: str) -> typing.Iterator[tuple[str, type[BaseModel]]]:
    yield prefix, model
    for name, info in model.model_fields.items():
        for arg in (info.annotation, *typing.get_args(info.annotation)):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                yield from _sections(arg, f"{prefix}.{name}" if prefix else name)


def optional_choice_fields() -> list[tuple[str, str]]:
    """(section path, field) of every enumerated field that need not be written."""
    found = []
    for path, model in _sections(Profile, ""):
        for name, info in model.model_fields.items():
            if not info.is_required() and _is_choice(info.annotation):
                found.append((path, name))
    return found


def test_every_optional_choice_is_known() -> None:
    # The walk over the models finds them all; a new one must be added to the test below.
    assert sorted(optional_choice_fields()) == [
        ("", "lang"),
        ("execution.budget", "period"),
        ("history.kpis", "branch"),
        ("history.kpis", "cadence"),
        ("history.kpis", "final_confidence"),
        ("objectives.kpis", "branch"),
        ("objectives.kpis", "cadence"),
        ("objectives.kpis.checkins", "confidence"),
        ("vision", "benefits"),
        ("waivers", "by"),
    ]
    assert len(optional_unset_fields()) >= 20  # numbers, dates, horizons, choices


BLANKS = """schema_version = 1
lang = ""

[meta]
organisation = "Atelier"
created = ""

[vision]
horizon_years = ""
benefits = ["", "comfort"]

[[objectives.kpis]]
name = "Resoled pairs"
branch = ""
baseline = ""
target = 400
unit = ""
deadline = ""
cadence = ""

[[objectives.kpis]]
name = "Subscriptions"
branch = "financial"
cadence = "monthly"
unit = "subscribers"

[execution.budget]
amount = 24000
currency = "EUR"
period = ""

[[execution.channels]]
name = "Flyers"
budget_share = ""

[[waivers]]
rule = "kpi.no_baseline"
where = "objectives.kpis[0]"
by = ""
at = ""
occurrence = ""
"""


def test_blank_optional_values_read_as_not_set(tmp_path: Path) -> None:
    path = tmp_path / "hand.toml"
    path.write_text(BLANKS, encoding="utf-8")
    profile = load_profile(path)
    assert profile.lang is None and profile.meta.created is None
    assert profile.vision.horizon_years is None
    assert [b.value for b in profile.vision.benefits] == ["comfort"]
    first, second = profile.objectives.kpis
    assert (first.branch, first.baseline, first.deadline, first.cadence) == (None,) * 4
    assert first.unit == "" and first.target == 400
    # The file's own values are kept exactly.
    assert (second.branch, second.cadence, second.unit) == ("financial", "monthly", "subscribers")
    assert profile.execution.budget.period is None and profile.execution.budget.amount == 24000
    assert profile.execution.channels[0].budget_share is None
    assert profile.waivers[0].by == "respondent" and profile.waivers[0].at is None
    assert profile.waivers[0].occurrence is None


def test_blanks_round_trip_and_leave_the_file_readable(tmp_path: Path) -> None:
    path = tmp_path / "hand.toml"
    path.write_text(BLANKS, encoding="utf-8")
    profile = load_profile(path)
    save_profile(profile, path)
    again = load_profile(path)
    assert again == profile
    written = path.read_text(encoding="utf-8")
    assert 'cadence = "monthly"' in written and 'cadence = ""' not in written
    assert dumps_profile(again) == written


_ARRAYS = ("objectives.kpis", "objectives.kpis.checkins", "waivers", "history", "history.kpis")
_REQUIRED = {
    "waivers": 'rule = "vague.buzzword"\nwhere = "execution.tone"\n',
    "objectives.kpis.checkins": "date = 2026-11-30\nvalue = 12\n",
}
_VERSION = {"objectives.kpis.checkins": 2, "history": 2}  # sections version 2 added


@pytest.mark.parametrize(("section", "field"), optional_choice_fields())
def test_each_blank_choice_alone_loads(tmp_path: Path, section: str, field: str) -> None:
    value = '[""]' if field == "benefits" else '""'
    if not section:
        body = f"schema_version = 1\n{field} = {value}\n"
    else:
        # Each table on the way, with what it requires (a check-in has a day and a value).
        version, tables = 1, []
        parts = section.split(".")
        for depth in range(1, len(parts) + 1):
            name = ".".join(parts[:depth])
            version = max(version, _VERSION.get(name, 1))
            header = f"[[{name}]]" if name in _ARRAYS else f"[{name}]"
            tables.append(header + "\n" + _REQUIRED.get(name, ""))
        body = f"schema_version = {version}\n\n" + "".join(tables) + f"{field} = {value}\n"
    path = tmp_path / "one.toml"
    path.write_text(body, encoding="utf-8")
    profile = load_profile(path)
    assert load_profile(path) == profile
    save_profile(profile, path)
    assert load_profile(path) == profile


def test_a_wrong_choice_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "wrong.toml"
    path.write_text(BLANKS.replace('cadence = "monthly"', 'cadence = "daily"'), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert "objectives.kpis[1].cadence" in caught.value.message("en")


def _as_json(value: Any) -> Any:
    """TOML as an editor's schema validation sees it: dates and times become strings."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _validate(text: str) -> None:
    import tomllib

    schema = profile_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_as_json(tomllib.loads(text)))


def test_the_json_schema_allows_blanks_where_the_program_does() -> None:
    _validate(BLANKS)
    with pytest.raises(jsonschema.ValidationError):
        _validate(BLANKS.replace('cadence = "monthly"', 'cadence = "daily"'))
    with pytest.raises(jsonschema.ValidationError):
        _validate(BLANKS.replace('currency = "EUR"', 'currency = ""\nbudget = 3'))


def test_the_examples_validate_against_the_json_schema(repo_root: Path) -> None:
    for path in sorted((repo_root / "examples").glob("*.toml")):
        _validate(path.read_text(encoding="utf-8"))
    assert json.dumps(profile_schema()).count('{"const": ""}') >= 12


def optional_unset_fields() -> list[tuple[str, str]]:
    """(section path, field) of every field whose "not set" is ``None``."""
    return [
        (path, name)
        for path, model in _sections(Profile, "")
        for name, info in model.model_fields.items()
        if not info.is_required() and info.default is None
    ]


@pytest.mark.parametrize(("section", "field"), optional_unset_fields())
def test_every_field_that_can_be_unset_reads_a_blank_as_unset(section: str, field: str) -> None:
    model = dict(_sections(Profile, ""))[section]
    required: dict[str, dict[str, Any]] = {
        "Waiver": {"rule": "x", "where": "y"},
        "CheckIn": {"date": "2026-11-30", "value": 1},
    }
    data = required.get(model.__name__, {})
    assert getattr(model.model_validate({**data, field: ""}), field) is None
