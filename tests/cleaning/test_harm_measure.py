"""The PDF damage benchmark's count of lines ``clean`` made worse, on made-up lines."""

from __future__ import annotations

from benchmarks.pdf_damage import SourceIndex, SourceTokens, harmed_lines

SOURCE = "قال الوزير ان الوفد وصل الى بغداد امس، وعاد المبعوث الى عمان."


def _harmed(raw: list[str], *stages: tuple[str, list[str]]) -> list[dict]:
    return harmed_lines(SourceTokens(SOURCE), SourceIndex(SOURCE), raw, list(stages))


def test_a_line_turned_out_of_order_is_harmed_and_names_its_stage() -> None:
    raw = ["قال الوزير ان الوفد", "وصل الى بغداد امس،"]
    turned = ["الوفد قال الوزير ان", raw[1]]
    found = _harmed(raw, ("runs", turned), ("punctuation", turned))
    assert [(h["line"], h["kind"], h["stages"]) for h in found] == [(0, "in order", "runs")]
    assert found[0]["source"] == "قال الوزير ان الوفد"


def test_a_line_put_right_or_left_alone_is_not_harmed() -> None:
    raw = ["الى بغداد امس، وصل", "وعاد المبعوث الى عمان."]
    fixed = ["وصل الى بغداد امس،", raw[1]]
    assert _harmed(raw, ("runs", fixed), ("punctuation", fixed)) == []


def test_a_line_whose_words_are_not_in_the_source_is_not_scored() -> None:
    raw = ["كلمات اخرى تماما"]
    assert _harmed(raw, ("runs", ["تماما كلمات اخرى"])) == []
