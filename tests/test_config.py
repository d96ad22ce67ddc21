"""[tool.celint] in pyproject.toml: found by walking up, overridden by flags, strict about typos,
and .gitignore respected inside git repositories."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from clitools import BUGGY, celint

from celint.config import ConfigError, Settings, find_config, load_settings

SINGLE_SOFTMAX = """import keras

model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="softmax")])
model.compile(loss="binary_crossentropy", optimizer="adam")
"""


def _project(tmp_path: Path, config: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.celint]\n{config}", encoding="utf-8")
    for name, text in (("src/train.py", BUGGY), ("src/nets/single.py", SINGLE_SOFTMAX), ("scripts/old.py", BUGGY)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _reported(tmp_path: Path, *args: str, cwd: "Path | None" = None) -> list:
    done = celint("check", "-q", *args, cwd=cwd or tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return sorted(tuple(line.split(" ")[:2]) for line in done.stdout.splitlines())


def test_config_is_found_walking_up_from_the_checked_path(tmp_path: Path) -> None:
    _project(tmp_path, 'ignore = ["CE101"]\n')
    assert find_config(str(tmp_path / "src" / "nets")) == str(tmp_path / "pyproject.toml")
    found = _reported(tmp_path, "nets", cwd=tmp_path / "src")
    assert [code for _, code in found] == ["CE201"]


def test_select_per_file_ignores_and_extend_exclude(tmp_path: Path) -> None:
    _project(
        tmp_path,
        'select = ["CE1", "CE2"]\nextend-exclude = ["scripts"]\n'
        '[tool.celint.per-file-ignores]\n"src/nets/*.py" = ["CE2"]\n',
    )
    assert [p for p, _ in _reported(tmp_path, ".")] == ["src/train.py:4:63:"]


def test_exclude_applies_to_files_named_on_the_command_line_too(tmp_path: Path) -> None:
    _project(tmp_path, 'extend-exclude = ["scripts/"]\n')
    assert _reported(tmp_path, "scripts/old.py") == []


def test_command_line_flags_override_the_file(tmp_path: Path) -> None:
    _project(tmp_path, 'ignore = ["CE1"]\n')
    assert {code for _, code in _reported(tmp_path, ".")} == {"CE201"}
    assert {code for _, code in _reported(tmp_path, "--ignore", "CE2", ".")} == {"CE101"}
    assert {code for _, code in _reported(tmp_path, "--isolated", ".")} == {"CE101", "CE201"}
    assert _reported(tmp_path, "--exclude", "src", "--ignore", "CE2", ".") == [("scripts/old.py:4:63:", "CE101")]


def test_the_most_specific_prefix_wins() -> None:
    settings = Settings(select=("CE101",), ignore=("CE1",))
    assert settings.wants("CE101") and not settings.wants("CE102")
    assert not Settings(ignore=("CE101",), extend_select=("CE101",)).wants("CE101")


@pytest.mark.parametrize(
    "config, message",
    [
        ('selct = ["CE1"]\n', "unknown key selct"),
        ('ignore = ["CE999"]\n', "unknown code 'CE999'"),
        ('select = ["E501"]\n', "unknown code 'E501'"),
        ('ignore = "CE101"\n', "ignore must be a list of strings"),
        ('[tool.celint.per-file-ignores]\n"a.py" = ["CE9"]\n', "unknown code 'CE9'"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_unknown_keys_codes_and_bad_values_are_clear_errors(tmp_path: Path, config: str, message: str) -> None:
    _project(tmp_path, config)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(str(tmp_path / "pyproject.toml"))
    done = celint("check", ".", cwd=tmp_path)
    assert done.returncode == 2 and "configuration error" in done.stderr and message in done.stderr


def test_pyproject_without_a_celint_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.celint]\nignore = ['CE2']\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'y'\n", encoding="utf-8")
    assert find_config(str(tmp_path / "sub")) == str(tmp_path / "pyproject.toml")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_gitignored_files_are_skipped_inside_a_git_repository(tmp_path: Path) -> None:
    _project(tmp_path, "")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("scripts/\n", encoding="utf-8")
    assert [p.split(":")[0] for p, _ in _reported(tmp_path, ".")] == ["src/nets/single.py", "src/train.py"]
    assert len(_reported(tmp_path, "--no-respect-gitignore", ".")) == 3
    assert len(_reported(tmp_path, "scripts/old.py")) == 1  # named explicitly: checked


def test_readme_pyproject_snippet_loads(tmp_path: Path) -> None:
    from clitools import readme_snippet

    (tmp_path / "pyproject.toml").write_text(readme_snippet("pyproject"), encoding="utf-8")
    settings = load_settings(str(tmp_path / "pyproject.toml"))
    assert settings.wants("CE101") and not settings.wants("CE104")
    assert not settings.wants("CE201", str(tmp_path / "tests" / "test_x.py"))
    assert settings.excluded(str(tmp_path / "generated" / "a.py")) and settings.excluded("legacy_x.py")
