"""The profile: six aligned layers plus metadata, as pydantic models (no UI code)."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from alignment_tui.model.blank import BLANK, BLANK_ITEMS
from alignment_tui.model.ids import check_unique_ids, fill_kpi_ids

SCHEMA_VERSION = 2  # 2: KPI ids, check-ins and the history of past periods
# The longest answer kept: a long paste (1 MB) fits, and is analysed in about a second.
MAX_TEXT_CHARS = 1_000_000
TOO_LONG = "text_too_long"  # the pydantic error type of a longer one

LAYERS: tuple[str, ...] = ("values", "vision", "mission", "strategy", "objectives", "execution")


def _normalise_newlines(value: Any) -> Any:
    """Store every line ending as ``\\n`` so that files diff the same on every system."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            raise PydanticCustomError(
                TOO_LONG, "longer than {limit} characters", {"limit": MAX_TEXT_CHARS}
            )
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


Text = Annotated[str, BeforeValidator(_normalise_newlines)]
Number = Annotated[int | float, Field(allow_inf_nan=False)]


def _utc_seconds(value: Any) -> Any:
    """Timestamps are kept in UTC to the second: what TOML shows and a person reads."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        try:
            return value.astimezone(UTC).replace(microsecond=0)
        except OverflowError:
            # 0001-01-01T00:00+14:00 is a moment before the year 1 in UTC.
            raise PydanticCustomError(
                "date_range", "a date out of range once converted to UTC (year 1 to 9999)"
            ) from None
    return value


Timestamp = Annotated[datetime, BeforeValidator(_utc_seconds)]
# Optional values a person may clear by hand with "": blank reads as not set.
OptTimestamp = Annotated[Timestamp | None, BLANK]
OptInt = Annotated[int | None, BLANK]
OptNumber = Annotated[Number | None, BLANK]
OptDate = Annotated[date | None, BLANK]


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Branch(StrEnum):
    """The branches a KPI can belong to."""

    marketing = "marketing"
    product = "product"
    financial = "financial"
    human = "human"
    reputation = "reputation"


class Cadence(StrEnum):
    """How often a KPI is looked at."""

    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"


class Period(StrEnum):
    """The period a budget covers."""

    month = "month"
    quarter = "quarter"
    year = "year"


class Section(BaseModel):
    """Base of every part of the profile: strict keys, mutable, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Meta(Section):
    organisation: Text = ""
    respondent: Text = ""
    coach: Text = ""
    created: OptTimestamp = None
    updated: OptTimestamp = None
    bank: Text = "builtin"
    position: Text = ""
    skipped: list[Text] = Field(default_factory=list)


class Settings(Section):
    coach_mode: bool = False
    # The coach's session timer, kept so that reopening the profile carries on counting.
    session_seconds: Annotated[Annotated[int, Field(ge=0)] | None, BLANK] = None
    session_paused: Annotated[bool | None, BLANK] = None
    theme: Text = ""
    disabled_rules: list[Text] = Field(default_factory=list)
    accepted_terms: list[Text] = Field(default_factory=list)


class Persona(Section):
    id: Text = ""
    name: Text = ""
    description: Text = ""


class ValueItem(Section):
    name: Text = ""
    meaning: Text = ""
    behaviour: Text = ""


class Values(Section):
    horizon_years: OptInt = None
    items: list[ValueItem] = Field(default_factory=list)
    origin: Text = ""
    hard_choice: Text = ""


class Benefit(StrEnum):
    """The kinds of final benefit a vision can promise the people it serves."""

    financial = "financial"
    performance = "performance"
    comfort = "comfort"
    social = "social"
    self_image = "self_image"
    reputation = "reputation"


class Vision(Section):
    horizon_years: OptInt = None
    statement: Text = ""
    beneficiaries: list[Text] = Field(default_factory=list)
    benefits: Annotated[list[Benefit], BLANK_ITEMS] = Field(default_factory=list)


class Mission(Section):
    horizon_years: OptInt = None
    statement: Text = ""
    offer: Text = ""
    needs: Text = ""
    plan: list[Text] = Field(default_factory=list)


class Axis(Section):
    id: Text = ""
    name: Text = ""
    description: Text = ""


class Strategy(Section):
    horizon_years: OptInt = None
    big_idea: Text = ""
    insight: Text = ""
    starting_point: Text = ""
    not_doing: Text = ""
    axes: list[Axis] = Field(default_factory=list)


