"""Who did it to whom: the doer and the target of an event trigger in a claim.

The doer is the subject of the trigger verb or of its support verb (شن هجوما), the
antecedent of الذي/التي before it, the genitive of a nominal trigger (اجتياح داعش), or
the agent after بيد / على يد / من قبل; the target is the phrase after ضد / على / بحق
(or, for explosives and shelling, a word with ب: انفجرت عبوة بدورية). Offsets are into
the claim's text (``local`` mentions), except ``mentions``, which is the whole document.
"""

from __future__ import annotations

from ..text.arabic import match_key
from .clauses import (
    ARTICLE,
    BEH,
    LAM,
    WAW,
    Cue,
    TextUnits,
    cue_words,
    proclitic_readings,
    trigger_lexicon,
)
from .index import Mention, Mentions

# Kinds whose target may follow as a word with ب (انفجرت عبوة ناسفة بدورية للجيش).
_REMOTE_KINDS = frozenset({"explosion", "suicide_bombing", "shelling", "airstrike", "grenade"})


def trigger_row(trig: Cue) -> dict:
    """The trigger lexicon's row of a found trigger (kind, coding, part of speech ...)."""
    return trigger_lexicon().rows[trig.row]


def light_verb(doc: TextUnits, lo: int, hi: int) -> int | None:
    """Token index of a support verb (نفذ، شن، سجل) in ``[lo, hi)``, the last one."""
    found = [c for c in trigger_lexicon().find(doc.tokens, text=doc.text, lo=lo, hi=hi)
             if c.role == "light"]
    return found[-1].i if found else None


def undergo_verb(doc: TextUnits, lo: int, hi: int) -> int | None:
    """Token index of a verb of undergoing (تعرض) in ``[lo, hi)``: its subject is what the
    nominal trigger after it hit, so the trigger reports an event (تعرضت القرية لغارات)."""
    found = [c for c in trigger_lexicon().find(doc.tokens, text=doc.text, lo=lo, hi=hi)
             if c.role == "undergo"]
    return found[-1].i if found else None


def doer(claim, doc: TextUnits, trig: Cue, nxt: int, local: Mentions, mentions: Mentions,
         light_before: int | None, light_after: int | None) -> Mention | None:
    """Who did it: the subject of the trigger verb or of its support verb, the genitive
    of a nominal trigger (اجتياح داعش), or the agent after بيد / من قبل."""
    toks = doc.tokens
    n = len(toks)

    def after(k: int, width: int) -> Mention | None:
        if k >= n:
            return None
        hits = local.between(toks[k].start, toks[min(k + width, n) - 1].end, "actor")
        return hits[0] if hits else None

    def last_before(pos: int) -> Mention | None:
        """The subject before a verb: an actor ending at most one word before it."""
        hits = local.before(pos, kind="actor")
        if not hits:
            return None
        between = [t for t in toks if hits[-1].end <= t.start and t.end <= pos]
        return hits[-1] if len(between) <= 1 else None

    def relative_antecedent(k: int) -> Mention | None:
        """The actor just before الذي/التي (at most two words before it)."""
        if k == 0 or toks[k - 1].key not in cue_words("relative"):
            return None
        found = last_before(toks[k - 1].start)
        if found is not None and found.end > (toks[k - 3].start if k >= 3 else 0):
            return found
        if k == 1:  # the antecedent ends the previous clause
            hits = mentions.before(claim.start, since=claim.start - 60, kind="actor")
            if hits and hits[-1].end >= claim.start - 3:
                return hits[-1]._replace(start=hits[-1].start - claim.start,
                                         end=hits[-1].end - claim.start)
        return None

    if light_after is not None:
        return _first_found(lambda: after(light_after + 1, 3),
                            lambda: relative_antecedent(light_after))
    if light_before is not None:
        return _first_found(lambda: relative_antecedent(light_before),
                            lambda: after(light_before + 1, 2),
                            lambda: last_before(toks[light_before].start))
    if trigger_row(trig)["pos"] == "verb":
        return _first_found(lambda: relative_antecedent(trig.i), lambda: after(trig.j, 3),
                            lambda: last_before(trig.start))
    if _aims_at_next(doc, trig):
        return None
    # the genitive of a nominal trigger: اجتياح داعش، خروج عناصر داعش (not بدورية للشرطة)
    for k in range(trig.j, min(trig.j + 2, n)):
        if _has_preposition(toks[k].key):
            break
        found = after(k, 1)
        if found is not None:
            return found
    return agent(doc, trig.j, nxt, local)


def agent(doc: TextUnits, k: int, nxt: int, local: Mentions) -> Mention | None:
    """The actor named after بيد / على يد / من قبل in a trigger's phrase."""
    toks = doc.tokens
    for m in range(k, min(nxt, len(toks))):
        if _is_agent_marker(toks, m):
            hi = toks[min(m + 4, len(toks)) - 1].end
            hits = local.between(toks[m].end, hi, "actor")
            return hits[0] if hits else None
    return None


def _is_agent_marker(toks, m: int) -> bool:
    """بيد، بأيدي، على يد، من قبل: the words before the doer of a passive or nominal event."""
    readings = {rest for _, rest in proclitic_readings(toks[m].key)}
    if not readings & cue_words("agent_marker"):
        return False
    prev = toks[m - 1].key if m else ""
    if toks[m].key == match_key("قبل"):  # "before" unless in من قبل
        return prev == match_key("من")
    if toks[m].key == match_key("يد"):  # "hand" unless in على يد
        return prev == match_key("على")
    return True


