"""World and run_main: buffering as GHC does it, how programs end, exit statuses."""

from __future__ import annotations

import errno
import io
import sys
from typing import Any

import pytest
from prims_fakes import hs_string, lazy_string, setup

from ifacedir.backend.runtime import HaskellError, IOPrim, Thunk
from ifacedir.backend.world import MemoryWorld, World, run_main

Value = Any


def fail(message: str) -> Thunk:
    def code() -> Value:
        raise HaskellError(message)

    return Thunk(code)


def then(p: dict[str, Any], *actions: Value) -> Value:
    """actions[0] >> actions[1] >> ..."""
    action = actions[-1]
    for first in reversed(actions[:-1]):
        action = p["bindIO"](first, lambda _, rest=action: rest)
    return action


def test_normal_end_flushes_stdout_and_returns_0() -> None:
    backend, world, p = setup()
    status = run_main(backend, p["hPutStr"](p["stdout"](), hs_string("done\n")), world)
    assert (status, world.stdout_bytes(), world.stderr_bytes()) == (0, b"done\n", b"")


def test_error_flushes_stdout_then_reports_on_stderr() -> None:
    backend, world, p = setup()
    order: list[str] = []

    class Stream(io.BytesIO):
        def __init__(self, tag: str | None) -> None:
            self.tag = tag

        def write(self, b: Any, /) -> int:
            order.append(self.tag or bytes(b).decode())
            return len(b)

    world._stdout.stream = Stream("out")
    world._stderr.stream = Stream(None)
    action = then(
        p,
        p["hPutStr"](p["stdout"](), hs_string("partial")),
        Thunk(lambda: p["error"](hs_string("boom"))),
    )
    assert run_main(backend, action, world) == 1
    assert order == ["out", "prog: boom\n"]


def test_uncaught_io_error_is_shown_like_ghc() -> None:
    backend, world, p = setup()
    assert run_main(backend, p["ioError"](p["userError"](hs_string("boom"))), world) == 1
    assert world.stderr_bytes() == b"prog: user error (boom)\n"


def test_end_of_file_error_text() -> None:
    backend, world, p = setup(b"")
    assert run_main(backend, p["hGetLine"](p["stdin"]()), world) == 1
    assert world.stderr_bytes() == b"prog: <stdin>: hGetLine: end of file\n"


@pytest.mark.parametrize(
    ("status", "shell"),
    [(0, 0), (3, 3), (255, 255), (256, 255), (-1, 129), (-127, 255), (-128, 255), (10**20, 255)],
)
def test_exit_statuses_as_ghc(status: int, shell: int) -> None:
    backend, world, p = setup()
    action = then(p, p["hPutStr"](p["stdout"](), hs_string("out")), p["exitWith"](status))
    assert run_main(backend, action, world) == shell
    assert world.stdout_bytes() == b"out"


def test_stack_overflow_and_heap_exhaustion() -> None:
    backend, world, p = setup()

    def deep() -> Value:
        raise RecursionError

    def huge() -> Value:
        raise MemoryError

    assert (
        run_main(backend, then(p, p["hPutStr"](p["stdout"](), hs_string("a")), IOPrim(deep)), world)
        == 2
    )
    assert world.stdout_bytes() == b"a"
    assert world.stderr_bytes() == b"prog: stack overflow\n"
    backend, world, p = setup()
    assert run_main(backend, IOPrim(huge), world) == 251
    assert world.stderr_bytes() == b"prog: heap exhausted\n"


def test_real_recursion_is_reported_as_stack_overflow() -> None:
    backend, world, _ = setup()

    def recurse(n: int) -> Value:
        return recurse(n + 1) + 1

    assert run_main(backend, IOPrim(lambda: recurse(0)), world) == 2
    assert world.stderr_bytes() == b"prog: stack overflow\n"


# -- Output committed like GHC (values checked with GHC 9.0.2) ----------------------


@pytest.mark.parametrize(
    ("mode", "text", "kept"),
    [(None, "abc", b""), (0, "abc", b"abc"), (1, "abc\nde", b"abc\n"), (2, "abc\nde", b""),
     (None, "a" * 5000, b"a" * 4094), (None, "a" * 2047, b"a" * 2047), (None, "a" * 2046, b""),
     (1, "a" * 5000, b"a" * 4094), (1, "ab\n" + "c" * 2047 + "d", b"ab\n" + b"c" * 2047)],
)  # fmt: skip
def test_output_lost_when_the_string_fails(mode: int | None, text: str, kept: bytes) -> None:
    backend, world, p = setup()
    put = p["hPutStr"](p["stdout"](), lazy_string(text, fail("x")))
    action = put if mode is None else then(p, p["hSetBuffering"](p["stdout"](), mode), put)
    assert run_main(backend, action, world) == 1
    assert world.stdout_bytes() == kept
    assert world.stderr_bytes() == b"prog: x\n"


