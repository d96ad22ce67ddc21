"""When something goes wrong around the check (the configuration, the output, the working directory, a
worker process, a huge file), the run says so in one `celint: ...` line or one CE000 line, exits with
the status it owes, and still reports the other files. Each case runs the real command in a subprocess."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import List

import pytest
from clitools import BUGGY, celint, run, run_with

from celint.source import SourceError, read_source


def _lines(text: str) -> List[str]:
    return [line for line in text.splitlines() if line.strip()]


def _healthy(done: "object") -> None:
    out, err, code = done.stdout, done.stderr, done.returncode  # type: ignore[attr-defined]
    assert "Traceback" not in (out or "") + err and code in (0, 1, 2), (code, out, err)


@pytest.mark.parametrize("tool", ["1", '"celint"', '"x"', "[1, 2]"])
def test_a_pyproject_whose_tool_is_not_a_table_is_a_configuration_error(tmp_path: Path, tool: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"tool = {tool}\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "train.py").write_text(BUGGY, encoding="utf-8")
    done = celint("check", "sub/train.py", cwd=tmp_path)
    _healthy(done)
    assert done.returncode == 2 and _lines(done.stderr) == [
        f"celint: configuration error: {tmp_path / 'pyproject.toml'}: [tool] must be a table"
    ], done.stderr


def test_a_pyproject_that_is_not_utf8_or_nested_too_deeply_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(BUGGY, encoding="utf-8")
    for text in (b"name = '\xff'\n", b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n"):
        (tmp_path / "pyproject.toml").write_bytes(text)
        done = celint("check", "train.py", cwd=tmp_path)
        _healthy(done)
        assert done.returncode == 2 and "celint: configuration error: " in done.stderr, done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(BUGGY, encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = run_with(["-m", "celint", "check", "bad.py"], cwd=tmp_path, stdout=full)
    _healthy(done)
    assert done.returncode == 2 and _lines(done.stderr) == [
        "celint: cannot write the report: No space left on device"
    ], done.stderr


def test_a_closed_pipe_keeps_the_runs_exit_status(tmp_path: Path) -> None:
    """`celint check bad.py | head -0`: the reader is gone before anything is written."""
    (tmp_path / "bad.py").write_text(BUGGY, encoding="utf-8")
    (tmp_path / "ok.py").write_text(BUGGY.replace("from_logits=True", "from_logits=False"), encoding="utf-8")
    for name, status in (("bad.py", 1), ("ok.py", 0)):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            done = run_with(["-m", "celint", "check", name], cwd=tmp_path, stdout=write_end)
        finally:
            os.close(write_end)
        assert (done.returncode, done.stderr) == (status, ""), done.stderr


def test_a_deleted_working_directory_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(BUGGY, encoding="utf-8")
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
        "os.execv(sys.executable, [sys.executable, '-m', 'celint', 'check', sys.argv[2]])"
    )
    done = run(["-c", script, str(gone), str(tmp_path / "bad.py")])
    _healthy(done)
    assert done.returncode == 2 and _lines(done.stderr) == [
        "celint: the working directory is not accessible (No such file or directory); run celint from one that exists"
    ], done.stderr


KILLER = """
import multiprocessing, os, signal, sys
multiprocessing.set_start_method("fork")  # the workers share the patch below
import celint.runner as runner

real, parent = runner.check_file, os.getpid()

def check_file(path, options, project=None):
    if path.endswith("killer.py") and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return real(path, options, project)