def _has_preposition(key: str) -> bool:
    """Whether a word reads as carrying the preposition ب or ل (بدورية، للشرطة)."""
    return any(p.removesuffix(ARTICLE)[-1:] in (BEH, LAM) for p, _ in proclitic_readings(key)[1:])


def _aims_at_next(doc: TextUnits, trig: Cue) -> bool:
    """Whether what follows a trigger is its target (الحرب على التنظيم), not its doer."""
    last = doc.tokens[trig.j - 1].key
    nxt = doc.tokens[trig.j].key if trig.j < len(doc.tokens) else ""
    return last in cue_words("target_marker") or nxt in cue_words("target_marker")


def _first_found(*candidates) -> Mention | None:
    """The first candidate (called in order) that finds something."""
    for candidate in candidates:
        found = candidate()
        if found is not None:
            return found
    return None


def target(doc: TextUnits, trig: Cue, nxt: int, local: Mentions,
           actor: Mention | None, kind: str) -> tuple[str, str, str]:
    """Whom it was aimed at: the phrase after ضد / على / بحق (or, for explosives and
    shelling, a word with ب: انفجرت عبوة بدورية), as in :func:`phrase_target`."""
    toks = doc.tokens
    first = trig.j - 1 if toks[trig.j - 1].key in cue_words("target_marker") else trig.j
    for k in range(first, min(nxt, len(toks))):
        if toks[k].key in cue_words("target_marker"):
            return phrase_target(doc, k + 1, nxt, local, actor)
        if kind in _REMOTE_KINDS and k <= trig.j + 1 and any(
                p in (BEH, WAW + BEH) for p, _ in proclitic_readings(toks[k].key)[1:]):
            return phrase_target(doc, k, nxt, local, actor)
    return "", "", ""


def phrase_target(doc: TextUnits, k: int, nxt: int, local: Mentions,
                  actor: Mention | None) -> tuple[str, str, str]:
    """The actors named in the phrase starting at token ``k`` (else the phrase itself),
    their actor types, and the phrase as written."""
    toks = doc.tokens
    end = _phrase_end(doc, k, nxt, local)
    if end <= k:
        return "", "", ""
    a, b = toks[k].start, toks[end - 1].end
    hits = [m for m in local.covering(a, "actor") + local.between(a + 1, b, "actor")
            if actor is None or m.start != actor.start]
    if hits:
        return (";".join(m.value for m in hits), ";".join(m.actor_type for m in hits),
                doc.text[a:b])
    return doc.text[a:b], "", doc.text[a:b]


def _phrase_end(doc: TextUnits, k: int, hi: int, local: Mentions) -> int:
    """End of a noun phrase with its و-joined parts, stopping at a time mention."""
    toks = doc.tokens
    j = k
    while j < min(hi, len(toks)) and j - k < 6:
        t = toks[j]
        if local.covering(t.start, "time"):
            break
        if j > k and (doc.text[toks[j - 1].end:t.start].strip() or t.key in cue_words("phrase_stop")):
            break
        j += 1
    return j


def parties_between(doc: TextUnits, trig: Cue, nxt: int, local: Mentions) -> list[Mention]:
    """The parties named after بين in a trigger's phrase (بين بغداد وواشنطن)."""
    toks = doc.tokens
    for k in range(trig.j, min(nxt, len(toks))):
        if toks[k].key in cue_words("between"):
            a, b = toks[k].end, toks[min(k + 6, len(toks)) - 1].end + 1
            return [m for m in local.between(a, b) if m.kind in ("actor", "place")][:2]
    return []


def proclitic_keys(key: str) -> set[str]:
    """A token key and every reading of it without a proclitic (والهجوم → الهجوم)."""
    return {rest for _, rest in proclitic_readings(key)}


# How many tokens may stand between an explosion word and a device joined to it by و
# (انفجار عبوتين ناسفتين وسيارة مفخخة: the dual device and its adjective).
_DEVICE_REACH = 3


def coordinated_device(doc: TextUnits, prev: Cue, c: Cue, table: list[dict]) -> bool:
    """A device noun joined by و to the phrase of the explosion word before it (انفجار
    عبوتين ناسفتين وسيارة مفخخة) is one more object of that word, not another attack."""
    if table[prev.row]["kind"] != "explosion" or table[c.row]["kind"] != "explosion":
        return False
    between = doc.tokens[prev.j:c.i]
    return prev.role == "noun" and len(between) <= _DEVICE_REACH \
        and doc.tokens[c.i].key.startswith("\u0648") \
        and all(t.kind == "word" for t in between)


def ranked(doc: TextUnits, i: int, j: int) -> bool:
    """A copula, then a rank word right before token ``j`` (هو سابع، يعد ذلك ثاني): the
    nominal trigger at ``j`` is the predicate of a comparison, not an event of its own."""
    words = [t.key for t in doc.tokens[i:j] if t.kind == "word"]
    ranks, copulas = cue_words("rank"), cue_words("copula")
    return bool(words) and any(f in ranks for f in proclitic_keys(words[-1])) \
        and any(f in copulas for w in words[:-1] for f in proclitic_keys(w))
