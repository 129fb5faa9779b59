"""Lines whose glyph runs, cut at kashida glyphs written as control characters, came back
to front are turned round; the same glyphs in lines already in reading order are only
dropped."""

from __future__ import annotations

from workbench import clean
from workbench.cleaning.kashida_runs import (
    TURN_MARGIN,
    kashida_glyphs,
    kashida_runs_in_order,
    leader_runs_in_order,
    leader_turn_gain,
    spaced_runs_in_order,
    turn_gain,
)

# News prose as a justified column sets it; "|" marks where the producer stretched a
# joined word with kashida (between two letters that join), cutting the line into runs.
SOURCE = [
    "وقال المتحدث باسم الشر|طة ان قوات الامن اعتقلت ثلا|ثة من المشتبه بهم",
    "في مدينة البصرة بعد تبا|دل لاطلاق النار استمر سا|عة كاملة",
    "واضاف ان التحقيقات ما تزال جار|ية لمعرفة الجهة التي تقف ورا|ء الهجوم",
    "واكد مصدر امني ان الوضع في المد|ينة تحت السيطرة الكاملة منذ صبا|ح اليوم",
]
GLYPH = "\x04"


def _back_to_front(line: str, glyphs: str = GLYPH * 2) -> str:
    """The line as pypdf reads it: its runs left to right, the kashida glyphs between."""
    return glyphs.join(reversed(line.split("|")))


def _in_order(line: str) -> str:
    """The line as PyMuPDF reads it: runs in reading order, a kashida glyph in each stretch."""
    return GLYPH.join(line.split("|"))


def _plain(line: str) -> str:
    return line.replace("|", "")


def test_runs_back_to_front_are_turned_round():
    raw = "\n".join(_back_to_front(line) for line in SOURCE)
    assert kashida_glyphs(raw) == GLYPH
    text, _, n = kashida_runs_in_order(raw)
    assert n == len(SOURCE)
    assert text.split("\n") == [_plain(line) for line in SOURCE]
    assert clean(raw).text == " ".join(_plain(line) for line in SOURCE)


def test_single_glyphs_turned_as_well():
    raw = "\n".join(_back_to_front(line, GLYPH) for line in SOURCE)
    assert clean(raw).text == " ".join(_plain(line) for line in SOURCE)


def test_kashida_glyph_written_as_a_symbol():
    # A font's kashida glyph may come out as a symbol prose does not set between letters.
    raw = "\n".join(_back_to_front(line, "**") for line in SOURCE)
    assert kashida_glyphs(raw) == "*"
    assert clean(raw).text == " ".join(_plain(line) for line in SOURCE)


def test_asterisks_of_notes_stay():
    text = "\n".join(f"{_plain(line)}*" if k % 2 else f"*{_plain(line)}" for k, line in enumerate(SOURCE))
    out, _, n = kashida_runs_in_order(text)
    assert n == 0 and out == text


def test_offsets_point_at_the_same_characters():
    raw = "\n".join(_back_to_front(line) for line in SOURCE)
    text, src, _ = kashida_runs_in_order(raw)
    assert len(text) == len(src)
    assert all(raw[i] == ch for ch, i in zip(text, src, strict=True))
    cleaned = clean(raw)
    at = cleaned.text.find("الشرطة")
    a, b = cleaned.to_raw(at, at + len("الشرطة"))
    assert set("الشرطة") <= set(raw[a:b])


def test_lines_in_reading_order_are_left_in_order():
    raw = "\n".join(_in_order(line) for line in SOURCE)
    assert all(turn_gain(line, GLYPH) < 0 for line in raw.split("\n"))
    text, _, n = kashida_runs_in_order(raw)
    assert n == 0 and text == raw
    assert clean(raw).text == " ".join(_plain(line) for line in SOURCE)


def test_numbers_stay_between_the_runs_they_divide():
    line = "قتل 12 شخصا في هجوم و|قع في سو|ق المدينة"
    stretches = [" شخصا في هجوم و", "قع في سو", "ق المدينة"]
    damaged = "قتل 12 " + (GLYPH * 2).join(reversed(stretches)).lstrip()
    raw = "\n".join([damaged] * 3)
    text, _, n = kashida_runs_in_order(raw)
    assert n == 3
    assert " ".join(text.split("\n")[0].split()) == _plain(line)


