"""Lines whose runs a font's missing quotes, stops or digits cut, written left to right,
are put back in reading order; text already in reading order is left alone."""

from __future__ import annotations

import numpy as np

from workbench import clean
from workbench.cleaning.fallback import (
    _classes_of_opening_lines,
    _may_turn,
    _new_lines_open,
    _opening_spaces,
    _stop_in_order,
    _Text,
    _text_turns,
    _with_more_classes,
    char_class,
    closes_in_order,
    cutting_classes,
    fallback_runs,
    glued_digit_lines,
    odd_edges,
    own_brackets,
    run_spans,
    shows_stop_cut,
    turned_line,
)
from workbench.cleaning.lines import Line, split_lines

# News prose as a PDF sets it: lines of a column, quotes and numbers inside them.
SOURCE = [
    'وقال رئيس الوزراء في مؤتمر صحافي " ان الحكومة',
    'ستواصل العمل من اجل " الامن والاستقرار في البلاد',
    'واضاف ان " قوات الامن اعتقلت 12 من المشتبه بهم',
    'وقال المتحدث باسم وزارة الداخلية " ان الهجوم وقع',
    'في بغداد يوم الاحد " واسفر عن مقتل 5 اشخاص',
    'واكد مصدر امني ان " الوضع في المدينة تحت السيطرة',
]
CUTTERS = {'"', "0"}


def _left_to_right(line: str) -> str:
    """The line as pypdf reads it where quotes and digits come from another font."""
    return " ".join(line[a:b] for a, b in reversed(run_spans(line, CUTTERS)))


def _lines(texts: list[str]) -> list[Line]:
    """The lines of the raw text ``texts`` joined by line breaks, offsets into it kept."""
    raw = "\n".join(texts)
    return split_lines(Line(raw, np.arange(len(raw), dtype=np.int64)))


def test_turning_is_its_own_inverse():
    for line in SOURCE:
        assert turned_line(_left_to_right(line), CUTTERS) == line


def test_runs_written_left_to_right_are_put_in_reading_order():
    damaged = [_left_to_right(line) for line in SOURCE]
    assert damaged != SOURCE
    assert cutting_classes(damaged) >= {'"'}
    out, n = fallback_runs(_lines(damaged))
    assert n == len(SOURCE)
    assert [line.text for line in out] == SOURCE


def test_offsets_point_at_the_same_characters():
    damaged = [_left_to_right(line) for line in SOURCE]
    raw = "\n".join(damaged)
    out, _ = fallback_runs(_lines(damaged))
    for line in out:
        kept = [(ch, raw[i]) for ch, i in zip(line.text, line.src.tolist(), strict=True) if ch != " "]
        assert all(a == b for a, b in kept)


def test_text_in_reading_order_is_left_alone():
    assert cutting_classes(SOURCE) == set()
    out, n = fallback_runs(_lines(SOURCE))
    assert n == 0 and [line.text for line in out] == SOURCE


def test_only_a_line_that_does_not_close_in_order_and_holds_another_font_may_turn():
    damaged = [_left_to_right(line) for line in SOURCE]
    assert any(map(_may_turn, damaged))
    assert all(_may_turn(d) for d, line in zip(damaged, SOURCE, strict=True) if d != line)
    closed = [line + "." for line in SOURCE]  # each opens with a letter and ends with its stop
    assert not any(map(_may_turn, closed))
    assert not _may_turn("وقال الوزير ان الحكومة ستواصل العمل")  # no character of another font
    out, n = fallback_runs(_lines(closed))
    assert n == 0 and [line.text for line in out] == closed


def test_one_line_is_no_evidence():
    damaged = [_left_to_right(SOURCE[0])]
    assert fallback_runs(_lines(damaged))[1] == 0


def test_clean_puts_the_runs_in_order():
    damaged = "\n".join(_left_to_right(line) for line in SOURCE)
    cleaned = clean(damaged)
    assert cleaned.log.set_index("stage").changes["fallback_runs"] == len(SOURCE)
    assert cleaned.stage_text("fallback_runs").split("\n") == SOURCE


