"""Recognisers: deadlines, amounts, percentages, numbers and ranges, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from alignment_tui.analysis.dates import find_deadlines
from alignment_tui.analysis.recognise import (
    Amount,
    find_amounts,
    find_numbers,
    find_percentages,
    find_ranges,
)

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("livrer le 30/06/2027", "30/06/2027", date(2027, 6, 30)),
        ("due 2027-06-30", "2027-06-30", date(2027, 6, 30)),
        ("by June 2027", "by June 2027", date(2027, 6, 30)),
        ("fin juin 2027", "fin juin 2027", date(2027, 6, 30)),
        ("300 abonnés en juin 2027", "en juin 2027", date(2027, 6, 30)),
        ("le 30 juin 2027", "30 juin 2027", date(2027, 6, 30)),
        ("by June 30, 2027", "by June 30, 2027", date(2027, 6, 30)),
        ("Q3 2027", "Q3 2027", date(2027, 9, 30)),
        ("en T2 2026", "en T2 2026", date(2026, 6, 30)),
        ("H1 2027", "H1 2027", date(2027, 6, 30)),
        ("S2", "S2", date(2026, 12, 31)),
        ("H1", "H1", date(2027, 6, 30)),  # the first half of 2026 is over: the next one
        ("Q1", "Q1", date(2027, 3, 31)),
        ("end of 2027", "end of 2027", date(2027, 12, 31)),
        ("d'ici 2028", "d'ici 2028", date(2028, 12, 31)),
        ("d’ici juin", "d’ici juin", date(2027, 6, 30)),
        ("fin d'année", "fin d'année", date(2026, 12, 31)),
        ("by the end of the year", "by the end of the year", date(2026, 12, 31)),
        ("in 6 months", "in 6 months", date(2027, 5, 27)),
        ("dans 6 mois", "dans 6 mois", date(2027, 5, 27)),
        ("d'ici six mois", "d'ici six mois", date(2027, 5, 27)),
        ("within 90 days", "within 90 days", date(2027, 2, 25)),
        ("next quarter", "next quarter", date(2027, 3, 31)),
        ("by end of Q2 2027", "by end of Q2 2027", date(2027, 6, 30)),
        ("in fiscal year 2027", "in fiscal year 2027", date(2027, 12, 31)),
        ("sur l'exercice 2027", "l'exercice 2027", date(2027, 12, 31)),
        ("FY27", "FY27", date(2027, 12, 31)),
    ],
)
def test_deadlines_resolve_to_the_end_of_the_named_period(
    text: str, span: str, expected: date
) -> None:
    found = find_deadlines(text, TODAY)
    assert [(m.text, m.value) for m in found] == [(span, expected)]
    assert text[found[0].start : found[0].end] == span


@pytest.mark.parametrize(
    "text", ["a march for the climate", "we may grow", "Model 2027", "10 clients", "+20%", "h12"]
)
def test_words_that_only_look_like_dates_are_not_deadlines(text: str) -> None:
    assert find_deadlines(text, TODAY) == []


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A day and a month without a year: the next such day (today is 27 November 2026).
        ("Reach 500 members by 30 June.", "by 30 June", date(2027, 6, 30)),
        ("500 adhérents d'ici le 30 juin", "d'ici le 30 juin", date(2027, 6, 30)),
        ("by April 1st", "by April 1st", date(2027, 4, 1)),
        ("by the 1st of April", "by the 1st of April", date(2027, 4, 1)),
        ("au plus tard le 1er avril", "au plus tard le 1er avril", date(2027, 4, 1)),
        ("avant le 15 décembre", "avant le 15 décembre", date(2026, 12, 15)),
        ("livré d'ici le 30/06", "d'ici le 30/06", date(2027, 6, 30)),
        ("by May 5", "by May 5", date(2027, 5, 5)),
        # The start, the middle or the end of a period.
        ("before the end of March", "before the end of March", date(2027, 3, 31)),
        ("avant fin mars", "avant fin mars", date(2027, 3, 31)),
        ("d'ici début avril", "d'ici début avril", date(2027, 4, 1)),
        ("by mid-March", "by mid-March", date(2027, 3, 16)),
        ("fin T1", "fin T1", date(2027, 3, 31)),
        ("début T2 2027", "début T2 2027", date(2027, 4, 1)),
        ("d'ici mi-2027", "d'ici mi-2027", date(2027, 7, 2)),
        ("fin novembre", "fin novembre", date(2026, 11, 30)),
        ("d'ici début novembre", "d'ici début novembre", date(2027, 11, 1)),
        # Weeks, quarters and halves by their number or their rank.
        ("200 pilots by week 12", "by week 12", date(2027, 3, 28)),
        ("d'ici la semaine 12", "d'ici la semaine 12", date(2027, 3, 28)),
        ("le 3e trimestre 2027", "3e trimestre 2027", date(2027, 9, 30)),
        ("in the third quarter of 2027", "in the third quarter of 2027", date(2027, 9, 30)),
        ("au 2e semestre", "au 2e semestre", date(2026, 12, 31)),
        ("S2 2027", "S2 2027", date(2027, 12, 31)),
        # Moments of the year after a word that makes them a deadline: their first day.
        ("Ouvrir la classe pour la rentrée", "pour la rentrée", date(2027, 9, 1)),
        ("d'ici Noël", "d'ici Noël", date(2026, 12, 25)),
        ("by Christmas", "by Christmas", date(2026, 12, 25)),
        ("avant l'été", "avant l'été", date(2027, 6, 21)),
        ("before summer", "before summer", date(2027, 6, 21)),
        ("d'ici la fin de l'été", "d'ici la fin de l'été", date(2027, 9, 22)),
        # The month named in full, and next year's end.
        ("d'ici le mois de juin", "d'ici le mois de juin", date(2027, 6, 30)),
        (
            "d'ici la fin de l'année prochaine",
            "d'ici la fin de l'année prochaine",
            date(2027, 12, 31),
        ),
    ],
)
def test_deadlines_as_people_write_them(text: str, span: str, expected: date) -> None:
    found = find_deadlines(text, TODAY)
    assert [(m.text, m.value) for m in found] == [(span, expected)]


@pytest.mark.parametrize(
    "text",
    [
        "The top 10 may change.",  # "may" is a verb before it is a month
        "pour 1/3 des clients",  # a share, not the first of March
        "un point tous les 15 jours",  # a rhythm, not fifteen days from now
        "In summer we sell ice cream.",  # a season, not a deadline
        "Le fournil a été repris en famille.",  # « été » the verb
        "au printemps",
        "point chaque 1er lundi du mois",  # the month of a rhythm, not this month's end
        "on the first Monday of the month",
    ],
)
def test_rhythms_shares_and_seasons_are_not_deadlines(text: str) -> None:
    assert find_deadlines(text, TODAY) == []


def test_deadline_defaults_to_today() -> None:
    assert find_deadlines("in 1 year")[0].value.year == date.today().year + 1


@pytest.mark.parametrize(
    ("text", "span", "amount"),
    [
        ("24 000 € par an", "24 000 € par an", Amount(24000, "EUR", "year")),
        ("1,5 k€/mois", "1,5 k€/mois", Amount(1500, "EUR", "month")),
        ("a budget of $7,045", "$7,045", Amount(7045, "USD", None)),
        ("10k EUR per quarter", "10k EUR per quarter", Amount(10000, "EUR", "quarter")),
        ("3000 euros annuels", "3000 euros annuels", Amount(3000, "EUR", "year")),
        ("£1.2m a year", "£1.2m a year", Amount(1_200_000, "GBP", "year")),
        ("1 200€ HT", "1 200€", Amount(1200, "EUR", None)),
        ("2 500 € par mois", "2 500 € par mois", Amount(2500, "EUR", "month")),
        # What the money is, between the sum and its period.
        ("3 500 € de CA par mois", "3 500 € de CA par mois", Amount(3500, "EUR", "month")),
        ("2 000 € HT par mois", "2 000 € HT par mois", Amount(2000, "EUR", "month")),
        ("€5k in revenue per month", "€5k in revenue per month", Amount(5000, "EUR", "month")),
    ],
)
def test_amounts_with_currency_and_period(text: str, span: str, amount: Amount) -> None:
    found = find_amounts(text)
    assert [(m.text, m.value) for m in found] == [(span, amount)]


def test_a_number_without_currency_is_not_money() -> None:
    assert find_amounts("500 clients par an") == []
    assert find_amounts("10k visitors a month") == []


@pytest.mark.parametrize(
    ("text", "span", "amount"),
    [
        ("Offered 90k a year, remote.", "90k a year", Amount(90_000, "", "year")),
        ("Poste à 45k par an.", "45k par an", Amount(45_000, "", "year")),
        ("Atteindre 40 000 de CA", "40 000 de CA", Amount(40_000, "", None)),
        ("Reach 12k MRR", "12k MRR", Amount(12_000, "", None)),
        ("2M in revenue", "2M in revenue", Amount(2_000_000, "", None)),
    ],
)
def test_money_the_context_names_without_a_currency(text: str, span: str, amount: Amount) -> None:
    assert [(m.text, m.value) for m in find_amounts(text)] == [(span, amount)]


def test_percentages() -> None:
    found = find_percentages("+20% puis 4,5 % et 30 percent")
    assert [(m.text, m.value) for m in found] == [("+20%", 20), ("4,5 %", 4.5), ("30 percent", 30)]


def test_numbers_read_both_conventions() -> None:
    found = find_numbers("24 000 clients, 1,5k, 7,045 and 2.5M")
    assert [m.value for m in found] == [24000, 1500, 7045, 2_500_000]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("from 18k to 30k", (18000, 30000)),
        ("de 40 à 65 clients", (40, 65)),
        ("18k → 30k", (18000, 30000)),
        ("passer de 12 % à 20 %", (12, 20)),
        ("going from 120 -> 400 subscribers", (120, 400)),
    ],
)
def test_baseline_to_target_pairs(text: str, pair: tuple[float, float]) -> None:
    assert [m.value for m in find_ranges(text)] == [pair]


def test_spans_stay_right_after_accents_and_emoji() -> None:
    text = "🚀 Équipe élargie 🎯 : 1 500 € par mois dès le T2 2027"
    money = find_amounts(text)[0]
    assert text[money.start : money.end] == "1 500 € par mois"
    when = find_deadlines(text, TODAY)[0]
    assert when.text == "T2 2027" and text[when.start : when.end] == "T2 2027"
