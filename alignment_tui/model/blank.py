"""A blank value written by hand (``cadence = ""``) reads as "not set", as the app means it."""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticUseDefault, core_schema

BLANK_SCHEMA: dict[str, Any] = {"const": ""}


def _unset_if_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticUseDefault()
    return value


class BlankMeansUnset:
    """Mark an optional field whose blank string stands for its default.

    TOML has no null, so a person who clears a value by hand writes ``""``; the app
    itself leaves the key out. Both mean the same, and the JSON Schema says so.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_unset_if_blank, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        inner = dict(handler(schema))
        if "anyOf" in inner:
            inner["anyOf"] = [*inner["anyOf"], BLANK_SCHEMA]
            return inner
        return {"anyOf": [inner, BLANK_SCHEMA]}


def _without_blanks(value: Any) -> Any:
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, str) and not v.strip())]
    return value


class BlankItemsDropped:
    """Mark a list of choices where a blank entry written by hand is no choice at all."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_without_blanks, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        outer = dict(handler(schema))
        if "items" in outer:
            outer["items"] = {"anyOf": [outer["items"], BLANK_SCHEMA]}
        return outer


BLANK = BlankMeansUnset()
BLANK_ITEMS = BlankItemsDropped()