def test_tatweel_inside_words_is_no_kashida_justification():
    # A font's lam-kaf ligature writes tatweel inside words (الـكبيرة) on many lines: no
    # run is cut there, so the lines are still turned; tatweel at word edges (kashida
    # justification) leaves them to the run repair.
    ligature = [line.replace("الحكومة", "الـحكومة").replace("المدينة", "الـمدينة") for line in SOURCE]
    ligature = [line if "ـ" in line else line.replace("في", "فـي") for line in ligature]
    damaged = [_left_to_right(line) for line in ligature]
    out, n = fallback_runs(_lines(damaged))
    assert n == len(SOURCE) and [line.text for line in out] == ligature
    edges = [_left_to_right(line).replace(" في ", " فيــ ") for line in SOURCE]
    assert fallback_runs(_lines(edges))[1] == 0


def test_stops_turned_to_line_ends_are_evidence_for_a_weaker_gain():
    # Lines written left to right open with their stop; turned, it closes them.
    damaged = [". اعتقلت قوات الامن عشرة من المشتبه بهم 12 وقال المتحدث",
               ". وقع الهجوم في بغداد يوم الاحد 5 واسفر عن مقتل",
               ". قالت الحكومة انها ستواصل العمل 3 واكد مصدر امني"]
    cutters = {".", "0"}
    assert [odd_edges(t) for t in damaged] == [1, 1, 1]
    assert all(odd_edges(turned_line(t, cutters)) == 0 for t in damaged)
    assert _text_turns(damaged, range(3), cutters, gain=1.5)
    assert not _text_turns(damaged, range(3), cutters, gain=0.5)
    # Lines in reading order gain nothing at their edges by turning: a weak gain is not enough.
    in_order = [turned_line(t, cutters) for t in damaged]
    assert not _text_turns(in_order, range(3), cutters, gain=1.5)
    assert _text_turns(in_order, range(3), cutters, gain=2.5)


def test_a_paragraph_end_holding_its_stop_alone_is_evidence_too():
    # The lines that turn hold a stop inside and read the same at both edges either way;
    # the last lines of paragraphs hold their stop alone and, written left to right,
    # open with it: their edges tell that the text's stops come from another font.
    turned = ["وصل الوفد الى المدينة صباحا . ثم عقد اجتماعا مع المحافظ",
              "وقال المتحدث ان الاجتماع كان مثمرا . واضاف ان الوفد سيعود"]
    damaged = [_left_to_right_by(t, {"."}) for t in turned]
    ends = [".وبحث الجانبان الاوضاع الامنية في المحافظة",
            ".الى العاصمة بعد انتهاء الزيارة"]
    texts = [damaged[0], ends[0], damaged[1], ends[1]]
    assert [odd_edges(t) for t in damaged] == [0, 0]
    assert _text_turns(texts, [0, 2], {"."}, gain=1.5)
    assert not _text_turns(texts, [0, 2], {"."}, gain=0.5)
    # in reading order, the ends close with their stops: turning would open them so
    in_order = [turned[0], "وبحث الجانبان الاوضاع الامنية في المحافظة.",
                turned[1], "الى العاصمة بعد انتهاء الزيارة."]
    assert not _text_turns(in_order, [0, 2], {"."}, gain=1.5)


def _left_to_right_by(line: str, cutters: set[str]) -> str:
    """The line with its runs (cut by ``cutters``) written left to right."""
    return " ".join(line[a:b] for a, b in reversed(run_spans(line, cutters)))


# A glyph of another font the PDF gave no character for (pypdf writes U+FFFF) cuts runs as
# a quote does; once they are turned it is flagged as unreadable, never dropped unseen.
_NO_CHARACTER = "\uffff"
_CUT_LINES = [
    ("وقال الامين العام", "للامم المتحدة ان مجلس"),
    ("الامن الدولي", "سيعقد جلسة طارئة في"),
    ("وقت لاحق", "لبحث الوضع في الشرق"),
    ("الاوسط واضاف", "ان الامم"),
    ("المتحدة تدعو", "الى وقف اطلاق النار"),
]


def test_glyphs_without_a_character_cut_runs_and_are_flagged():
    raw = "\n".join(f"{b} {_NO_CHARACTER} {a}" for a, b in _CUT_LINES)
    c = clean(raw)
    assert c.text.startswith("وقال الامين العام \ufffd للامم المتحدة ان مجلس الامن الدولي")
    assert _NO_CHARACTER not in c.text
    assert c.gaps["kind"].tolist() == ["unreadable"] * len(_CUT_LINES)


