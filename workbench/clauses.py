"""Words, cues and clauses of Arabic prose: the units claims are made of.

Arabic prose chains long sentences with ، و ف كما إذ حيث. :func:`split_clauses` cuts a
sentence where a comma is followed by something that opens a new clause — a connective,
a reporting verb, a negation, future or hedge particle, or a clitic و/ف on a word that
exists without it (وذلك، فالفساد, not فترة) — and before strong connectives (بينما،
لكن، كما حصل) even without a comma; never inside brackets or quotes, and never leaving
a fragment of fewer than three words. A line with no final punctuation in a text whose
other lines have it is a heading and yields no clauses.

Cue words come from lexicons in ``workbench/data`` (``claim_cues.csv``,
``event_triggers.csv``) matched over tokens by :class:`CueLexicon`: proclitics و ف ب ل ك
(and لل for li + al-) are allowed as each entry says, and a ``+`` entry also matches its
pronoun-suffixed forms (ادعاء+ → ادعائها). Two rules need more than a word list — the
future prefix سـ and a proclitic و/ف at a clause start — and ask wordfreq's Arabic
frequencies whether the word without the letter is the likelier word.

>>> split_clauses("وقد يتكرر اجتياح داعش للمدن كما حصل مع الموصل.")["text"].tolist()
['وقد يتكرر اجتياح داعش للمدن', 'كما حصل مع الموصل']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .arabic import DIACRITICS_RE, GAP_MARKER, TATWEEL, match_key
from .resources import read_table

CUES_FILE = "claim_cues.csv"
TRIGGERS_FILE = "event_triggers.csv"

# --- characters ----------------------------------------------------------------------

WAW = "\u0648"  # ARABIC LETTER WAW, the conjunction proclitic
FEH = "\u0641"  # ARABIC LETTER FEH, the conjunction proclitic
BEH = "\u0628"  # ARABIC LETTER BEH, preposition "in, with"
LAM = "\u0644"  # ARABIC LETTER LAM, preposition "to, for"
KAF = "\u0643"  # ARABIC LETTER KAF, preposition "like"
SEEN = "\u0633"  # ARABIC LETTER SEEN, the future prefix sa-
YEH = "\u064a"  # ARABIC LETTER YEH
TEH = "\u062a"  # ARABIC LETTER TEH
NOON = "\u0646"  # ARABIC LETTER NOON
ALEF = "\u0627"  # ARABIC LETTER ALEF
HEH = "\u0647"  # ARABIC LETTER HEH (also taa marbuta after match_key)
HAMZA = "\u0621"  # ARABIC LETTER HAMZA
YEH_HAMZA = "\u0626"  # ARABIC LETTER YEH WITH HAMZA ABOVE
WAW_HAMZA = "\u0624"  # ARABIC LETTER WAW WITH HAMZA ABOVE
ARTICLE = ALEF + LAM  # the definite article al-

CONJ_PROCLITICS = ("", WAW, FEH)
# A verb also takes the future prefix sa- (ستنسحب، وسيعلن).
VERB_PROCLITICS = (*CONJ_PROCLITICS, SEEN, WAW + SEEN, FEH + SEEN)
ALL_PROCLITICS = (
    "", WAW, FEH, BEH, LAM, KAF, WAW + BEH, WAW + LAM, WAW + KAF, FEH + BEH, FEH + LAM,
    FEH + KAF,
)
# A noun may also carry the article after its proclitic (والهجمات، بالانتشار، للهجمات).
NOUN_PROCLITICS = (*ALL_PROCLITICS, *(p + ARTICLE for p in ALL_PROCLITICS), LAM + ARTICLE)
_CLITIC_CLASSES = {"conj": CONJ_PROCLITICS, "verb": VERB_PROCLITICS, "all": NOUN_PROCLITICS}
_READ_PROCLITICS = tuple(dict.fromkeys(ALL_PROCLITICS[1:] + VERB_PROCLITICS[3:]))
# Pronoun suffixes a "+" lexicon word may carry: -h, -ha, -hum, -huma, -hunna, -k, -kum,
# -na, -i (written as matching keys).
PRONOUN_SUFFIXES = (HEH, HEH + ALEF, HEH + "\u0645", HEH + "\u0645" + ALEF, HEH + NOON, KAF,
                    KAF + "\u0645", NOON + ALEF, YEH)
IMPERFECT_PREFIXES = (YEH, TEH, NOON)  # y-, t-, n- (the 1st person a- is left out: أصبح)

CLAUSE_COMMAS = ",\u060c"  # COMMA, ARABIC COMMA
CLAUSE_SEMICOLONS = ";\u061b"  # SEMICOLON, ARABIC SEMICOLON
OPENERS = "(\u00ab\u201c\"["  # (, «, “, ", [
CLOSERS = {")": "(", "\u00bb": "\u00ab", "\u201d": "\u201c", "]": "["}

_GAP = re.escape(GAP_MARKER) + r"|\[\.\.\.\]"  # the clean text's gap marker, or [...]
_TOKEN_RE = re.compile(_GAP + "|[\\w\u0640\u064b-\u0652\u0670]+")
_SENT_END_RE = re.compile("[.!?\u061f\u06d4\u2026]+(?=[\\s\"'\u201d\u00bb)\\]]|$)")
GAP_RE = re.compile(_GAP)
_SPACE_ONLY_RE = re.compile(r"[ \t\u00a0\u200f\u200e]*")

# Roles of claim_cues.csv that are closed word lists the rules read (see cue_words),
# not cues to find in text.
WORD_LIST_ROLES = frozenset({
    "np_stop", "relative", "agent_marker", "target_marker", "phrase_stop", "preposition",
    "between", "fatality_unit",
})

# Roles whose cue, first in the segment after a comma, opens a new clause.
_OPENER_ROLES = frozenset({
    "clause_break", "clause_break_strong", "negation", "future", "hedge", "hedge_particle",
    "dispute", "attribution_verb", "deontic", "question",
})


# --- tokens and lexicons -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Token:
    """A word (or a ``[…]`` gap) with its offsets and matching key."""

    start: int
    end: int
    text: str
    key: str


def tokenize(text: str) -> list[Token]:
    """Words and gap markers of ``text`` with offsets; punctuation is left out.

    >>> [t.key for t in tokenize("سُجل أكثر من […] هجومًا")]
    ['سجل', 'اكثر', 'من', '[…]', 'هجوما']
    """
    return [Token(m.start(), m.end(), m.group(), match_key(m.group()))
            for m in _TOKEN_RE.finditer(text)]


def is_gap(token: Token) -> bool:
    """Whether a token is the marker of text lost in the source (``[…]``)."""
    return token.text.startswith("[")


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon hit over tokens ``[i, j)``; ``end`` may stop inside token ``j - 1``."""

    i: int
    j: int
    start: int
    end: int
    role: str
    value: str
    cue: str
    row: int


