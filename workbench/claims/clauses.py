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
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from ..resources import Table, read_rows
from ..text.arabic import DIACRITICS_RE, PLAIN_LETTERS, TATWEEL
from ..text.clitics import (
    ALEF,
    ARTICLE,
    BEH,
    CONJUNCTIONS,
    FEH,
    FUTURE_PROCLITICS,
    KAF,
    LAM,
    PROCLITICS,
    SEEN,
    WAW,
    clitic_forms,
    proclitic_readings,
)
from ..text.lexmatch import FoldedText, recent_folding
from ..text.memo import WORD_MEMO_SIZE, word_dict, word_memo
from ..text.tokens import GAP_RE, Token, tokenize, tokens_between, word_tokens
from ..text.wordlex import FormIndex
from ..text.zipf import zipf

if TYPE_CHECKING:  # pandas is imported only when a frame is made
    import pandas as pd

CUES_FILE = "claims/claim_cues.csv"
TRIGGERS_FILE = "claims/event_triggers.csv"

# --- characters ----------------------------------------------------------------------

# The proclitic letters (WAW, FEH, BEH, LAM, KAF, SEEN, ALEF) and the article come from
# workbench.text.clitics; these are the other letters the cue rules read.
YEH = "\u064a"  # ARABIC LETTER YEH
ALEF_MAQSURA = "\u0649"  # ARABIC LETTER ALEF MAKSURA (folded to YEH by match_key)
TEH = "\u062a"  # ARABIC LETTER TEH
NOON = "\u0646"  # ARABIC LETTER NOON
HEH = "\u0647"  # ARABIC LETTER HEH (also taa marbuta after match_key)
HAMZA = "\u0621"  # ARABIC LETTER HAMZA
YEH_HAMZA = "\u0626"  # ARABIC LETTER YEH WITH HAMZA ABOVE
WAW_HAMZA = "\u0624"  # ARABIC LETTER WAW WITH HAMZA ABOVE

# What proclitics a cue entry allows (its ``clitics`` column), from the one table.
CONJ_PROCLITICS = ("", *CONJUNCTIONS)
# A verb also takes the future prefix sa- (ستنسحب، وسيعلن).
VERB_PROCLITICS = (*CONJ_PROCLITICS, *FUTURE_PROCLITICS)
ALL_PROCLITICS = ("", *PROCLITICS)
# A noun may also carry the article after its proclitic (والهجمات، بالانتشار، للهجمات).
NOUN_PROCLITICS = (*ALL_PROCLITICS, *(p + ARTICLE for p in ALL_PROCLITICS), LAM + ARTICLE)
_CLITIC_CLASSES = {"conj": CONJ_PROCLITICS, "verb": VERB_PROCLITICS, "all": NOUN_PROCLITICS}
# Pronoun suffixes a "+" lexicon word may carry: -h, -ha, -hum, -huma, -hunna, -k, -kum,
# -na, -i (written as matching keys).
PRONOUN_SUFFIXES = (HEH, HEH + ALEF, HEH + "\u0645", HEH + "\u0645" + ALEF, HEH + NOON, KAF,
                    KAF + "\u0645", NOON + ALEF, YEH)
IMPERFECT_PREFIXES = (YEH, TEH, NOON)  # y-, t-, n- (the 1st person a- is left out: أصبح)

CLAUSE_COMMAS = ",\u060c"  # COMMA, ARABIC COMMA
CLAUSE_SEMICOLONS = ";\u061b"  # SEMICOLON, ARABIC SEMICOLON
OPENERS = "(\u00ab\u201c\"["  # (, «, “, ", [
CLOSERS = {")": "(", "\u00bb": "\u00ab", "\u201d": "\u201c", "]": "["}

