"""The program's environment, and running ``main`` to an exit status.

A ``World`` holds what a running program sees of the outside: its standard input,
output and error as binary streams, its arguments and name (``getArgs``,
``getProgName``), and GHC's handle state (buffering modes, output buffers, the
stdin buffer; ifacedir.backend.handles). The IO primitives
(ifacedir.backend.prims_io) do all their input and output through it, naming a
handle by ``Handle.name`` (``"stdin"``, ``"stdout"``, ``"stderr"``); the World checks
that the operation is allowed on it (GHC's ``handle is not open for reading``,
``handle is semi-closed``) and passes it on.

* ``World.from_process(args, prog_name)`` wraps the real process: stdout is
  line-buffered when it is a terminal and block-buffered otherwise, stderr
  unbuffered (as in GHC).
* ``World.in_memory(stdin, args, prog_name)`` gives a ``MemoryWorld`` for tests:
  bytes in, and ``stdout_bytes()`` / ``stderr_bytes()`` out.
* Files (``readFile``, ``writeFile``, ``appendFile``) go through ``read_file`` and
  ``write_file``, with GHC's error texts.

``run_main(backend, main_action, world)`` runs ``main`` with ``runtime.run_io``
and turns the way it ended into GHC's stderr text and exit status.

Note [How a program ends]
~~~~~~~~~~~~~~~~~~~~~~~~~
``run_main`` returns the exit status and always flushes stdout first:

* normally: 0;
* ``HaskellError`` (``error``, a failed match, an uncaught IOError): ``<prog>:
  <message>`` on stderr, status 1;
* ``HaskellExit n``: GHC's ``exitWith`` passes 0..255 on, ends the process with
  signal ``-n`` for -127..-1 (we return ``128 - n``, the status a shell shows for
  that signal) and uses 255 for anything else (checked with GHC 9.0.2:
  ``ExitFailure 256`` gives 255);
* ``RecursionError``: ``<prog>: stack overflow``, status 2; ``MemoryError``:
  ``<prog>: heap exhausted``, status 251. GHC's statuses are the same, but its RTS
  prints ``Stack space overflow: current size 33624 bytes.`` / ``Use `+RTS -Ksize
  -RTS' to increase it.`` and ``Heap exhausted;`` / ``Current maximum heap size is
  20971520 bytes (20 MB).`` / ``Use `+RTS -M<size>' to increase it.``: sizes and RTS
  flags that mean nothing here. We print only the first words of each (GHC's own
  name of the exception is ``stack overflow``), as the lead engineer's brief asked.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Final, cast

from ifacedir.backend.handles import (
    BLOCK_BUFFERING,
    LINE_BUFFERING,
    NO_BUFFERING,
    BinaryInput,
    BinaryOutput,
    InputHandle,
    OutputHandle,
    illegal_operation,
    os_error_message,
)
from ifacedir.backend.runtime import Backend, HaskellError, HaskellExit, Value, run_io

__all__ = ["HEAP_EXHAUSTED", "STACK_OVERFLOW", "MemoryWorld", "World", "run_main"]

STACK_OVERFLOW: Final = ("stack overflow", 2)
HEAP_EXHAUSTED: Final = ("heap exhausted", 251)
"""Message and exit status; See Note [How a program ends]."""


class World:
    """The program's environment: see the module docstring."""

    def __init__(
        self,
        stdin: BinaryInput,
        stdout: BinaryOutput,
        stderr: BinaryOutput,
        args: Sequence[str],
        prog_name: str,
        *,
        stdout_is_terminal: bool = False,
    ) -> None:
        self.args: tuple[str, ...] = tuple(args)
        self.prog_name = prog_name
        stdout_mode = LINE_BUFFERING if stdout_is_terminal else BLOCK_BUFFERING
        self._stdout = OutputHandle("<stdout>", stdout, stdout_mode)
        self._stderr = OutputHandle("<stderr>", stderr, NO_BUFFERING)
        self._outputs = {"stdout": self._stdout, "stderr": self._stderr}
        self._stdin = InputHandle(stdin, self._before_read)

    @classmethod
    def from_process(cls, args: Sequence[str], prog_name: str) -> World:
        """The real process's standard streams. ``prog_name`` is what ``getProgName``
        and error messages show (GHC: the basename of argv[0])."""
        for text in (sys.stdout, sys.stderr):
            if text is not None:
                text.flush()
        # sys.stdin.buffer is a BufferedReader (typeshed says BinaryIO, without read1).
        stdin = cast(BinaryInput, sys.stdin.buffer) if sys.stdin is not None else io.BytesIO()
        stdout = sys.stdout.buffer if sys.stdout is not None else io.BytesIO()
        stderr = sys.stderr.buffer if sys.stderr is not None else io.BytesIO()
        try:
            terminal = sys.stdout is not None and os.isatty(sys.stdout.fileno())
        except (OSError, ValueError):
            terminal = False
        return cls(stdin, stdout, stderr, args, prog_name, stdout_is_terminal=terminal)

    @classmethod
    def in_memory(
        cls,
        stdin: bytes = b"",
        args: Sequence[str] = (),
        prog_name: str = "main",
        *,
        stdout_is_terminal: bool = False,
    ) -> MemoryWorld:
        """A world for tests: ``stdin`` as input, output kept in memory."""
        return MemoryWorld(stdin, args, prog_name, stdout_is_terminal=stdout_is_terminal)

    # -- output --

    def put_str(self, handle: str, chars: Iterable[str]) -> None:
        """``hPutStr``: write ``chars`` (an iterator that forces the Haskell string
        as it goes). See Note [Committing output like GHC] in
        ifacedir.backend.handles."""
        self._output(handle, "hPutStr").put(chars)

    def flush_handle(self, handle: str) -> None:
        """``hFlush``."""
        self._output(handle, "hFlush").flush()

    def set_buffering(self, handle: str, mode: int) -> None:
        """``hSetBuffering`` (0 none, 1 line, 2 block); switching to none writes the
        buffer out. On stdin it changes nothing (GHC would also switch a terminal's
        line editing off for NoBuffering)."""
        out = self._outputs.get(handle)
        if out is None:
            return
        if mode == NO_BUFFERING:
            out.flush()
        out.mode = mode

    def flush(self) -> None:
        """Flush stdout and stderr (``exitWith``, and the end of the program)."""
        self._stdout.flush()
        self._stderr.flush()

    def report(self, message: str) -> None:
        """How a program stops on an error: stdout flushed, then ``<prog>: message``
        and a newline on stderr. Failures to write are ignored: the error being
        reported is the one that matters."""
        text = f"{self.prog_name}: {message}\n"
        self._stderr.buffer += text.encode("utf-8", "backslashreplace")
        for out in self._stdout, self._stderr:
            with contextlib.suppress(HaskellError):
                out.flush()

    def _output(self, handle: str, op: str) -> OutputHandle:
        out = self._outputs.get(handle)
        if out is None:
            raise illegal_operation(f"<{handle}>", op, "handle is not open for writing")
        return out

    def _before_read(self) -> None:
        # An unbuffered string being written waits for input: show what it has.
        for out in self._stdout, self._stderr:
            if out.mode == NO_BUFFERING:
                out.commit_pending()

    # -- input --

    def get_line(self, handle: str) -> str:
        """``hGetLine``: a line without its newline; a last line without one as is."""
        return self._input(handle, "hGetLine").get_line()

    def get_char(self, handle: str) -> str:
        return self._input(handle, "hGetChar").get_char()

    def is_eof(self, handle: str) -> bool:
        return self._input(handle, "hIsEOF").is_eof()

    def start_contents(self, handle: str) -> None:
        """``hGetContents``: the handle becomes semi-closed; then read it with
        ``next_chunk``."""
        self._input(handle, "hGetContents").semi_closed = True

    def next_chunk(self) -> str | None:
        """The next piece of stdin for ``hGetContents`` (what is buffered, else one
        more read), or None at the end."""
        return self._stdin.next_chunk()

    def _input(self, handle: str, op: str) -> InputHandle:
        if handle != "stdin":
            raise illegal_operation(f"<{handle}>", op, "handle is not open for reading")
        if self._stdin.semi_closed:
            raise illegal_operation("<stdin>", op, "handle is semi-closed")
        return self._stdin

    # -- files --

    def read_file(self, path: str) -> tuple[str, str | None]:
        """The file's text, and GHC's error message if it is not all valid UTF-8
        (the text is then the valid part before the fault)."""
        try:
            with open(path, "rb") as f:
                data = f.read()
        except IsADirectoryError:  # GHC's own check, in lower case
            raise HaskellError(f"{path}: openFile: inappropriate type (is a directory)") from None
        except OSError as exc:
            raise HaskellError(os_error_message(path, "openFile", exc)) from None
        except ValueError:  # NUL or a lone surrogate in the path
            raise HaskellError(f"{path}: openFile: invalid argument") from None
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            message = f"{path}: hGetContents: invalid argument (invalid byte sequence)"
            return data[: exc.start].decode("utf-8"), message

    def write_file(self, path: str, chars: Iterable[str], *, append: bool) -> None:
        """``writeFile`` / ``appendFile``: the file is opened (and truncated) first,
        then written like a block-buffered handle, and closed even on an error
        (GHC's ``withFile``)."""
        try:
            f = open(path, "ab" if append else "wb")  # noqa: SIM115 (closed below)
        except OSError as exc:
            raise HaskellError(os_error_message(path, "openFile", exc)) from None
        except ValueError:
            raise HaskellError(f"{path}: openFile: invalid argument") from None
        out = OutputHandle(path, f, BLOCK_BUFFERING)
        try:
            out.put(chars)
        finally:
            try:
                out.flush("hClose")
            finally:
                f.close()


