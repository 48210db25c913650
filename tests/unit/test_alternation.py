"""A word list written as a tree of shared beginnings matches what the plain list matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_tui.analysis import packs

# Letters that share beginnings, the characters a pack's phrases hold between words, and
# characters a regex would read as syntax.
_CHARS = "ab '-.|*"
_phrases = st.sets(st.text(_CHARS, min_size=0, max_size=5), max_size=8)
_texts = st.text(_CHARS + "c\t", max_size=12)


def _pair(phrases: set[str], context: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    plain = re.compile(context.format(packs.alternation(phrases)))
    tree = re.compile(context.format(packs.trie_alternation(phrases)))
    return plain, tree


@settings(max_examples=400, deadline=None)
@given(_phrases, _texts)
def test_the_tree_finds_the_same_matches_as_the_list(phrases: set[str], text: str) -> None:
    # As the dates and numbers use them: whole words, and followed by more pattern.
    for context in (r"(?:{})(?!\w)", r"(?<!\w)(?:{})\s?b", r"\w{{1,}}(?:{})$"):
        plain, tree = _pair(phrases, context)
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), tree.match(text, pos)
            assert (a and (a.span(), a.group())) == (b and (b.span(), b.group()))
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in tree.finditer(text)]


def test_every_pack_list_reads_the_same_as_a_tree() -> None:
    for pack in packs.packs().values():
        for name in ("months", "durations", "period_words", "numbers", "currencies"):
            words = set(pack.maps[name])
            plain, tree = _pair(words, r"(?<!\w)(?:{})(?!\w)")
            text = " ".join(sorted(words)) + " " + " ".join(w + "s" for w in sorted(words))
            found = [m.span() for m in plain.finditer(text)]
            assert found and found == [m.span() for m in tree.finditer(text)]


def test_a_space_beside_another_kind_of_space_keeps_the_plain_list() -> None:
    # A space in a phrase matches any space: beside a no-break space the tree's order
    # would decide between them, so the plain list is kept.
    phrases = {"k €", "k\u00a0€"}
    assert packs.trie_alternation(phrases) == packs.alternation(phrases)


def test_no_phrase_makes_an_empty_pattern() -> None:
    assert packs.trie_alternation([]) == packs.alternation([]) == ""
    assert packs.trie_alternation(["", "a"]) == "a"