runner.check_file = check_file
from celint.cli import main
sys.exit(main(["check", "-q", "--jobs", "2", "--no-respect-gitignore", "."]))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_killed_worker_costs_only_its_own_file(tmp_path: Path) -> None:
    names = [f"f{i:02d}.py" for i in range(24)] + ["killer.py"]
    for name in names:
        (tmp_path / name).write_text(BUGGY, encoding="utf-8")
    done = run(["-c", KILLER], cwd=tmp_path)
    _healthy(done)
    lines = _lines(done.stdout)
    assert done.returncode == 2 and [line for line in lines if " CE000 " in line] == [
        "killer.py:1:1: CE000 could not analyse this file: the process checking this file died "
        "(killed, or out of memory)"
    ], done.stdout + done.stderr
    assert sorted(line.split(":")[0] for line in lines if " CE101 " in line) == sorted(names[:-1])


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as handle:
        handle.truncate(size)  # no disk space used, but reading it would need `size` bytes of memory


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """3 GB, and the process may use 2 GB: reading it first (and MemoryError) is what this guards against."""
    if sys.platform == "win32":
        pytest.skip("POSIX resource limits")
    import resource

    _sparse(tmp_path / "huge.py", 3 * 2**30)
    _sparse(tmp_path / "models.py", 3 * 2**30)  # imported by train.py: read by the cross-module analysis
    (tmp_path / "train.py").write_text("import models\n" + BUGGY, encoding="utf-8")

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    done = run_with(
        ["-m", "celint", "check", "-q", "--no-respect-gitignore", "."], cwd=tmp_path, preexec_fn=limit_memory
    )
    _healthy(done)
    lines = _lines(done.stdout)
    assert done.returncode == 2, done.stdout + done.stderr
    for name in ("huge.py", "models.py"):
        assert (
            f"{name}:1:1: CE000 could not analyse this file: skipped: 3,221,225,472 bytes exceeds the "
            "10,000,000 limit (see --max-file-size)" in lines
        ), done.stdout
    assert any(line.startswith("train.py:") and " CE101 " in line for line in lines), done.stdout


def test_read_source_enforces_the_limit_for_every_caller(tmp_path: Path) -> None:
    _sparse(tmp_path / "huge.py", 20_000_000)
    with pytest.raises(SourceError, match="exceeds the 10,000,000 limit"):
        read_source(str(tmp_path / "huge.py"))  # the old call, as project.py makes it: the default limit
    (tmp_path / "small.py").write_text("x = 1\n", encoding="utf-8")
    assert read_source(str(tmp_path / "small.py")) == ("x = 1\n", 6)
    with pytest.raises(SourceError, match="exceeds the 3 limit"):
        read_source(str(tmp_path / "small.py"), max_size=3)


def test_terminal_control_sequences_from_checked_files_are_escaped(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("control characters in file names")
    evil_line = BUGGY.splitlines()[3] + "  # \x1b]0;owned\x07\x1b[2J\u202e"
    source = "\n".join([*BUGGY.splitlines()[:3], evil_line]) + "\n"
    name = "evil\x1b[31m.py"
    (tmp_path / name).write_text(source, encoding="utf-8")
    (tmp_path / "broken\x1b[8m.py").write_text("import torch\nloss = CrossEntropyLoss(\n", encoding="utf-8")
    done = celint("check", "--no-respect-gitignore", ".", cwd=tmp_path)
    _healthy(done)
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\u202e" not in done.stdout, done.stdout
    assert "evil\\x1b[31m.py:4:" in done.stdout and "broken\\x1b[8m.py:1:1: CE000" not in done.stdout
    assert re.search(r"broken\\x1b\[8m\.py:[23]:\d+: CE000", done.stdout), done.stdout
    assert "# \\x1b]0;owned\\x07\\x1b[2J\\u202e" in done.stdout
    excerpt, caret = [line for line in done.stdout.splitlines() if "|" in line][:2]
    assert caret.index("^") == excerpt.index("from_logits")  # the caret still points at the finding


def test_a_syntax_error_names_the_python_that_parsed_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from celint.runner import syntax_error_with_version

    match = "import torch\n\nmatch command:\n    case 1:\n        pass\n"
    monkeypatch.setattr(sys, "version_info", (3, 9, 18, "final", 0))
    assert syntax_error_with_version("syntax error (line 3): invalid syntax", match) == (
        "syntax error (line 3): invalid syntax (parsed by Python 3.9; this syntax may need a newer Python)"
    )
    assert syntax_error_with_version("syntax error (line 2): invalid syntax", "import torch\nx = (\n") == (
        "syntax error (line 2): invalid syntax (parsed by Python 3.9)"
    )
    assert syntax_error_with_version("cannot parse: source code cannot contain null bytes", "") == (
        "cannot parse: source code cannot contain null bytes"
    )


def test_a_syntax_error_line_says_which_python_parsed_it(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("import keras\nloss = softmax(\n", encoding="utf-8")
    done = celint("check", "-q", "broken.py", cwd=tmp_path)
    version = f"Python {sys.version_info[0]}.{sys.version_info[1]}"
    assert done.returncode == 2 and f"(parsed by {version})" in done.stdout, done.stdout
