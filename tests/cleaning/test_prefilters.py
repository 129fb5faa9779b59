"""The quick tests a stage makes of a whole text or token before reading it closely give
the answer the close reading gives: they only pass over what could not change."""

from __future__ import annotations

import itertools

from workbench.cleaning import ltr_runs, pivots
from workbench.cleaning.lines import synthetic
from workbench.cleaning.number_runs import _carry_points, number_runs_in_order
from workbench.cleaning.spacing import mirrored_brackets

TEXTS = [
    "افتتح المعرض عام 6002 بمشاركة 038 شركة و7002 زائر",
    "افتتح المعرض عام 2006 بمشاركة 830 شركة",
    "رابط https://t.co/0123 و https://x.y/7002 و 038 و 6002",
    "شركة (eoMlA noitacudE) و 0123 و 0456 و 0789",
    "شركة (AlMoe Education) و iPhone و 1002",
    "لا ارقام هنا ولا حروف لاتينية",
    "a1b2 0a 8002x x0123 abC deF ghI",
]


def _backwards_in_full(text: str) -> bool:
    """``writes_runs_backwards`` read token by token, with no quick test first."""
    text = ltr_runs._TOKEN_RE.sub(ltr_runs._unlinked, text)
    signs = [ltr_runs._number_sign(m.group()) for m in ltr_runs._NUMBER_RE.finditer(text)]
    signs += [ltr_runs._word_sign(m.group()) for m in ltr_runs._WORD_RE.finditer(text)]
    back = signs.count(-1)
    return back >= ltr_runs.LTR_MIN and back >= ltr_runs.LTR_RATIO * signs.count(1)


def test_runs_written_backwards_read_as_in_full() -> None:
    texts = TEXTS + [" ".join(pair) for pair in itertools.combinations(TEXTS, 2)]
    assert [ltr_runs.writes_runs_backwards(t) for t in texts] == [_backwards_in_full(t) for t in texts]
    assert ltr_runs.writes_runs_backwards(TEXTS[0]) and not ltr_runs.writes_runs_backwards(TEXTS[2])


def _cuts_in_full(token: str) -> tuple[tuple[int, int], ...]:
    """``_pivot_cuts`` tried at every place of the token, with no test of its shape first."""
    if len(token) < 5 or pivots.is_known(token):
        return ()
    cuts = []
    for i in range(1, len(token) - 1):
        stray = pivots._stray(token, i)
        for width in pivots.PIVOT_WIDTHS:
            at, end = i + stray, i + stray + width
            if end < len(token) and pivots._is_pivot(token[:i], token[at:end], token[end:]):
                cuts.append((i, width + stray))
    return tuple(cuts)


def test_pivot_cuts_as_in_full() -> None:
    tokens = ["نشاطها.معرضتها", "الحكومةمالدولة", "العلاقاتÙلالحكومية", "والدولة", "ab.cdefg",
              "الدولة،مالحكومة", "سوقال", "في", "الحكومة123الدولة", "الدولةـمالحكومة"]
    assert [pivots._pivot_cuts(t) for t in tokens] == [_cuts_in_full(t) for t in tokens]
    assert pivots._pivot_cuts("نشاطها.معرضتها")  # a letter a kashida cut off: found


def test_carried_letter_found_per_token() -> None:
    text = "خصا منهم طفل في عملية تفجير امس وتزامنتشكابول قتل اثنا عشر"
    assert _carry_points("وتزامنتشكابول") and not _carry_points("عملية")
    assert number_runs_in_order(synthetic(text, 0)).text.startswith("كابول")


def test_mirrored_brackets_need_a_closer_glued_to_the_words_after_it() -> None:
    out, n = mirrored_brackets([synthetic("قال )رويترز( ان القوات وصلت", 0)])
    assert n == 1 and out[0].text == "قال (رويترز) ان القوات وصلت"
    # a closing bracket at a line's end meets the next line across a space: no pair
    lines = [synthetic("قال )", 0), synthetic("رويترز( ان القوات", 6)]
    assert mirrored_brackets(lines) == (lines, 0)
    # brackets the right way round, and a closer with a space after it
    for text in ("قال (رويترز) ان القوات", "قال ) رويترز ( ان"):
        assert mirrored_brackets([synthetic(text, 0)])[1] == 0
