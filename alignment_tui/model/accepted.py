"""A trade's own terms, accepted for one profile: the analysis never flags them there."""

from __future__ import annotations

from alignment_tui.model.profile import Profile


def accept_term(profile: Profile, words: str) -> str | None:
    """Add ``words`` to the profile's accepted terms; the term added, or None (none/already)."""
    term = " ".join(words.split())
    if not term:
        return None
    known = {x.casefold() for x in profile.settings.accepted_terms}
    if term.casefold() in known:
        return None
    profile.settings.accepted_terms = [*profile.settings.accepted_terms, term]
    return term


def remove_term(profile: Profile, term: str) -> bool:
    """Take a term back: the analysis may flag it again."""
    kept = [x for x in profile.settings.accepted_terms if x != term]
    if len(kept) == len(profile.settings.accepted_terms):
        return False
    profile.settings.accepted_terms = kept
    return True
