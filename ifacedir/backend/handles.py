"""GHC's standard handles, as the World drives them: buffering, the stdin buffer,
and GHC's texts for failed IO.

``OutputHandle`` is an output handle (stdout, stderr, or a file being written):

1. ``put`` pulls characters from an iterator (the Haskell string, forced as it
   goes) and *commits* them in pieces: every 2,047 characters, at each newline when
   line-buffered, and at the end of the string. See Note [Committing output like
   GHC].
2. ``commit`` UTF-8 encodes text into the byte buffer, which goes to the stream when
   the mode says so: at once (no buffering), at a newline (line buffering), when
   8 KiB have piled up (block buffering), and on ``flush``.

``InputHandle`` is stdin: one buffer of decoded text shared by ``get_line``,
``get_char``, ``is_eof`` and ``next_chunk`` (``hGetContents``). It is refilled one
``read1`` at a time, so a pipe or a terminal gives what it has (a line at a time)
and ``interact`` is incremental. A malformed UTF-8 sequence is reported only when
reading reaches it; the characters before it are delivered first, as in GHC.

``os_error_message`` renders an ``OSError`` as GHC shows the IOError it maps to.

Note [Committing output like GHC]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
GHC's ``hPutStr`` copies characters into a spare buffer of 2,048 characters and
hands it to the handle ("commits" it) when it is full (every 2,047 characters),
at each newline if the handle is line-buffered, and at the end of the string. If
evaluating the string fails half-way, the characters not yet committed are lost:
with GHC 9.0.2, ``putStr ("abc" ++ error "x")`` prints nothing on a block-buffered
stdout, ``abc`` when unbuffered, and after ``hSetBuffering stdout LineBuffering``
``putStr ("abc\\nde" ++ error "x")`` prints ``abc`` and a newline. ``put``
reproduces exactly this, because ``print (map (1 `div`) [1, 0])`` is a common test
and its stdout must be GHC's (empty). It also keeps an infinite string such as
``putStr (cycle "ab")`` streaming in constant memory.

An unbuffered handle writes every character at once in GHC. Here the characters
are committed in the same pieces as above, and in addition before every read from
stdin (``commit_pending``: a prompt written without buffering appears before the
program waits for input): the bytes and their order are GHC's, only a long pure
computation between two characters can make them appear later than GHC would.

A character that UTF-8 cannot encode (a lone surrogate) fails with GHC's error,
``<stdout>: commitBuffer: invalid argument (invalid character)`` (``hPutChar`` for
an unbuffered handle), after the characters before it.
"""

from __future__ import annotations

import codecs
import errno
import os
from collections.abc import Callable, Iterable
from typing import Final, Protocol

from ifacedir.backend.runtime import HaskellError

__all__ = [
    "BLOCK_BUFFERING",
    "LINE_BUFFERING",
    "NO_BUFFERING",
    "BinaryInput",
    "BinaryOutput",
    "InputHandle",
    "OutputHandle",
    "illegal_operation",
    "os_error_message",
]

NO_BUFFERING: Final = 0
LINE_BUFFERING: Final = 1
BLOCK_BUFFERING: Final = 2

_CHUNK: Final = 2047  # characters per commit; See Note [Committing output like GHC]
_BLOCK_SIZE: Final = 8192  # bytes a block-buffered handle holds before writing
_READ_SIZE: Final = 8192


class BinaryInput(Protocol):
    """What stdin must offer: ``read1`` returns what is available (b"" at the end)."""

    def read1(self, size: int = ..., /) -> bytes: ...


class BinaryOutput(Protocol):
    def write(self, data: bytes, /) -> object: ...

    def flush(self) -> None: ...


# -- GHC's texts for failed IO ----------------------------------------------------

_ERRNO_KINDS: Final = {
    **dict.fromkeys(
        (errno.EACCES, errno.EPERM, errno.EROFS, errno.EDQUOT, errno.EFBIG), "permission denied"
    ),
    **dict.fromkeys((errno.ENOENT, errno.ENXIO, errno.ESRCH), "does not exist"),
    errno.EEXIST: "already exists",
    **dict.fromkeys((errno.EISDIR, errno.ENOTDIR), "inappropriate type"),
    **dict.fromkeys((errno.EBUSY, errno.ETXTBSY), "resource busy"),
    **dict.fromkeys(
        (errno.ENOSPC, errno.EMFILE, errno.ENFILE, errno.ENOMEM, errno.EAGAIN),
        "resource exhausted",
    ),
    **dict.fromkeys((errno.EPIPE, errno.ECONNRESET), "resource vanished"),
    **dict.fromkeys(
        (errno.EINVAL, errno.ENAMETOOLONG, errno.ELOOP, errno.EBADF), "invalid argument"
    ),
    errno.EIO: "hardware fault",
    errno.EINTR: "interrupted",
    errno.ENODEV: "unsupported operation",
}
"""GHC's ``errnoToIOError``: the errno to the IOErrorType's text, for the errors
file and stream operations give; anything else is ``failed``."""


def os_error_message(label: str, op: str, exc: OSError) -> str:
    """GHC's show of the IOError for ``exc``: ``x.txt: openFile: does not exist (No
    such file or directory)``."""
    code = exc.errno if exc.errno is not None else 0
    reason = exc.strerror or (os.strerror(code) if code else str(exc))
    return f"{label}: {op}: {_ERRNO_KINDS.get(code, 'failed')} ({reason})"


