"""The IO primitives, run through runtime.run_io over an in-memory World."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prims_fakes import FakeBackend, hs_string, lazy_string, run, setup, to_py

from ifacedir.backend.runtime import (
    FALSE,
    NIL,
    TRUE,
    UNIT,
    Handle,
    HaskellError,
    HaskellExit,
    IOBind,
    IOErrorValue,
    IOPrim,
    IOReturn,
    Thunk,
)

Value = Any


def boom() -> Value:
    raise AssertionError("must not be forced")


def test_return_and_bind_build_actions_lazily() -> None:
    backend, _, p = setup()
    lazy = Thunk(boom)
    ret = p["returnIO"](lazy)
    assert type(ret) is IOReturn and ret.value is lazy
    bind = p["bindIO"](lazy, lazy)
    assert type(bind) is IOBind and bind.action is lazy and bind.cont is lazy
    action = p["bindIO"](p["returnIO"](20), lambda x: p["returnIO"](x + 1))
    assert run(backend, action) == 21
    assert backend.forced == 0


def test_actions_do_nothing_until_run() -> None:
    backend, world, p = setup(b"line\n")
    out = p["stdout"]()
    put = p["hPutStr"](out, hs_string("x"))
    get = p["hGetLine"](p["stdin"]())
    assert isinstance(put, IOPrim) and isinstance(get, IOPrim)
    p["exitWith"](3)
    world.flush()
    assert world.stdout_bytes() == b""
    assert to_py(backend, run(backend, get)) == "line"


def test_handles() -> None:
    _, _, p = setup()
    names = [p[h]().name for h in ("stdin", "stdout", "stderr")]
    assert names == ["stdin", "stdout", "stderr"]
    assert all(isinstance(p[h](), Handle) for h in ("stdin", "stdout", "stderr"))
    assert p["stdout"]() is p["stdout"]()


def test_h_put_str_encodes_utf8_and_forces_lazily_built_strings() -> None:
    backend, world, p = setup()
    assert run(backend, p["hPutStr"](p["stdout"](), lazy_string("héllo λ\n"))) == UNIT
    assert world.stdout_bytes() == b""  # block-buffered: not yet written
    run(backend, p["hFlush"](p["stdout"]()))
    assert world.stdout_bytes() == "héllo λ\n".encode()


def test_stderr_is_unbuffered() -> None:
    backend, world, p = setup()
    run(backend, p["hPutStr"](p["stderr"](), hs_string("oops")))
    assert world.stderr_bytes() == b"oops"


def test_stdout_on_a_terminal_is_line_buffered() -> None:
    backend, world, p = setup(terminal=True)
    run(backend, p["hPutStr"](p["stdout"](), hs_string("a\nb")))
    assert world.stdout_bytes() == b"a\n"


def test_h_set_buffering() -> None:
    backend, world, p = setup()
    out = p["stdout"]()
    run(backend, p["hPutStr"](out, hs_string("pending ")))
    run(backend, p["hSetBuffering"](out, 0))  # to none: the buffer goes out
    assert world.stdout_bytes() == b"pending "
    run(backend, p["hPutStr"](out, hs_string("now")))
    assert world.stdout_bytes() == b"pending now"
    run(backend, p["hSetBuffering"](out, 1))
    run(backend, p["hPutStr"](out, hs_string("x\ny")))
    assert world.stdout_bytes() == b"pending nowx\n"
    run(backend, p["hSetBuffering"](out, 2))
    run(backend, p["hPutStr"](out, hs_string("z\n")))
    assert world.stdout_bytes() == b"pending nowx\n"
    run(backend, p["hSetBuffering"](p["stdin"](), 0))  # allowed, changes nothing
    world.flush()
    assert world.stdout_bytes() == b"pending nowx\nyz\n"


def test_wrong_direction_is_an_illegal_operation() -> None:
    backend, _, p = setup(b"x\n")
    with pytest.raises(HaskellError) as info:
        run(backend, p["hPutStr"](p["stdin"](), hs_string("x")))
    assert (
        info.value.message == "<stdin>: hPutStr: illegal operation (handle is not open for writing)"
    )
    with pytest.raises(HaskellError) as info:
        run(backend, p["hFlush"](p["stdin"]()))
    assert (
        info.value.message == "<stdin>: hFlush: illegal operation (handle is not open for writing)"
    )
    with pytest.raises(HaskellError) as info:
        run(backend, p["hGetLine"](p["stdout"]()))
    assert (
        info.value.message
        == "<stdout>: hGetLine: illegal operation (handle is not open for reading)"
    )


def test_h_get_line() -> None:
    backend, _, p = setup("one\n\nthrée\nlast".encode())
    get = p["hGetLine"](p["stdin"]())
    lines = [to_py(backend, run(backend, get)) for _ in range(4)]
    assert lines == ["one", "", "thrée", "last"]
    with pytest.raises(HaskellError) as info:
        run(backend, get)
    assert info.value.message == "<stdin>: hGetLine: end of file"


def test_h_get_line_on_empty_input_and_invalid_utf8() -> None:
    backend, _, p = setup(b"")
    with pytest.raises(HaskellError, match=r"^<stdin>: hGetLine: end of file$"):
        run(backend, p["hGetLine"](p["stdin"]()))
    backend, _, p = setup(b"ok\nab\xff\n")
    assert to_py(backend, run(backend, p["hGetLine"](p["stdin"]()))) == "ok"
    with pytest.raises(HaskellError) as info:
        run(backend, p["hGetLine"](p["stdin"]()))
    assert info.value.message == "<stdin>: hGetLine: invalid argument (invalid byte sequence)"


def test_h_get_char_and_h_is_eof() -> None:
    backend, _, p = setup("aλ".encode())
    stdin = p["stdin"]()
    assert run(backend, p["hIsEOF"](stdin)) is FALSE
    assert run(backend, p["hGetChar"](stdin)) == "a"
    assert run(backend, p["hGetChar"](stdin)) == "λ"
    assert run(backend, p["hIsEOF"](stdin)) is TRUE
    with pytest.raises(HaskellError) as info:
        run(backend, p["hGetChar"](stdin))
    assert info.value.message == "<stdin>: hGetChar: end of file"


def test_h_get_char_before_an_invalid_byte() -> None:
    backend, _, p = setup(b"ab\xff")
    stdin = p["stdin"]()
    assert [run(backend, p["hGetChar"](stdin)) for _ in range(2)] == ["a", "b"]
    assert run(backend, p["hIsEOF"](stdin)) is FALSE
    with pytest.raises(HaskellError, match=r"hGetChar: invalid argument \(invalid byte sequence\)"):
        run(backend, p["hGetChar"](stdin))


def test_utf8_sequences_split_across_reads() -> None:
    data = "λx€y".encode()
    backend, world, p = setup()
    world._stdin.stream = _Reads([data[:1], data[1:4], data[4:]])
    assert to_py(backend, run(backend, p["hGetContents"](p["stdin"]()))) == "λx€y"


class _Reads:
    """A stdin that gives the chunks one per read1, and counts the reads."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = list(chunks)
        self.reads = 0

    def read1(self, size: int = -1, /) -> bytes:
        self.reads += 1
        return self.chunks.pop(0) if self.chunks else b""


