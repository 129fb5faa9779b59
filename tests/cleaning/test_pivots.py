"""Lines whose runs came back to front round a letter a kashida with no character cut off
are turned round it; lines in reading order, a post on one line and a text in pieces are
left as they stand."""

from __future__ import annotations

from workbench import clean
from workbench.cleaning.lines import synthetic
from workbench.cleaning.pivots import (
    PIVOT_GAIN,
    REGULAR_GAIN,
    _edge_pivots,
    _pivot_cuts,
    kashida_pivots,
    pivot_turns,
)

# News prose as a justified column sets it; "|" marks a kashida stretched right after a
# word's first letter, which leaves no character in the PDF.
SOURCE = [
    "وقال المتحدث باسم الحكومة ان الوزير سيزور م|دينة البصرة الاسبوع المقبل",
    "لبحث اوضاع الخدمات مع المسؤولين المحليين وم|مثلي العشائر في المحافظة",
    "واضاف ان الحكومة خصصت مبالغ كبيرة لاعادة اعمار المدارس والمستشفيات",
    "التي تضررت خلال السنوات الماضية بسبب الحرب وانقطاع الكهرباء والماء",
]


def _back_to_front(line: str) -> str:
    """The line as pypdf reads it: the runs left to right (end, the letter, start), and
    the space at the start's end kept where the line ends."""
    if "|" not in line:
        return line
    head, tail = line.split("|")
    start, letter = head[:-1], head[-1]
    return tail + letter + start


def test_turned_round_the_cut_letter() -> None:
    lines = [_back_to_front(line) for line in SOURCE]
    assert lines[0].startswith("دينة البصرة")  # the damage the test is about
    out, n = kashida_pivots([synthetic(t, 0) for t in lines])
    assert n == 2
    assert [line.text.split() for line in out] == [line.replace("|", "").split() for line in SOURCE]


def test_a_pivot_stands_only_inside_an_unknown_token_between_known_words() -> None:
    glued = next(t for t in _back_to_front(SOURCE[0]).split() if t.startswith("المقبل"))
    assert glued == "المقبلموقال"
    assert (len("المقبل"), 1) in _pivot_cuts(glued)  # the letter م between المقبل and وقال
    assert _pivot_cuts("المسؤولين") == ()  # a known word
    assert _pivot_cuts("مدين") == ()  # too short for two letters each side


def test_gain_and_offsets() -> None:
    line = _back_to_front(SOURCE[0])
    gain, text, order = pivot_turns(line)
    assert gain > PIVOT_GAIN
    assert text.split() == SOURCE[0].replace("|", "").split()
    # every character comes from the line, once (a space put in points nowhere)
    assert sorted(k for k in order if k >= 0) == list(range(len(line)))


def test_clean_keeps_offsets() -> None:
    raw = "\n".join(_back_to_front(line) for line in SOURCE)
    out = clean(raw)
    assert "زيارة" not in out.text  # nothing invented
    at = out.text.index("سيزور مدينة البصرة")
    # the turned words map back to where the extractor wrote them
    start, end = out.to_raw(at, at + len("سيزور"))
    assert raw[start:end] == "سيزور"
    start, end = out.to_raw(at + len("سيزور "), at + len("سيزور مدينة"))
    assert raw[start:end].replace("\n", "") != "" and "دينة" in raw[start:end]


def test_lines_in_order_left_alone() -> None:
    lines = [line.replace("|", "") for line in SOURCE]
    out, n = kashida_pivots([synthetic(t, 0) for t in lines])
    assert n == 0
    assert [line.text for line in out] == lines


def test_one_line_post_left_alone() -> None:
    post = _back_to_front(SOURCE[0])
    out, n = kashida_pivots([synthetic(post, 0)])
    assert n == 0 and out[0].text == post


def test_text_in_pieces_left_alone() -> None:
    pieces = "اج راء اص لاح ات ه ي ك ل ي ة في ال مد ين ة"
    lines = [pieces] * 6 + [_back_to_front(SOURCE[0])]
    _, n = kashida_pivots([synthetic(t, 0) for t in lines])
    assert n == 0


# Two lines of one text the same damage turned: the character model prefers one turned
# by less than PIVOT_GAIN, the other by more.
WEAK = "خصا منهم امراة في انفجار استهدف سوقا شعبيا وسط المدينة وتزامنشقتل ثلاثة عشر "
STRONG = "خصا منهم طفلان في انفجار سيارة مفخخة وسط العاصمة امس واعلنتشقتل اكثر من عشرين "


def test_a_weak_turn_is_taken_only_in_a_text_whose_damage_is_regular() -> None:
    assert REGULAR_GAIN < pivot_turns(WEAK, REGULAR_GAIN)[0] < PIVOT_GAIN < pivot_turns(STRONG)[0]
    out, n = kashida_pivots([synthetic(t, 0) for t in [STRONG, *SOURCE[2:], WEAK]])
    assert n == 2
    assert out[-1].text.split()[:4] == ["قتل", "ثلاثة", "عشر", "شخصا"]
    alone = [WEAK, *(line.replace("|", "") for line in SOURCE)]
    out, n = kashida_pivots([synthetic(t, 0) for t in alone])
    assert n == 0 and out[0].text == WEAK