def test_glyphs_without_a_character_in_reading_order_stay_in_place():
    raw = "\n".join(f"{a} {_NO_CHARACTER} {b}" for a, b in _CUT_LINES)
    assert clean(raw).text.startswith("وقال الامين العام \ufffd للامم المتحدة ان مجلس الامن الدولي")


def test_a_glyph_without_a_character_inside_a_word_is_dropped():
    # glued to letters on both sides it is a glyph of the word, no run is cut there
    assert clean(f"وقالت مصادر ان ال{_NO_CHARACTER}قوات انسحبت").text == "وقالت مصادر ان القوات انسحبت"


def test_the_two_brackets_of_a_pair_are_one_class():
    # a font that lacks "(" lacks ")": the pair is decided together
    assert char_class(")") == char_class("(") and char_class("»") == char_class("«")
    assert char_class(")") != char_class('"')


def test_classes_that_turn_lines_only_together_are_taken_together():
    # each line is cut by a quote and a stop; turned at either alone it reads no better
    parts = [
        ("وقال الامين العام للامم", "المتحدة ان مجلس", "الامن الدولي سيعقد جلسة"),
        ("طارئة في وقت", "لاحق لبحث الوضع في الشرق", "الاوسط واضاف ان الامم"),
        ("المتحدة تدعو الى وقف", "اطلاق النار في قطاع", "غزة وقال وزير الخارجية"),
        ("ان الحكومة ستواصل", "عملياتها العسكرية في", "المنطقة حتى نهاية العام"),
    ]
    texts = [f'{c} . {b} " {a}' for a, b, c in parts]
    assert cutting_classes(texts) == {'"', "."}
    a, b, c = parts[0]
    assert turned_line(texts[0], {'"', "."}) == f'{a} " {b} . {c}'


def test_a_small_gain_over_many_lines_is_evidence_where_the_edges_read_no_worse():
    # Runs cut by a digit, written left to right: the edges say nothing either way, so a
    # mean gain below EDGE_TEXT_GAIN decides only where many lines add up to TOTAL_TEXT_GAIN.
    turned = ["وقع الهجوم في بغداد يوم 5 واسفر عن مقتل جنود",
              "وقالت الشرطة ان 12 شخصا اصيبوا في الانفجار",
              "واكد مصدر امني ان 3 مسلحين فروا من المكان"]
    damaged = [_left_to_right_by(t, {"0"}) for t in turned]
    texts = damaged * 4
    assert sum(map(odd_edges, damaged)) == 0
    assert not _text_turns(texts[:3], range(3), {"0"}, gain=0.9)  # 2.7 in all
    assert _text_turns(texts, range(12), {"0"}, gain=0.9)  # 10.8 in all
    # lines in reading order that close with a stop open with it turned: no total is enough
    in_order = [t + "." for t in turned] * 4
    assert not _text_turns(in_order, range(12), {"0", "."}, gain=0.9)


def test_each_line_whose_edges_turning_puts_right_adds_to_the_total() -> None:
    # Lines cut by a stop: two of them paragraph ends opening with their stop.
    turned = ["وصل الوفد الى المدينة صباحا . ثم عقد اجتماعا مع المحافظ",
              "وقال المتحدث ان الاجتماع كان مثمرا . واضاف ان الوفد سيعود"]
    damaged = [_left_to_right_by(t, {"."}) for t in turned]
    ends = [".وبحث الجانبان الاوضاع الامنية في المحافظة",
            ".الى العاصمة بعد انتهاء الزيارة"]
    texts = [damaged[0], ends[0], damaged[1], ends[1]] * 2
    turning = [0, 2, 4, 6]
    # a mean gain under EDGE_TEXT_GAIN: 3.6 in all, and four lines' edges put right
    assert _text_turns(texts, turning, {"."}, gain=0.9)
    # the same gain without the paragraph ends: no edge put right, too little in all
    assert not _text_turns([damaged[0], damaged[1]] * 2, range(4), {"."}, gain=0.9)


