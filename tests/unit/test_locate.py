"""Field path → line and column in a profile's TOML text, as hand-written files have them."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_tui.model.profile import Profile
from alignment_tui.store import dumps_profile
from alignment_tui.store.locate import Region, TomlLocator, parse_path

HAND = '''schema_version = 1   # written first
lang = "en"

[meta]
organisation = 'Atelier "Semelle"'

[vision]
statement = """
First line of the vision,
second line with the words "city walkers" in it."""
beneficiaries = [
  "city-walkers",  # the main ones
  'students',
]

[mission]
offer = "Tab\\there, then \\u00e9 and the words we want"
plan = ["a", ["nested", "list"], { step = "inline" }]
needs = """\\
    Joined \\
    line"""

[[objectives.kpis]]
name = "First"

[[objectives.kpis]]
name = "Second"
deadline = 2027-06-30
target = 1_000

[objectives.kpis.extra]
note = "a sub-table of the second row"

[answers]
"acme.extra-question" = "A custom answer"

[execution]
budget.amount = 24000
'''


def region(where: str, start: int | None = None, end: int | None = None) -> Region:
    return TomlLocator(HAND).region(where, start, end)


def words(where: str, start: int, end: int) -> str:
    at = region(where, start, end)
    lines = HAND.split("\n")
    assert at.start_line == at.end_line
    return lines[at.start_line - 1][at.start_column - 1 : at.end_column - 1]


def test_paths_are_parsed_with_their_indexes_and_ids() -> None:
    assert parse_path("objectives.kpis[2].deadline") == ("objectives", "kpis", 2, "deadline")
    assert parse_path("answers.acme.extra-question") == ("answers", "acme.extra-question")
    assert parse_path("mission.plan[1][0]") == ("mission", "plan", 1, 0)


def test_values_are_found_on_their_line_and_column() -> None:
    assert region("lang") == Region(2, 8, 2, 12)
    assert region("meta.organisation").start_line == 5
    assert region("vision.beneficiaries[0]") == Region(12, 3, 12, 17)
    assert region("vision.beneficiaries[1]").start_line == 13
    assert region("objectives.kpis[1].deadline") == Region(28, 12, 28, 22)
    assert region("objectives.kpis[1].target") == Region(29, 10, 29, 15)
    assert region("objectives.kpis[1].extra.note").start_line == 32
    assert region("answers.acme.extra-question").start_line == 35
    assert region("execution.budget.amount").start_line == 38
    assert region("mission.plan[1][1]").start_line == 18
    assert region("mission.plan[2].step").start_line == 18


def test_words_inside_strings_are_located_exactly() -> None:
    statement = tomllib.loads(HAND)["vision"]["statement"]
    start = statement.index("city walkers")
    assert words("vision.statement", start, start + 12) == "city walkers"
    assert region("vision.statement", start, start + 12).start_line == 10
    offer = tomllib.loads(HAND)["mission"]["offer"]
    start = offer.index("the words")
    assert words("mission.offer", start, start + 9) == "the words"
    # An escape stands for one character: the span covers all of it.
    assert words("mission.offer", offer.index("é"), offer.index("é") + 1) == "\\u00e9"
    needs = tomllib.loads(HAND)["mission"]["needs"]
    assert needs == "Joined line"
    assert region("mission.needs", needs.index("line"), len(needs)).start_line == 21


def test_missing_fields_fall_back_to_their_row_or_table() -> None:
    assert region("objectives.kpis[0].deadline") == region("objectives.kpis[0]")
    assert region("objectives.kpis[0]").start_line == 23
    assert region("objectives.kpis[1]").start_line == 26
    assert region("objectives.kpis").start_line == 23
    assert region("vision.benefits").start_line == 7  # [vision]
    assert region("execution").start_line == 37
    assert region("strategy.big_idea") == Region(1, 1, 1, 1)  # nowhere: the top of the file
    assert region("") == Region(1, 1, 1, 1)


def test_a_span_outside_the_string_falls_back_to_the_value() -> None:
    assert region("lang", 0, 99) == region("lang")


def test_windows_line_endings_count_as_one() -> None:
    crlf = HAND.replace("\n", "\r\n")
    assert TomlLocator(crlf).region("objectives.kpis[1].deadline") == Region(28, 12, 28, 22)


def test_text_that_stops_being_toml_keeps_what_was_read() -> None:
    locator = TomlLocator('lang = "en"\n[meta\norganisation = "x"\n')
    assert locator.region("lang").start_line == 1
    assert locator.region("meta.organisation").start_line == 2  # the broken [meta


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=120), st.data())
def test_every_character_of_a_saved_answer_is_found(text: str, data: st.DataObject) -> None:
    profile = Profile()
    profile.vision.statement = text
    profile.mission.plan = ["x", text]
    dumped = dumps_profile(profile)
    value = Profile.model_validate(tomllib.loads(dumped)).vision.statement
    locator = TomlLocator(dumped)
    lines = locator.text.split("\n")
    start = data.draw(st.integers(0, len(value) - 1))
    for where in ("vision.statement", "mission.plan[1]"):
        at = locator.region(where, start, start + 1)
        if at.start_line != at.end_line:
            assert value[start] == "\n"
            continue
        raw = lines[at.start_line - 1][at.start_column - 1 : at.end_column - 1]
        # The character itself, or the escape that stands for it.
        assert raw == value[start] or (raw.startswith("\\") and len(raw) > 1), (raw, value)


def test_a_string_is_decoded_once_however_many_findings_it_holds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Thousands of findings in one long answer: the work grows with the text, not with
    text × findings (decoding per finding made `check` hang on such an answer)."""
    from alignment_tui.store import locate

    answer = "110% " * 2000
    text = f'schema_version = 1\n\n[vision]\nstatement = "{answer}"\n'
    calls = []
    decode = locate._decode

    def counting(*args):  # type: ignore[no-untyped-def]
        calls.append(args[1:3])
        return decode(*args)

    monkeypatch.setattr(locate, "_decode", counting)
    locator = TomlLocator(text)
    regions = [locator.region("vision.statement", i * 5, i * 5 + 4) for i in range(2000)]
    assert len(calls) == 1
    assert [r.start_column for r in regions[:3]] == [14, 19, 24]
    assert regions[-1].start_line == 4
