"""Recognising time expressions: the parser that reads the tokens at a position.

Points (:mod:`.points`) are what a date says; expressions add the anchors (منذ, قبل,
بين ... و, من ... إلى, خلال), ranges and lengths. Each expression found is resolved by
:class:`~.resolve.Resolver`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from ...text.clitics import stems
from ...text.numbers import read_number
from .lexicon import key_at, word_at
from .points import PointReader
from .resolve import Found, Spec, bounds, fmt_at, shift

_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M",
              "second": "S"}


class Parser(PointReader):
    """Reads the time expression at a token (:meth:`expression`): a point with or without
    an anchor, a range, a length; tried by ``time_rows`` at each token its filters keep."""

    # -- expressions with anchors -------------------------------------------

    def expression(self, i: int) -> Found | None:
        toks = self.toks
        anchor = word_at(toks, i, "anchor")
        a = anchor[1]["value"] if anchor else ""
        if a == "since":
            ln = self.length(anchor[0], single=True)
            p = self.point(anchor[0])
            if p and (ln is None or p[0] > ln[0]):
                return self._since(i, p, anchor[2])
            if ln:
                return self._shifted(i, ln, -1, anchor[2])
        if a == "from" and key_at(toks, i - 1) not in ("اكثر", "اقل", "ازيد", "اكبر"):
            ln = self.length(anchor[0], single=True)
            if ln and not word_at(toks, ln[0], "anchor") and not self.point(ln[0]):
                return self._shifted(i, ln, -1, anchor[2])
        if a in ("before", "after"):
            ln = self.length(anchor[0], single=True)
            if ln:
                return self._shifted(i, ln, -1 if a == "before" else 1, anchor[2])
        if a == "within":
            ln = self.length(anchor[0])
            if ln:
                return self._within(i, ln, anchor[2])
        if a in ("between", "from"):
            r = self._range(i, anchor[0], a, anchor[2])
            if r:
                return r
        if a == "until":
            p = self.point(anchor[0])
            if p:
                f = self.resolve(p[1], p[0])
                if f:
                    f.i, f.pre = i, anchor[2]
                    f.value = f"../{f.value}"
                    f.relation = "until"
                    f.start_date = ""
                    return f
        p = self.point(i)
        # a range written with a dash or الى after the first end: 2014 – 2017, 13 الى 15 تموز
        first = p or self._range_start(i)
        if first:
            r = self._range_tail(first, i)
            if r:
                return r
        if p:
            return self.resolve(p[1], p[0])
        ln = self.length(i)
        if ln and not word_at(toks, ln[0], "direction"):
            n, unit = ln[1], ln[2]
            code = _UNIT_CODE[unit]
            value = f"PT{n}{code}" if unit in ("hour", "minute", "second") else f"P{n}{code}"
            return Found(i, ln[0], toks[i].pre, value, "", "", "duration", "duration")
        # الأسابيع الثلاثة القادمة: the next n weeks
        u = word_at(toks, i, "unit")
        if u and u[1]["extra"] == "pl":
            num = read_number(toks, u[0])
            if num and num.value and num.how == "words":
                d = word_at(toks, num.end, "direction")
                if d and d[1]["value"] in ("past", "future"):
                    return self._next_n(i, num.end, d[0], int(num.value), u[1]["value"],
                                        d[1]["value"], u[2])
        return None

    def _range(self, i: int, j: int, a: str, pre: str) -> Found | None:
        toks = self.toks
        # بين […] – […] after a period word: years lost in the source
        if a == "between" and j + 2 < len(toks) and toks[j].kind == "gap" and toks[j + 2].kind == "gap" \
                and (toks[j + 1].key in ("-", "–", "—", "و") or toks[j + 1].key == "و"):
            if any(
                word_at(toks, k, "period_word") for k in self.same_sentence(i, max(0, i - 5), i + 1)
                if k < i
            ):
                return Found(i, j + 3, pre, "XXXX/XXXX", "", "", "year", "range",
                             flags=["year_unknown", "range"])
            return None
        if j < len(toks) and toks[j].kind == "gap" and j + 1 < len(toks) and toks[j + 1].key == "و" \
                and j + 2 < len(toks) and toks[j + 2].kind == "gap":
            return None
        p1 = self._range_start(j)
        if p1 is None:
            return None
        k = p1[0]
        conj = ("و",) if a == "between" else ("الي", "حتي", "لغايه", "-", "–", "—")
        if k < len(toks) and toks[k].kind == "num" and toks[k].pre == "و" and a == "between":
            pass
        elif key_at(toks, k) in conj:
            k += 1
        elif k < len(toks) and any(pre2 == "و" and stem in conj for pre2, stem, _ in stems(toks[k].key)):
            k += 1  # وحتى
        else:
            return None
        p2 = self.point(k) or self._range_start(k)
        if p2 is None:
            return None
        return self._join(i, p1[1], p2[1], p2[0], pre)

    def _range_start(self, j: int) -> tuple[int, Spec] | None:
        """A range's first end: a point, or just a day (13 الى 15 تموز) or a year."""
        p = self.point(j)
        if p:
            return p
        d = self.day_number(j) or self.day_ordinal(j)
        if d:
            return d[0], Spec(day=d[1], start=j, pre=self.toks[j].pre)
        t = self.toks[j] if j < len(self.toks) else None
        if t is not None and t.kind == "num" and t.key.isdigit() and 1900 <= int(t.key) <= 2100:
            return j + 1, Spec(year=int(t.key), start=j, pre=t.pre)
        return None

    def _range_tail(self, p: tuple[int, Spec], i: int) -> Found | None:
        toks = self.toks
        k = p[0]
        if key_at(toks, k) not in ("-", "–", "—", "الي"):
            return None
        spec1 = p[1]
        if spec1.year is None and spec1.day is None:
            return None
        q = self.point(k + 1) or self._range_start(k + 1)
        if q is None:
            return None
        if spec1.day is not None and (spec1.month is None) != (q[1].month is None) \
                and q[1].day is not None and spec1.year is None:
            return self._join(i, spec1, q[1], q[0], spec1.pre)
        if spec1.month is None and q[1].month is None and spec1.year and q[1].year:
            return self._join(i, spec1, q[1], q[0], spec1.pre)
        return None

    def _join(self, i: int, s1: Spec, s2: Spec, j: int, pre: str) -> Found | None:
        # the first end borrows what it lacks from the second: 13 الى 15 تموز
        if s1.month is None and s1.day is not None and s2.month is not None:
            s1 = replace(s1, month=s2.month, year=s2.year, year_lost=s2.year_lost,
                         year_rel=s2.year_rel, hijri=s2.hijri)
        if s2.month is None and s2.day is not None and s1.month is not None:
            s2 = replace(s2, month=s1.month, year=s1.year, year_lost=s1.year_lost,
                         year_rel=s1.year_rel, hijri=s1.hijri)
        f1 = self.resolve(s1, j)
        f2 = self.resolve(s2, j)
        if f1 is None or f2 is None:
            return None
        flags = sorted(set(f1.flags) | set(f2.flags) | {"range"})
        return Found(i, j, pre, f"{f1.value}/{f2.value}", f1.start_date, f2.end_date,
                     f1.precision, "range", calendar=f1.calendar, flags=flags)

    def _since(self, i: int, p: tuple[int, Spec], pre: str) -> Found | None:
        spec = p[1]
        if not spec.direction:
            spec.direction = "past_incl"
        f = self.resolve(spec, p[0])
        if f is None:
            return None
        f.i, f.pre, f.relation = i, pre, "since"
        if self.ref is None:
            f.value = f"{f.value}/.."
            f.end_date = ""
        else:
            f.value = f"{f.value}/{fmt_at(self.ref, f.precision)}"
            f.end_date = self.ref.isoformat()
        f.qualifier = f.qualifier
        return f

    def _shifted(self, i: int, ln: tuple[int, int, str], sign: int, pre: str) -> Found:
        end, n, unit = ln
        if self.ref is None:
            return Found(i, end, pre, "", "", "", unit, "point", flags=["relative", "needs_reference"])
        d = shift(self.ref, unit, sign * n)
        prec = unit if unit in ("day", "week", "month", "year") else "day"
        if prec == "week":
            d, prec = self.ref + timedelta(days=7 * n * sign), "day"
        value = fmt_at(d, prec)
        s, e = bounds(d, prec)
        return Found(i, end, pre, value, s.isoformat(), e.isoformat(), prec, "point",
                     flags=["relative"])

    def _within(self, i: int, ln: tuple[int, int, str], pre: str) -> Found:
        end, n, unit = ln
        if self.ref is None:
            return Found(i, end, pre, "", "", "", "period", "within", flags=["relative", "needs_reference"])
        future = self.clause_tense(i, end) == "future"
        other = shift(self.ref, unit, n if future else -n) if unit not in ("week",) else (
            self.ref + timedelta(days=(7 * n if future else -7 * n)))
        a, b = (self.ref, other) if future else (other, self.ref)
        if future:
            b = b - timedelta(days=1)
        return Found(i, end, pre, f"{a.isoformat()}/{b.isoformat()}", a.isoformat(), b.isoformat(),
                     "day", "within", flags=["relative"])

    def _next_n(self, i: int, k: int, end: int, n: int, unit: str, direction: str, pre: str) -> Found:
        if self.ref is None:
            return Found(i, end, pre, "", "", "", "period", direction, flags=["relative", "needs_reference"])
        if unit == "week":
            monday = self.ref - timedelta(days=self.ref.weekday())
            if direction == "future":
                a = monday + timedelta(days=7)
                b = a + timedelta(days=7 * n - 1)
            else:
                b = monday - timedelta(days=1)
                a = monday - timedelta(days=7 * n)
        else:
            other = shift(self.ref, unit, n if direction == "future" else -n)
            a, b = (self.ref, other) if direction == "future" else (other, self.ref)
        return Found(i, end, pre, f"{a.isoformat()}/{b.isoformat()}", a.isoformat(), b.isoformat(),
                     "day", "range", flags=["relative"])