def test_a_line_of_pieces_is_not_turned() -> None:
    # letters in visual order, cut into pieces: turned round a letter they read better,
    # with no word of them whole
    pieces = "ة لا مشلا ه ج نم ةنيد ملا وح ن تمد قت تاو قلا نا ثد حتم لا المقبلموقال ثد حتم لا"
    assert pivot_turns(pieces)[0] > PIVOT_GAIN
    out, _ = kashida_pivots([synthetic(t, 0) for t in [_back_to_front(SOURCE[0]), pieces, *SOURCE[2:]]])
    assert out[1].text == pieces


# A run cut at a kashida right after a word's first letter, written with the space of its
# end before the letter: the letter opens the token of the run's other piece (``سوقال``).
EDGE = "جلت ارباحا كبيرة خلال العام الماضي سوقال المدير ان الشركة "
EDGE_SOURCE = "وقال المدير ان الشركة سجلت ارباحا كبيرة خلال العام الماضي"


def test_a_pivot_opening_a_token_is_weighed_in_a_regular_text() -> None:
    assert (0, 1) in _edge_pivots("سوقال")  # the letter س before the known وقال
    assert _edge_pivots("وقال") == ()  # a known word: no pivot
    assert pivot_turns(EDGE, REGULAR_GAIN)[0] == 0.0  # not weighed alone
    gain, text, _ = pivot_turns(EDGE, REGULAR_GAIN, edges=True)
    assert gain > REGULAR_GAIN and text.split() == EDGE_SOURCE.split()
    out, n = kashida_pivots([synthetic(t, 0) for t in [STRONG, *SOURCE[2:], EDGE]])
    assert n == 2 and out[-1].text.split() == EDGE_SOURCE.split()
    alone = [EDGE, *(line.replace("|", "") for line in SOURCE)]
    out, n = kashida_pivots([synthetic(t, 0) for t in alone])
    assert n == 0 and out[0].text == EDGE


def test_a_proclitic_before_a_word_is_no_pivot() -> None:
    # ``لالحكومة`` opens with a letter that makes ``لوقف`` with the line's first piece: a
    # word no likelier than ``وقف`` alone, no word a kashida cut (turned so, the line would
    # read better by the character model)
    line = "وقف اطلاق النار دعا الوزير لالحكومة الجديدة الى العمل فورا"
    assert _edge_pivots("لالحكومة") == ((0, 1),)
    assert pivot_turns(line, REGULAR_GAIN, edges=True)[0] == 0.0


# A glyph whose text the PDF got wrong: pypdf writes a stray character before its letter
# (``Ùل`` for ``ل``), and the line's runs back to front round it, as round a kashida.
STRAY_SOURCE = [
    "واعلنت وزارة الداخلية ان قوات الامن اعتقلت عددا من المشتبه بهم في مدينة ال|موصل امس",
    "وقال المتحدث باسم الوزارة ان التحقيقات ما زالت جارية لمعرفة الجهة التي تقف وراء",
    "الهجوم الذي استهدف سوقا شعبيا في المدينة واسفر عن سقوط عدد من الضحايا المدنيين",
]


def _stray_back_to_front(line: str, stray: str = "Ù") -> str:
    """The line as pypdf reads it round a misread glyph: the end, the glyph's stray
    character and letter, the start."""
    if "|" not in line:
        return line
    head, tail = line.split("|")
    return tail + stray + head[-1] + head[:-1]


def test_turned_round_a_glyph_with_a_stray_character() -> None:
    for stray in ("Ù", "¡", "e"):
        lines = [_stray_back_to_front(line, stray) for line in STRAY_SOURCE]
        assert f"امس{stray}لواعلنت" in lines[0]  # the damage the test is about
        out, n = kashida_pivots([synthetic(t, 0) for t in lines])
        assert n == 1
        assert out[0].text.split() == STRAY_SOURCE[0].replace("|", "").split()  # the stray left out


def test_an_ascii_mark_is_no_stray_character() -> None:
    # a mark of ASCII glued inside a word is the text's own (``**`` for a stretch)
    assert _pivot_cuts("امس*لواعلنت") == ()
    assert _pivot_cuts("امسÙلواعلنت") == ((3, 2),)


def test_words_written_with_tatweel_are_no_cut_runs() -> None:
    # A text in reading order that writes its words stretched: round a dot (so that word
    # filters miss them) or between all letters. A tatweel is a kashida written out, not a
    # letter one cut off: no line turns round it.
    stretched = [
        "وقال المتحدث ان الهجـ.ـوم استهدف دورية عسكرية قرب مدخل البلدة الشرقي ليلا",
        "واضاف ان القـ.ـصف طال منازل المدنيين في الحي الغربي من المدينة صباح امس",
        "وقـال الـمـسـؤول ان ثـل\ufffdثـة مـن الـذيـن قـتـلـوا مـدنـيـون فـيـمـا لـم يـعـرف الـرابـع",
        "التي تضررت خلال السنوات الماضية بسبب الحرب وانقطاع الكهرباء والماء",
    ]
    out, n = kashida_pivots([synthetic(t, 0) for t in stretched])
    assert n == 0
    assert [line.text for line in out] == stretched
