"""The day of writing a text gives itself: a dateline's full date, for a text with no
publication date (its relative days are read from it).

A dateline sets a day, month and year near the start of one of the text's first lines
and goes on after a dash, a slash or a closing bracket (أم درمان 21 سبتمبر 2024 – قُتل;
(سبوتنيك - 17 يوليو 2019)); a sentence may give it too, as the date of its اليوم (أعلنت
الخلية اليوم الأحد (11 تشرين الأول 2020)). A title that names the day of an attack (تفجيرات العراق 4
كانون الأول 2013) or a sentence that tells one (في 12 حزيران 2014 سيطر) is no dateline.
"""

from __future__ import annotations

import re
from datetime import date

from .finder import time_rows

# How many of the text's first lines may hold the dateline (title, byline, lead).
_TOP_LINES = 3
# How many words may come before the date in its line (the town, the outlet, a weekday).
_LEAD_WORDS = 5
# What follows a dateline's date: a dash, a slash or a closing bracket (an era letter first).
_AFTER = re.compile(r"\s*[ءم]?\s*[-–—/)]")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# اليوم, maybe its weekday, then the bracket of the date: the text's today, said in full.
_TODAY_BEFORE = re.compile(r"(?:^|\s)\u0627\u0644\u064a\u0648\u0645(?:\s+\S+)?\s*[(\u060c,]\s*$")


def writing_day(text: str) -> date | None:
    """The date of the text's dateline, or None when it has none.

    >>> writing_day("مقتل أربعة بقصف\\n\\nأم درمان 21 سبتمبر 2024 – قُتل أربعة أشخاص أمس")
    datetime.date(2024, 9, 21)
    >>> writing_day("تفجيرات العراق 4 كانون الأول 2013\\n\\nضربت سلسلة من الهجمات") is None
    True
    """
    lines = [line for line in text.split("\n") if line.strip()][:_TOP_LINES]
    for line in lines:
        for row in time_rows(line):
            if row["precision"] != "day" or not _FULL_DAY.fullmatch(str(row["value"])):
                continue
            if (len(line[:row["start"]].split()) <= _LEAD_WORDS
                    and _AFTER.match(line, row["end"])) \
                    or _TODAY_BEFORE.search(line[:row["start"]]):
                return date.fromisoformat(row["value"])
    return None
