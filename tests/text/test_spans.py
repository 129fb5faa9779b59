"""span_cover answers as a scan over every span does."""

from hypothesis import given
from hypothesis import strategies as st

from workbench.text.spans import span_cover

_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])))


@given(_SPANS, st.integers(-2, 90))
def test_same_answer_as_a_scan(spans: list[tuple[int, int]], at: int) -> None:
    assert span_cover(spans)(at) == any(s <= at < e for s, e in spans)


def test_nested_and_empty_spans() -> None:
    held = span_cover([(10, 30), (12, 14), (40, 40)])
    assert [held(x) for x in (9, 10, 15, 29, 30, 40)] == [False, True, True, True, False, False]
