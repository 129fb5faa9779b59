"""Partial ISO dates: one reading of years, months, seasons, lost years and periods,
shared by the reference date of ``analyze``, the chronology and the timeline."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from workbench.analysis import reference_date
from workbench.claims.chronology import year_is_unknown
from workbench.text.dates import DateSpan, iso_first_day, iso_parts, parse_date_span


@pytest.mark.parametrize(
    ("start", "end", "proposed", "expected"),
    [
        ("2020-04", None, None, (date(2020, 4, 1), date(2020, 5, 1), "month", False, False)),
        ("2020-04", "2020-04", None, (date(2020, 4, 1), date(2020, 5, 1), "month", False, False)),
        ("2020-04-15", None, None, (date(2020, 4, 15), date(2020, 4, 16), "day", False, False)),
        ("2020", None, None, (date(2020, 1, 1), date(2021, 1, 1), "year", False, False)),
        ("2020-XX", None, None, (date(2020, 1, 1), date(2021, 1, 1), "year", False, False)),
        ("2020-04-XX", None, None, (date(2020, 4, 1), date(2020, 5, 1), "month", False, False)),
        ("2019-10", "2020-05", None, (date(2019, 10, 1), date(2020, 6, 1), "month", True, False)),
        ("2019-10/2020-05", None, None,
         (date(2019, 10, 1), date(2020, 6, 1), "month", True, False)),
        ("2019-10-03/2020-05", None, None,
         (date(2019, 10, 3), date(2020, 6, 1), "month", True, False)),
        ("2019-12", "2019-10", None, (date(2019, 10, 1), date(2020, 1, 1), "month", True, False)),
        ("XXXX-12", None, "2017", (date(2017, 12, 1), date(2018, 1, 1), "month", False, True)),
        ("XXXX-12", None, 2017.0, (date(2017, 12, 1), date(2018, 1, 1), "month", False, True)),
        ("XXXX-12", "XXXX-12", "2017",
         (date(2017, 12, 1), date(2018, 1, 1), "month", False, True)),
        # No date in the text, but the chronology proposes a year (or a range of years).
        ("", "", "2020", (date(2020, 1, 1), date(2021, 1, 1), "year", False, True)),
        ("XXXX", "XXXX", "2014/2017", (date(2014, 1, 1), date(2018, 1, 1), "year", True, True)),
        ("XXXX-06", None, "2014/2017",
         (date(2014, 6, 1), date(2017, 7, 1), "year", False, True)),
        ("2020-22", None, None, (date(2020, 6, 1), date(2020, 9, 1), "season", False, False)),
        ("2020-24", None, None, (date(2020, 12, 1), date(2021, 3, 1), "season", False, False)),
        ("201X", None, None, (date(2010, 1, 1), date(2020, 1, 1), "decade", False, False)),
        ("2020-04-15T10:30", None, None,
         (date(2020, 4, 15), date(2020, 4, 16), "day", False, False)),
        ("\u0662\u0660\u0662\u0660-\u0660\u0664", None, None,  # ٢٠٢٠-٠٤ in Arabic-Indic digits
         (date(2020, 4, 1), date(2020, 5, 1), "month", False, False)),
        (pd.Timestamp("2020-04-15"), None, None,
         (date(2020, 4, 15), date(2020, 4, 16), "day", False, False)),
    ],
)
def test_parse_date_span(start, end, proposed, expected):
    span = parse_date_span(start, end, proposed_year=proposed)
    assert (span.lo, span.hi, span.precision, span.period, span.proposed) == expected


@pytest.mark.parametrize(
    "start",
    ["", None, float("nan"), pd.NA, "XXXX-12", "XXXX", "XXXX-XX-15", "2020-13", "2020-02-30",
     "soon", "منذ أكتوبر", "20-04", "2020/04/15"],
)
def test_parse_date_span_unplaceable(start):
    assert parse_date_span(start) is None


def test_open_periods_run_to_the_publication_date():
    span = parse_date_span("2019-10/..", until=date(2020, 5, 1))
    assert (span.lo, span.hi, span.period, span.open_end) == (
        date(2019, 10, 1), date(2020, 5, 1), True, True)
    # Without a publication date the open period keeps the start's own extent.
    assert parse_date_span("2019-10/..").hi == date(2019, 11, 1)
    lost_start = parse_date_span("XXXX-10", "2020-05")
    assert lost_start.open_start and lost_start.period
    assert (lost_start.lo, lost_start.hi, lost_start.proposed) == (
        date(2020, 5, 1), date(2020, 6, 1), False)
    lost_end = parse_date_span("2019-10", "XXXX-05", until=date(2020, 5, 1))
    assert lost_end.open_end and lost_end.hi == date(2020, 5, 1)
    before = parse_date_span("../2020-05")
    assert before.open_start and before.period and before.hi == date(2020, 6, 1)


def test_span_days_and_overlap():
    span = DateSpan.parse("2019-10/2020-05")
    assert (span.first_day, span.last_day) == (date(2019, 10, 1), date(2020, 5, 31))
    assert span.overlaps(DateSpan.parse("2020-05-31"))
    assert not span.overlaps(DateSpan.parse("2020-06"))
    assert DateSpan.parse("XXXX-12", proposed_year=2017) == parse_date_span(
        "XXXX-12", proposed_year=2017)


# The reference date reads only the date a value starts with, and an unknown part ends
# the reading; a season or a day out of range is no reference date.
@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2020", date(2020, 1, 1)), ("2020-05", date(2020, 5, 1)),
        ("2020-05-15T10:00", date(2020, 5, 15)), ("2020-XX", date(2020, 1, 1)),
        ("2020-X5-10", date(2020, 1, 1)), ("2020-05-XX", date(2020, 5, 1)),
        ("2020-05/2020-06", date(2020, 5, 1)), ("20201", date(2020, 1, 1)),
        ("2020-5", date(2020, 1, 1)), (" 2020-05 ", date(2020, 5, 1)),
        ("\u0662\u0660\u0662\u0660-\u0660\u0665", date(2020, 5, 1)),  # ٢٠٢٠-٠٥
        ("XXXX-05", None), ("2020-22", None), ("2020-13", None), ("2020-02-30", None),
        ("0000", None), ("201X", None), ("soon", None), ("", None),
    ],
)
def test_reference_date_reads_the_leading_date(published, expected):
    assert iso_first_day(published) == expected
    assert reference_date(published) == expected


def test_reference_date_of_dates_and_none():
    assert reference_date(date(2020, 5, 3)) == date(2020, 5, 3)
    assert reference_date(None) is None


@pytest.mark.parametrize(
    ("iso", "unknown"),
    [("", True), ("XXXX-12", True), ("XXXX", True), ("201X", True), ("soon", True),
     ("2020-04", False), ("2020", False), ("2019-10/2020-05", False)],
)
def test_year_is_unknown(iso, unknown):
    assert year_is_unknown(iso) is unknown


def test_iso_parts_reads_the_start_as_written():
    assert iso_parts("XXXX-12/2020-05") == ("XXXX", "12", None)
    assert iso_parts("2020-22") == ("2020", "22", None)