# A sentence ends at a mark before a space, a closing mark or the text's end; and at a full
# stop glued to the Arabic letter after it when a letter or a closing quote stands before
# (القصف.وأضاف المصدر، "...".وأشار): copy-pasted wire text often loses the space. Not after
# a tatweel (قتلـ.ـى: a word broken to dodge filters) nor a digit (3.5); a lone letter
# before it (د.محمد، أ.ف.ب) is guarded below. Both branches begin with the mark itself (the
# letter before a glued stop is looked back at from after it): the pattern is then tried
# only at marks, where a branch that opens with a look-behind is tried at every character.
_SENT_END_RE = re.compile("[.!?\u061f\u06d4\u2026]+(?=[\\s\"'\u201d\u00bb)\\]]|$)"
                          "|[.!?\u061f](?<=[\u0621-\u063a\u0641-\u0652\"\u201d\u00bb)][.!?\u061f])"
                          f"(?=[{PLAIN_LETTERS}])")
_SPACE_ONLY_RE = re.compile(r"[ \t\u00a0\u200f\u200e]*")
_LINE_RE = re.compile(r"[^\n]+")
_BRACKET_RE = re.compile("[" + re.escape(OPENERS + "".join(CLOSERS)) + "]")
_CLAUSE_PUNCT_RE = re.compile(f"[{CLAUSE_COMMAS}{CLAUSE_SEMICOLONS}]")
_OPENING_RE = re.compile("[(\u00ab\u201c]")  # what a clause end may close (_close_brackets)

# Roles of claim_cues.csv that are closed word lists the rules read (see cue_words),
# not cues to find in text.
WORD_LIST_ROLES = frozenset({
    "np_stop", "relative", "agent_marker", "target_marker", "phrase_stop", "preposition",
    "between", "fatality_unit", "facility_head", "copula", "rank", "demonstrative",
    "state_frame", "list_example", "since", "onset",
})

# Roles whose cue, first in the segment after a comma, opens a new clause.
_OPENER_ROLES = frozenset({
    "clause_break", "clause_break_strong", "negation", "future", "hedge", "hedge_particle",
    "dispute", "attribution_verb", "deontic", "question",
})


# --- tokens and lexicons -------------------------------------------------------------

def is_gap(token: Token) -> bool:
    """Whether a token is the marker of text lost in the source (``[…]``)."""
    return token.kind == "gap"


class Cue(NamedTuple):
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


# Endings that take no alif in the indefinite accusative: the taa marbuta (هجمةً), a final
# alif or hamza (اعتداءً) and the feminine plural (هجماتٍ).
_NO_ACCUSATIVE_ALEF = (HEH, ALEF, HAMZA, ALEF + TEH)


def _accusative(forms: frozenset[str]) -> frozenset[str]:
    """The forms of a noun with its indefinite accusative written with alif (كمين → كمينا:
    نصبوا كميناً), for a bare noun; a definite one (النار) takes no tanween."""
    bare = [f for f in forms if not f.startswith(ARTICLE) and not f.endswith(_NO_ACCUSATIVE_ALEF)]
    return forms | {f + ALEF for f in bare}


# The dual endings, nominative and oblique (غارتان، غارتين).
_DUAL_ENDINGS = ("\u0627\u0646", "\u064a\u0646")


def duals(noun: str) -> frozenset[str]:
    """The dual of a bare singular noun (غارة → غارتين، غارتان; انفجار → انفجارين): a rule of
    the morphology, so no trigger's dual needs a line of its own; a definite noun or a
    feminine plural (هجمات) has none.

    >>> sorted(duals("غاره")), sorted(duals("هجمات"))
    (['غارتان', 'غارتين'], [])
    """
    if " " in noun or noun.startswith(ARTICLE) or noun.endswith(ALEF + TEH):
        return frozenset()
    stem = noun[:-1] + TEH if noun.endswith(HEH) else noun  # taa marbuta is written teh
    return frozenset(stem + e for e in _DUAL_ENDINGS)


# Subject suffixes of the perfect that a lexicon verb in the third person masculine
# singular (اغتال، اقتحم، اغتيل) takes for a feminine or a plural subject (اغتالت، اقتحموا،
# اغتيلت).
_PERFECT_SUFFIXES = ("\u062a", "\u0648\u0627")


