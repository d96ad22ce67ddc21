"""The `celint` command's contract: exit codes, flags, rules and explain."""

from __future__ import annotations

import re
from pathlib import Path

from clitools import BUGGY, BUGGY_COL, BUGGY_LINE, CLEAN, REPO, celint

from celint.rules import ALL_RULES


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_0_and_prints_nothing(tmp_path: Path) -> None:
    done = celint("check", str(_write(tmp_path, "ok.py", CLEAN)))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_finding_exits_1_with_position_code_excerpt_and_caret(tmp_path: Path) -> None:
    path = _write(tmp_path, "train.py", BUGGY)
    done = celint("check", str(path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{path}:{BUGGY_LINE}:{BUGGY_COL}: CE101 ")
    assert lines[1].endswith(BUGGY.splitlines()[BUGGY_LINE - 1])
    assert lines[2].index("^") == lines[1].index("model") + BUGGY_COL - 1
    assert lines[-2:] == ["Found 1 finding in 1 file.", "[*] 1 fixable with the `--fix` option."]
    assert "\033[" not in done.stdout  # not a terminal: no colour


def test_colour_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    done = celint("check", "--color=always", str(_write(tmp_path, "train.py", BUGGY)))
    assert "\033[31mCE101\033[0m" in done.stdout


def test_exit_zero_quiet_and_statistics(tmp_path: Path) -> None:
    path = _write(tmp_path, "train.py", BUGGY)
    quiet = celint("check", "--quiet", "--exit-zero", str(path))
    assert quiet.returncode == 0
    assert quiet.stdout.splitlines() == [quiet.stdout.splitlines()[0]] and " CE101 " in quiet.stdout
    stats = celint("check", "-q", "--statistics", str(path), str(_write(tmp_path, "b.py", BUGGY)))
    assert stats.returncode == 1
    assert stats.stdout.splitlines()[-1].split() == ["2", "CE101", "probabilities-into-logits-loss"]


def test_unanalysable_file_exits_2_and_other_files_are_still_reported(tmp_path: Path) -> None:
    broken = _write(tmp_path, "broken.py", "import keras\nloss = softmax(\n")
    buggy = _write(tmp_path, "train.py", BUGGY)
    done = celint("check", "-q", str(broken), str(buggy))
    assert done.returncode == 2
    # at the syntax error, not 1:1 (Python versions put an unclosed bracket's error at line 2 or 3)
    assert re.search(
        rf"{re.escape(str(broken))}:[23]:\d+: CE000 could not analyse this file: syntax error \(line [23]\)",
        done.stdout,
    ), done.stdout
    assert " CE101 " in done.stdout


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    done = celint("check", str(tmp_path / "nope.py"))
    assert done.returncode == 2 and "no such file or directory" in done.stderr


def test_select_and_ignore_flags(tmp_path: Path) -> None:
    path = _write(tmp_path, "train.py", BUGGY)
    assert celint("check", "--ignore", "CE1", str(path)).returncode == 0
    assert celint("check", "--select", "CE2", str(path)).returncode == 0
    assert celint("check", "--select", "CE2", "--extend-select", "CE101", str(path)).returncode == 1
    bad = celint("check", "--select", "CE999", str(path))
    assert bad.returncode == 2 and "unknown code 'CE999'" in bad.stderr


def test_noqa_is_honoured(tmp_path: Path) -> None:
    lines = BUGGY.splitlines()
    lines[BUGGY_LINE - 1] += "  # noqa: CE101"
    assert celint("check", str(_write(tmp_path, "t.py", "\n".join(lines) + "\n"))).returncode == 0
    lines[BUGGY_LINE - 1] = lines[BUGGY_LINE - 1].replace("CE101", "CE2")
    assert celint("check", str(_write(tmp_path, "t.py", "\n".join(lines) + "\n"))).returncode == 1


def test_directory_walk_finds_python_files_and_notebooks_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path, "b/train.py", BUGGY)
    _write(tmp_path, "a/train.py", BUGGY)
    _write(tmp_path, "build/gen.py", BUGGY)  # excluded by default
    _write(tmp_path, "notes.txt", BUGGY)
    done = celint("check", "-q", ".", cwd=tmp_path)
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["a/train.py", "b/train.py"]


def test_rules_lists_every_code() -> None:
    done = celint("rules")
    assert done.returncode == 0
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == [rule.code for rule in ALL_RULES]
    assert "probabilities-into-logits-loss" in done.stdout


def test_explain_prints_the_rule_document_from_the_checkout() -> None:
    documents = sorted((REPO / "rules").glob("CE[0-9][0-9][0-9].md"))
    for document in documents:
        done = celint("explain", document.stem.lower())
        assert done.returncode == 0
        assert done.stdout == document.read_text(encoding="utf-8")


def test_explain_unknown_code_is_an_error_and_known_code_without_document_says_so() -> None:
    assert celint("explain", "CE999").returncode == 2
    present = {p.stem for p in (REPO / "rules").glob("CE*.md")}
    missing = [rule.code for rule in ALL_RULES if rule.code not in present]
    if missing:
        done = celint("explain", missing[0])
        assert done.returncode == 0 and done.stdout.startswith(f"# {missing[0]}: ")
        assert "no document" in done.stderr


def test_output_file(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = celint("check", "--format", "json", "-o", str(report), str(_write(tmp_path, "t.py", BUGGY)))
    assert done.returncode == 1 and done.stdout == ""
    assert '"CE101"' in report.read_text(encoding="utf-8")


def test_readme_ci_commands_run(tmp_path: Path) -> None:
    import shlex

    from clitools import readme_snippet

    _write(tmp_path, "train.py", BUGGY)
    commands = [
        line.split("- run: ", 1)[1]
        for line in readme_snippet("github-workflow").splitlines()
        if "- run: celint" in line
    ]
    assert len(commands) == 2
    github = celint(*shlex.split(commands[0])[1:], cwd=tmp_path)
    assert github.returncode == 1 and github.stdout.startswith("::error file=train.py,")
    sarif = celint(*shlex.split(commands[1])[1:], cwd=tmp_path)
    assert sarif.returncode == 0 and '"ruleId": "CE101"' in (tmp_path / "celint.sarif").read_text(encoding="utf-8")


def test_lint_path_loads_neither_numpy_nor_libcst(tmp_path: Path) -> None:
    """libcst loads only for a report that carries fix edits (JSON / SARIF with a fixable finding)."""
    from clitools import run

    path = _write(tmp_path, "train.py", BUGGY)
    for fmt, loaded in (("text", "[]"), ("sarif", "['libcst']")):
        code = (
            "import sys; from celint.cli import main; main(['check', '-q', '--format', %r, %r]); "
            "print([m for m in ('numpy', 'libcst') if m in sys.modules], file=sys.stderr)" % (fmt, str(path))
        )
        assert run(["-c", code]).stderr.strip().splitlines()[-1] == loaded


def test_demo_command_and_check_demo(tmp_path: Path) -> None:
    import json

    import pytest

    pytest.importorskip("numpy")
    done = celint("demo", "CE201", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["code"] == "CE201"
    assert celint("demo", "CE999").returncode == 2
    check = celint("check", "-q", "--demo", str(_write(tmp_path, "train.py", BUGGY)))
    assert check.returncode == 1 and "CE101 demonstration" in check.stdout


def test_plot_writes_one_png_per_finding_and_per_demo(tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("matplotlib", reason="matplotlib is in the test extra; install celint[test]")
    plots = tmp_path / "plots"
    check = celint("check", "-q", "--plot", str(plots), str(_write(tmp_path, "train.py", BUGGY)))
    assert check.returncode == 1, check.stderr
    demo = celint("demo", "CE201", "--plot", str(plots))
    assert demo.returncode == 0, demo.stderr
    pngs = sorted(p.name for p in plots.glob("*.png"))
    assert pngs == ["CE201.png", "train.py-4-CE101-1.png"], pngs
    assert all((plots / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for name in pngs)
