"""Time points: the atoms of a date (months, years, days, weekdays, lengths) and the
points they make (a calendar date, a numeric date, a relative word, a holiday), each read
into a :class:`~.resolve.Spec`.
"""

from __future__ import annotations

from ...text.clitics import stems
from ...text.numbers import read_number, read_ordinal
from ..quantities import month_lexicon
from .lexicon import key_at, word_at
from .resolve import Resolver, Spec


class PointReader(Resolver):
    """Reads the point at a token (:meth:`point`), or one of its atoms."""

    # -- atoms --------------------------------------------------------------

    def month_at(self, i: int, *, strict: bool = False) -> tuple[int, int, bool, int, str] | None:
        """(end, month, hijri, ambiguity, pre) for شهر? MONTH (/MONTH)? or شهر + number."""
        toks = self.toks
        j, pre, shahr = i, "", False
        mw = word_at(toks, i, "month_word")
        if mw:
            j, _, pre = mw
            shahr = True
        mm = month_lexicon().match(toks, j, clitics=not shahr)
        if mm:
            row = mm.payloads[0]
            month, hijri, amb = int(row["month"]), row["calendar"] == "hijri", int(row["ambiguous"])
            if not shahr:
                pre = mm.pre
            j = mm.end
        elif shahr:
            num = read_number(toks, j)
            if num and num.value and num.how in ("digits", "words") and num.value == int(num.value) \
                    and 1 <= num.value <= 12 and not num.pre:
                month, hijri, amb, j = int(num.value), False, 0, num.end
            else:
                ordn = read_ordinal(toks, j)
                if not ordn or not 1 <= ordn[1] <= 12:
                    return None
                month, hijri, amb, j = ordn[1], False, 0, ordn[0]
        else:
            return None
        if shahr:
            amb = 0
        # the combined form: أبريل/نيسان, أبريل (نيسان)
        if key_at(toks, j) in ("/", "(", "-"):
            alt = month_lexicon().match(toks, j + 1, clitics=False)
            if alt and int(alt.payloads[0]["month"]) == month:
                j = alt.end
                amb = 0
                if key_at(toks, j) == ")":
                    j += 1
        if strict and amb:
            return None
        return j, month, hijri, amb, pre

    def year_at(self, j: int, *, hijri: bool, after_month: bool) -> tuple[int, Spec] | None:
        """A year after a month or alone: ، (من|في)? (عام|سنة)? (YYYY|[…]|القادمة) (هـ|م)?"""
        toks = self.toks
        k = j
        if after_month and key_at(toks, k) in ("،", ","):
            k += 1
        if after_month and key_at(toks, k) in ("من", "في") and word_at(toks, k + 1, "year_word"):
            k += 1
        word = word_at(toks, k, "year_word")
        if word:
            k = word[0]
            d = word_at(toks, k, "direction")
            if d:
                return d[0], Spec(year_rel={"past": -1, "future": 1, "current": 0}[d[1]["value"]])
        elif not after_month:
            return None
        t = toks[k] if k < len(toks) else None
        if t is None:
            return None
        if t.kind == "gap" and (word or after_month):
            return k + 1, Spec(year_lost=True)
        if t.kind != "num" or (t.pre and not word) or not t.key.isdigit():
            return None
        y = int(t.key)
        era = word_at(toks, k + 1, "era")
        is_hijri = hijri or (era is not None and era[1]["value"] == "hijri")
        end = era[0] if era and toks[k + 1].start - t.end <= 1 else k + 1
        if is_hijri and 1300 <= y <= 1500:
            return end, Spec(year=y, hijri=True)
        if hijri and 1900 <= y <= 2100:  # a Gregorian year after a Hijri month: رمضان 2019
            return end, Spec(year=y)
        if 1900 <= y <= 2100 and not is_hijri:
            return end, Spec(year=y)
        if word and 1 <= len(t.key) <= 4 and not is_hijri and y >= 1000:
            return end, Spec(year=y)
        return None

    def day_number(self, i: int) -> tuple[int, int] | None:
        t = self.toks[i] if i < len(self.toks) else None
        if t is not None and t.kind == "num" and t.key.isdigit() and 1 <= int(t.key) <= 31 \
                and len(t.key) <= 2:
            return i + 1, int(t.key)
        return None

    def day_ordinal(self, i: int) -> tuple[int, int] | None:
        o = read_ordinal(self.toks, i)
        if o and 1 <= o[1] <= 31:
            return o
        return None

    # -- the day part before a month ---------------------------------------

    def daypart(self, i: int) -> tuple[int, Spec] | None:
        """What comes before the month: a day, the nth weekday, the last day or week."""
        toks = self.toks
        spec = Spec(start=i)
        j = i
        # a weekday and يوم first: يوم الاثنين في 18, الجمعة 15
        y = word_at(toks, j, "year_word")
        if (y is None and key_at(toks, j) == "يوم") or (word_at(toks, j, "day_offset") and \
                word_at(toks, j, "day_offset")[1]["form"] == "اليوم" and self.day_ordinal(j + 1)):
            j += 1
        wd = word_at(toks, j, "weekday")
        if wd:
            spec.weekday = int(wd[1]["value"])
            j = wd[0]
            o = read_ordinal(toks, j)
            last = word_at(toks, j, "direction", "last")
            if o and o[1] <= 5:
                spec.nth, j = o[1], o[0]
                return j, spec
            if last and last[1]["form"] in ("الاخير", "الاخيره", "اخر"):
                spec.nth, j = -1, last[0]
                return j, spec
            if key_at(toks, j) in ("في", "،", ","):
                j += 1
        first = word_at(toks, j, "first", "last")
        if first and spec.weekday is None:
            k = first[0]
            what = key_at(toks, k)
            wd2 = word_at(toks, k, "weekday")
            n = 1 if first[1]["type"] == "first" else -1
            if wd2:
                spec.weekday, spec.nth = int(wd2[1]["value"]), n
                return wd2[0], spec
            if what == "يوم":
                if n == -1:
                    spec.last_day = True
                else:
                    spec.day = 1
                return k + 1, spec
            if what == "اسبوع":
                spec.week, spec.nth = True, n
                return k + 1, spec
            if n == 1 and (self.month_at(k) or key_at(toks, k) == "من"):
                spec.day = 1
                return k, spec
            return None
        d = self.day_number(j)
        if d:
            spec.day = d[1]
            return d[0], spec
        o = self.day_ordinal(j)
        if o and spec.weekday is None:
            k = o[0]
            if key_at(toks, k) == "يوم" and word_at(toks, k + 1, "weekday"):
                k += 1
            wd2 = word_at(toks, k, "weekday")
            if wd2 and o[1] <= 5:
                spec.weekday, spec.nth = int(wd2[1]["value"]), o[1]
                return wd2[0], spec
            spec.day = o[1]
            return o[0], spec
        if toks[j].kind == "gap" if j < len(toks) else False:
            spec.day_lost = True
            return j + 1, spec
        if spec.weekday is not None:
            return None
        return None

    # -- point expressions ---------------------------------------------------

    def calendar_date(self, i: int) -> tuple[int, Spec] | None:
        """[qualifier] [day part [من|في]] month [year] | [qualifier] year | month day."""
        toks = self.toks
        j = i
        qual = word_at(toks, j, "qualifier")
        spec = Spec(start=i)
        if qual:
            spec.qualifier, j, spec.pre = qual[1]["value"], qual[0], qual[2]
        dp = None if qual else self.daypart(j)
        k = j
        if dp:
            k = dp[0]
            if key_at(toks, k) in ("من", "في"):
                k += 1
        m = self.month_at(k)
        if m is None and dp:
            dp, k = None, j
            m = self.month_at(k)
        if m is None:
            if qual or dp is None:
                ys = self.year_at(j, hijri=False, after_month=False)
                if ys and (qual or ys[1].year is not None or ys[1].year_rel is not None):
                    y = ys[1]
                    spec.year, spec.year_lost, spec.year_rel = y.year, y.year_lost, y.year_rel
                    if not qual:
                        spec.pre = word_at(toks, j, "year_word")[2] if word_at(toks, j, "year_word") else ""
                    return ys[0], spec
            return None
        end, month, hijri, amb, mpre = m
        if not dp and not qual:
            spec.pre = mpre
        spec.month, spec.hijri = month, hijri
        if dp:
            d = dp[1]
            spec.day, spec.day_lost, spec.weekday, spec.nth = d.day, d.day_lost, d.weekday, d.nth
            spec.week, spec.last_day = d.week, d.last_day
            spec.pre = word_at(toks, i, "weekday", "first", "last")[2] if word_at(
                toks, i, "weekday", "first", "last") else (toks[i].pre if toks[i].kind == "num" else "")
        # the day after the month: يوليو 13
        if not dp and not qual and self.day_number(end) and not self.year_at(end, hijri=hijri,
                                                                             after_month=True):
            nxt = self.day_number(end)
            if nxt and not (nxt[0] < len(toks) and toks[nxt[0]].kind == "num"):
                spec.day = nxt[1]
                end = nxt[0]
        ys = self.year_at(end, hijri=hijri, after_month=True)
        if ys:
            y = ys[1]
            spec.year, spec.year_lost, spec.year_rel = y.year, y.year_lost, y.year_rel
            spec.hijri = spec.hijri or y.hijri
            end = ys[0]
        else:
            d = word_at(toks, end, "direction")
            if d and d[1]["form"] not in ("هذا", "هذه", "الاخير", "الاخيره"):
                spec.direction = d[1]["value"]
                end = d[0]
        # ambiguous month names need a date cue
        strong = bool(dp) or spec.year is not None or spec.year_lost or spec.year_rel is not None
        if amb == 2 and not strong:
            return None
        if amb == 1 and not strong and not qual and not spec.direction:
            before = toks[i - 1] if i > 0 else None
            prep = word_at(toks, i, "anchor") is not None or (
                before is not None and word_at(toks, i - 1, "anchor", "qualifier") is not None
            ) or mpre.rstrip("ال") in ("ب", "و ب")
            if not prep:
                return None
        return end, spec

    def numeric_date(self, i: int) -> tuple[int, Spec] | None:
        """dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd, Hijri when the year says so."""
        toks = self.toks
        if i + 4 >= len(toks) + 0 and i + 4 > len(toks):
            return None
        parts = toks[i:i + 5]
        if len(parts) < 5 or any(p.kind != "num" for p in parts[::2]):
            # one token can hold a dotted date: 12.5.2020
            t = toks[i]
            if t.kind == "num" and t.key.count(".") == 2:
                a, b, c = t.key.split(".")
                return self._dmy(i, i + 1, a, b, c)
            return None
        sep = parts[1].key
        if sep not in "/-." or parts[3].key != sep:
            return None
        if any(parts[k].start != parts[k - 1].end for k in range(1, 5)):
            return None
        return self._dmy(i, i + 5, parts[0].key, parts[2].key, parts[4].key)

    def _dmy(self, i: int, j: int, a: str, b: str, c: str) -> tuple[int, Spec] | None:
        if not (a.isdigit() and b.isdigit() and c.isdigit()):
            return None
        if len(a) == 4:
            y, mo, d = int(a), int(b), int(c)
        elif len(c) == 4:
            d, mo, y = int(a), int(b), int(c)
        else:
            return None
        era = word_at(self.toks, j, "era")
        hijri = 1300 <= y <= 1500 or (era is not None and era[1]["value"] == "hijri")
        if era:
            j = era[0]
        if not (1 <= mo <= 12 and 1 <= d <= 31) or not (hijri or 1900 <= y <= 2100):
            return None
        return j, Spec(year=y, month=mo, day=d, hijri=hijri, start=i, pre=self.toks[i].pre)

    def relative(self, i: int) -> tuple[int, Spec] | None:
        """أمس, الآن, الأسبوع الماضي, هذه السنة, الثلاثاء الماضي, احد الاسبوع الماضي."""
        toks = self.toks
        off = word_at(toks, i, "day_offset", "now")
        # a longer reading wins: اليوم السابق over اليوم
        if off:
            spec = Spec(start=i, pre=off[2])
            if off[1]["type"] == "now":
                spec.now = True
            else:
                spec.offset = int(off[1]["value"])
            return off[0], spec
        j = i
        this = word_at(toks, j, "direction")
        if this and this[1]["form"] in ("هذا", "هذه"):
            u = word_at(toks, this[0], "unit", "year_word", "week_word", "month_word")
            unit = self._unit_name(u)
            if u and unit:
                return u[0], Spec(start=i, pre=this[2], unit_rel=(unit, 0))
            return None
        u = word_at(toks, j, "unit", "year_word", "week_word", "month_word")
        unit = self._unit_name(u)
        if (u and unit in ("week", "month", "year") and toks[j].key.startswith("ال")) or (
            u and unit and stems(toks[j].key) and any(a for _, _, a in stems(toks[j].key)[1:2])
        ):
            d = word_at(toks, u[0], "direction")
            if d and d[1]["form"] not in ("هذا", "هذه", "الاخير", "الاخيره") and unit in (
                "week", "month", "year"
            ) and u[1]["extra"] in ("1", ""):
                rel = {"past": -1, "future": 1, "current": 0}[d[1]["value"]]
                return d[0], Spec(start=i, pre=u[2], unit_rel=(unit, rel))
        wd = word_at(toks, i, "weekday")
        if wd is None:
            return None
        spec = Spec(start=i, pre=wd[2], weekday=int(wd[1]["value"]))
        j = wd[0]
        bare = wd[1]["extra"] == "1"
        w = word_at(toks, j, "week_word", "unit")
        if w and self._unit_name(w) == "week":
            d = word_at(toks, w[0], "direction")
            if d and d[1]["form"] not in ("الاخير", "الاخيره"):
                spec.week_rel = {"past": -1, "future": 1, "current": 0}[d[1]["value"]]
                return d[0], spec
        if bare and key_at(toks, i - 1) != "يوم":
            return None
        d = word_at(toks, j, "direction")
        if d and d[1]["form"] not in ("هذا", "هذه"):
            spec.direction = d[1]["value"]
            j = d[0]
        if key_at(toks, i - 1) == "يوم":
            spec.start = i - 1
            spec.pre = word_at(toks, i - 1, "unit")[2] if word_at(toks, i - 1, "unit") else ""
        return j, spec

    @staticmethod
    def _unit_name(u: tuple[int, dict[str, str], str] | None) -> str:
        if u is None:
            return ""
        t = u[1]["type"]
        if t == "unit":
            return u[1]["value"]
        return {"year_word": "year", "week_word": "week", "month_word": "month"}.get(t, "")

    def holiday(self, i: int) -> tuple[int, Spec] | None:
        h = word_at(self.toks, i, "holiday")
        if h is None:
            return None
        spec = Spec(start=i, pre=h[2], holiday=h[1]["value"])
        ys = self.year_at(h[0], hijri=False, after_month=True)
        if ys and ys[1].year:
            spec.year = ys[1].year
            return ys[0], spec
        return h[0], spec

    def length(self, i: int, *, single: bool = False) -> tuple[int, int, str] | None:
        """A length of time: (end, how many, unit): يومين, ثلاثة أيام, 21 أيام; with
        ``single`` (after منذ, قبل, بعد) also one unit: أسبوع."""
        toks = self.toks
        u = word_at(toks, i, "unit")
        if u and u[1]["extra"] == "2":
            return u[0], 2, u[1]["value"]
        if single and u and u[1]["extra"] == "1" and not toks[i].key.startswith("ال") \
                and u[1]["value"] != "second" and not read_number(toks, u[0]):
            return u[0], 1, u[1]["value"]
        num = read_number(toks, i)
        if num and num.value and num.value == int(num.value) and num.how in ("digits", "words"):
            u = word_at(toks, num.end, "unit")
            if u and not toks[num.end].key.startswith("ال"):
                return u[0], int(num.value), u[1]["value"]
        return None

    def point(self, i: int) -> tuple[int, Spec] | None:
        if i in self._no_point:
            return None
        best: tuple[int, Spec] | None = None
        if key_at(self.toks, i) == "يوم" and word_at(self.toks, i + 1, "weekday"):
            best = self.relative(i + 1)
        else:
            for parse in (self.numeric_date, self.calendar_date, self.holiday, self.relative):
                got = parse(i)
                if got and (best is None or got[0] > best[0]):
                    best = got
        if best is None:
            self._no_point.add(i)  # a parse has no side effects: no point here, ever
        return best
