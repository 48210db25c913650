"""Pasted text stays text: escape sequences and control characters out, the rest kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from alignment_tui.model.pasted import PASTE_END, PASTE_START, PasteStream, clean_paste

COLOURED = "Le pain \x1b[1mgras\x1b[0m du jour\r\nligne 2"


def test_colours_titles_and_controls_go_text_tabs_and_emoji_stay() -> None:
    assert clean_paste(COLOURED) == "Le pain gras du jour\nligne 2"
    assert clean_paste("\x1b]0;pwned\x07titre\x1b]8;;http://x\x1b\\lien") == "titrelien"
    assert clean_paste("a\x1b(Bb\x1bcc\x07d\x00e\x7ff\x9b31mg") == "abcdefg"
    assert clean_paste("col 1\tcol 2 😀 — « é »\rfin") == "col 1\tcol 2 😀 — « é »\nfin"


def test_a_paste_reaches_the_parser_whole_and_without_escapes_however_it_is_split() -> None:
    data = f"ab{PASTE_START}{COLOURED}{PASTE_END}cd{PASTE_START}x\x1b[31my{PASTE_END}"
    wanted = f"ab{PASTE_START}Le pain gras du jour\nligne 2{PASTE_END}cd{PASTE_START}xy{PASTE_END}"
    for cut in range(len(data) + 1):
        for second in (cut, min(len(data), cut + 3)):
            stream = PasteStream()
            out = stream.feed(data[:cut]) + stream.feed(data[cut:second])
            out += stream.feed(data[second:])
            assert out == wanted, cut


def test_outside_a_paste_input_passes_at_once() -> None:
    stream = PasteStream()
    assert stream.feed("\x1b") == "\x1b"  # a lone Escape key is never kept back
    assert stream.feed("[A") == "[A"
    assert not stream.in_paste


@given(st.text())
def test_cleaned_text_holds_no_control_character(text: str) -> None:
    cleaned = clean_paste(text)
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