def illegal_operation(label: str, op: str, why: str) -> HaskellError:
    """``<stdin>: hGetLine: illegal operation (handle is semi-closed)`` and the like."""
    return HaskellError(f"{label}: {op}: illegal operation ({why})")


# -- Output ------------------------------------------------------------------------


class OutputHandle:
    """An output handle: its stream, buffering mode and byte buffer, and the
    uncommitted characters of the ``put`` in progress."""

    __slots__ = ("buffer", "label", "mode", "pending", "stream")

    def __init__(self, label: str, stream: BinaryOutput, mode: int) -> None:
        self.label = label  # "<stdout>", or a file's path
        self.stream = stream
        self.mode = mode
        self.buffer = bytearray()
        self.pending: list[str] = []

    def put(self, chars: Iterable[str]) -> None:
        """Write ``chars``, committing as GHC's ``hPutStr`` does."""
        pending = self.pending = []
        append = pending.append
        stop = "\n" if self.mode == LINE_BUFFERING else None  # a line ends a piece
        room = _CHUNK
        try:
            for c in chars:
                append(c)
                room -= 1
                if not room or c == stop:
                    self.commit_pending()
                    room = _CHUNK
        except BaseException:
            if self.mode == NO_BUFFERING:
                self.commit_pending()
            pending.clear()  # lost, as in GHC
            raise
        self.commit_pending()

    def commit_pending(self) -> None:
        if self.pending:
            text = "".join(self.pending)
            self.pending.clear()
            self.commit(text)

    def commit(self, text: str) -> None:
        """Add ``text`` to the byte buffer, writing it out as the mode says."""
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            self._add(text[: exc.start].encode("utf-8"))
            op = "hPutChar" if self.mode == NO_BUFFERING else "commitBuffer"
            raise HaskellError(
                f"{self.label}: {op}: invalid argument (invalid character)"
            ) from None
        self._add(data)

    def _add(self, data: bytes) -> None:
        self.buffer += data
        mode = self.mode
        if (
            mode == NO_BUFFERING
            or (mode == LINE_BUFFERING and b"\n" in data)
            or len(self.buffer) >= _BLOCK_SIZE
        ):
            self.flush("commitBuffer")

    def flush(self, op: str = "hFlush") -> None:
        data = bytes(self.buffer)
        self.buffer.clear()
        try:
            if data:
                self.stream.write(data)
            self.stream.flush()
        except OSError as exc:
            raise HaskellError(os_error_message(self.label, op, exc)) from None


# -- Input -------------------------------------------------------------------------


class InputHandle:
    """stdin: the stream, the undecoded tail of the last read, the decoded buffer.

    ``before_read`` is called before every read from the stream (the World commits
    unbuffered output there; See Note [Committing output like GHC])."""

    __slots__ = ("bad", "before_read", "buffer", "eof", "pending", "pos", "semi_closed", "stream")

    def __init__(self, stream: BinaryInput, before_read: Callable[[], None]) -> None:
        self.stream = stream
        self.before_read = before_read
        self.pending = b""  # the bytes of an incomplete UTF-8 sequence
        self.buffer = ""
        self.pos = 0  # the first unread character of buffer
        self.eof = False
        self.bad = False  # a malformed sequence follows the buffer
        self.semi_closed = False  # after hGetContents

    def get_line(self) -> str:
        """A line without its newline; a last line without one as it is."""
        start = self.pos
        while True:
            i = self.buffer.find("\n", start)
            if i >= 0:
                line = self.buffer[self.pos : i]
                self.pos = i + 1
                return line
            start = len(self.buffer) - self.pos  # where the search resumes after _fill
            if not self._fill("hGetLine"):
                if self.pos == len(self.buffer):
                    raise HaskellError("<stdin>: hGetLine: end of file")
                return self._take_all()

    def get_char(self) -> str:
        while self.pos == len(self.buffer):
            if not self._fill("hGetChar"):
                raise HaskellError("<stdin>: hGetChar: end of file")
        self.pos += 1
        return self.buffer[self.pos - 1]

    def is_eof(self) -> bool:
        while self.pos == len(self.buffer):
            if self.bad:
                return False  # undecodable bytes are still input
            if not self._fill("hIsEOF"):
                return True
        return False

    def next_chunk(self) -> str | None:
        """What is buffered, else what one more read gives; None at the end."""
        while self.pos == len(self.buffer):
            if not self._fill("hGetContents"):
                return None
        return self._take_all()

    def _take_all(self) -> str:
        text = self.buffer[self.pos :]
        self.buffer = ""
        self.pos = 0
        return text

    def _fill(self, op: str) -> bool:
        """Read once more and move the unread text to the front of the buffer;
        False at the end of the input."""
        if self.bad:
            raise HaskellError(f"<stdin>: {op}: invalid argument (invalid byte sequence)")
        if self.eof:
            return False
        self.before_read()
        try:
            data = self.stream.read1(_READ_SIZE)
        except OSError as exc:
            raise HaskellError(os_error_message("<stdin>", op, exc)) from None
        raw = self.pending + data
        try:
            text, used = codecs.utf_8_decode(raw, "strict", not data)
        except UnicodeDecodeError as exc:
            text, used = raw[: exc.start].decode("utf-8"), len(raw)
            self.bad = True
        self.pending = raw[used:]
        self.eof = not data
        self.buffer = self.buffer[self.pos :] + text
        self.pos = 0
        return True