def perfect_persons(forms: frozenset[str], *, plural: bool = True,
                    defective: bool = False) -> frozenset[str]:
    """The forms of a perfect verb with the subject suffixes of ``_PERFECT_SUFFIXES`` (اقتحم →
    اقتحمت، اقتحموا) and the feminine dual (اقتحمتا; without ``plural`` the feminine
    singular only); a form that already carries one
    (اغتالت) or a pronoun (+) is kept as is. With ``defective``, forms spelled as written
    (not folded) are read as defective verbs: a final ى drops before every suffix (ارتقى →
    ارتقت، ارتقوا), a final ي before -وا only (لقي → لقيت، لقوا); the trigger lexicons,
    listed by matching key, read their verbs as listed.

    >>> sorted(perfect_persons(frozenset({"اقتحم"}))), sorted(perfect_persons(
    ...     frozenset({"اغتيل"}), plural=False))
    (['اقتحم', 'اقتحمت', 'اقتحمتا', 'اقتحموا'], ['اغتيل', 'اغتيلت'])
    >>> sorted(perfect_persons(frozenset({"لقي"}), defective=True))
    ['لقوا', 'لقي', 'لقيت', 'لقيتا']
    >>> sorted(perfect_persons(frozenset({"ارتقى"}), defective=True))
    ['ارتقت', 'ارتقتا', 'ارتقوا', 'ارتقى']
    """
    suffixes = _PERFECT_SUFFIXES if plural else _PERFECT_SUFFIXES[:1]
    bare = [f for f in forms if not f.endswith(_PERFECT_SUFFIXES) and len(forms) == 1]
    weak = [f for f in bare if defective and f.endswith((YEH, ALEF_MAQSURA))]
    out = forms | {f + s for f in bare if f not in weak for s in suffixes}
    # a defective verb drops its weak final letter before -وا (لقوا، ارتقوا), and a final ى
    # before -ت as well (ارتقت), where a final ي stays (لقيت، توفيت)
    out |= {(f[:-1] if f.endswith(ALEF_MAQSURA) or s != TEH else f) + s for f in weak
            for s in suffixes}
    if plural:
        # the feminine dual (ضربتان استهدفتا، طائرتان قصفتا); the masculine dual in ا is left
        # out, being also a noun's accusative (قتلاً، صوتاً)
        out |= {f + ALEF for f in out if f.endswith(_PERFECT_SUFFIXES[0])}
    return out


# Prefixes of the imperfect that a verb listed in the third person masculine singular
# (يخطط، يعتزم) takes for the other persons a report uses: تخطط "she plans", نخطط "we plan";
# and the endings of its plural and dual (يخططون، يخططان).
_IMPERFECT_PREFIXES = (TEH, NOON)
_IMPERFECT_ENDINGS = ("\u0648\u0646", "\u0627\u0646")


def imperfect_persons(forms: frozenset[str]) -> frozenset[str]:
    """The persons of an imperfect verb given in the third person masculine singular (يخطط →
    تخطط، نخطط، يخططون، تخططون، يخططان، تخططان): a rule of the morphology, so a lexicon lists
    a verb by its two principal parts (خطط، يخطط) and not by each surface. A form not
    opening with ي (a perfect, a noun) is kept as is.

    >>> sorted(imperfect_persons(frozenset({"يعتزم"})))
    ['تعتزم', 'تعتزمان', 'تعتزمون', 'نعتزم', 'يعتزم', 'يعتزمان', 'يعتزمون']
    """
    out = set(forms)
    for f in forms:
        if not f.startswith(YEH) or len(f) < 4 or f.endswith("+"):
            continue
        stem = f[1:]
        out |= {p + stem for p in _IMPERFECT_PREFIXES}
        out |= {p + stem + e for p in (YEH, TEH) for e in _IMPERFECT_ENDINGS}
    return frozenset(out)