def test_two_lines_that_gain_much_are_evidence() -> None:
    # A font lacking digits cuts only the lines holding a number: two on this page. Turned,
    # each line meets its neighbours where the words belong together (للامم | المتحدة,
    # مجلس | الامن), far likelier than as written.
    source = ['وقال الامين العام للامم',
              'المتحدة ان 12 جنديا قتلوا في الهجوم الذي استهدف مقر مجلس',
              'الامن الدولي في العاصمة واضاف ان الامم',
              'المتحدة تدعو الى وقف اطلاق النار منذ 3 ايام في قطاع',
              'غزة وقال وزير الخارجية ان الحكومة ستواصل العمل']
    damaged = [_left_to_right_by(t, {"0"}) for t in source]
    assert cutting_classes(damaged) == {"0"}
    assert [line.text for line in fallback_runs(_lines(damaged))[0]] == source
    # in reading order the same lines are left alone, and one such line alone is no evidence
    assert cutting_classes(source) == set()
    assert cutting_classes(damaged[:3]) == set()


# A page of news whose digits the font lacked: pypdf writes the runs of a line left to
# right and glues each number to the run it follows in the output (``السوق12  واعلنت``).
NUMBERS = [
    "وقال مصدر في الشرطة ان الانفجار وقع صباح اليوم في سوق شعبي",
    "واعلنت الشرطة مقتل 12 شخصا في الهجوم على السوق",
    "واصابة 30 اخرين بجروح ونقلوا الى المستشفى القريب من مكان الحادث",
    "وقالت وزارة الداخلية ان التحقيق جار لمعرفة الجهة المسؤولة عن الهجوم",
]
GLUED = [
    NUMBERS[0],
    "شخصا في الهجوم على السوق12  واعلنت الشرطة مقتل",
    "اخرين بجروح ونقلوا الى المستشفى القريب من مكان الحادث30  واصابة",
    NUMBERS[3],
]


def test_numbers_glued_out_of_place_turn_lines_too_few_for_the_search():
    assert glued_digit_lines(GLUED) == 2
    assert cutting_classes(GLUED) == {"0"}
    out, n = fallback_runs(_lines(GLUED))
    assert n == 2
    assert [line.text for line in out] == NUMBERS


def test_numbers_in_reading_order_or_on_a_proclitic_are_no_evidence():
    assert glued_digit_lines(NUMBERS) == 0
    assert glued_digit_lines(["قتل ب12 صاروخا و15 قذيفة", "في المدينة"]) == 0
    assert cutting_classes(NUMBERS) == set()


def test_a_paragraph_alone_between_blank_lines_is_not_weighed_again():
    # clean's output: each paragraph a line of its own; its runs were weighed while its
    # lines stood together, and a second clean leaves them as they are
    alone = ["", GLUED[1], "", GLUED[2], ""]
    assert glued_digit_lines(alone) == 0
    assert fallback_runs(_lines(alone))[1] == 0
    cleaned = clean("\n".join(GLUED)).text
    assert clean(cleaned).text == cleaned


def test_lines_opening_with_a_space_are_a_sign_not_a_decision():
    # pypdf writes the space after a line's last word first when it writes the line's runs
    # left to right; the classes must still make the lines read better
    opened = [" " + _left_to_right(line) for line in SOURCE]
    assert _opening_spaces(opened)
    assert cutting_classes(opened) >= {'"'}
    # lines in reading order that open with a space read worse turned: nothing is turned
    spaced = [" " + line for line in SOURCE]
    assert _opening_spaces(spaced)
    assert cutting_classes(spaced) == set()
    # two lines opening so are no sign
    assert not _opening_spaces(opened[:2] + SOURCE[2:])


def test_a_class_is_added_on_the_sign_only_where_the_lines_it_adds_open_with_a_space():
    # the digits already taken turn the two lines with numbers; the quotes add four more
    written = [" " + _left_to_right_by(line, {'"', "0"}) for line in SOURCE]
    assert _new_lines_open(written, {"0"}, {"0", '"'})
    # the four lines the quotes would add stand in reading order, opening with no space
    in_order = [line if not any(c.isdigit() for c in line) else written[i]
                for i, line in enumerate(SOURCE)]
    assert not _new_lines_open(in_order, {"0"}, {"0", '"'})