def test_h_get_contents_is_lazy() -> None:
    backend, world, p = setup()
    stdin = _Reads([b"first line\n", b"second\n", b"third\n"])
    world._stdin.stream = stdin
    contents = run(backend, p["hGetContents"](p["stdin"]()))
    assert isinstance(contents, Thunk)
    assert stdin.reads == 0
    cell = backend.force(contents)
    assert cell[:2] == (1, "f")
    assert stdin.reads == 1  # only the first chunk
    for _ in range(len("first line\n") - 1):
        cell = backend.force(cell[2])
    assert stdin.reads == 1
    assert backend.force(cell[2])[1] == "s"
    assert stdin.reads == 2
    assert to_py(backend, contents) == "first line\nsecond\nthird\n"
    assert stdin.reads == 4  # the last read saw the end


def test_h_get_line_and_h_get_contents_share_one_buffer() -> None:
    backend, _, p = setup(b"one\ntwo\nthree\n")
    stdin = p["stdin"]()
    assert to_py(backend, run(backend, p["hGetLine"](stdin))) == "one"
    assert to_py(backend, run(backend, p["hGetContents"](stdin))) == "two\nthree\n"


@pytest.mark.parametrize("op", ["hGetLine", "hGetChar", "hIsEOF", "hGetContents"])
def test_after_h_get_contents_stdin_is_semi_closed(op: str) -> None:
    backend, _, p = setup(b"abc\n")
    stdin = p["stdin"]()
    run(backend, p["hGetContents"](stdin))
    with pytest.raises(HaskellError) as info:
        run(backend, p[op](stdin))
    assert info.value.message == f"<stdin>: {op}: illegal operation (handle is semi-closed)"


def test_h_get_contents_reports_invalid_bytes_where_reading_reaches_them() -> None:
    backend, _, p = setup(b"ab\xffcd")
    cell = backend.force(run(backend, p["hGetContents"](p["stdin"]())))
    assert cell[1] == "a"
    cell = backend.force(cell[2])
    assert cell[1] == "b"
    with pytest.raises(HaskellError) as info:
        backend.force(cell[2])
    assert info.value.message == "<stdin>: hGetContents: invalid argument (invalid byte sequence)"


def test_files(tmp_path: Path) -> None:
    backend, _, p = setup()
    path = hs_string(str(tmp_path / "f.txt"))
    run(backend, p["writeFile"](path, lazy_string("héllo\n")))
    run(backend, p["appendFile"](path, hs_string("more")))
    assert (tmp_path / "f.txt").read_bytes() == "héllo\nmore".encode()
    assert to_py(backend, run(backend, p["readFile"](path))) == "héllo\nmore"
    run(backend, p["writeFile"](path, hs_string("")))
    assert to_py(backend, run(backend, p["readFile"](path))) == ""