@dataclass(frozen=True)
class _Entry:
    row: int
    words: tuple[frozenset[str], ...]
    role: str
    value: str
    cue: str
    clitics: tuple[str, ...]
    prefix_last: bool  # last word is a bare preposition letter (وفقا ل) glued to the next word


class CueLexicon(FormIndex[_Entry]):
    """A cue table (``cue, role, value, clitics``) compiled for matching over tokens.

    Words (the tokens of :func:`workbench.text.tokens.tokenize`) are read with their
    proclitics by :func:`workbench.text.clitics.proclitic_readings` through the shared
    :class:`workbench.text.wordlex.FormIndex`; each entry says which proclitics it allows.

    >>> lex = CueLexicon.from_table("claims/claim_cues.csv")
    >>> [c.role for c in lex.find(tokenize("وقد يتكرر"))]
    ['hedge_particle']
    """

    def __init__(self, table: Table, *, pattern_column: str = "cue",
                 role_column: str = "role", value_column: str = "value",
                 accusative_role: str = "", inflect_role: str = "",
                 inflect_value: str = "") -> None:
        super().__init__(proclitic_readings)
        self.table = table
        self.rows: list[dict] = table.records()
        self._by_key: dict[str, tuple[tuple[str, _Entry], ...]] = word_dict()
        self._prefix_first: list[_Entry] = []
        self._maybe: frozenset[str] | None = None
        for row, rec in enumerate(table):
            if getattr(rec, role_column) in WORD_LIST_ROLES:
                continue
            pattern = getattr(rec, pattern_column)
            words = pattern.split()
            if not words:
                continue
            clitics = _CLITIC_CLASSES[getattr(rec, "clitics", "all") or "all"]
            prefix_last = len(words) > 1 and words[-1] in (LAM, BEH)
            forms = [_word_forms(w) for w in words]
            if accusative_role and len(words) == 1 and getattr(rec, role_column) == accusative_role:
                forms[0] = _accusative(forms[0]) | duals(words[0].rstrip("+"))
            if inflect_role and len(words) == 1 and getattr(rec, role_column) == inflect_role:
                # a verb read as a passive (after = target: unvocalised قتل is mostly qutila)
                # takes the plural too: ثلاثة أشخاص قتلوا في قرية توكل may be the only telling
                # of an attack there, and where it retells one the resolver gathers it into it
                forms[0] = perfect_persons(forms[0])
            if inflect_value and len(words) == 1 and getattr(rec, value_column, "") == inflect_value:
                # a verb of a frame (خطط، يخطط) read in every person: its principal parts
                # are listed, the persons are the morphology's
                forms[0] = imperfect_persons(forms[0]) if words[0].startswith(YEH) \
                    else perfect_persons(forms[0])
            entry = _Entry(row, tuple(forms),
                           getattr(rec, role_column), getattr(rec, value_column, ""),
                           pattern, clitics, prefix_last)
            for form in entry.words[0]:
                self.file(form, entry)

    def _may_begin(self) -> frozenset[str]:
        """Every word a reading of which may begin an entry: the first words under each
        proclitic and the article (:func:`workbench.text.clitics.clitic_forms`), made on
        first use."""
        if self._maybe is None:
            self._maybe = clitic_forms(self.first_words())
        return self._maybe

    @classmethod
    def from_table(cls, name: str, **options: str) -> CueLexicon:
        """Compile a table shipped in ``workbench/data`` (cached per name)."""
        return _lexicon(name, tuple(sorted(options.items())))

    def candidates(self, key: str) -> tuple[tuple[str, _Entry], ...]:
        """(proclitic, entry) pairs whose first word a token with matching key ``key``
        can be, in reading order (remembered per key)."""
        hit = self._by_key.get(key)
        if hit is None:
            hit = self._pairs(key)
            if len(self._by_key) < WORD_MEMO_SIZE:
                self._by_key[key] = hit
        return hit

    def _pairs(self, key: str) -> tuple[tuple[str, _Entry], ...]:
        if key not in self._may_begin():
            return ()  # no reading of it begins an entry: spares reading it (most words)
        return tuple((proclitic, entry) for (proclitic, _), entries in self.readings(key)
                     for entry in entries if proclitic in entry.clitics)

    def find(self, tokens: Sequence[Token], *, text: str | None = None,
             lo: int = 0, hi: int | None = None) -> list[Cue]:
        """Every cue over ``tokens[lo:hi]``; with ``text``, phrase words must be adjacent."""
        hi = len(tokens) if hi is None else hi
        out: list[Cue] = []
        by_key = self._by_key
        keys = list(map(_KEY, tokens[lo:hi]))
        # Most words begin no entry under any reading (the claim cues: 4 words in 5, the
        # event triggers: 49 in 50): one set look-up each, in C, leaves the few that may,
        # and only their readings are remembered (a few hundred keys where a corpus's
        # vocabulary runs to tens of thousands and would overflow the memo again and again).
        for n in compress(range(len(keys)), map(self._may_begin().__contains__, keys)):
            key = keys[n]
            pairs = by_key.get(key)
            if pairs is None:
                if len(by_key) >= WORD_MEMO_SIZE:
                    by_key.clear()  # a new working vocabulary
                pairs = by_key[key] = self._pairs(key)
            if not pairs:
                continue
            i = lo + n
            tok = tokens[i]
            for _, entry in pairs:
                if len(entry.words) == 1:
                    out.append(Cue(i, i + 1, tok.start, tok.end, entry.role, entry.value,
                                   entry.cue, entry.row))
                    continue
                if (not entry.prefix_last or len(entry.words) > 2) and (
                        i + 1 >= hi or tokens[i + 1].key not in entry.words[1]):
                    continue  # the second word does not match (_match_rest's first test)
                end = self._match_rest(entry, tokens, i, hi, text)
                if end is not None:
                    j, end_offset = end
                    out.append(Cue(i, j, tok.start, end_offset, entry.role,
                                   entry.value, entry.cue, entry.row))
        out.sort(key=_cue_order)
        return out

    @staticmethod
    def _match_rest(entry: _Entry, tokens: Sequence[Token], i: int, hi: int,
                    text: str | None) -> tuple[int, int] | None:
        n = len(entry.words)
        found = None
        for k in range(1, n):
            t = i + k
            if t >= hi:
                return None
            key = tokens[t].key
            if k == n - 1 and entry.prefix_last:
                letter = entry.cue.split()[-1]
                if key == letter:
                    found = t + 1, tokens[t].end
                elif key.startswith(letter) and len(key) > 2:
                    found = t + 1, tokens[t].start + 1
                else:
                    return None
            elif key not in entry.words[k]:
                return None
            # the words match so far; phrase words must also stand next to each other
            if text is not None and not adjacent(text, tokens[t - 1], tokens[t]):
                return None
            if found is not None:
                return found
        return i + n, tokens[i + n - 1].end


