"""Find time expressions: candidates from one regex pass, the grammar run only there, rows out."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ...text.arabic import SENTENCE_END
from ...text.zipf import zipf
from .compose import RELATIVES, Composer, perfective
from .equivalents import pair_equivalents
from .lexicon import Token, Tokens, candidates, find, fold_text, key
from .partial import Partial, copy
from .resolve import Context, fmt, resolve, row

if TYPE_CHECKING:
    from ...text.lexmatch import FoldedText

COLUMNS = [
    "start", "end", "text", "kind", "value", "flags", "start_date", "end_date", "precision",
    "relation", "qualifier", "calendar", "proposed", "time_of_day", "rule",
]
_WINDOW = 8  # tokens each side of an expression searched for a future cue
_SENTENCE_END = frozenset(SENTENCE_END)
_FUTURE_PREFIX = ("\u0633\u064a", "\u0633\u062a", "\u0633\u0646")  # سي ست سن
# ه ات ين اء, and ا: a noun's accusative (سنتا "cents"); a future verb never ends in a bare alef
_NOUN_ENDINGS = ("\u0647", "\u0627\u062a", "\u064a\u0646", "\u0627\u0621", "\u0627")
# أن/إن and their pronoun forms open a reported clause: a future cue after one is that
# clause's (أعلنت يوم الأحد أنها سوف تخصص: the Sunday is past)
_CLAUSE_OPENERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "انهن", "اننا", "انني", "بان",
                             "بانه", "بانها", "بانهم", "وان", "وانه", "وانها"})
# steps of resolution that read a value from outside the expression: named in ``rule`` too
_RESOLUTION_RULES = frozenset({"year_from_sentence", "year_from_weekday"})
_NUMERIC_DATE_RE = re.compile(r"\d\s?[/.-]\s?\d")
# between a year-less date and the year its sentence says after it: at most this many words of
# the noun phrase the date dates ((13 تموز) للعدوان الإسرائيلي في العام 2006)
_YEAR_AFTER_REACH = 6
# what ends that noun phrase: a clause of its own (التي أقرت في عام 2015), a list
_YEAR_AFTER_STOPS = frozenset({"\u060c", ",", "منذ"}) | RELATIVES
_COARSE = ["second", "minute", "hour", "day", "week", "month", "year"]


def time_rows(
    text: str, *, reference: date | datetime | None = None, tense: str = "past",
    folded: FoldedText | None = None,
) -> list[dict[str, Any]]:
    """The rows of ``find_times`` as dicts keyed by ``COLUMNS``, in text order.

    ``folded`` (``workbench.text.lexmatch.fold(text)``) is the folding the other finders
    share, read instead of folding the text again.

    >>> [r["value"] for r in time_rows("في أيار 2014")]
    ['2014-05']
    """
    if tense not in ("past", "future"):
        raise ValueError(f"tense must be 'past' or 'future', not {tense!r}")
    if not text:
        return []
    toks, folded_key, kept = fold_text(text, folded)
    grammar = Composer(toks)
    ctx = Context(reference, tense)
    if _NUMERIC_DATE_RE.search(text):  # 4/5/2019: which order this text writes them in
        grammar.learn_numeric_order(ctx.ref)
    rows: list[dict[str, Any]] = []
    done = 0
    scanned = 0  # tokens up to here searched for the end of the sentence that said a year
    for i in candidates(toks, folded_key):
        if i < done or not grammar.may_begin(i):
            continue
        if ctx.said_year is not None:
            if not _SENTENCE_END.isdisjoint(toks.keys[scanned:i]):
                ctx.said_year = None
            scanned = max(scanned, i)
        p, out = _first_resolved(grammar, i, ctx, toks, tense)
        if p is None or out is None:
            continue
        rows.append(_row(text, toks, kept, p, out))
        rows.extend(_end_rows(text, toks, kept, p, out))
        done = p.j
        if p.year is not None and not p.hijri:
            ctx.said_year, scanned = p.year, p.j
        if out["precision"] in ("day", "hour", "minute", "second") and out["start_date"] \
                and out["start_date"] == out["end_date"]:
            ctx.story_day = date.fromisoformat(out["start_date"])
            _writing_day(p, out, ctx)
    pair_equivalents(text, toks, rows)
    _year_said_after(toks, rows)
    return rows


def _year_said_after(toks: list[Token], rows: list[dict[str, Any]]) -> None:
    """A day and month with no year and no word for one (الماضي, الجاري) take the year the
    next time of their sentence says with في, a few words of the noun phrase they date on
    ((13 تموز) للعدوان الإسرائيلي في العام 2006 → 2006-07-13), as a year said before them does
    (``year_from_sentence``); rule ``+year_said_after``."""
    for a, b in pairwise(rows):
        if "year_inferred" not in a["flags"].split(";") or a["precision"] != "day" \
                or not a["rule"].startswith("day+month") or "relative" in a["rule"] \
                or "weekday" in a["rule"] or b["rule"] != "year" or b["precision"] != "year" \
                or "/" in b["value"] or not a["start_date"]:
            continue
        gap = [t for t in toks if t.start >= a["end"] and t.end <= b["start"]]
        if not gap or gap[-1].key != "\u0641\u064a" or len(gap) > _YEAR_AFTER_REACH \
                or any(t.key in _SENTENCE_END or t.key in _YEAR_AFTER_STOPS or t.is_num
                       or perfective(t.key) for t in gap):
            continue
        old = date.fromisoformat(a["start_date"])
        try:
            day = old.replace(year=int(b["value"]))
        except ValueError:  # 29 February of a common year
            continue
        iso = day.isoformat()
        flags = [f for f in a["flags"].split(";") if f and f != "year_inferred"]
        a.update(value=iso + a["value"][10:], start_date=iso, end_date=iso,
                 flags=";".join([*flags, "year_from_sentence"]), rule=a["rule"] + "+year_said_after")


def _writing_day(p: Partial, out: dict[str, Any], ctx: Context) -> None:
    """A relative day whose weekday the reference contradicts tells the day of writing: a
    report dated Wednesday that says اليوم الثلاثاء (مساء اليوم الثلاثاء، أمس الاثنين) was
    written on Tuesday, so its later اليوم, أمس or bare weekday count from Tuesday, not from
    the publication day."""
    if p.weekday is None or (p.offset is None and not p.today_part) or p.story \
            or p.month is not None or p.day is not None or ctx.ref is None:
        return
    written = date.fromisoformat(out["start_date"]) - timedelta(days=p.offset or 0)
    if written < ctx.ref:  # nothing is written after its publication
        ctx.ref = written


def _first_resolved(grammar: Composer, i: int, ctx: Context, toks: list[Token], tense: str,
                    ) -> tuple[Partial | None, dict[str, Any] | None]:
    """The longest reading at token ``i`` that resolves, and what it resolves to."""
    try:
        found = grammar.expressions(i)
    except (ValueError, OverflowError, IndexError):
        return None, None
    for p in found:
        if p.j <= i:
            continue
        try:
            out = _resolved(p, ctx, _tense(toks, p, tense))
        except (ValueError, OverflowError):  # a date out of the calendar's range
            out = None
        if out is not None:
            return p, out
    return None, None


def _tense(toks: list[Token], p: Partial, default: str) -> str:
    """future when a future cue (سوف, من المقرر) sits near the expression in its sentence."""
    lo, hi = max(0, p.i - _WINDOW), min(len(toks), p.j + _WINDOW)
    keys = [t.key for t in toks] if not isinstance(toks, Tokens) else toks.keys
    for k in range(p.i - 1, lo - 1, -1):
        if keys[k] in _SENTENCE_END:
            break
        if _future(toks, k):
            return "future"
    for k in range(p.j, hi):
        if keys[k] in _SENTENCE_END or keys[k] in _CLAUSE_OPENERS:
            break
        if _future(toks, k):
            return "future"
    return default


def _future(toks: list[Token], k: int) -> bool:
    """A future cue (سوف, من المقرر) or a verb with the future prefix سـ (سيزور, ستعقد,
    سنعمل): س + the imperfect's ي/ت/ن and a root letter, and not a noun's ending (سيارة,
    سنوات, ستين, سيناء)."""
    w = key(toks, k)
    if len(w) >= 4 and w[:2] in _FUTURE_PREFIX and w[2] not in "\u0627\u0648" \
            and not w.endswith(_NOUN_ENDINGS):
        return find(toks, k, "not_future", pre_ok=False) is None and _imperfect_more_common(w)
    return find(toks, k, "future_cue") is not None


def _imperfect_more_common(word: str) -> bool:
    """A future verb's imperfect without سـ is a commoner word than the verb (سيعقد: يعقد);
    a name or noun that only begins like one is commoner than what is left (سيرغي، سيطر،
    ستيفن). A word wordfreq does not know is read as a verb when its imperfect is known
    (سيستهدفونها: يستهدفونها); when neither is known it is a name (سينيهوبوف, a governor),
    since a verb's imperfect is the commoner form of the two.

    >>> _imperfect_more_common("سيعقد"), _imperfect_more_common("سيرغي")
    (True, False)
    """
    whole, rest = zipf(word), zipf(word[1:])
    return rest > whole


def _resolved(p: Partial, ctx: Context, tense: str) -> dict[str, Any] | None:
    ends = getattr(p, "_ends", None)
    if ends is not None:
        return _range(p, ends, ctx, tense)
    out = resolve(p, ctx, tense)
    if out is None:
        return None
    if "overnight" in p.flags and out["start_date"]:  # ليل السبت الأحد: Saturday to Sunday
        s = date.fromisoformat(out["start_date"])
        e = s + timedelta(days=1)
        return {**out, "value": f"{s.isoformat()}/{e.isoformat()}", "end_date": e.isoformat()}
    if "same_day" in p.flags and ctx.ref is not None and (p.year is not None or p.counted):
        # في مثل هذا اليوم من عام 1956: the reference's day and month in that year, or in
        # the year that many years back (في مثل هذا اليوم قبل 3 أعوام)
        year = p.year if p.year is not None else ctx.ref.year - p.counted[1]  # type: ignore[index]
        try:
            d = ctx.ref.replace(year=year)
        except ValueError:  # 29 February in a common year
            return out
        return row(d.isoformat(), d, d, "day", flags=[f for f in out["flags"] if f != "same_day"]
                   + ["same_day", "relative"])
    if "since" in p.flags and out["value"]:
        return {**_since(out, ctx), "_ends": (out,)}
    if "until" in p.flags and out["value"]:
        # حتى X: the value is the day said, the relation says it ends an open period
        return {**out, "relation": "until", "start_date": "",
                "flags": [f for f in out["flags"] if f != "until"]}
    return out


def _range(p: Partial, ends: tuple[Partial, Partial], ctx: Context, tense: str) -> dict[str, Any] | None:
    a, b = (resolve(e, ctx, tense) for e in ends)
    if a is not None and b is not None and not a["value"] and not b["value"] \
            and "needs_reference" in a["flags"] and "needs_reference" in b["flags"]:
        # يومي الجمعة والسبت with no reference: still one span of two days, its value unknown
        return row("", None, None, a["precision"], relation="range",
                   flags=list(dict.fromkeys(["range", *p.flags, *a["flags"], *b["flags"]])))
    if a is None or b is None or not a["value"] or not b["value"]:
        return None
    if "T" in a["value"] and "T" in b["value"] and b["value"] < a["value"] and not ends[1].has_date \
            and "ampm_inferred" in b["flags"] and "|" in b["time_of_day"]:
        # بين الساعة الثالثة والخامسة: an end hour no word places in the day is in the start's
        # half of it when that puts it after the start
        later = datetime.fromisoformat(b["value"]) + timedelta(hours=12)
        if later.isoformat(timespec="minutes") > a["value"] and later.date() == _d(b["start_date"]):
            b = {**b, "value": later.isoformat(timespec="minutes")}
    if "T" in a["value"] and "T" in b["value"] and b["value"] < a["value"] and not ends[1].has_date:
        # من الساعة 7 مساءً إلى الساعة 6 صباحًا: an end clock before the start is the next day's
        day = (date.fromisoformat(b["value"][:10]) + timedelta(days=1)).isoformat()
        b = {**b, "value": day + b["value"][10:], "start_date": day, "end_date": day}
    if ends[0].weekday is not None and ends[1].weekday is not None and ends[0].day is None \
            and not ends[0].direction and ends[0].week_rel is None and a["precision"] == "day" \
            and a["start_date"] and b["end_date"] and b["end_date"] < a["start_date"] \
            and _d(a["start_date"]) - _d(b["end_date"]) < timedelta(days=7):
        # السبت والأحد written on a Saturday: the Sunday past, and the Saturday before it
        s = _d(a["start_date"]) - timedelta(days=7)
        a = {**a, "value": s.isoformat(), "start_date": s.isoformat(), "end_date": s.isoformat()}
    if a["start_date"] and b["end_date"] and b["end_date"] < a["start_date"]:
        return None  # an end before the start: not a range (السبت المقبل وحتى أمس)
    precision = max(a["precision"], b["precision"], key=lambda x: _COARSE.index(x) if x in _COARSE else 3)
    flags = list(dict.fromkeys(["range", *p.flags, *a["flags"], *b["flags"]]))
    # each end at its own grain; an end that is itself a span (a Hijri year: 2024/2025) gives
    # its first or last part
    value = f"{a['value'].split('/')[0]}/{b['value'].split('/')[-1]}"
    return {**row(value, _d(a["start_date"]), _d(b["end_date"]), precision,
                  relation="range", flags=flags, calendar=a["calendar"],
                  time_of_day="/".join(x for x in (a["time_of_day"], b["time_of_day"]) if x)),
            "_ends": (a, b)}


def _since(out: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """منذ X: from X to the reference; ابتداء من X with X still ahead: X, where an open
    period begins (flag ``open_end``)."""
    flags = out["flags"] + (["vague"] if out["qualifier"] else [])
    if ctx.ref is not None and out["start_date"] and _d(out["start_date"]) > ctx.ref:
        return {**out, "relation": "since", "flags": [f for f in flags if f != "since"] + ["open_end"]}
    if ctx.ref is None:
        end, value = None, f"{out['value']}/.."
    else:
        end = ctx.ref
        unit = out["precision"] if out["precision"] in ("year", "month", "week") else "day"
        # from the first part of X: منذ الثمانينيات = 1980/<reference>
        start = out["start_date"] if out["qualifier"] else out["value"].split("/", 1)[0]
        value = f"{start}/{fmt(end, 'day' if out['qualifier'] else unit)}"
    # منذ ساعات الصباح الأولى: the period keeps the part of the day it begins in
    return row(value, _d(out["start_date"]), end, out["precision"], relation="since",
               flags=[f for f in flags if f != "since"], calendar=out["calendar"],
               qualifier=out["qualifier"], time_of_day=out["time_of_day"])


def _end_rows(text: str, toks: list[Token], kept: list[int], p: Partial, out: dict[str, Any],
              ) -> list[dict[str, Any]]:
    """The dates a span is bounded by, each a row of its own after the span's (flag and rule
    ``span_end``): من 23 نيسان وحتى 23 أيار gives the span and both days, منذ 28 آذار the span
    to the reference and 28 آذار, as a reader who looks for a date finds it inside a span. A
    clock alone, a count (منذ أيام) or an end lost in the source gives no row."""
    said = out.get("_ends")
    if not said:
        return []
    if len(said) == 2:
        ends = getattr(p, "_ends", ())
    else:  # منذ X: the point after the anchor word (حتى X is already X's day)
        h = find(toks, p.i, "anchor")
        if h is None:
            return []
        inner = copy(p)
        inner.i, inner.pre = h.end, ""
        ends = (inner,)
    rows = []
    for e, o in zip(ends, said, strict=False):
        if not o["value"] or not e.has_date or e.year_lost or e.counted is not None \
                or e.vague is not None or e.span is not None or e.j <= e.i:
            continue
        q = copy(e)
        q.rules = [r for r in q.rules if r not in ("since", "until")] + ["span_end"]
        o = {**o, "flags": [f for f in o["flags"] if f not in ("since", "until", "range")] + ["span_end"]}
        rows.append(_row(text, toks, kept, q, o))
    return sorted(rows, key=lambda r: r["start"])  # الجمعة وقبله الخميس: in text order


def _d(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


def _row(text: str, toks: list[Token], kept: list[int], p: Partial, out: dict[str, Any]) -> dict[str, Any]:
    tok = toks[p.i]
    start = tok.start
    if p.pre and len(p.pre) < len(tok.key):
        cut = len(p.pre)
        if tok.key[cut - 1:cut + 1] == "\u0644\u0644":  # للعام: ل + العام, its alef unwritten
            cut -= 1
        start = kept[tok.kstart + cut]
    end = toks[p.j - 1].end
    flags = list(dict.fromkeys(out["flags"]))
    return {
        "start": start, "end": end, "text": text[start:end], "kind": "time",
        "value": out["value"], "flags": ";".join(flags), "start_date": out["start_date"],
        "end_date": out["end_date"], "precision": out["precision"], "relation": out["relation"],
        "qualifier": out["qualifier"], "calendar": out["calendar"], "proposed": out["proposed"],
        "time_of_day": out["time_of_day"],
        "rule": "+".join(dict.fromkeys([*p.rules, *(f for f in flags if f in _RESOLUTION_RULES)])),
    }
