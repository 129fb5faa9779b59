"""Brackets a text writes mirrored (each glyph read as the character of its shape) are
turned round; a writer's own stray pair beside pairs written the right way is left."""

from __future__ import annotations

from workbench import clean
from workbench.cleaning.lines import synthetic
from workbench.cleaning.spacing import mirrored_brackets


def _texts(lines: list[str]) -> list[str]:
    out, _ = mirrored_brackets([synthetic(t, 0) for t in lines])
    return [line.text for line in out]


def test_mirrored_pairs_turned() -> None:
    lines = ["وقال المتحدث )رويترز( ان القوات وصلت", "في الفترة )2003 - 2011( قتل الالاف",
             "ولم يصب احد بجروح"]
    assert _texts(lines) == ["وقال المتحدث (رويترز) ان القوات وصلت", "في الفترة (2003 - 2011) قتل الالاف",
                             "ولم يصب احد بجروح"]


def test_pairs_the_right_way_outnumber_a_stray_one() -> None:
    lines = ["وقال )المتحدث( ان القوات", "وصلت (امس) الى المدينة", "نقلا عن (الشرطة) المحلية"]
    assert _texts(lines) == lines


def test_brackets_typed_the_wrong_way_round_stay() -> None:
    # glued to the words outside them: the writer's own text, not glyphs read mirrored
    lines = ["وذكرت صحيفة) الخبر (امس ان", "وقال مصدر) امني (ان الهجوم", "في مدينة) البصرة (جنوبا"]
    assert _texts(lines) == lines


def test_a_closing_bracket_far_from_the_opening_one_is_no_pair() -> None:
    # two halves of pairs, the runs of the line between them out of order
    lines = ["ارشيف) في مفاوضات النووي الايراني مع اجراء محادثات مع ايران فيما تطالب (الفرنسية"]
    assert _texts(lines) == lines
    assert _texts([") (", ") ( ) ("]) == [") (", ") ( ) ("]


def test_clean_turns_them() -> None:
    assert "(رويترز)" in clean("وقال المتحدث )رويترز( ان القوات وصلت الى المدينة امس").text


def test_a_pair_split_by_a_line_break_is_decided_as_one() -> None:
    # the lines of a paragraph are one line once laid out: a pair a wrap split is read
    # there, and the next clean must find nothing left to turn
    raw = "وقال المتحدث باسم الشرطة )رويترز\nالمحلية( ان القوات وصلت الى المدينة امس"
    once = clean(raw).text
    assert "(رويترز المحلية)" in once
    assert clean(once).text == once
    assert clean(")ا\nا(").text == "(ا ا)"  # the shortest such pair
