"""Language detection on short answers, accented or not."""

from __future__ import annotations

import pytest

from alignment_tui.analysis.lang import detect_lang


@pytest.mark.parametrize(
    "text",
    [
        "on veut aider les artisans",
        "devenir le leader de notre marche",
        "poster sur les reseaux sociaux regulierement",
        "500 abonnes fin juin",
        "integrite, bienveillance, exigence",
        "qualite prix",
        "l'equipe repond en 24h",
        "Nous réparons les chaussures de ville.",
        "Oser. Partager. Grandir.",
        "+30 %",
    ],
)
def test_french(text: str) -> None:
    assert detect_lang(text) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "we want to help craftspeople",
        "Become the leader of our market",
        "post on social media regularly",
        "reach 500 subscribers by June",
        "Integrity, excellence, respect",
        "we don't sell online",
    ],
)
def test_english(text: str) -> None:
    assert detect_lang(text) == "en"


def test_mixed_answer_goes_to_the_majority() -> None:
    assert detect_lang("on veut booster notre growth sur LinkedIn avec des posts") == "fr"


def test_every_corpus_answer_is_told_in_its_language(repo_root) -> None:
    import tomllib

    for path in sorted((repo_root / "tests" / "corpus").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        wrong = [i["text"] for i in data["item"] if detect_lang(i["text"]) != data["lang"]]
        assert wrong == [], path.name