class MemoryWorld(World):
    """A world whose stdin is ``stdin`` and whose output stays in memory."""

    def __init__(
        self,
        stdin: bytes = b"",
        args: Sequence[str] = (),
        prog_name: str = "main",
        *,
        stdout_is_terminal: bool = False,
    ) -> None:
        self.stdout_stream = io.BytesIO()
        self.stderr_stream = io.BytesIO()
        super().__init__(
            io.BytesIO(stdin),
            self.stdout_stream,
            self.stderr_stream,
            args,
            prog_name,
            stdout_is_terminal=stdout_is_terminal,
        )

    def stdout_bytes(self) -> bytes:
        """What reached stdout so far (output still in its buffer not included)."""
        return self.stdout_stream.getvalue()

    def stderr_bytes(self) -> bytes:
        return self.stderr_stream.getvalue()


def run_main(backend: Backend, main_action: Value, world: World) -> int:
    """Run ``main_action`` and return the exit status. See Note [How a program ends]."""
    try:
        run_io(backend, main_action)
        world.flush()
    except HaskellError as err:
        return _fail(world, err.message, 1)
    except HaskellExit as ex:
        try:
            world.flush()
        except HaskellError as err:
            return _fail(world, err.message, 1)
        return _exit_status(ex.status)
    except RecursionError:
        return _fail(world, *STACK_OVERFLOW)
    except MemoryError:
        return _fail(world, *HEAP_EXHAUSTED)
    return 0


def _exit_status(status: int) -> int:
    if 0 <= status <= 255:
        return status
    if -127 <= status <= -1:
        return 128 - status
    return 255


def _fail(world: World, message: str, status: int) -> int:
    world.report(message)
    return status