_KEY = itemgetter(3)  # a token's matching key


def _cue_order(c: Cue) -> tuple[int, int]:
    return c.start, c.start - c.end


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Whether only spaces (or a stray tatweel) separate two tokens."""
    gap = text[a.end:b.start]
    return bool(_SPACE_ONLY_RE.fullmatch(gap)) or gap.strip() in ("\u0640",)


@cache
def _lexicon(name: str, options: tuple[tuple[str, str], ...]) -> CueLexicon:
    return CueLexicon(read_rows(name), **dict(options))


@cache
def cue_words(role: str) -> frozenset[str]:
    """The words of one closed word list in ``claim_cues.csv`` (as matching keys).

    >>> sorted(cue_words("between"))
    ['بين']
    """
    return frozenset(row.cue for row in read_rows(CUES_FILE) if row.role == role)


@cache
def cue_lexicon() -> CueLexicon:
    """The claim cue lexicon (``workbench/data/claim_cues.csv``), compiled once."""
    return CueLexicon.from_table(CUES_FILE, inflect_value="verb")


@cache
def trigger_lexicon() -> CueLexicon:
    """The event trigger lexicon (``workbench/data/event_triggers.csv``), compiled once."""
    return CueLexicon.from_table(TRIGGERS_FILE, pattern_column="trigger", role_column="pos",
                                 value_column="kind", accusative_role="noun", inflect_role="verb")


def text_triggers(tokens: list[Token], text: str, folded: FoldedText | None = None) -> list[Cue]:
    """The event trigger cues of a whole text (``tokens`` its ``tokenize``), remembered in
    ``folded.memo`` when its folding is given: the mentions read the attacks of a text
    from them and the claims its events (``قتل مدنيان في قصف`` → قتل, قصف)."""
    if folded is None:
        return trigger_lexicon().find(tokens, text=text)
    return folded.remembered("event_triggers", lambda: trigger_lexicon().find(tokens, text=text))


# --- word evidence from wordfreq -------------------------------------------------------

@word_memo
def _zipf(word: str) -> float:
    return zipf(word)


def surface(token: Token) -> str:
    """A token's letters as written, without diacritics or tatweel (for wordfreq)."""
    return DIACRITICS_RE.sub("", token.text).replace(TATWEEL, "")


