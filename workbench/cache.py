"""Artefacts built from the shipped data, kept on disk between processes.

Several lexicons take far longer to build than to read back once built: the clean word
list is a 320k-key dict parsed from a gzipped TSV, and the place lexicon is one regular
expression whose compilation (Python's pattern parser) costs more than everything else
the first ``analyze`` does. ``cached`` builds such a value once, writes it with
``marshal`` under the user's cache directory and reads it back in later processes;
``compile_pattern`` does the same for the compiled program of a regular expression.
A word list of hundreds of thousands of keys is kept as :class:`Shards` (``cached_shards``),
in a file mapped into memory rather than read: the first document of a process looks up
a few thousand of its keys, and only the shards holding them are read and decoded.

Every artefact is keyed by a SHA-256 of what it is built from (the data files' bytes,
or the pattern's text) together with the Python version, so a changed data file, a
changed pattern or another interpreter never reads a stale artefact: it builds and
writes a fresh one. Each file carries a CRC-32 of its payload (a file of shards, one of
its header and one of each shard); a file that is damaged, truncated or unreadable is
ignored and rebuilt. A cache directory that cannot be written only costs the build.

The directory is ``$WORKBENCH_CACHE_DIR`` if set (``off`` or empty: no disk cache),
else ``$XDG_CACHE_HOME/arabic-conflict-workbench`` (``~/.cache/…`` by default).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import marshal
import mmap
import os
import re
import sys
import tempfile
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
V = TypeVar("V")

CACHE_ENV = "WORKBENCH_CACHE_DIR"
_APP = "arabic-conflict-workbench"
# Bump to retire every artefact written by an older layout.
FORMAT = "2"
# Bytes of the checksum heading each file: a CRC-32 finds a damaged or truncated file as
# surely as a cryptographic hash would here, at half the cost of SHA-256 on the 30 MB the
# first ``analyze`` reads.
_DIGEST = 4


def cache_dir() -> Path | None:
    """The directory artefacts are kept in, or ``None`` when the disk cache is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip() in ("", "off") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / _APP


def key_of(parts: Iterable[str | bytes | Path]) -> str:
    """SHA-256 (hex) of ``parts`` — text, bytes, or a file's bytes — with the format and
    the Python version, which ``marshal`` and compiled patterns depend on."""
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for part in parts:
        if isinstance(part, Path):
            data = part.read_bytes()
        elif isinstance(part, str):
            data = part.encode("utf-8", "surrogatepass")
        else:
            data = part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _read(path: Path) -> Any:
    """The value stored at ``path``; raises if missing or damaged."""
    blob = path.read_bytes()
    digest, payload = blob[:_DIGEST], blob[_DIGEST:]
    if len(digest) != _DIGEST or _checksum(payload) != digest:
        raise ValueError(f"damaged cache file {path}")
    return marshal.loads(payload)


def _write(path: Path, value: Any) -> None:
    """Store ``value`` at ``path`` atomically, its checksum first."""
    payload = marshal.dumps(value)
    _write_bytes(path, [_checksum(payload), payload])


