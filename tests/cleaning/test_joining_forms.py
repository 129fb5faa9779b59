"""Word boundaries told by glyph shapes, and the cut of lines that lost their spaces.

An extractor that writes presentation forms and loses the spaces (pypdf and PyMuPDF on
XeLaTeX PDFs) still says, by each letter's shape, where a word ends after a letter that
joins both ways. The sentences are made up; the shaping is done here, letter by letter.
"""

from __future__ import annotations

import unicodedata

from workbench import clean
from workbench.cleaning.joining_forms import DISAGREE, boundaries, line_agrees, shape, shapes_agree
from workbench.cleaning.pieces import cut_letters
from workbench.text.arabic import DUAL_JOINING

_NON_JOINING = "اأإآدذرزوؤةىء"


def _joins_next(ch: str) -> bool:
    return ch not in _NON_JOINING and ch in set(_expand(DUAL_JOINING))


def _expand(ranges: str) -> str:
    out, i = [], 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(ranges[i]), ord(ranges[i + 2]) + 1))
            i += 3
        else:
            out.append(ranges[i])
            i += 1
    return "".join(out)


def _form(ch: str, form: str) -> str:
    for f in (form, "ISOLATED"):
        try:
            return unicodedata.lookup(f"{unicodedata.name(ch)} {f} FORM")
        except KeyError:
            continue
    return ch


def shaped(text: str, *, drop_spaces: bool = True) -> str:
    """``text`` in presentation forms as a shaping engine draws it, spaces dropped."""
    out = []
    for words in text.split("\n"):
        line = []
        for word in words.split():
            for k, ch in enumerate(word):
                before = k > 0 and _joins_next(word[k - 1])
                after = k + 1 < len(word) and _joins_next(ch)
                form = {(False, False): "ISOLATED", (True, False): "FINAL",
                        (False, True): "INITIAL", (True, True): "MEDIAL"}[(before, after)]
                line.append(_form(ch, form))
            if not drop_spaces:
                line.append(" ")
        out.append("".join(line).strip())
    return "\n".join(out)


LINES = (
    "قال المتحدث باسم الشرطة ان الانفجار وقع قرب سوق شعبي في وسط المدينة صباح امس\n"
    "واضاف ان فرق الاسعاف نقلت الجرحى الى المستشفى القريب وان الحصيلة قد ترتفع\n"
    "وذكر شهود عيان ان الزعيمان المحليان دعيا السكان الى الابتعاد عن مكان الحادث\n"
    "وقالت مصادر امنية ان التحقيق ما زال جاريا لمعرفة الجهة التي تقف وراء الهجوم"
)


def test_shape_reads_the_form_of_a_letter() -> None:
    assert shape(_form("ب", "INITIAL")) == (False, True, True)
    assert shape(_form("ب", "FINAL")) == (True, False, True)
    assert shape(_form("ر", "FINAL")) == (True, False, False)  # never joins the next
    assert shape("ب") is None and shape("\ufefb") is None  # a plain letter, a ligature


def test_shapes_agree_in_reading_order_not_in_visual_order() -> None:
    text = shaped(LINES)
    assert shapes_agree(text)
    assert not shapes_agree("\n".join(line[::-1] for line in text.split("\n")))
    assert not shapes_agree("قال المتحدث ان الانفجار وقع قرب سوق")  # no shapes at all


def test_boundaries_say_where_a_joining_letter_ends_a_word() -> None:
    text = shaped(LINES)
    cuts = boundaries(text)
    # قال|المتحدث: after ل drawn unjoined to the next a word ends; inside قال, joined
    assert cuts[3] == 1 and cuts[1] == -1
    # after ا (never joins) the shapes say nothing
    assert cuts[2] == 0
    assert DISAGREE not in cuts.values()


def test_line_agrees_tells_a_line_turned_round() -> None:
    text = shaped(LINES)
    cuts = boundaries(text)
    n = len(text.split("\n")[0])
    assert line_agrees(list(range(n)), cuts)
    assert not line_agrees(list(range(n - 1, -1, -1)), cuts)


def test_cut_letters_keeps_to_the_shapes() -> None:
    letters = "الزعيمانوصلا"
    # the shapes join م to ا (الزعيمان is one word) and end a word after ن
    shapes = [0] * len(letters)
    shapes[6], shapes[8] = -1, 1
    cuts, _ = cut_letters(letters, shapes)
    words = [letters[a:b] for a, b in cuts]
    assert "الزعيمان" in words
    assert all(not (a < 8 < b) for a, b in cuts)


def test_clean_cuts_a_shaped_text_without_spaces_into_its_words() -> None:
    out = clean(shaped(LINES)).text.split()
    want = LINES.split()
    assert "الزعيمان" in out  # one word by its shapes, not الزعيم ان
    hits = sum(w in out for w in want)
    assert hits >= 0.9 * len(want)
