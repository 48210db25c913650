"""Numbers, amounts, shares, deadlines and durations read as people type them, and shown back."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignment_tui.model.profile import Period
from alignment_tui.model.typed import (
    Money,
    TypedValueError,
    format_deadline,
    format_horizon,
    format_money,
    format_number,
    format_share,
    parse_deadline,
    parse_horizon,
    parse_measure,
    parse_money,
    parse_number,
    parse_share,
)

TODAY = date(2026, 11, 27)
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("24 000", None, 24000),
        (f"24{NNBSP}000", "fr", 24000),
        (f"24{NNBSP}000", "fr", 24000),
        ("1,5 k", "fr", 1500),
        ("1.5k", "en", 1500),
        ("2 M", None, 2_000_000),
        ("3 millions", "fr", 3_000_000),
        ("1 234,56", "fr", 1234.56),
        ("1,234.56", "en", 1234.56),
        ("1.234,56", "fr", 1234.56),
        ("12.5", "en", 12.5),
        ("12,5", "fr", 12.5),
        ("7,045", "en", 7045),
        ("7,045", "fr", 7.045),
        ("24.000", "fr", 24000),
        ("1,234,567", None, 1234567),
        ("24'000", None, 24000),
        ("−3", None, -3),
        ("0,250", None, 0.25),
        (".5", None, 0.5),
    ],
)
def test_numbers_as_people_type_them(text: str, lang: str | None, expected: float) -> None:
    value = parse_number(text, lang)
    assert value == expected
    assert isinstance(value, int) == isinstance(expected, int)


@pytest.mark.parametrize(
    "text", ["", "abc", "12 apples", "1,2,3", "1 2", "12..5", "k", "--3", "99999999 bn"]
)
def test_unreadable_numbers_say_what_is_expected(text: str) -> None:
    with pytest.raises(TypedValueError) as caught:
        parse_number(text)
    assert caught.value.key == "typed.number"
    assert caught.value.message("fr") == "Attendu : un nombre comme 24 000, 1,5 k ou 12,5."
    assert "24,000" in caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("24 000 €", "fr", Money(24000, "EUR")),
        ("1,5 k€", "fr", Money(1500, "EUR")),
        ("$7,045", None, Money(7045, "USD")),
        ("$7,045", "fr", Money(7045, "USD")),
        ("10k EUR/mois", "fr", Money(10000, "EUR", Period.month)),
        ("24 000 € par an", "fr", Money(24000, "EUR", Period.year)),
        ("£300 a month", "en", Money(300, "GBP", Period.month)),
        ("300 euros tous les mois", "fr", Money(300, "EUR", Period.month)),
        ("2 M€ par trimestre", "fr", Money(2_000_000, "EUR", Period.quarter)),
        ("€12,500.50 per year", "en", Money(12500.5, "EUR", Period.year)),
        ("5000 CHF annuel", "fr", Money(5000, "CHF", Period.year)),
        ("24 000 euros annuels", "fr", Money(24000, "EUR", Period.year)),
        ("24k€/an", "fr", Money(24000, "EUR", Period.year)),
        ("24000", None, Money(24000)),
        ("1.500 €", "fr", Money(1500, "EUR")),
    ],
)
def test_amounts_with_currency_and_period(text: str, lang: str | None, expected: Money) -> None:
    assert parse_money(text, lang) == expected


@pytest.mark.parametrize("text", ["", "beaucoup", "-5 €", "12 €€", "€", "10 k€ par semaine"])
def test_unreadable_amounts(text: str) -> None:
    with pytest.raises(TypedValueError) as caught:
        parse_money(text, "fr")
    assert caught.value.message("fr") == (
        "Attendu : un montant comme 24 000 €, 1,5 k€ ou 10 k EUR par mois."
    )
    assert caught.value.message("en").startswith("Expected an amount such as €24,000")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("25 %", 0.25), ("12.5%", 0.125), ("12,5 %", 0.125), ("0.25", 0.25), ("25", 0.25),
     ("1/4", 0.25), ("100%", 1.0), ("0", 0.0), ("1", 1.0)],
)  # fmt: skip
def test_shares(text: str, expected: float) -> None:
    assert parse_share(text) == pytest.approx(expected)


def test_shares_out_of_range_or_unreadable() -> None:
    with pytest.raises(TypedValueError) as caught:
        parse_share("150 %")
    assert caught.value.message("en") == "A share lies between 0% and 100%: 150 % is outside."
    assert caught.value.message("fr") == "Une part est comprise entre 0 % et 100 % : 150 % en sort."
    with pytest.raises(TypedValueError) as caught:
        parse_share("a lot")
    assert caught.value.key == "typed.share"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30/06/2027", date(2027, 6, 30)),
        ("2027-06-30", date(2027, 6, 30)),
        ("30.06.27", date(2027, 6, 30)),
        ("06/30/2027", date(2027, 6, 30)),
        ("June 2027", date(2027, 6, 30)),
        ("juin 2027", date(2027, 6, 30)),
        ("février 2028", date(2028, 2, 29)),
        ("Feb 2027", date(2027, 2, 28)),
        ("30 juin 2027", date(2027, 6, 30)),
        ("June 30, 2027", date(2027, 6, 30)),
        ("1er juillet 2027", date(2027, 7, 1)),
        ("06/2027", date(2027, 6, 30)),
        ("T2 2027", date(2027, 6, 30)),
        ("Q2 2027", date(2027, 6, 30)),
        ("2027-Q2", date(2027, 6, 30)),
        ("q2-27", date(2027, 6, 30)),
        ("2e trimestre 2027", date(2027, 6, 30)),
        ("second quarter of 2027", date(2027, 6, 30)),
        ("Q3", date(2027, 9, 30)),  # the third quarter of 2026 is over on 27 Nov 2026
        ("T4", date(2026, 12, 31)),
        ("H1 2027", date(2027, 6, 30)),
        ("S1 2027", date(2027, 6, 30)),
        ("S2", date(2026, 12, 31)),
        ("1er semestre 2027", date(2027, 6, 30)),
        ("end of 2027", date(2027, 12, 31)),
        ("by the end of 2027", date(2027, 12, 31)),
        ("fin 2027", date(2027, 12, 31)),
        ("d'ici fin 2027", date(2027, 12, 31)),
        ("fin juin 2027", date(2027, 6, 30)),
        ("by Q2 2027", date(2027, 6, 30)),
        ("fin d'année", date(2026, 12, 31)),
        ("end of the year", date(2026, 12, 31)),
        ("2027", date(2027, 12, 31)),
        ("mars", date(2027, 3, 31)),
        ("December", date(2026, 12, 31)),
        ("30 Jun 2027", date(2027, 6, 30)),
        ("30/06", date(2027, 6, 30)),  # no year: the next one
        ("31/12", date(2026, 12, 31)),
    ],
)
def test_deadlines(text: str, expected: date) -> None:
    assert parse_deadline(text, TODAY) == expected


def test_impossible_and_unreadable_deadlines() -> None:
    with pytest.raises(TypedValueError) as caught:
        parse_deadline("31/02/2027", TODAY)
    assert caught.value.message("fr") == (
        "31/02/2027 n'existe pas dans le calendrier : vérifiez le jour et le mois."
    )
    for text in ("bientôt", "soon", "Q5 2027", "", "13/13/2027", "31/06"):
        with pytest.raises(TypedValueError) as caught:
            parse_deadline(text, TODAY)
        assert caught.value.key in {"typed.deadline", "typed.impossible_date"}
    assert "June 2027" in TypedValueError("typed.deadline").message("en")
    assert "T2 2027" in TypedValueError("typed.deadline").message("fr")


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("10 ans", "years", 10),
        ("5 years", "years", 5),
        ("10", "years", 10),
        ("deux ans", "years", 2),
        ("une décennie", "years", 10),
        ("18 mois", "months", 18),
        ("1 an et demi", "months", 18),
        ("a quarter", "months", 3),
        ("un trimestre", "months", 3),
        ("2 years", "months", 24),
        ("6", "months", 6),
        ("18 mois", "years", 2),
        ("1.5 years", "months", 18),
    ],
)
def test_horizons(text: str, unit: str, expected: int) -> None:
    assert parse_horizon(text, unit) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("une dizaine d'années", "years", 10),
        ("Une dizaine d’années", "years", 10),
        ("une bonne quinzaine d'années", "years", 15),
        ("au moins 10 ans", "years", 10),
        ("10 ans environ", "years", 10),
        ("10+ ans", "years", 10),
        ("les dix prochaines années", "years", 10),
        ("dans 5 ans", "years", 5),
        ("dix-huit mois", "months", 18),
        ("d'ici 2035", "years", 9),
        ("2035", "years", 9),
        ("d'ici fin 2027", "months", 19),
        ("a decade", "years", 10),
        ("at least 10 years", "years", 10),
        ("about ten years", "years", 10),
        ("10 years or more", "years", 10),
        ("a couple of years", "years", 2),
        ("a dozen years", "years", 12),
        ("within 5 years", "years", 5),
        ("by 2035", "years", 9),
        ("by 2035", "months", 115),
        ("by June 2027", "months", 13),
    ],
)
def test_horizons_as_people_say_them(text: str, unit: str, expected: int) -> None:
    today = date(2026, 5, 15)
    assert parse_horizon(text, unit, today) == expected  # type: ignore[arg-type]


def test_a_half_typed_or_past_horizon_is_refused() -> None:
    today = date(2026, 5, 15)
    for text in ("une d", "une dizaine d", "au moins", "2020", "d'ici 2019"):
        with pytest.raises(TypedValueError):
            parse_horizon(text, "years", today)


def test_horizons_rejected() -> None:
    for text, unit in (
        ("a quarter", "years"),
        ("forever", "years"),
        ("200 ans", "years"),
        ("0", "months"),
    ):
        with pytest.raises(TypedValueError) as caught:
            parse_horizon(text, unit)  # type: ignore[arg-type]
        assert caught.value.message("en").startswith("Expected a duration")


def test_values_shown_back_as_each_language_writes_them() -> None:
    assert format_number(24000, "fr") == f"24{NNBSP}000"
    assert format_number(24000, "en") == "24,000"
    assert format_number(1234.56, "fr") == f"1{NNBSP}234,56"
    assert format_number(0.1 + 0.2, "en") == "0.3"
    assert format_money(Money(24000, "EUR"), "fr") == f"24{NNBSP}000{NBSP}€"
    assert format_money(Money(24000, "EUR"), "en") == "€24,000"
    assert format_money(Money(1500.5, "GBP", Period.month), "en") == "£1,500.50 a month"
    assert format_money(Money(24000, "EUR", Period.year), "fr") == f"24{NNBSP}000{NBSP}€ par an"
    assert format_money(Money(5000, "CHF"), "en") == f"CHF{NBSP}5,000"
    assert format_share(0.125, "fr") == f"12,5{NBSP}%"
    assert format_share(0.25, "en") == "25%"
    assert format_deadline(date(2027, 6, 30), "fr") == "30/06/2027"
    assert format_deadline(date(2027, 6, 30), "en") == "30 Jun 2027"
    assert format_horizon(10, "years", "fr") == "10 ans"
    assert format_horizon(1, "years", "en") == "1 year"
    assert format_horizon(18, "months", "fr") == "18 mois"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_what_is_shown_reads_back_to_the_same_value(lang: str) -> None:
    for money in (Money(24000, "EUR"), Money(7045.5, "USD", Period.quarter), Money(300, "CHF")):
        assert parse_money(format_money(money, lang), lang) == money
    for share in (0.0, 0.125, 0.25, 1.0):
        assert parse_share(format_share(share, lang)) == pytest.approx(share)
    for day in (date(2027, 6, 30), date(2028, 2, 29), date(2026, 1, 1)):
        assert parse_deadline(format_deadline(day, lang), TODAY) == day
    for years in (1, 5, 10):
        assert parse_horizon(format_horizon(years, "years", lang), "years") == years


@given(
    value=st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False).map(float),
    ),
    lang=st.sampled_from(["fr", "en"]),
)
def test_any_number_shown_reads_back(value: float, lang: str) -> None:
    assert parse_number(format_number(value, lang), lang) == pytest.approx(value)


def test_measures_split_number_and_unit() -> None:
    assert parse_measure("120 abonnés") == (120, "abonnés")
    assert parse_measure("12.5%", "en") == (12.5, "%")
    assert parse_measure("1,5 k€", "fr") == (1500, "€")
    assert parse_measure("12 kg") == (12, "kg")
    assert parse_measure("5 k clients") == (5000, "clients")
    assert parse_measure("400") == (400, "")
    with pytest.raises(TypedValueError):
        parse_measure("lots of clients")


@given(
    text=st.one_of(
        st.text(max_size=30),
        st.text(alphabet="0123456789 ,.'k€$%/-QTHSqths", max_size=16),
    )
)
def test_any_text_reads_or_says_what_is_expected(text: str) -> None:
    """Whatever is typed: a value, or a TypedValueError with a message — never a crash."""
    for parse in (parse_number, parse_money, parse_share, parse_measure):
        try:
            parse(text, "fr")
        except TypedValueError as error:
            assert error.message("fr") and error.message("en")
    for other in (lambda s: parse_deadline(s, TODAY), parse_horizon):
        try:
            other(text)
        except TypedValueError as error:
            assert error.message("en")


def test_structured_rows_on_one_line_in_each_language() -> None:
    from alignment_tui.model.profile import Budget, Channel, Kpi, ValueItem
    from alignment_tui.model.typed import format_item

    kpi = Kpi(name="Plans", branch="financial", baseline=1200, target=24000, unit="€",
              deadline=date(2027, 6, 30), cadence="monthly", owner="shop",
              axis="workshops")  # fmt: skip
    assert format_item(kpi, "fr") == (
        f"Plans — Financier — 1{NNBSP}200 → 24{NNBSP}000 € — 30/06/2027 — Mensuelle — shop"
        " — axe workshops"
    )
    assert format_item(kpi, "en") == (
        "Plans — Financial — 1,200 → 24,000 € — 30 Jun 2027 — Monthly — shop — axis workshops"
    )
    assert format_item(Kpi(name="Only a name", target=5), "en") == "Only a name — ? → 5"
    channel = Channel(name="Flyers", persona="walkers", budget_share=0.125)
    assert format_item(channel, "fr") == f"Flyers — walkers — 12,5{NBSP}%"
    assert format_item(Budget(amount=24000, currency="EUR", period="year"), "en") == (
        "€24,000 a year"
    )
    assert format_item(ValueItem(name="Repair", behaviour="quote first"), "en") == (
        "Repair — quote first"
    )
    assert format_item(date(2027, 1, 5), "fr") == "05/01/2027"
    assert format_item(12.5, "fr") == "12,5"
    assert format_item("as typed", "fr") == "as typed"