def _write_bytes(path: Path, parts: Iterable[bytes]) -> None:
    """Write ``parts`` one after another to ``path`` atomically (a reader sees the old
    file or the new one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(parts)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _checksum(payload: bytes) -> bytes:
    return zlib.crc32(payload).to_bytes(_DIGEST, "little")


# The loaders of the language models (word lists, n-gram counts): what a long run lets go
# of once every document is analysed, and reads back from the disk cache if asked again.
_MODEL_LOADERS: list[Callable[[], Any]] = []

L = TypeVar("L", bound=Callable[[], Any])


def model_loader(load: L) -> L:
    """``load`` run once and its model kept (``functools.cache``), until :func:`forget_models`."""
    kept = functools.cache(load)
    _MODEL_LOADERS.append(kept)
    return kept  # type: ignore[return-value]


def forget_models() -> None:
    """Let go of every model :func:`model_loader` keeps (the cleaning's word lists and its
    character and word bigram counts: some 250 MiB, the largest part of a run's memory).
    The next analysis in this process reads them back from the disk cache (a fraction of
    a second)."""
    for kept in _MODEL_LOADERS:
        kept.cache_clear()  # type: ignore[attr-defined]


def cached(name: str, sources: Iterable[str | bytes | Path], build: Callable[[], T]) -> T:
    """``build()``, read from the disk cache when an artefact of the same ``name`` and
    ``sources`` was written before, else built and written.

    ``build`` must return what ``marshal`` stores (dicts, lists, tuples, sets, str,
    numbers); ``name`` says what it is, and ``sources`` everything it depends on (the data
    files it reads, and a version string to bump when the build's code changes).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key_of(sources)}.marshal"
    try:
        return _read(path)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    # A read-only or full disk only costs the build next time.
    with contextlib.suppress(OSError, ValueError):
        _write(path, value)
    return value


def shard_of(key: str, n: int) -> int:
    """Which of ``n`` shards holds ``key``: a CRC-32 of its UTF-8 bytes (the same in every
    process, unlike ``hash``).

    >>> shard_of("بغداد", 256) == shard_of("بغداد", 256)
    True
    """
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % n


def shard_blobs(mapping: Mapping[str, Any], n: int) -> list[bytes]:
    """``mapping`` cut into ``n`` dicts by :func:`shard_of`, each marshalled (keys keep
    their order within a shard)."""
    parts: list[dict[str, Any]] = [{} for _ in range(n)]
    for key, value in mapping.items():
        parts[shard_of(key, n)][key] = value
    return [marshal.dumps(part) for part in parts]


class Shards(Generic[V]):
    """A dict with string keys kept as marshalled shards (:func:`shard_blobs`), each
    decoded the first time a key in it is asked for.

    Decoding a dict of 300k words takes a tenth of a second; the first document of a
    process asks for a few thousand of them, and decodes about a tenth of the shards.
    Read from the disk cache (:func:`cached_shards`), the file is mapped, not read: a
    shard's bytes are read and checked when it is decoded.

    >>> words = Shards(shard_blobs({"في": 1.5, "من": 2.0}, 16))
    >>> words.get("في"), words.get("عن", 0.0), words["من"], "من" in words
    (1.5, 0.0, 2.0, True)
    """

    __slots__ = ("_blob", "_left", "_parts", "_rebuild", "_whole")

    def __init__(self, blobs: list[bytes] | _ShardFile,
                 rebuild: Callable[[], list[bytes]] | None = None) -> None:
        self._parts: list[dict[str, V] | None] = [None] * len(blobs)
        self._blob: Callable[[int], bytes] | None = blobs.__getitem__
        self._rebuild = rebuild  # for a mapped file: the shards built afresh
        self._left = len(blobs)  # shards not decoded yet
        # Once every shard is decoded, one dict of them all: a look-up is then a plain
        # dict's, with no shard to work out (a long run asks for millions).
        self._whole: dict[str, V] | None = {} if not blobs else None

    @classmethod
    def of(cls, mapping: Mapping[str, V]) -> Shards[V]:
        """``mapping`` itself as the whole dict, every shard decoded: what a process that
        has just built the mapping keeps (cutting it into marshalled shards only to decode
        them again as keys are asked for would cost the time the disk cache saves others).

        >>> Shards.of({"في": 1.5}).get("في")
        1.5
        """
        shards: Shards[V] = cls([])
        shards._whole = mapping if type(mapping) is dict else dict(mapping)
        return shards

    def _part(self, key: str) -> dict[str, V]:
        if self._whole is not None:
            return self._whole
        k = zlib.crc32(key.encode("utf-8", "surrogatepass")) % len(self._parts)
        part = self._parts[k]
        if part is None:
            part = self._decode(k)
        return part

    def _decode(self, k: int) -> dict[str, V]:
        try:
            part = marshal.loads(self._blob(k))  # type: ignore[misc]
        except ValueError:
            if self._rebuild is None:
                raise
            # A shard of the mapped file is damaged: build them all again (and rewrite
            # the file). The shards decoded so far passed their check and stay.
            self._blob, self._rebuild = self._rebuild().__getitem__, None
            part = marshal.loads(self._blob(k))
        self._parts[k] = part
        self._left -= 1
        if not self._left:
            whole: dict[str, V] = {}
            for each in self._parts:
                whole.update(each)  # type: ignore[arg-type]
            # the file's mapping and the shards let go
            self._whole, self._parts, self._blob, self._rebuild = whole, [], None, None
        return part

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, ``default`` when it has none."""
        whole = self._whole
        if whole is not None:
            return whole.get(key, default)
        # :meth:`_part` written out: the first documents of a process ask this of tens of
        # thousands of words, and a Python call more for each shows in their time.
        parts = self._parts
        k = zlib.crc32(key.encode("utf-8", "surrogatepass")) % len(parts)
        part = parts[k]
        if part is None:
            part = self._decode(k)
        return part.get(key, default)

    def lookup(self) -> Callable[[str, Any], Any]:
        """:meth:`get` at its fastest for a caller about to look up many keys: once every
        shard is decoded, the whole dict's own ``get`` (a C call, not a Python one)."""
        whole = self._whole
        return whole.get if whole is not None else self.get

    def __getitem__(self, key: str) -> V:
        return self._part(key)[key]

    def __contains__(self, key: str) -> bool:
        return key in self._part(key)

    def load_all(self) -> None:
        """Decode every shard now (before ``workbench run`` forks its workers, which then
        share them)."""
        for k in range(len(self._parts)):
            if self._whole is None and self._parts[k] is None:
                self._decode(k)

    def items(self) -> Iterator[tuple[str, V]]:
        """Every (key, value), shard by shard (decoding them all)."""
        self.load_all()
        return iter(self._whole.items())  # type: ignore[union-attr]


# A file of shards: magic, count, the end offset of each shard and its CRC-32, a CRC-32
# of that header, then the shards one after another.
_SHARDS_MAGIC = b"WBS1"


def _write_shards(path: Path, blobs: list[bytes]) -> None:
    """Store ``blobs`` at ``path`` atomically, in the layout :class:`_ShardFile` reads."""
    ends = array("Q", itertools.accumulate(map(len, blobs)))
    checks = array("I", map(zlib.crc32, blobs))
    head = _SHARDS_MAGIC + len(blobs).to_bytes(4, "little") + ends.tobytes() + checks.tobytes()
    _write_bytes(path, [head, _checksum(head), *blobs])


class _ShardFile:
    """The shards of a file written by :func:`_write_shards`, mapped into memory; the
    header is checked on opening, each shard when it is read."""

    __slots__ = ("_checks", "_data", "_ends", "_path", "_start")

    def __init__(self, path: Path) -> None:
        with path.open("rb") as fh:
            self._data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        self._path = path
        data = self._data
        n = int.from_bytes(data[4:8], "little") if data[:4] == _SHARDS_MAGIC else -1
        self._ends, self._checks = array("Q"), array("I")
        size = 8 + n * (self._ends.itemsize + self._checks.itemsize)
        if n < 0 or len(data) < size + _DIGEST or data[size : size + _DIGEST] != _checksum(data[:size]):
            raise ValueError(f"damaged cache file {path}")
        split = 8 + n * self._ends.itemsize
        self._ends.frombytes(data[8:split])
        self._checks.frombytes(data[split:size])
        self._start = size + _DIGEST
        if len(data) != self._start + (self._ends[-1] if n else 0):
            raise ValueError(f"damaged cache file {path}")

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, k: int) -> bytes:
        begin = self._start + (self._ends[k - 1] if k else 0)
        blob = self._data[begin : self._start + self._ends[k]]
        if zlib.crc32(blob) != self._checks[k]:
            raise ValueError(f"damaged cache file {self._path}")
        return blob


def cached_shards(name: str, sources: Iterable[str | bytes | Path], build: Callable[[], Mapping[str, V]],
                  n: int) -> Shards[V]:
    """``build()`` as :class:`Shards` of ``n`` parts, kept in the disk cache like
    :func:`cached` (``sources`` as there; ``n`` is part of the key). A damaged file is
    built again, whether found on opening or when one of its shards is read."""
    folder = cache_dir()
    if folder is None:
        return Shards.of(build())
    # The offsets are stored in the machine's byte order.
    path = folder / f"{name}-{key_of([*sources, f'shards:{n}', sys.byteorder])}.shards"

    def rebuild() -> list[bytes]:
        blobs = shard_blobs(build(), n)
        with contextlib.suppress(OSError, ValueError):
            _write_shards(path, blobs)
        return blobs

    try:
        found = _ShardFile(path)
        if len(found) == n:
            return Shards(found, rebuild)
    except (OSError, ValueError):
        pass
    # Built here: written for the next process, and kept whole for this one.
    mapping = build()
    with contextlib.suppress(OSError, ValueError):
        _write_shards(path, shard_blobs(mapping, n))
    return Shards.of(mapping)


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the compiled program kept on disk.

    Parsing a pattern of tens of thousands of alternatives is most of what compiling it
    costs; the program the parser and compiler produce is stored and handed straight to
    the regex engine next time, so the result is the very pattern ``re.compile`` gives.
    Falls back to ``re.compile`` when the cache is off or the interpreter's internals
    differ from what this expects.
    """
    if cache_dir() is None:
        return re.compile(pattern, flags)
    try:
        import _sre

        program = cached("re", ["pattern", str(_sre.MAGIC), str(flags), pattern],
                         lambda: _program(pattern, flags))
        flags_all, code, groups, groupindex, indexgroup = program
        return _sre.compile(pattern, flags_all, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # any surprise in the internals: compile as usual
        return re.compile(pattern, flags)


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands the regex engine for ``pattern``."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = {str(k): int(i) for k, i in parsed.state.groupdict.items()}
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # The opcodes are int subclasses (named constants), which marshal does not store.
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
            indexgroup)
