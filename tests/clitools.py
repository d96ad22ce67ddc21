"""Helpers for the front-end tests: run the real `celint` / `flake8` in a subprocess, and small programs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[1]

BUGGY = """import keras

model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(10, activation="softmax")])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer="adam")
"""
BUGGY_LINE, BUGGY_COL = 4, 63  # 1-based column of `from_logits`
CLEAN = BUGGY.replace("from_logits=True", "from_logits=False")


def run(args: Sequence[str], cwd: "Path | str | None" = None, stdin: str = "") -> "subprocess.CompletedProcess[str]":
    env = dict(os.environ, NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=env, timeout=300
    )


def celint(*args: str, cwd: "Path | str | None" = None) -> "subprocess.CompletedProcess[str]":
    return run(["-m", "celint", *args], cwd=cwd)


def readme_snippet(name: str) -> str:
    """The fenced block after `<!-- snippet: NAME -->` in the README (so the README's set-up is tested)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after = text.split(f"<!-- snippet: {name} -->", 1)[1]
    block = after.split("```", 2)[1]
    return block.split("\n", 1)[1]


def run_with(
    args: Sequence[str], cwd: "Path | str | None" = None, **options: object
) -> "subprocess.CompletedProcess[str]":
    """`run` with extra subprocess.run options (stdout=, preexec_fn=, ...)."""
    env = dict(os.environ, NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("FORCE_COLOR", None)
    if "stdout" not in options:
        options["stdout"] = subprocess.PIPE
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=300,
        **options,
    )  # type: ignore[call-overload]


def nobody() -> "tuple[int, int]":
    """(uid, gid) of an unprivileged user to run a permission test as: root ignores file modes, which
    would hide the very failure the test is about. Skips the test where that is not possible."""
    import pytest

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root, to run the check as an unprivileged user")
    import pwd

    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no `nobody` user")
    return entry.pw_uid, entry.pw_gid


def run_as(uid: int, gid: int, args: Sequence[str], cwd: "Path | str") -> "subprocess.CompletedProcess[str]":
    """`run` as another user: through setpriv where it exists, else by setuid in the child; skips the
    test when that user cannot run this Python with celint."""
    import shutil

    import pytest

    options: dict = {}
    if shutil.which("setpriv"):
        prefix = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", sys.executable]
    else:
        prefix = [sys.executable]
        options["preexec_fn"] = _demote(uid, gid)
    env = dict(os.environ, NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1", HOME=str(cwd))
    env.pop("FORCE_COLOR", None)
    try:
        probe = subprocess.run(
            [*prefix, "-c", "import celint.cli, libcst"], cwd=cwd, capture_output=True, env=env, timeout=300, **options
        )
    except OSError as exc:
        pytest.skip(f"cannot run Python as uid {uid}: {exc}")
    if probe.returncode != 0:
        pytest.skip(f"uid {uid} cannot run this Python with celint")
    return subprocess.run(
        [*prefix, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
        **options,
    )


def _demote(uid: int, gid: int):  # type: ignore[no-untyped-def]
    def demote() -> None:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)

    return demote


def shared_directory(uid: int, gid: int) -> Path:
    """A fresh directory under the system temporary directory that `uid` owns and can reach (pytest's
    tmp_path sits below a directory only its owner may enter)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="celint-test-"))
    os.chown(path, uid, gid)
    return path
