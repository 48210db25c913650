"""``alignment-tui schema``: the JSON Schema of the profile file."""

from __future__ import annotations

import argparse

from alignment_tui.commands.output import emit
from alignment_tui.i18n import Lang
from alignment_tui.model.profile import Profile
from alignment_tui.safe_text import json_text


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    return None


def profile_schema() -> dict[str, object]:
    schema = Profile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "alignment-tui profile"
    return schema


def run(args: argparse.Namespace, lang: Lang) -> int:
    emit(json_text(profile_schema()) + "\n")
    return 0