class Confidence(StrEnum):
    """How the owner of a KPI feels about reaching its target, at a check-in."""

    on_track = "on_track"
    at_risk = "at_risk"
    off_track = "off_track"


class CheckIn(Section):
    """One reading of a KPI: its value on a day, with the owner's confidence and a word."""

    date: dt.date  # (the field's name hides the type inside this class)
    value: Number
    confidence: Annotated[Confidence | None, BLANK] = None
    comment: Text = ""


class KpiPlan(Section):
    """What a KPI aims at: shared by this period's KPIs and those kept in the history."""

    # Stable: made from the name when the KPI is first named, kept when it is renamed,
    # unique among the profile's KPIs (``alignment-tui checkin --kpi ID`` names it).
    id: Text = ""
    name: Text = ""
    branch: Annotated[Branch | None, BLANK] = None
    baseline: OptNumber = None
    # The day the baseline was measured: where the steady pace to the target starts
    # (unset: the day the profile was created).
    baseline_date: OptDate = None
    target: OptNumber = None
    unit: Text = ""
    deadline: OptDate = None
    cadence: Annotated[Cadence | None, BLANK] = None
    owner: Text = ""
    axis: Text = ""


class Kpi(KpiPlan):
    checkins: list[CheckIn] = Field(default_factory=list)


class PastKpi(KpiPlan):
    """A KPI of a period that is over, with where it ended."""

    final_value: OptNumber = None
    final_date: OptDate = None
    final_confidence: Annotated[Confidence | None, BLANK] = None
    final_comment: Text = ""


class PastPeriod(Section):
    """A period closed by ``alignment-tui next``: its focus and its KPIs as they ended."""

    closed: OptDate = None
    focus: Text = ""
    kpis: list[PastKpi] = Field(default_factory=list)


class Objectives(Section):
    horizon_months: OptInt = None
    focus: Text = ""
    review_ritual: Text = ""
    kpis: list[Kpi] = Field(default_factory=list)

    @field_validator("kpis")
    @classmethod
    def _kpi_ids(cls, kpis: list[Kpi]) -> list[Kpi]:
        """Name each named KPI that has no id yet; two KPIs may not share one."""
        check_unique_ids(kpis)
        fill_kpi_ids(kpis)
        return kpis


class Budget(Section):
    amount: OptNumber = None
    currency: Text = ""
    period: Annotated[Period | None, BLANK] = None


class Channel(Section):
    name: Text = ""
    persona: Text = ""
    timing: Text = ""
    budget_share: Annotated[
        Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None, BLANK
    ] = None


class Execution(Section):
    horizon_months: OptInt = None
    value_proposition: Text = ""
    tone: Text = ""
    messages: list[Text] = Field(default_factory=list)
    creative_ideas: list[Text] = Field(default_factory=list)
    budget: Budget = Field(default_factory=Budget)
    channels: list[Channel] = Field(default_factory=list)


class Waiver(Section):
    rule: Text
    where: Text
    text: Text = ""  # the words the finding was about ("" for a finding on a whole field)
    # the 2nd, 3rd… time those words
    occurrence: Annotated[Annotated[int, Field(ge=2)] | None, BLANK] = None
    reason: Text = ""
    by: Annotated[Literal["respondent", "coach"], BLANK] = "respondent"
    at: OptTimestamp = None


Answer = Text | list[Text]


class Profile(Section):
    """A whole alignment profile; every layer section is always present."""

    schema_version: int = SCHEMA_VERSION
    lang: Annotated[Literal["fr", "en"] | None, BLANK] = None
    meta: Meta = Field(default_factory=Meta)
    settings: Settings = Field(default_factory=Settings)
    personas: list[Persona] = Field(default_factory=list)
    values: Values = Field(default_factory=Values)
    vision: Vision = Field(default_factory=Vision)
    mission: Mission = Field(default_factory=Mission)
    strategy: Strategy = Field(default_factory=Strategy)
    objectives: Objectives = Field(default_factory=Objectives)
    execution: Execution = Field(default_factory=Execution)
    answers: dict[str, Answer] = Field(default_factory=dict)
    waivers: list[Waiver] = Field(default_factory=list)
    notes: dict[str, Text] = Field(default_factory=dict)
    history: list[PastPeriod] = Field(default_factory=list)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(f"schema_version must be {SCHEMA_VERSION} after migration")
        return value