def test_read_file_is_built_lazily_in_pieces(tmp_path: Path) -> None:
    backend, _, p = setup()
    (tmp_path / "big.txt").write_text("x" * 20000, encoding="utf-8")
    contents = run(backend, p["readFile"](hs_string(str(tmp_path / "big.txt"))))
    assert isinstance(contents, Thunk)
    assert len(to_py(backend, contents)) == 20000


def test_file_errors_are_ghcs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend, _, p = setup()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "f").write_text("hi", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"ab\xffcd")
    cases = {
        p["readFile"](
            hs_string("x.txt")
        ): "x.txt: openFile: does not exist (No such file or directory)",
        p["readFile"](hs_string("d")): "d: openFile: inappropriate type (is a directory)",
        p["readFile"](hs_string("f/x")): "f/x: openFile: inappropriate type (Not a directory)",
        p["writeFile"](hs_string("d"), NIL): "d: openFile: inappropriate type (Is a directory)",
        p["writeFile"](
            hs_string("no/x"), NIL
        ): "no/x: openFile: does not exist (No such file or directory)",
        p["appendFile"](
            hs_string(""), NIL
        ): ": openFile: does not exist (No such file or directory)",
    }
    for action, message in cases.items():
        with pytest.raises(HaskellError) as info:
            run(backend, action)
        assert info.value.message == message
    contents = backend.force(run(backend, p["readFile"](hs_string("bad.txt"))))
    assert contents[1] == "a"
    with pytest.raises(HaskellError) as info:
        to_py(backend, contents)
    assert info.value.message == "bad.txt: hGetContents: invalid argument (invalid byte sequence)"


def test_write_file_keeps_what_was_committed_before_an_error(tmp_path: Path) -> None:
    backend, _, p = setup()
    path = tmp_path / "w.txt"

    def fail() -> Value:
        raise HaskellError("x")

    for n, kept in ((3, 0), (5000, 4094)):
        with pytest.raises(HaskellError):
            run(backend, p["writeFile"](hs_string(str(path)), hs_string("a" * n, Thunk(fail))))
        assert path.read_bytes() == b"a" * kept  # GHC 9.0.2 gives the same


def test_arguments_and_program_name() -> None:
    backend, _, p = setup(args=("a b", "ç", ""))
    args = run(backend, p["getArgs"]())
    out = []
    while args[0] == 1:
        out.append(to_py(backend, args[1]))
        args = args[2]
    assert out == ["a b", "ç", ""]
    assert to_py(backend, run(backend, p["getProgName"]())) == "prog"


def test_exit_with_flushes_then_raises() -> None:
    backend, world, p = setup()
    run(backend, p["hPutStr"](p["stdout"](), hs_string("bye")))
    with pytest.raises(HaskellExit) as info:
        run(backend, p["exitWith"](3))
    assert info.value.status == 3
    assert world.stdout_bytes() == b"bye"


def test_io_errors() -> None:
    backend, _, p = setup()
    err = p["userError"](lazy_string("boom"))
    assert err == IOErrorValue("user error (boom)")
    assert to_py(backend, p["showIOError"](err)) == "user error (boom)"
    action = p["ioError"](err)
    assert isinstance(action, IOPrim)
    with pytest.raises(HaskellError) as info:
        run(backend, action)
    assert info.value.message == "user error (boom)"


def test_a_million_binds_built_lazily_run_in_constant_stack() -> None:
    backend, world, p = setup()
    put = p["hPutStr"](p["stdout"](), hs_string("x"))
    n = 1_000_000

    def loop(i: int) -> Value:
        """put >> loop (i + 1) every 1000th step, else return i >>= loop . (+ 1); the
        chain is built as it runs, each continuation a thunk."""
        if i == n:
            return p["returnIO"](i)
        if i % 1000 == 0:
            return p["bindIO"](put, lambda _: Thunk(lambda: loop(i + 1)))
        return p["bindIO"](p["returnIO"](i), lambda x: loop(x + 1))

    assert run(backend, Thunk(lambda: loop(0))) == n
    world.flush()
    assert world.stdout_bytes() == b"x" * (n // 1000)


def test_left_nested_binds_do_not_recurse() -> None:
    backend, _, p = setup()
    action: Value = p["returnIO"](0)
    for _ in range(200_000):
        action = p["bindIO"](action, lambda x: p["returnIO"](x + 1))
    assert run(backend, action) == 200_000


def test_fake_backend_updates_thunks_in_place() -> None:
    backend = FakeBackend()
    inner = Thunk(lambda: 5)
    outer = Thunk(lambda: inner)
    assert backend.force(outer) == 5
    assert outer.code is None and outer.value == 5 and inner.value == 5
    assert backend.force(outer) == 5 and backend.forced == 2
