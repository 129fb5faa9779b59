"""Lines whose words came in screen order (left to right) turned round, decided per text."""

from workbench import clean
from workbench.cleaning.lines import synthetic
from workbench.cleaning.screen_order import screen_order_lines, turned_gain, words_turned

SENTENCES = (
    "قتل ثلاثة أشخاص في انفجار سيارة مفخخة",
    "وأصيب عدد من المدنيين بجروح في المدينة",
    "وقالت مصادر محلية إن الانفجار وقع قرب السوق",
    "وأعلنت الشرطة فتح تحقيق في الحادث",
)


def _screen(sentence: str) -> str:
    return " ".join(reversed(sentence.split()))


def test_text_in_screen_order_is_turned():
    lines = [synthetic(_screen(s), 0) for s in SENTENCES]
    out, n = screen_order_lines(lines)
    assert [line.text for line in out] == list(SENTENCES)
    assert n == len(SENTENCES)


def test_text_in_reading_order_is_left_alone():
    lines = [synthetic(s, 0) for s in SENTENCES]
    out, n = screen_order_lines(lines)
    assert n == 0 and [line.text for line in out] == list(SENTENCES)


def test_one_line_does_not_decide():
    _, n = screen_order_lines([synthetic(_screen(SENTENCES[0]), 0)])
    assert n == 0


def test_glued_words_do_not_vote():
    def glue_pairs(text: str) -> str:  # every two words written as one: ``سيارةمفخخة``
        w = text.split()
        return " ".join("".join(w[i : i + 2]) for i in range(0, len(w), 2))

    glued = [synthetic(glue_pairs(_screen(s)), 0) for s in SENTENCES]
    assert screen_order_lines(glued)[1] == 0


def test_words_turned_keeps_spaces_and_offsets():
    line = synthetic("مفخخة  سيارة انفجار", 0)
    line.src[:] = range(len(line.text))
    out = words_turned(line)
    assert out.text == "انفجار سيارة  مفخخة"
    assert sorted(out.src.tolist()) == list(range(len(line.text)))
    assert out.text[0] == line.text[int(out.src[0])]


def test_gain_is_per_junction_and_signed():
    assert turned_gain(_screen(SENTENCES[1])) > 0 > turned_gain(SENTENCES[1])
    assert turned_gain("مدينة") == 0.0


def test_clean_reads_screen_order_text():
    raw = "\n".join(_screen(s) for s in SENTENCES)
    assert clean(raw).text.split("\n")[0].startswith("قتل ثلاثة أشخاص")