def test_show_of_a_failing_list_prints_nothing() -> None:
    # print (map (1 `div`) [1, 0]): GHC prints "prog: divide by zero" and no "[1,".
    backend, world, p = setup()
    put = p["hPutStr"](p["stdout"](), hs_string("[1,", fail("divide by zero")))
    assert run_main(backend, put, world) == 1
    assert (world.stdout_bytes(), world.stderr_bytes()) == (b"", b"prog: divide by zero\n")


def test_unencodable_character() -> None:
    backend, world, p = setup()
    assert run_main(backend, p["hPutStr"](p["stdout"](), hs_string("abc\ud800")), world) == 1
    assert world.stdout_bytes() == b"abc"
    assert (
        world.stderr_bytes()
        == b"prog: <stdout>: commitBuffer: invalid argument (invalid character)\n"
    )
    backend, world, p = setup()
    assert run_main(backend, p["hPutStr"](p["stderr"](), hs_string("a\ud800")), world) == 1
    assert (
        world.stderr_bytes() == b"aprog: <stderr>: hPutChar: invalid argument (invalid character)\n"
    )


class _Spy:
    """A stdin that records what stdout had received when each read happened."""

    def __init__(self, world: MemoryWorld, data: bytes) -> None:
        self.world = world
        self.data = io.BytesIO(data)
        self.stdout_at_read: list[bytes] = []

    def read1(self, size: int = -1, /) -> bytes:
        self.stdout_at_read.append(self.world.stdout_bytes())
        return self.data.read1(size)


def test_unbuffered_output_appears_before_reading_input() -> None:
    """putStr ("name? " ++ <a tail that reads stdin>) on an unbuffered stdout: the
    prompt is out before the read (as GHC writes each character at once)."""
    backend, world, p = setup()
    spy = _Spy(world, b"bob\n")
    world._stdin.stream = spy
    run_main(backend, p["hGetContents"](p["stdin"]()), world)  # semi-closes stdin
    backend, world, p = setup()
    spy = _Spy(world, b"bob\n")
    world._stdin.stream = spy
    contents = run_main(
        backend, then(p, p["hSetBuffering"](p["stdout"](), 0), IOPrim(lambda: None)), world
    )
    assert contents == 0
    line = Thunk(lambda: hs_string(world.get_line("stdin") + "!"))
    put = p["hPutStr"](p["stdout"](), hs_string("name? ", line))
    assert run_main(backend, put, world) == 0
    assert spy.stdout_at_read == [b"name? "]
    assert world.stdout_bytes() == b"name? bob!"


def test_line_buffered_prompt_waits_for_its_newline() -> None:
    backend, world, p = setup(terminal=True)
    spy = _Spy(world, b"bob\n")
    world._stdin.stream = spy
    line = Thunk(lambda: hs_string(world.get_line("stdin") + "\n"))
    assert run_main(backend, p["hPutStr"](p["stdout"](), hs_string("name? ", line)), world) == 0
    assert spy.stdout_at_read == [b""]  # GHC does not flush stdout before reading either
    assert world.stdout_bytes() == b"name? bob\n"


def test_an_infinite_string_streams_until_the_pipe_breaks() -> None:
    backend, world, p = setup()
    written: list[int] = []

    class Pipe(io.RawIOBase):
        def write(self, b: Any) -> int:
            if sum(written) > 100_000:
                raise OSError(errno.EPIPE, "Broken pipe")
            written.append(len(b))
            return len(b)

    world._stdout.stream = Pipe()

    def ab() -> Value:
        return (1, "a", (1, "b", Thunk(ab)))

    assert run_main(backend, p["hPutStr"](p["stdout"](), Thunk(ab)), world) == 1
    assert max(written) <= 8192 + 2047 * 4
    assert (
        world.stderr_bytes() == b"prog: <stdout>: commitBuffer: resource vanished (Broken pipe)\n"
    )


def test_block_buffered_stdout_writes_in_blocks() -> None:
    backend, world, p = setup()
    put = p["hPutStr"](p["stdout"](), hs_string("x" * 10000))
    run_main(backend, IOPrim(lambda: put.run()), world)
    assert world.stdout_bytes() == b"x" * 10000


def test_error_message_with_a_lone_surrogate_still_reaches_stderr() -> None:
    backend, world, p = setup()
    assert run_main(backend, Thunk(lambda: p["error"](hs_string("bad \ud800"))), world) == 1
    assert world.stderr_bytes() == b"prog: bad \\ud800\n"


def test_from_process_uses_the_standard_streams() -> None:
    world = World.from_process(["a"], "prog")
    assert world.args == ("a",) and world.prog_name == "prog"
    assert world._stdout.stream is sys.stdout.buffer
    assert world._stderr.mode == 0


def test_in_memory_world_defaults() -> None:
    world = World.in_memory()
    assert (world.args, world.prog_name, world.stdout_bytes()) == ((), "main", b"")
    with pytest.raises(HaskellError, match="hGetChar: end of file"):
        world.get_char("stdin")