# Lines with brackets round a word, as a PDF sets them (each pair in one line).
_BRACKETED = [
    "وقال المتحدث باسم الجيش (العقيد احمد) ان القوات دخلت",
    "المدينة صباحا وسيطرت على المباني الحكومية (وفق البيان) بعد",
    "اشتباكات مع المسلحين استمرت ساعات (حسب الشهود) واسفرت عن",
    "مقتل عدد من المهاجمين واعتقال اخرين (بينهم قادة) في",
]


def test_brackets_drawn_mirrored_are_mirrored_back():
    # Chromium's PDFs: the bracket another font drew is the glyph the page shows, the
    # closing one where the text opens; WeasyPrint's keep the text's own bracket
    mirror = str.maketrans("()", ")(")
    drawn = [_left_to_right_by(t, {"("}).translate(mirror) for t in _BRACKETED]
    kept = [_left_to_right_by(t, {"("}) for t in _BRACKETED]
    assert drawn[0].startswith("ان القوات دخلت ( العقيد") and kept[0].startswith("ان القوات دخلت ) العقيد")
    for damaged in (drawn, kept):
        assert cutting_classes(damaged) == {"("}
        out, n = fallback_runs(_lines(damaged))
        assert n == len(_BRACKETED) and [line.text for line in out] == _BRACKETED


def test_a_mark_cutting_few_lines_is_taken_on_the_lines_own_signs():
    # the quotes and digits decide that the font lacked glyphs; a dash cuts two lines
    # only, too few to decide on, but they open with a space (written left to right)
    dashed = ["وقال وزير الخارجية - في مؤتمر صحافي - ان الحكومة",
              "واكد المتحدث باسم الجيش - في بيان - ان القوات"]
    cutters = {'"', "0", "-"}
    damaged = [_left_to_right_by(t, cutters) for t in SOURCE]
    damaged += [" " + _left_to_right_by(t, cutters) for t in dashed]
    assert _with_more_classes(damaged, {'"', "0"}, _Text(damaged)) == cutters
    out, _ = fallback_runs(_lines(damaged))
    assert [line.text for line in out] == SOURCE + dashed
    # without the sign, the lines' gain alone does not take it
    bare = [t.strip() for t in damaged]
    assert _with_more_classes(bare, {'"', "0"}, _Text(bare)) == {'"', "0"}


def test_two_marks_that_turn_lines_only_together_are_taken_together():
    # dashes and brackets cut two lines (their stops too, written first): turned at the
    # dashes alone or the brackets alone they read no better, at both they read right
    asides = ["واعلن الوزير - الذي زار المدينة (امس) - ان المشروع.",
              "واكد المسؤول - في تصريح (للصحافيين) - ان العمل."]
    damaged = [_left_to_right_by(t, CUTTERS) for t in SOURCE]
    damaged += [_left_to_right_by(t, CUTTERS | {"-", "(", "."}) for t in asides]
    assert _with_more_classes(damaged, CUTTERS, _Text(damaged)) == CUTTERS | {"-", "("}
    out, _ = fallback_runs(_lines(damaged))
    assert [line.text.replace(" .", ".") for line in out[-2:]] == asides


def test_a_mark_alone_is_taken_where_all_its_lines_show_they_were_turned():
    # two dateline dashes on a page: too few lines for the model alone, but both lines
    # open with a space, the sign of runs written left to right
    dashed = ["نيويورك - اعتبر وزير الخارجية في مؤتمر صحافي ان الحكومة",
              "القاهرة - حذر المتحدث باسم الجيش في بيان من ان القوات"]
    prose = ["ستواصل العمل من اجل الامن والاستقرار في البلاد",
             "دخلت المدينة صباحا وسيطرت على المباني الحكومية"]
    damaged = [" " + _left_to_right_by(dashed[0], {"-"}), prose[0],
               " " + _left_to_right_by(dashed[1], {"-"}), prose[1]]
    assert cutting_classes(damaged) == {"-"}
    assert cutting_classes([t.strip() for t in damaged]) == set()