def test_too_few_lines_decide_nothing():
    raw = "\n".join(_back_to_front(line) for line in SOURCE[:2])
    text, _, n = kashida_runs_in_order(raw)
    assert n == 0 and text == raw


def test_a_control_away_from_letters_is_no_kashida_glyph():
    raw = "\n".join(f"{_plain(line)} \x04 12" for line in SOURCE)
    assert kashida_glyphs(raw) == ""


# XeLaTeX's kashida drawn as leaders: pypdf writes a gap of spaces for each and loses the
# spaces between words; "|" marks where a leader cut a line (between two joined letters).
LEADER_SOURCE = [
    "قالت|الشر|طة|انها|اعتقلت|ثلا|ثة|من|المش|تبه|بهم",
    "فيمد|ينة|البص|رة|بعد|تبا|دل|لا|طلاق|النار",
    "واضا|فان|التحق|يقات|ماتزال|جار|يةلمع|رفة|الجهة",
    "واكدمص|درام|نيان|الوضع|فيالمد|ينة|تحت|السيطرة",
]
# The same lines with the spaces between words, as the resegment stage gives them back.
LEADER_WORDS = [
    "قالت الشرطة انها اعتقلت ثلاثة من المشتبه بهم",
    "في مدينة البصرة بعد تبادل لاطلاق النار",
    "واضاف ان التحقيقات ما تزال جارية لمعرفة الجهة",
    "واكد مصدر امني ان الوضع في المدينة تحت السيطرة",
]


def _leaders(line: str, *, turned: bool = True) -> str:
    runs = line.split("|")
    return "   ".join(reversed(runs) if turned else runs)


def test_runs_parted_by_leaders_are_joined_and_turned_round():
    raw = "\n".join(_leaders(line) for line in LEADER_SOURCE * 2)
    text, src, n = leader_runs_in_order(raw)
    assert n == 2 * len(LEADER_SOURCE)
    assert text.split("\n")[: len(LEADER_SOURCE)] == [line.replace("|", "") for line in LEADER_SOURCE]
    assert all(raw[i] == ch for ch, i in zip(text, src, strict=True))
    # The letters in reading order, cut into words again (the word list's cut, which
    # need not be the source's everywhere: ``ماتزال`` is one word to it).
    cleaned = clean(raw).text
    assert cleaned.replace(" ", "").startswith("".join(LEADER_WORDS).replace(" ", ""))
    words = set(cleaned.split())
    source = " ".join(LEADER_WORDS).split()
    assert sum(w in words for w in source) >= 0.8 * len(source)


def test_leader_lines_in_reading_order_are_joined_in_place():
    raw = "\n".join(_leaders(line, turned=False) for line in LEADER_SOURCE * 2)
    assert all(leader_turn_gain(line) <= TURN_MARGIN for line in raw.split("\n"))
    text, _, _ = leader_runs_in_order(raw)
    assert text.split("\n")[: len(LEADER_SOURCE)] == [line.replace("|", "") for line in LEADER_SOURCE]


def test_text_with_single_spaces_is_no_leader_text():
    raw = "\n".join(LEADER_WORDS * 4)
    text, _, n = leader_runs_in_order(raw)
    assert n == 0 and text == raw


# A font whose kashida glyph the PDF maps to a space: pypdf's runs back to front, parted by
# one or two spaces among the single spaces between words ("|" marks the stretched joins).
SPACED_SOURCE = [
    "وقال مسؤول في وزارة الداخلية ان قوات الام|ن تمك|نت من اعتقال خم|سة مسلحين في مدينة الموصل",
    "بعد اشتباكات استمرت ساعتين مع عناصر الجم|اعة المسلحة التي هاج|مت مركزا للش|رطة صب|اح امس",
    "واضاف ان التحقيقات ما تزال جارية لمعرفة الجهة التي تق|ف وراء الهجوم الذي اس|فر عن مق|تل ش|رطي",
    "واكد مصدر امني ان الوضع في المدينة تحت السيطرة الكام|لة وان الحياة عادت الى طبيع|تها في الاس|واق",
    "وكانت المدي|نة قد شهدت خلال الاسبوع الماضي سلسلة من الهجم|ات التي استه|دفت مراكز الش|رطة والجيش",
]


def _spaced(line: str, gaps: tuple[str, ...] = ("  ", "  ", " ")) -> str:
    runs = line.split("|")
    out = runs[-1]
    for k, run in enumerate(reversed(runs[:-1])):
        out += gaps[k % len(gaps)] + run
    return out


