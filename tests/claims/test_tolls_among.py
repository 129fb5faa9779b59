"""A figure of some of the victims already counted (من ضمن الجرحى، ضمن الشهداء) is a part, no toll."""

from workbench.claims.tolls import find_tolls


def _read(text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def test_part_of_the_wounded_is_no_toll() -> None:
    assert _read("وقال المصدر إن من ضمن الجرحى ثلاثة من عائلة واحدة.") == []


def test_part_of_the_dead_before_the_noun_is_no_toll() -> None:
    assert _read("وأضاف أن 12 شخصا ضمن الشهداء من الأطفال.") == []


def test_part_told_by_a_relative_is_no_toll() -> None:
    assert _read("وذكر أن اثنين من الذين فارقوا الحياة من النساء.") == []


def test_the_toll_before_the_part_stays() -> None:
    text = "قتل 9 أشخاص في القصف. ومن بين القتلى أربعة أطفال."
    assert _read(text) == [("killed", 9.0)]


def test_a_toll_with_no_partitive_is_read() -> None:
    assert _read("ارتفع عدد الجرحى إلى 14.") == [("wounded", 14.0)]
