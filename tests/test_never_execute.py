"""celint reads code, it never runs it: files whose import or execution would leave a trace leave none."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path
from typing import List

from clitools import BUGGY, run

MARKER_CODE = """import os, socket, subprocess
import torch.nn as nn
open({marker!r}, "w").write("imported")
os.system("touch " + {marker!r} + ".system")
subprocess.run(["touch", {marker!r} + ".subprocess"])
socket.create_connection(("127.0.0.1", {port}), timeout=2).sendall(b"executed")
exec("open({marker!r} + '.exec', 'w')")
criterion = nn.CrossEntropyLoss()


class Net(nn.Module):
    def forward(self, x):
        open({marker!r} + ".forward", "w")
        return x.softmax(dim=1)


def __getattr__(name):
    open({marker!r} + ".getattr", "w")


loss = criterion(Net()(x), y)
__import__("os").system("touch " + {marker!r} + ".dunder")
"""


class _Listener:
    """A local TCP port that records whether anything connected to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: List[object] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections.append(conn)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def _write_project(tmp_path: Path, port: int) -> Path:
    marker = str(tmp_path / "marker")
    project = tmp_path / "proj"
    (project / "pkg").mkdir(parents=True)
    text = BUGGY + MARKER_CODE.format(marker=marker, port=port)
    (project / "train.py").write_text(text + "from pkg import helpers\nimport conftest\nimport setup\n")
    (project / "pkg" / "__init__.py").write_text(text)
    (project / "pkg" / "helpers.py").write_text(text)
    (project / "setup.py").write_text(text)  # a file a tool might be tempted to run
    (project / "conftest.py").write_text(text)
    (project / "nb.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": %s}], '
        '"metadata": {}, "nbformat": 4, "nbformat_minor": 5}' % __import__("json").dumps(text)
    )
    return project


def _traces(tmp_path: Path) -> List[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("marker"))


def test_linting_files_that_would_leave_traces_leaves_none(tmp_path: Path) -> None:
    listener = _Listener()
    try:
        project = _write_project(tmp_path, listener.port)
        cli = run(["-m", "celint", "check", "--no-respect-gitignore", "--no-prefilter", str(project)])
        flake8 = run(["-m", "flake8", "--select", "CE", str(project)])
        stdin = run(
            ["-m", "flake8", "--select", "CE", "-", "--stdin-display-name", "x.py"],
            stdin=(project / "train.py").read_text(),
        )
    finally:
        listener.close()
    for done in (cli, flake8, stdin):
        assert "Traceback" not in done.stderr, done.stderr
    assert "CE101" in cli.stdout and "CE101" in flake8.stdout, cli.stdout + flake8.stdout  # they were read
    assert _traces(tmp_path) == []
    assert listener.connections == []
    assert not any(name.endswith(".pyc") for _, _, files in os.walk(project) for name in files)


def _git(*args: str, cwd: Path) -> None:
    import subprocess

    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True, capture_output=True
    )


def test_the_checked_repositorys_git_configuration_runs_nothing(tmp_path: Path) -> None:
    """git runs `core.fsmonitor` on every index read, `git ls-files` included: a repository could name any
    command there. (ls-files runs no hook, filter, pager or transport; celint disables those that could
    ever come into play anyway, see discovery.GIT_SAFE_CONFIG.)"""
    import shutil

    import pytest

    if shutil.which("git") is None:
        pytest.skip("needs git")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git("init", "-q", ".", cwd=repo)
    (repo / "train.py").write_text(BUGGY, encoding="utf-8")
    _git("add", "train.py", cwd=repo)
    marker = tmp_path / "marker"
    command = f"touch {marker}; false"
    with open(repo / ".git" / "config", "a", encoding="utf-8") as config:
        config.write(
            f"[core]\n\tfsmonitor = {command}\n\thooksPath = {tmp_path}\n\tuntrackedCache = true\n"
            f"\tpager = {command}\n\tsshCommand = {command}\n\taskPass = {command}\n"
            f"[pager]\n\tls-files = {command}\n[diff]\n\texternal = {command}\n"
            f'[filter "evil"]\n\tclean = {command}\n\tsmudge = {command}\n\tprocess = {command}\n'
        )
    (repo / ".gitattributes").write_text("*.py filter=evil\n", encoding="utf-8")
    (tmp_path / "post-index-change").write_text(f"#!/bin/sh\n{command}\n", encoding="utf-8")
    os.chmod(tmp_path / "post-index-change", 0o755)
    (repo / "untracked.py").write_text(BUGGY, encoding="utf-8")
    done = run(["-m", "celint", "check", "-q", "."], cwd=repo)
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["train.py", "untracked.py"], done.stdout
    assert not marker.exists()


def test_python_m_celint_inside_the_checked_tree_imports_none_of_its_modules(tmp_path: Path) -> None:
    """`python -m` puts the working directory first on sys.path, ahead of the standard library."""
    for name in ("argparse", "json", "dataclasses", "tokenize", "subprocess", "difflib", "fnmatch", "tempfile"):
        (tmp_path / f"{name}.py").write_text(
            f"open({str(tmp_path / ('marker_' + name))!r}, 'w').close()\n", encoding="utf-8"
        )
    (tmp_path / "train.py").write_text(BUGGY, encoding="utf-8")
    done = run(["-m", "celint", "check", "-q", "--fix", "--no-respect-gitignore", "."], cwd=tmp_path)
    assert "Traceback" not in done.stderr and done.returncode == 0, done.stdout + done.stderr
    assert _traces(tmp_path) == []