def test_marks_of_the_lines_opening_with_a_space_are_the_other_fonts():
    # quotes drawn from another font cut their lines, written left to right with the last
    # word's space first; the full stops are the text's own: lines holding them alone
    # stay one run, in reading order, opening with a letter
    quoted = [" " + _left_to_right_by(SOURCE[k], {'"'}) for k in (0, 1, 3, 5)]
    stops = ["وصل الوفد الى المدينة صباحا. ثم عقد اجتماعا مع المحافظ",
             "وقال المتحدث ان الاجتماع كان مثمرا. واضاف ان الوفد سيعود"]
    texts = quoted[:2] + stops[:1] + quoted[2:] + stops[1:]
    assert _opening_spaces(texts)
    assert _classes_of_opening_lines(texts, _Text(texts), set()) == {'"'}


def test_a_line_opening_with_a_word_and_closing_its_sentence_is_not_turned():
    # the text's quotes turn its lines written left to right; a line that opens with its
    # first word's letter and closes with its sentence's stop was written in reading order
    damaged = [_left_to_right(line) for line in SOURCE]
    in_order = 'وقال الناطق " ان القوات انسحبت من المدينة.'
    out, _ = fallback_runs(_lines([*damaged[:3], in_order, *damaged[3:]]))
    texts = [line.text for line in out]
    assert texts == [*SOURCE[:3], in_order, *SOURCE[3:]]
    assert closes_in_order(in_order)
    assert not closes_in_order('. ان القوات انسحبت من المدينة " وقال الناطق')
    assert not closes_in_order(' ان القوات انسحبت من المدينة. " وقال الناطق')


def test_a_bracket_of_the_texts_own_font_is_no_run_break():
    # the first line reads worse turned at its brackets and shows no sign of being written
    # left to right; the last opens with a space (its last word's space written first)
    texts = ["وقال رئيس الوزراء السابق (الرابع) في مؤتمر صحفي امس",
             "ان الحكومة ستواصل العمل من اجل السلام",
             " في مؤتمر صحفي امس (الرابع) وقال رئيس الوزراء السابق"]
    assert own_brackets(_Text(texts), {"(", "0"}, False) == {0}
    assert own_brackets(_Text(texts), {"0"}, False) == set()
    # a text drawing its brackets mirrored: a line opening with ``(`` opens with a closing one
    mirrored = ["( وقال رئيس الوزراء السابق )الرابع( في مؤتمر صحفي امس", texts[1]]
    assert own_brackets(_Text(mirrored), {"("}, False) == {0}
    assert own_brackets(_Text(mirrored), {"("}, True) == set()


def test_a_line_the_stop_alone_cuts_shows_how_it_was_written():
    # In reading order a stop follows its word, a space after it; written left to right
    # the line opens with its last word's space, or a stop stands at an edge or is glued
    # to the word after it.
    assert not shows_stop_cut("واشار المسؤول الى ان الوضع هادئ. وقال ان الحكومة")
    assert shows_stop_cut(" وقال ان الحكومة. واشار المسؤول الى ان الوضع هادئ")
    assert shows_stop_cut(". واشار المسؤول الى ان الوضع هادئ")
    assert shows_stop_cut("وقال ان الحكومة .واشار المسؤول الى ان الوضع هادئ")


def test_a_line_in_reading_order_the_stop_alone_cuts_is_left_in_a_text_that_takes_the_stop():
    source = ["وصل الوفد الى المدينة صباحا. ثم عقد اجتماعا مع المحافظ",
              "وقال المتحدث ان الاجتماع كان مثمرا. واضاف ان الوفد سيعود",
              "وبحث الجانبان الاوضاع الامنية في المحافظة. وقال المحافظ ان",
              "قوات الامن اعتقلت عشرة من المشتبه بهم. واكد مصدر امني ان"]
    # as pypdf writes them: runs left to right, the space after the last word first
    damaged = [" " + _left_to_right_by(t, {"."}) for t in source]
    in_order = "واشار المسؤول الى ان الوضع هادئ في المدينة. وقال ان الحكومة"
    texts = [*damaged[:2], in_order, *damaged[2:]]
    assert cutting_classes(texts) == {"."}
    out, n = fallback_runs(_lines(texts))
    assert n == len(source)
    assert out[2].text == in_order
    assert [line.text.replace(" .", ".") for k, line in enumerate(out) if k != 2] == source
    # a line other classes cut as well is still turned by them all: only the stop's own
    # cut is asked of the line
    assert not _stop_in_order("قتل 12 في المدينة. وقال ان الحكومة", {".", "0"})
    assert _stop_in_order(in_order, {".", "0"})
