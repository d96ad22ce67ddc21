"""The real pre-commit runs the hook from .pre-commit-hooks.yaml (it builds a virtual environment and
pip-installs this checkout, so this needs the package index: marked slow, CI runs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import BUGGY, CLEAN, REPO

pytest.importorskip("pre_commit")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True
    )


def _try_repo(cwd: Path, home: Path) -> "subprocess.CompletedProcess[str]":
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "celint", "--all-files"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_fails_on_the_finding_and_passes_once_fixed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    _git(project, "init", "-q")
    (project / "train.py").write_text(BUGGY, encoding="utf-8")
    (project / "README.md").write_text("not python\n", encoding="utf-8")
    _git(project, "add", ".")
    failed = _try_repo(project, tmp_path / "home")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "train.py:4:63: CE101" in failed.stdout

    (project / "train.py").write_text(CLEAN, encoding="utf-8")
    _git(project, "add", ".")
    passed = _try_repo(project, tmp_path / "home")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "celint" in passed.stdout and "Passed" in passed.stdout


def test_hook_declaration() -> None:
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: celint" in text and "entry: celint check" in text and "jupyter" in text


def test_readme_pre_commit_snippet_is_a_valid_config(tmp_path: Path) -> None:
    from clitools import readme_snippet

    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(readme_snippet("pre-commit-config"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "id: celint" in config.read_text(encoding="utf-8")
