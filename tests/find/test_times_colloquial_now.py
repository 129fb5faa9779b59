"""Times: the colloquial words for now (Gulf الحين and توه, Iraqi هسه, Levantine هلق, Egyptian دلوقتي)."""

from __future__ import annotations

from datetime import datetime

import pytest

from workbench.find.times import find_times

REF = datetime(2020, 7, 22, 6, 50)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("الحين نحتاج لقاح كورونا", "الحين"),
        ("وكانوا يخافون الناس والحين هم نفسهم يقولون", "الحين"),  # the conjunction stays out
        ("عمي من هسه الي مايريد اللقاح", "هسه"),
        ("هلق صار الوضع أسوأ", "هلق"),
        ("دلوقتي الناس خايفة", "دلوقتي"),
        ("ليش توه ينتبهون للمشكلة", "توه"),  # Gulf: only now, just now
    ],
)
def test_colloquial_now(text, span):
    df = find_times(text, reference=REF)
    assert list(df["text"]) == [span]
    assert df.iloc[0]["start_date"] == "2020-07-22"


@pytest.mark.parametrize("text", ["حتى ذلك الحين يبقى الأمل", "بين الحين والآخر تقع هجمات",
                                  "في تلك الحين لم يكن"])
def test_then_is_not_now(text):
    assert find_times(text, reference=REF).empty


def test_then_spelt_with_a_final_ta_marbuta():
    assert find_times("ومنذ ذلكة الحين عمد الى الالتفات", reference=REF).empty


def test_gulf_still_now():
    # للحين: up to now, still (Gulf)
    df = find_times("ما وصلني الرد للحين", reference=REF)
    assert list(df["text"]) == ["للحين"]
    assert df.iloc[0]["start_date"] == "2020-07-22"


def test_gulf_this_before_a_unit():
    # هذي = هذه: هذي السنه is this year, as هذه السنة
    df = find_times("يمكن يطلع العلاج هذي السنه", reference=REF)
    assert list(df["text"]) == ["هذي السنه"]
    assert df.iloc[0]["value"] == "2020"


def test_a_few_days_ago_with_kam():
    # من كم يوم: a few days ago (Gulf and Levantine كم before a singular unit)
    df = find_times("شفته من كم يوم في السوق", reference=REF)
    assert list(df["text"]) == ["من كم يوم"]
    assert (df.iloc[0]["start_date"], df.iloc[0]["end_date"]) == ("2020-07-15", "2020-07-21")