def _word_forms(word: str) -> frozenset[str]:
    """The forms a lexicon word matches: itself, and with pronoun suffixes if it ends in +."""
    if not word.endswith("+"):
        return frozenset({word})
    base = word[:-1]
    stems = {base}
    if base.endswith(HEH):  # taa marbuta (folded to heh) is written teh before a suffix
        stems.add(base[:-1] + TEH)
    if base.endswith(HAMZA):  # the hamza takes a seat before a suffix: ادعاء → ادعائها
        stems.update({base[:-1] + YEH_HAMZA, base[:-1] + WAW_HAMZA})
    if base.endswith(YEH):  # alef maksura (folded to yeh) is written alef: مستوى → مستواها
        stems.add(base[:-1] + ALEF)
    return frozenset({base} | {s + suf for s in stems for suf in PRONOUN_SUFFIXES})


@dataclass(frozen=True)
class _Entry:
    row: int
    words: tuple[frozenset[str], ...]
    role: str
    value: str
    cue: str
    clitics: tuple[str, ...]
    prefix_last: bool  # last word is a bare preposition letter (وفقا ل) glued to the next word


class CueLexicon:
    """A cue table (``cue, role, value, clitics``) compiled for matching over tokens.

    >>> lex = CueLexicon.from_table("claim_cues.csv")
    >>> [c.role for c in lex.find(tokenize("وقد يتكرر"))]
    ['hedge_particle']
    """

    def __init__(self, table: pd.DataFrame, *, pattern_column: str = "cue",
                 role_column: str = "role", value_column: str = "value") -> None:
        self.table = table
        self._first: dict[str, list[_Entry]] = {}
        self._prefix_first: list[_Entry] = []
        for row, rec in enumerate(table.itertuples(index=False)):
            if getattr(rec, role_column) in WORD_LIST_ROLES:
                continue
            pattern = getattr(rec, pattern_column)
            words = pattern.split()
            if not words:
                continue
            clitics = _CLITIC_CLASSES[getattr(rec, "clitics", "all") or "all"]
            prefix_last = len(words) > 1 and words[-1] in (LAM, BEH)
            entry = _Entry(row, tuple(_word_forms(w) for w in words),
                           getattr(rec, role_column), getattr(rec, value_column, ""),
                           pattern, clitics, prefix_last)
            for form in entry.words[0]:
                self._first.setdefault(form, []).append(entry)

    @classmethod
    def from_table(cls, name: str, **options: str) -> CueLexicon:
        """Compile a table shipped in ``workbench/data`` (cached per name)."""
        return _lexicon(name, tuple(sorted(options.items())))

    def find(self, tokens: Sequence[Token], *, text: str | None = None,
             lo: int = 0, hi: int | None = None) -> list[Cue]:
        """Every cue over ``tokens[lo:hi]``; with ``text``, phrase words must be adjacent."""
        hi = len(tokens) if hi is None else hi
        out: list[Cue] = []
        for i in range(lo, hi):
            for proclitic, base in proclitic_readings(tokens[i].key):
                for entry in self._first.get(base, ()):
                    if proclitic not in entry.clitics:
                        continue
                    end = self._match_rest(entry, tokens, i, hi, text)
                    if end is not None:
                        j, end_offset = end
                        out.append(Cue(i, j, tokens[i].start, end_offset, entry.role,
                                       entry.value, entry.cue, entry.row))
        out.sort(key=lambda c: (c.start, -(c.end - c.start)))
        return out

    @staticmethod
    def _match_rest(entry: _Entry, tokens: Sequence[Token], i: int, hi: int,
                    text: str | None) -> tuple[int, int] | None:
        n = len(entry.words)
        for k in range(1, n):
            t = i + k
            if t >= hi:
                return None
            if text is not None and not adjacent(text, tokens[t - 1], tokens[t]):
                return None
            key = tokens[t].key
            if k == n - 1 and entry.prefix_last:
                letter = entry.cue.split()[-1]
                if key == letter:
                    return t + 1, tokens[t].end
                if key.startswith(letter) and len(key) > 2:
                    return t + 1, tokens[t].start + 1
                return None
            if key not in entry.words[k]:
                return None
        return i + n, tokens[i + n - 1].end


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Whether only spaces (or a stray tatweel) separate two tokens."""
    gap = text[a.end:b.start]
    return bool(_SPACE_ONLY_RE.fullmatch(gap)) or gap.strip() in ("\u0640",)


@cache
def _lexicon(name: str, options: tuple[tuple[str, str], ...]) -> CueLexicon:
    return CueLexicon(read_table(name), **dict(options))


@cache
def cue_words(role: str) -> frozenset[str]:
    """The words of one closed word list in ``claim_cues.csv`` (as matching keys).

    >>> sorted(cue_words("between"))
    ['بين']
    """
    table = read_table(CUES_FILE)
    return frozenset(table.loc[table["role"] == role, "cue"])


def cue_lexicon() -> CueLexicon:
    """The claim cue lexicon (``workbench/data/claim_cues.csv``), compiled once."""
    return CueLexicon.from_table(CUES_FILE)


def trigger_lexicon() -> CueLexicon:
    """The event trigger lexicon (``workbench/data/event_triggers.csv``), compiled once."""
    return CueLexicon.from_table(TRIGGERS_FILE, pattern_column="trigger", role_column="pos",
                                 value_column="kind")


@cache
def proclitic_readings(key: str) -> tuple[tuple[str, str], ...]:
    """(proclitic, rest) readings of a token key, the bare reading first.

    The article counts as part of the proclitic when a word without it remains
    (الهجمات → ال + هجمات), so lexicon nouns are listed without it.

    >>> proclitic_readings("للاستهلاك")[:4]
    (('', 'للاستهلاك'), ('ل', 'لاستهلاك'), ('ل', 'الاستهلاك'), ('لال', 'استهلاك'))
    """
    out = [("", key)]
    for p in _READ_PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= 2:
            rest = key[len(p):]
            out.append((p, rest))
            if p.endswith(LAM) and rest.startswith(LAM) and len(rest) >= 3:
                out.append((p, ARTICLE + rest[1:]))  # li + al- is written لل
    for p, rest in list(out):
        if rest.startswith(ARTICLE) and len(rest) >= 5:
            out.append((p + ARTICLE, rest[2:]))
    return tuple(out)


# --- word evidence from wordfreq -------------------------------------------------------

@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar")


def surface(token: Token) -> str:
    """A token's letters as written, without diacritics or tatweel (for wordfreq)."""
    return DIACRITICS_RE.sub("", token.text).replace(TATWEEL, "")