def _clitic_conjunction(token: Token) -> bool:
    """True when a token starts with و or ف that is a conjunction (وذلك، فالفساد, not فترة).

    The word without the letter must exist and be more frequent than the word with it.
    """
    return _conjunction_word(token.text)


@word_memo
def _conjunction_word(text: str) -> bool:
    word = DIACRITICS_RE.sub("", text).replace(TATWEEL, "")
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
    return _sa_future_word(token.text)


@word_memo
def _sa_future_word(text: str) -> bool:
    word = DIACRITICS_RE.sub("", text).replace(TATWEEL, "")
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


def _sentences(text: str, tokens: Sequence[Token],
               starts: Sequence[int] | None = None) -> list[Sentence]:
    masked = _mask_gaps(text)
    blocks = [(m.start(), m.end()) for m in _LINE_RE.finditer(text) if m.group().strip()]
    if starts is None:
        starts = [t.start for t in tokens]

    def tok_range(a: int, b: int) -> tuple[int, int]:
        return bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)

    def ends_sentence(a: int, b: int) -> bool:
        return bool(_SENT_END_RE.search(masked[a:b].rstrip() + " "))

    # a short block is a heading only among blocks of which one ends a sentence: the first
    # such block settles it, and a text of one block has no headings to tell
    prose = len(blocks) > 1 and any(ends_sentence(a, b) for a, b in blocks)
    out: list[Sentence] = []
    for a, b in blocks:
        i, j = tok_range(a, b)
        stripped_end = a + len(text[a:b].rstrip())
        last = masked[max(a, stripped_end - 3):stripped_end]  # the block's last 3 characters
        if (len(blocks) > 1 and prose and j - i <= 12
                and not _SENT_END_RE.search(last + " ")):
            out.append(Sentence(len(out), a + len(text[a:b]) - len(text[a:b].lstrip()),
                                stripped_end, i, j, "heading"))
            continue
        pos = a
        for m in _SENT_END_RE.finditer(masked, a, stripped_end):
            k = bisect.bisect_left(starts, m.start()) - 1  # the token before the mark
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


def _bracket_depths(text: str, a: int, b: int) -> tuple[list[int], list[int]]:
    """Where the bracket and quote characters of ``text[a:b]`` stand (offsets into
    ``text``) and the nesting depth after each: the depth of any other character is the
    depth after the last of them before it (0 before the first)."""
    depth, stack = 0, []
    positions, depths = [], []
    for m in _BRACKET_RE.finditer(_mask_gaps(text[a:b])):
        ch = m.group()
        closes = ch if ch == '"' else CLOSERS.get(ch)  # the opener this character closes
        if closes is not None and stack and stack[-1] == closes:
            stack.pop()
            depth -= 1
        elif ch in OPENERS:
            stack.append(ch)
            depth += 1
        positions.append(a + m.start())
        depths.append(depth)
    return positions, depths