def test_runs_cut_at_spaced_kashida_are_turned_round():
    raw = "\n".join(_spaced(line) for line in SPACED_SOURCE)
    text, src, n = spaced_runs_in_order(raw)
    assert n == len(SPACED_SOURCE)
    assert text.split("\n") == [line.replace("|", "") for line in SPACED_SOURCE]
    assert all(raw[i] == ch for ch, i in zip(text, src, strict=True))


def test_text_without_spaced_kashida_is_not_searched():
    # Lines in reading order, wide gaps where a justified line set them: no line reads
    # better cut and turned.
    raw = "\n".join(line.replace("|", "").replace(" ", "  ", 3) for line in SPACED_SOURCE)
    text, _, n = spaced_runs_in_order(raw)
    assert n == 0 and text == raw


def test_hashtags_are_no_kashida_glyphs():
    # Web text writes # and _ beside letters in hashtags; they stand for no kashida, and a
    # text of tweets is not weighed for turned runs at all.
    tweets = "\n".join(["عاجل #الموصل_اليوم انفجار في السوق",
                        "#كورونا_الجديد يصل الى #بغداد",
                        "قال الوزير: (#العراق_ينتصر) اليوم"])
    assert kashida_glyphs(tweets) == ""
    assert clean(tweets).text.count("#") == 4
    # the same marks inside words, as a font's kashida glyph, still are
    assert kashida_glyphs("الجزي##رة و الم#وصل") == "#"


# A font subset may give its kashida glyph a printable code: a Latin comma, a digit or a
# Latin letter, none of which Arabic prose sets between two letters of a word.
PRINTABLE = (",", "7", "L")


def test_printable_glyph_back_to_front_is_turned_round():
    for glyph in PRINTABLE:
        raw = "\n".join(_back_to_front(line, glyph * 2) for line in SOURCE)
        assert kashida_glyphs(raw) == glyph
        text, _, n = kashida_runs_in_order(raw)
        assert n == len(SOURCE)
        assert text.split("\n") == [_plain(line) for line in SOURCE]
        assert clean(raw).text == " ".join(_plain(line) for line in SOURCE)


def test_printable_glyph_in_reading_order_is_dropped():
    for glyph in PRINTABLE:
        raw = "\n".join(line.replace("|", glyph) for line in SOURCE)
        text, src, _ = kashida_runs_in_order(raw)
        assert text.split("\n") == [_plain(line) for line in SOURCE]
        assert all(raw[i] == ch for ch, i in zip(text, src, strict=True))


def test_printable_glyph_of_mirrored_lines_is_not_turned():
    # Lines written letter by letter in visual order (pdfplumber) read no better turned
    # at their glyphs: the glyphs are dropped, the letters left for the stage
    # that reads such lines back.
    raw = "\n".join(line.replace("|", "77")[::-1] for line in SOURCE)
    text, _, _ = kashida_runs_in_order(raw)
    assert text.split("\n") == [_plain(line)[::-1] for line in SOURCE]
    assert clean(raw).text == " ".join(_plain(line) for line in SOURCE)


def test_stops_glued_where_spaces_were_lost_are_no_glyphs():
    # An extractor that lost the spaces glues the stops and quotes to the next word.
    lines = [_plain(line).replace(" ", ".", 2).replace(" ", '"', 1) for line in SOURCE]
    raw = "\n".join(lines)
    assert kashida_glyphs(raw) == ""
    text, _, n = kashida_runs_in_order(raw)
    assert n == 0 and text == raw


def test_commas_glued_as_stops_are_no_glyphs():
    # A text that writes its stops glued (Arabic commas too) glues a Latin comma as a
    # stop: no share over its stops' that a glyph would show.
    raw = "\n".join(_plain(line).replace(" ", "،", 1).replace(" ", ",", 2) for line in SOURCE * 2)
    assert kashida_glyphs(raw) == ""


def test_a_mark_between_tatweels_is_the_writers():
    # A word stretched round a mark by its writer (قتلـ,ـى) is no kashida glyph's trace.
    raw = "\n".join(["قتلـ,ـى وجرحـ,ـى في هجـ,ـوم استهدف دورية، واصـ,ـابة عنـ,ـاصر اخرين"] * 3)
    text, _, n = kashida_runs_in_order(raw)
    assert n == 0 and text == raw
