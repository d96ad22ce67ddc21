"""Which files a run sees: nothing is skipped in silence. Each path named on the command line is checked
or gives a CE000 line saying why not; a directory that cannot be listed is a CE000 line too; git's
view (nested repositories, submodules) loses no files."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Iterator, List

import pytest
from clitools import BUGGY, celint, nobody, run, run_as, shared_directory


def _lines(text: str) -> List[str]:
    return [line for line in text.splitlines() if line.strip()]


def _needs_git() -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git")


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True, capture_output=True
    )


def test_every_path_named_on_the_command_line_is_checked_or_reported(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo") or not hasattr(socket, "AF_UNIX"):
        pytest.skip("needs FIFOs and Unix sockets")
    (tmp_path / "good.py").write_text(BUGGY, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.py")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.py"))
        too_long = "d/" * 3000 + "x.py"  # longer than PATH_MAX
        named = ["fifo.py", "sock.py", os.devnull, "nope.py", too_long]
        done = celint("check", "-q", "good.py", *named, cwd=tmp_path)
    finally:
        server.close()
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    errors = {line.split(":1:1: CE000 ")[0]: line for line in _lines(done.stdout) if " CE000 " in line}
    assert sorted(errors) == sorted(named), done.stdout
    assert "No such file or directory" in errors["nope.py"] and "File name too long" in errors[too_long]
    assert "not a regular file" in errors["fifo.py"] and "not a regular file" in errors[os.devnull]
    assert any(line.startswith("good.py:") and " CE101 " in line for line in _lines(done.stdout))
    assert "celint: nope.py: no such file or directory" in done.stderr


@pytest.fixture
def unprivileged() -> Iterator["tuple[int, int, Path]"]:
    uid, gid = nobody()
    directory = shared_directory(uid, gid)
    try:
        yield uid, gid, directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_an_unreadable_directory_is_one_error_line(unprivileged: "tuple[int, int, Path]", git: bool) -> None:
    uid, gid, root = unprivileged
    if git:
        _needs_git()
        _git("init", "-q", ".", cwd=root)
    (root / "good.py").write_text(BUGGY, encoding="utf-8")
    for name in ("secret", "alone"):
        (root / name).mkdir()
        (root / name / "hidden.py").write_text(BUGGY, encoding="utf-8")
        os.chmod(root / name, 0)
    for path in (root, *root.rglob("*")):
        os.lchown(path, uid, gid)
    done = run_as(uid, gid, ["-m", "celint", "check", "-q", "."], cwd=root)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stdout + done.stderr
    errors = sorted(line.split(":")[0] for line in _lines(done.stdout) if " CE000 " in line)
    assert errors == ["alone", "secret"] and "Permission denied" in done.stdout, done.stdout
    assert any(line.startswith("good.py:") and " CE101 " in line for line in _lines(done.stdout)), done.stdout
    named = run_as(uid, gid, ["-m", "celint", "check", "-q", "secret", "good.py"], cwd=root)
    assert named.returncode == 2 and [line.split(":")[0] for line in _lines(named.stdout)] == ["secret", "good.py"], (
        named.stdout + named.stderr
    )


def test_nested_repositories_and_submodules_are_checked_like_any_directory(tmp_path: Path) -> None:
    _needs_git()
    _git("init", "-q", ".", cwd=tmp_path)
    (tmp_path / "top.py").write_text(BUGGY, encoding="utf-8")
    nested, sub = tmp_path / "nested", tmp_path / "sub"
    for repo in (nested, sub):
        repo.mkdir()
        _git("init", "-q", ".", cwd=repo)
        (repo / "inner.py").write_text(BUGGY, encoding="utf-8")
    (nested / "ignored.py").write_text(BUGGY, encoding="utf-8")
    (nested / ".gitignore").write_text("ignored.py\n", encoding="utf-8")  # its own rules still apply
    _git("add", "inner.py", cwd=sub)
    _git("commit", "-q", "-m", "sub", cwd=sub)
    _git("add", "top.py", "sub", cwd=tmp_path)  # `sub` becomes a gitlink, as a submodule is
    done = run(["-m", "celint", "check", "-q", "."], cwd=tmp_path)
    assert sorted(line.split(":")[0] for line in done.stdout.splitlines()) == [
        os.path.join("nested", "inner.py"),
        os.path.join("sub", "inner.py"),
        "top.py",
    ], done.stdout