_NO_ROLES: frozenset[str] = frozenset()


def _shifted(cues: list[Cue], i: int, start: int) -> list[Cue]:
    """``cues`` with token indices counted from token ``i`` and offsets from ``start``."""
    return [Cue(c.i - i, c.j - i, c.start - start, c.end - start, c.role, c.value, c.cue, c.row)
            for c in cues]


class TextUnits:
    """Tokens, cues, sentences and clauses of one text, computed once.

    With ``segment=False`` only tokens and cues (for a clause already cut out).
    ``tokens`` are ``tokenize(text)`` and ``cues`` their cues when the caller has them
    already (:meth:`within`).
    """

    def __init__(self, text: str, *, segment: bool = True, tokens: list[Token] | None = None,
                 cues: list[Cue] | None = None) -> None:
        self.text = text
        # A document's text the mentions folded: its words and triggers, read there when it
        # told attacks, are not found again.
        self._folded = recent_folding(text) if tokens is None else None
        if tokens is None:
            tokens = word_tokens(self._folded) if self._folded is not None else tokenize(text)
        self.tokens = tokens
        self.starts = [t.start for t in self.tokens]
        self.cues = cue_lexicon().find(self.tokens, text=text) if cues is None else cues
        self.cues_at: dict[int, list[Cue]] = {}
        for c in self.cues:
            self.cues_at.setdefault(c.i, []).append(c)
        self._cue_i = [c.i for c in self.cues]
        self._roles: dict[int, frozenset[str]] = {}
        self._triggers: list[Cue] | None = None
        self._trigger_i: list[int] = []
        self.sentences = _sentences(text, self.tokens, self.starts) if segment else []
        self.clauses = [c for s in self.sentences if s.kind == "sentence"
                        for c in self._split(s)]

    def within(self, start: int, end: int) -> TextUnits:
        """``TextUnits(self.text[start:end], segment=False)``, its tokens, cues and event
        triggers read from this text's (a clause of a document is not tokenised or
        matched again).

        The lexicons' matches over a run of tokens depend on those tokens alone (and the
        text between them), so a clause's are this text's that lie wholly inside it.

        >>> doc = TextUnits("قال مسؤول: قتل ثلاثة")
        >>> clause = doc.within(11, 20)
        >>> [t.start for t in clause.tokens], [(c.i, c.start) for c in clause.triggers_in(0, 2)]
        ([0, 4], [(0, 0)])
        """
        text = self.text[start:end]
        tokens = tokens_between(self.tokens, self.starts, start, end)
        if tokens is None:  # the slice cuts a word: its tokens are not this text's
            return TextUnits(text, segment=False)
        i = bisect.bisect_left(self.starts, start)
        j = i + len(tokens)
        out = TextUnits(text, segment=False, tokens=tokens,
                        cues=_shifted(self.cues_in(i, j), i, start))
        out._triggers = _shifted(self.triggers_in(i, j), i, start)
        out._trigger_i = [c.i for c in out._triggers]
        return out

    def roles_at(self, i: int) -> frozenset[str]:
        roles = self._roles.get(i)
        if roles is None:
            cues = self.cues_at.get(i)
            if cues is None:  # most words carry no cue: no set to build
                return _NO_ROLES
            roles = self._roles[i] = frozenset(c.role for c in cues)
        return roles

    def cues_in(self, i: int, j: int) -> list[Cue]:
        lo, hi = bisect.bisect_left(self._cue_i, i), bisect.bisect_left(self._cue_i, j)
        return [c for c in self.cues[lo:hi] if c.j <= j]

    def triggers_in(self, i: int, j: int) -> list[Cue]:
        """Event trigger cues (``event_triggers.csv``) over tokens ``[i, j)``, found once
        for the whole text; the same as matching the trigger lexicon on ``[i, j)`` alone."""
        if self._triggers is None:
            self._triggers = text_triggers(self.tokens, self.text, self._folded)
            self._trigger_i = [c.i for c in self._triggers]
        lo = bisect.bisect_left(self._trigger_i, i)
        hi = bisect.bisect_left(self._trigger_i, j)
        return [c for c in self._triggers[lo:hi] if c.j <= j]

    def _opens_clause(self, i: int, j: int) -> bool:
        """Whether tokens ``[i, j)`` after a comma start a new clause."""
        if self.roles_at(i) & _OPENER_ROLES:
            return True
        if i + 1 < j and self.roles_at(i + 1) & {"attribution_verb", "dispute"}:
            return True
        tok = self.tokens[i]
        return _clitic_conjunction(tok) or is_sa_future(tok)

    def _marks(self, s: Sentence) -> list[tuple[int, str]]:
        """Candidate boundaries of a sentence: (token where a new clause starts, kind) —
        a semicolon or comma between two tokens outside brackets and quotes, else a
        strong connective (بينما، كما حصل) outside them."""
        text, toks, starts = self.text, self.tokens, self.starts
        raw = text[s.start:s.end]
        if any(o in raw for o in OPENERS):
            where, depths = _bracket_depths(text, s.start, s.end)
        else:
            where, depths = [], []

        def at_depth0(pos: int) -> bool:  # pos is never a bracket or quote itself
            k = bisect.bisect_left(where, pos)
            return k == 0 or depths[k - 1] == 0

        # The first comma or semicolon in the space before token k, and which kinds occur.
        punct: dict[int, tuple[int, bool, bool]] = {}
        for m in _CLAUSE_PUNCT_RE.finditer(text, s.start, s.end):
            pos = m.start()
            k = bisect.bisect_right(starts, pos, s.i, s.j)
            if k <= s.i or k >= s.j:
                continue
            semi = m.group() in CLAUSE_SEMICOLONS
            if k in punct:
                first, had_semi, had_comma = punct[k]
                punct[k] = (first, had_semi or semi, had_comma or not semi)
            else:
                punct[k] = (pos, semi, not semi)
        lo, hi = bisect.bisect_left(self._cue_i, s.i + 1), bisect.bisect_left(self._cue_i, s.j)
        strong = {c.i for c in self.cues[lo:hi] if c.role == "clause_break_strong"}
        marks: list[tuple[int, str]] = []
        for k in sorted(punct.keys() | strong):
            if k in punct:
                pos, semi, comma = punct[k]
                if semi and at_depth0(pos):
                    marks.append((k, "semicolon"))
                    continue
                if comma and at_depth0(pos):
                    marks.append((k, "comma"))
                    continue
            if k in strong and at_depth0(toks[k].start):
                first = next(c for c in self.cues_at[k] if c.role == "clause_break_strong")
                marks.append((k, "analogy" if first.value == "analogy" else "connective"))
        return marks

    def _split(self, s: Sentence) -> list[Clause]:
        text, toks = self.text, self.tokens
        marks = self._marks(s)
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
    if _OPENING_RE.search(text, start, end) is None:
        return end  # it opened none (most clauses): nothing to count
    span = text[start:end]  # gap markers hold none of these characters
    opened = (span.count("(") + span.count("\u00ab") + span.count("\u201c")
              - span.count(")") - span.count("\u00bb") - span.count("\u201d"))
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
    import pandas as pd

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
    import pandas as pd

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
    import pandas as pd

    doc = TextUnits(text)
    return pd.DataFrame(
        [(c.start, c.end, text[c.start:c.end], c.role, c.value, c.cue) for c in doc.cues],
        columns=["start", "end", "text", "role", "value", "cue"],
    )