def _clitic_conjunction(token: Token) -> bool:
    """True when a token starts with و or ف that is a conjunction (وذلك، فالفساد, not فترة).

    The word without the letter must exist and be more frequent than the word with it.
    """
    word = surface(token)
    if len(word) < 3 or word[0] not in (WAW, FEH):
        return False
    rest = word[1:]
    return _zipf(rest) >= 2.5 and _zipf(rest) > _zipf(word)


def is_sa_future(token: Token) -> bool:
    """True for a verb with the future prefix سـ (ستخدم، سيتضمن, not سياسية or سيدي).

    The letter after سـ must be an imperfect prefix, and the verb without سـ must be a
    word that is more frequent than the token itself.

    >>> [is_sa_future(t) for t in tokenize("ستخدم سياسية وسيشكل سيدي")]
    [True, False, True, False]
    """
    word = surface(token)
    if word.startswith((WAW, FEH)) and len(word) > 4 and word[1] == SEEN:
        word = word[1:]
    if len(word) < 4 or word[0] != SEEN or word[1] not in IMPERFECT_PREFIXES:
        return False
    rest = word[1:]
    return _zipf(rest) >= 2.5 and _zipf(rest) > _zipf(word)


# --- sentences and clauses -----------------------------------------------------------

@dataclass(frozen=True)
class Clause:
    """A clause: token range, offsets, and its sentence."""

    i: int
    j: int
    start: int
    end: int
    sentence_id: int
    sentence_start: int
    sentence_end: int
    brk: str


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a heading, which yields no claims): offsets and token range."""

    sentence_id: int
    start: int
    end: int
    i: int
    j: int
    kind: str


def _mask_gaps(text: str) -> str:
    return GAP_RE.sub(lambda m: "#" * len(m.group()), text)


def _sentences(text: str, tokens: Sequence[Token]) -> list[Sentence]:
    masked = _mask_gaps(text)
    blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    starts = [t.start for t in tokens]

    def tok_range(a: int, b: int) -> tuple[int, int]:
        return bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)

    def ends_sentence(a: int, b: int) -> bool:
        return bool(_SENT_END_RE.search(masked[a:b].rstrip() + " "))

    prose = sum(ends_sentence(a, b) for a, b in blocks)
    out: list[Sentence] = []
    for a, b in blocks:
        i, j = tok_range(a, b)
        stripped_end = a + len(text[a:b].rstrip())
        last = masked[a:stripped_end]
        if (len(blocks) > 1 and prose and j - i <= 12
                and not _SENT_END_RE.search(last[-3:] + " ")):
            out.append(Sentence(len(out), a + len(text[a:b]) - len(text[a:b].lstrip()),
                                stripped_end, i, j, "heading"))
            continue
        pos = a
        for m in _SENT_END_RE.finditer(masked, a, stripped_end):
            k = tok_range(a, m.start())[1] - 1
            before = tokens[k] if k >= i else None
            if before is not None and len(before.key) == 1 and before.end == m.start():
                continue  # an initial such as د. is not a sentence end
            end = m.end()
            while end < stripped_end and text[end] in "\u201d\u00bb)]\"'":
                end += 1
            out.append(_sentence(text, len(out), pos, end, tok_range))
            pos = end
        if text[pos:stripped_end].strip():
            out.append(_sentence(text, len(out), pos, stripped_end, tok_range))
    return [s for s in out if s.j > s.i]


def _sentence(text: str, sid: int, a: int, b: int, tok_range) -> Sentence:
    while a < b and text[a].isspace():
        a += 1
    i, j = tok_range(a, b)
    return Sentence(sid, a, b, i, j, "sentence")


def _depths(text: str, a: int, b: int) -> list[int]:
    """Nesting depth in brackets and quotes for each character of ``text[a:b]``."""
    depth, out, stack = 0, [], []
    masked = _mask_gaps(text[a:b])
    for ch in masked:
        if ch in CLOSERS and stack and stack[-1] == CLOSERS[ch]:
            stack.pop()
            depth -= 1
            out.append(depth)
            continue
        if ch == '"' and stack and stack[-1] == '"':
            stack.pop()
            depth -= 1
            out.append(depth)
            continue
        out.append(depth)
        if ch in OPENERS:
            stack.append(ch)
            depth += 1
    return out


class TextUnits:
    """Tokens, cues, sentences and clauses of one text, computed once.

    With ``segment=False`` only tokens and cues (for a clause already cut out).
    """

    def __init__(self, text: str, *, segment: bool = True) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.cues = cue_lexicon().find(self.tokens, text=text)
        self.cues_at: dict[int, list[Cue]] = {}
        for c in self.cues:
            self.cues_at.setdefault(c.i, []).append(c)
        self.sentences = _sentences(text, self.tokens) if segment else []
        self.clauses = [c for s in self.sentences if s.kind == "sentence"
                        for c in self._split(s)]

    def roles_at(self, i: int) -> set[str]:
        return {c.role for c in self.cues_at.get(i, ())}

    def cues_in(self, i: int, j: int) -> list[Cue]:
        return [c for k in range(i, j) for c in self.cues_at.get(k, ()) if c.j <= j]

    def _opens_clause(self, i: int, j: int) -> bool:
        """Whether tokens ``[i, j)`` after a comma start a new clause."""
        if self.roles_at(i) & _OPENER_ROLES:
            return True
        if i + 1 < j and self.roles_at(i + 1) & {"attribution_verb", "dispute"}:
            return True
        tok = self.tokens[i]
        return _clitic_conjunction(tok) or is_sa_future(tok)

    def _split(self, s: Sentence) -> list[Clause]:
        text, toks = self.text, self.tokens
        depth = _depths(text, s.start, s.end)

        def at_depth0(pos: int) -> bool:
            return depth[pos - s.start] == 0

        # Candidate boundaries: (token index where the new clause starts, kind).
        marks: list[tuple[int, str]] = []
        for k in range(s.i + 1, s.j):
            between = text[toks[k - 1].end:toks[k].start]
            p = toks[k - 1].end + next((n for n, ch in enumerate(between)
                                        if ch in CLAUSE_COMMAS + CLAUSE_SEMICOLONS), 0)
            if any(ch in CLAUSE_SEMICOLONS for ch in between) and at_depth0(p):
                marks.append((k, "semicolon"))
            elif any(ch in CLAUSE_COMMAS for ch in between) and at_depth0(p):
                marks.append((k, "comma"))
            else:
                strong = [c for c in self.cues_at.get(k, ()) if c.role == "clause_break_strong"]
                if strong and at_depth0(toks[k].start):
                    marks.append((k, "analogy" if strong[0].value == "analogy" else "connective"))
        cuts: list[tuple[int, str]] = [(s.i, "sentence")]
        for n, (k, kind) in enumerate(marks):
            nxt = marks[n + 1][0] if n + 1 < len(marks) else s.j
            left = k - cuts[-1][0]
            right = nxt - k if kind == "comma" else s.j - k
            if kind == "semicolon":
                ok = left >= 2 and right >= 2
            elif kind == "comma":
                ok = left >= 3 and right >= 3 and self._opens_clause(k, nxt)
            else:
                ok = left >= 3 and right >= 3
            if ok:
                cuts.append((k, kind))
        out = []
        for n, (k, kind) in enumerate(cuts):
            stop = cuts[n + 1][0] if n + 1 < len(cuts) else s.j
            start, end = toks[k].start, toks[stop - 1].end
            end = _close_brackets(text, start, end, s.end)
            out.append(Clause(k, stop, start, end, s.sentence_id, s.start, s.end, kind))
        return out


def _close_brackets(text: str, start: int, end: int, limit: int) -> int:
    """Extend a clause end over closing brackets/quotes it opened."""
    span = _mask_gaps(text[start:end])
    opened = sum(span.count(o) for o in "(\u00ab\u201c") - sum(span.count(c) for c in ")\u00bb\u201d")
    while opened > 0 and end < limit and text[end] in ")\u00bb\u201d":
        end += 1
        opened -= 1
    return end


def split_sentences(text: str) -> pd.DataFrame:
    """Sentences and headings of ``text``: ``sentence_id, start, end, kind, text``.

    A block (line) with no final punctuation and at most 12 words, in a text whose other
    blocks end in punctuation, is a heading (or title) and yields no claims.

    >>> split_sentences("أسباب العودة\\nانسحبت القوات. وعادت الهجمات.")[["kind", "text"]].values.tolist()
    [['heading', 'أسباب العودة'], ['sentence', 'انسحبت القوات.'], ['sentence', 'وعادت الهجمات.']]
    """
    doc = TextUnits(text)
    return pd.DataFrame(
        [(s.sentence_id, s.start, s.end, s.kind, text[s.start:s.end]) for s in doc.sentences],
        columns=["sentence_id", "start", "end", "kind", "text"],
    )


def split_clauses(text: str) -> pd.DataFrame:
    """Clauses of ``text``: ``sentence_id, start, end, clause_break, text``.

    ``clause_break`` says what opened the clause: sentence, comma, semicolon,
    connective (بينما، لكن) or analogy (كما حصل).

    >>> split_clauses("وقد يتكرر اجتياح داعش للمدن كما حصل مع الموصل.")["text"].tolist()
    ['وقد يتكرر اجتياح داعش للمدن', 'كما حصل مع الموصل']
    """
    doc = TextUnits(text)
    return pd.DataFrame(
        [(c.sentence_id, c.start, c.end, c.brk, text[c.start:c.end]) for c in doc.clauses],
        columns=["sentence_id", "start", "end", "clause_break", "text"],
    )


def find_cues(text: str) -> pd.DataFrame:
    """Every claim cue in ``text`` (role, value, offsets): what the claim rules see.

    >>> find_cues("ربما انسحبت القوات")[["text", "role"]].values.tolist()
    [['ربما', 'hedge']]
    """
    doc = TextUnits(text)
    return pd.DataFrame(
        [(c.start, c.end, text[c.start:c.end], c.role, c.value, c.cue) for c in doc.cues],
        columns=["start", "end", "text", "role", "value", "cue"],
    )


