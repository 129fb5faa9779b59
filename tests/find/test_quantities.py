"""Quantities: numbers, counted nouns, approximators, fractions and lost counts."""

from __future__ import annotations

import pytest

from workbench.find.quantities import find_quantities
from workbench.resources import read_table
from workbench.text.arabic import GAP_MARKER, match_key
from workbench.text.numbers import parse_number, parse_ordinal
from workbench.text.tokens import tokenize

GAP = GAP_MARKER


@pytest.mark.parametrize(
    ("text", "value", "lo", "hi", "unit_key", "flags"),
    [
        ("سُجل أكثر من 100 هجومًا", "100", "100", "", "هجوم", "more_than"),
        (f"أكثر من {GAP} هجومًا", "", "", "", "هجوم", "count_missing;more_than"),
        (f"انسحبت القوات من {GAP} معسكرات", "", "", "", "معسكر", "count_missing"),
        ("منحت الوزارة إجازة لنصف أفرادها", "0.5", "0.5", "0.5", "فرد", "fraction"),
        ("قتل ثلاثة وعشرون شخصا", "23", "23", "23", "شخص", ""),
        ("أصيب مئتان وخمسون مدنيا", "250", "250", "250", "مدني", ""),
        ("عشرات الهجمات", "", "20", "99", "هجوم", "vague"),
        ("مئات الآلاف من النازحين", "", "200000", "999999", "نازح", "vague"),
        ("نحو 30 قتيلا", "30", "30", "30", "قتيل", "approx"),
        ("أقل من ١٠ جرحى", "10", "", "10", "جريح", "less_than"),
        ("ما لا يقل عن خمسة صواريخ", "5", "5", "", "صاروخ", "at_least"),
        ("هجومين", "2", "2", "2", "هجوم", "dual"),
        ("جندي واحد", "1", "1", "1", "جندي", ""),
        ("خمسة عشر جنديا", "15", "15", "15", "جندي", ""),
        ("٢٬٥٠٠ دولار", "2500", "2500", "2500", "دولار", ""),
        ("و2017 قتيلا", "2017", "2017", "2017", "قتيل", ""),
    ],
)
def test_quantity_rows(text, value, lo, hi, unit_key, flags):
    df = find_quantities(text)
    assert len(df) == 1, df
    row = df.iloc[0]
    assert (row["value"], row["min"], row["max"], row["unit_key"], row["flags"]) == (
        value, lo, hi, unit_key, flags,
    )
    assert text[row["start"]:row["end"]] == row["text"]


@pytest.mark.parametrize(
    "text",
    ["في آن واحد", "يوم الاثنين", "في عام 2014", "في 5 حزيران", "الساعة 12:30",
     "في 12/5/2020", "أحد الأسباب", "الثاني", ""],
)
def test_not_quantities(text):
    assert find_quantities(text).empty


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("٣٠٠", 300.0), ("ثلاثمائة وخمسين", 350.0), ("خمسمائة و خمسة و عشرون", 525.0),
        ("إحدى عشرة", 11.0), ("إثنتى عشر", 12.0), ("الفين", 2000.0), ("100 الف", 100000.0),
        ("١٬٠٠٠٬٠٠٠٫٠٠", 1000000.0), ("مليونين", 2000000.0), ("1 فاصلة 1", 1.1),
        ("٫٧٧", 0.77), ("3/4", 0.75), ("-١٫٢٠", -1.2), ("ثلاثة آلاف وخمسمئة", 3500.0),
        ("ثلاثة أربعة", None), ("هجوم", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "rank"),
    [("الأول", 1), ("ثالث", 3), ("الإحدى عشرة", 11), ("الثالثة عشرة", 13),
     ("الخامس و العشرون", 25), ("الواحد والثلاثين", 31), ("التسعين", 90), ("هجوم", None)],
)
def test_parse_ordinal(text, rank):
    assert parse_ordinal(text) == rank


def test_measurement_in_base_unit():
    row = find_quantities("0.002 كيلوغرام").iloc[0]
    assert (row["base_value"], row["base_unit"]) == ("2", "g")


def test_offsets_survive_diacritics_and_tatweel():
    text = "سُجل أكثـــر مــن ١٠٠ هجومًــا"
    row = find_quantities(text).iloc[0]
    assert row["text"] == text[row["start"]:row["end"]]
    assert row["text"].endswith("هجومًــا")


def test_tokens_map_back_to_text():
    text = "قُتِلَ ٣ وَجُرح 5، [\u2026] قتيلا"
    for t in tokenize(text, pieces=True):
        assert t.start < t.end <= len(text)
    assert [t.kind for t in tokenize(text, pieces=True)][-2:] == ["gap", "word"]


@pytest.mark.parametrize(
    ("name", "column"),
    [("text/number_words.csv", "form"), ("find/quantity_cues.csv", "form"),
     ("find/quantity_cues.csv", "key")],
)
def test_lexicon_entries_are_normalised(name, column):
    df = read_table(name)
    bad = [f for f in df[column] if f and " ".join(match_key(w) for w in f.split()) != f]
    assert not bad


def test_quantity_cue_rows_are_consistent():
    df = read_table("find/quantity_cues.csv")
    nouns = df[df["role"] == "noun"]
    assert set(nouns["number"]) <= {"sg", "pl", "dual", "acc"}
    assert (nouns["key"] != "").all()
    assert set(df["role"]) <= {"noun", "more_than", "at_least", "less_than", "at_most", "approx",
                               "approx_after", "at_least_after"}
    assert not df.duplicated(["form", "role", "key"]).any()


def test_the_prescan_keeps_every_word_a_quantity_may_begin_at():
    """A word outside the number words' written forms is never read: every word one of
    whose readings begins a number word or a dual noun must be among them."""
    from pathlib import Path

    from workbench.find.quantities import _first_forms, _first_words
    from workbench.text.clitics import PROCLITICS, stems

    seed = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    fronts = ("", *PROCLITICS, "لل", "ولل", "ال", "وال", "بال")
    words = [f + w for f in fronts for w in _first_words()]
    words += [t.key for t in tokenize(seed, pieces=True) if t.kind == "word"]
    read = [w for w in words if any(stem in _first_words() for _, stem, _ in stems(w))]
    assert read and all(w in _first_forms() for w in read)
