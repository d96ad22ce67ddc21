"""The installed wheel carries the rule documents: built from this checkout, installed into a fresh
virtual environment, run from a directory far from the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from clitools import BUGGY, REPO

from celint.rules import ALL_RULES

pytest.importorskip("build")
pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(base / "dist"), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = (base / "dist").glob("celint-*.whl")
    venv.create(base / "env", with_pip=False)
    python = base / "env" / "bin" / "python"
    # the fresh environment gets celint alone: the CLI's lint path needs nothing beyond the stdlib
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return base


def _clean_env() -> dict:
    """The environment without what would make the fresh virtual environment import another celint."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def _celint(base: Path, *args: str) -> "subprocess.CompletedProcess[str]":
    work = base / "work"
    work.mkdir(exist_ok=True)
    return subprocess.run(
        [str(base / "env" / "bin" / "celint"), *args],
        cwd=work,
        capture_output=True,
        text=True,
        env=_clean_env(),
        timeout=120,
    )


def test_wheel_ships_every_rule_document(installed: Path) -> None:
    (wheel,) = (installed / "dist").glob("celint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    documents = sorted(p.name for p in (REPO / "rules").glob("*.md"))
    assert documents and all(f"celint/_rules/{name}" in names for name in documents)


def test_wheel_and_sdist_carry_the_license_the_type_marker_and_the_urls(installed: Path) -> None:
    import tarfile

    (wheel,) = (installed / "dist").glob("celint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "celint/py.typed" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names), sorted(names)
    [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Project-URL: Source, https://github.com/celint/celint" in text
    assert "Classifier: Programming Language :: Python :: 3.9" in text and "Development Status" in text
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(installed / "sdist"), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (sdist,) = (installed / "sdist").glob("celint-*.tar.gz")
    with tarfile.open(sdist) as archive:
        assert any(name.endswith("/LICENSE") for name in archive.getnames())


def test_installed_explain_prints_documents_from_the_package(installed: Path) -> None:
    for document in sorted((REPO / "rules").glob("CE[0-9][0-9][0-9].md")):
        done = _celint(installed, "explain", document.stem)
        assert done.returncode == 0, done.stderr
        assert done.stdout == document.read_text(encoding="utf-8")
    where = subprocess.run(
        [str(installed / "env" / "bin" / "python"), "-c", "import celint.ruledocs as r; print(r.rules_dir())"],
        capture_output=True,
        text=True,
        cwd=installed,
        check=True,
        env=_clean_env(),
    ).stdout.strip()
    assert where.endswith(os.path.join("site-packages", "celint", "_rules"))


def test_installed_rules_and_check(installed: Path) -> None:
    rules = _celint(installed, "rules")
    assert [line.split()[0] for line in rules.stdout.splitlines()] == [r.code for r in ALL_RULES]
    (installed / "work" / "train.py").write_text(BUGGY, encoding="utf-8")
    done = _celint(installed, "check", "-q", "train.py")
    assert done.returncode == 1 and " CE101 " in done.stdout, done.stderr
