"""The real flake8, on files and on stdin (as editors call it), with flake8's own selection and noqa."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest
from clitools import BUGGY, BUGGY_COL, BUGGY_LINE, REPO, celint, run
from mnist_project import HEAD_LINE, LOGITS, LOSS_LINE, package_repo

TWO_BUGS = (
    BUGGY
    + """
single = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="softmax")])
single.compile(loss="binary_crossentropy", optimizer="adam")
"""
)


def flake8(*args: str, cwd: "Path | None" = None, stdin: str = "") -> List[str]:
    done = run(["-m", "flake8", "--isolated", "--select", "CE", *args], cwd=cwd, stdin=stdin)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.splitlines()


def test_file_and_stdin_give_the_same_findings_with_1_based_columns(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(TWO_BUGS, encoding="utf-8")
    on_file = flake8("train.py", cwd=tmp_path)
    on_stdin = flake8("--stdin-display-name=train.py", "-", cwd=tmp_path, stdin=TWO_BUGS)
    assert on_file == on_stdin
    assert on_file[0].startswith(f"train.py:{BUGGY_LINE}:{BUGGY_COL}: CE101 ")
    assert [line.split(" ")[1] for line in on_file] == ["CE101", "CE201"]


def test_flake8_and_the_cli_agree_on_positions(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(TWO_BUGS, encoding="utf-8")
    cli = celint("check", "-q", "train.py", cwd=tmp_path).stdout.splitlines()
    assert flake8("train.py", cwd=tmp_path) == cli


def test_flake8_select_extend_ignore_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(TWO_BUGS, encoding="utf-8")
    assert [x.split(" ")[1] for x in flake8("--select", "CE2", "train.py", cwd=tmp_path)] == ["CE201"]
    assert [x.split(" ")[1] for x in flake8("--extend-ignore", "CE101", "train.py", cwd=tmp_path)] == ["CE201"]
    assert flake8("--per-file-ignores", "train.py:CE", "train.py", cwd=tmp_path) == []


def test_flake8_config_file_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(TWO_BUGS, encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = CE\nextend-ignore = CE201\n", encoding="utf-8")
    done = run(["-m", "flake8", "train.py"], cwd=tmp_path)
    assert [x.split(" ")[1] for x in done.stdout.splitlines()] == ["CE101"]


@pytest.mark.parametrize(
    "comment, left",
    [
        ("  # noqa: CE101", ["CE201"]),
        ("  # noqa", ["CE201"]),
        ("  # noqa:CE1", ["CE201"]),
        ("  # noqa: CE2", ["CE101", "CE201"]),
        ("  # NOQA: E501", ["CE101", "CE201"]),
    ],
)
def test_noqa_matches_the_cli(tmp_path: Path, comment: str, left: List[str]) -> None:
    lines = TWO_BUGS.splitlines()
    lines[BUGGY_LINE - 1] += comment
    (tmp_path / "train.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    via_flake8 = flake8("train.py", cwd=tmp_path)
    assert [x.split(" ")[1] for x in via_flake8] == left
    assert celint("check", "-q", "train.py", cwd=tmp_path).stdout.splitlines() == via_flake8


def test_noqa_on_the_last_line_of_a_multiline_statement_matches_flake8(tmp_path: Path) -> None:
    source = BUGGY.replace("model.compile(loss=", "model.compile(\n    loss=").replace(
        'optimizer="adam")', 'optimizer="adam",\n)  # noqa: CE101'
    )
    (tmp_path / "train.py").write_text(source, encoding="utf-8")
    assert flake8("train.py", cwd=tmp_path) == celint("check", "-q", "train.py", cwd=tmp_path).stdout.splitlines()


def test_file_level_noqa(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text("# flake8: noqa\n" + TWO_BUGS, encoding="utf-8")
    assert flake8("train.py", cwd=tmp_path) == []
    assert celint("check", "train.py", cwd=tmp_path).returncode == 0


def test_plugin_registers_its_options(tmp_path: Path) -> None:
    assert "--celint-max-file-size" in run(["-m", "flake8", "--help"]).stdout
    (tmp_path / "train.py").write_text(TWO_BUGS, encoding="utf-8")
    lines = flake8("--celint-max-file-size=100", "train.py", cwd=tmp_path)
    assert len(lines) == 1 and lines[0].startswith("train.py:1:1: CE000 ") and "limit" in lines[0]


def test_corpus_sample_agrees_between_flake8_and_the_cli() -> None:
    corpus = REPO / "tests" / "corpus" / "keras"
    files = sorted(str(p.relative_to(REPO)) for p in corpus.glob("*.py"))[:25]
    via_flake8 = run(["-m", "flake8", "--isolated", "--select", "CE", *files], cwd=REPO).stdout.splitlines()
    via_cli = celint("check", "-q", "--isolated", *files, cwd=REPO).stdout.splitlines()
    assert sorted(via_flake8) == sorted(via_cli) and via_cli


def test_readme_flake8_snippet(tmp_path: Path) -> None:
    from clitools import readme_snippet

    (tmp_path / ".flake8").write_text(readme_snippet("flake8-config"), encoding="utf-8")
    (tmp_path / "train.py").write_text(TWO_BUGS, encoding="utf-8")
    (tmp_path / "notebooks_export").mkdir()
    (tmp_path / "notebooks_export" / "nb.py").write_text(TWO_BUGS, encoding="utf-8")
    done = run(["-m", "flake8", "--select", "CE", "."], cwd=tmp_path)
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["./train.py", "./train.py"]


# --celint-follow-imports: the project's own modules on disk, as `celint check FILE` follows them
FOLLOW = "--celint-follow-imports"
HEAD = f"(mnist/nets/models.py:{HEAD_LINE})"


def test_following_imports_finds_the_softmax_in_the_imported_package(tmp_path: Path) -> None:
    repo = package_repo(tmp_path / "repo")
    assert flake8("mnist/train.py", cwd=repo) == []  # off by default: each file alone
    found = flake8(FOLLOW, "mnist/train.py", cwd=repo)
    assert [line.split(" ")[:2] for line in found] == [[f"mnist/train.py:{LOSS_LINE}:12:", "CE101"]]
    assert HEAD in found[0]
    # a whole-tree run: one process, every module parsed once, only train.py reported
    assert flake8(FOLLOW, "-j1", ".", cwd=repo) == [found[0].replace("mnist/train.py", "./mnist/train.py", 1)]
    assert flake8(FOLLOW, "-j1", "train.py", cwd=repo / "mnist")[0].endswith(
        f"(nets/models.py:{HEAD_LINE}); return raw scores from forward"
    )


def test_following_imports_from_the_flake8_configuration(tmp_path: Path) -> None:
    repo = package_repo(tmp_path / "repo")
    (repo / "setup.cfg").write_text("[flake8]\nselect = CE\ncelint-follow-imports = true\n", encoding="utf-8")
    done = run(["-m", "flake8", "mnist/train.py"], cwd=repo)
    assert done.stdout.startswith(f"mnist/train.py:{LOSS_LINE}:12: CE101 ") and HEAD in done.stdout, done.stderr
    (repo / "setup.cfg").write_text("[flake8]\nselect = CE\ncelint-follow-imports = false\n", encoding="utf-8")
    assert run(["-m", "flake8", "mnist/train.py"], cwd=repo).stdout == ""


def test_following_imports_stays_silent_on_a_model_returning_logits(tmp_path: Path) -> None:
    repo = package_repo(tmp_path / "repo", models=LOGITS)
    assert flake8(FOLLOW, "-j1", ".", cwd=repo) == []


def test_an_editor_buffer_resolves_against_the_display_names_directory(tmp_path: Path) -> None:
    """The unsaved buffer (on stdin) imports the model; the file on disk does not yet."""
    repo = package_repo(tmp_path / "repo", imports="from mnist.nets.models import Net")
    buffer = (repo / "mnist" / "train.py").read_text(encoding="utf-8")
    (repo / "mnist" / "train.py").write_text("import torch\n", encoding="utf-8")
    for cwd, name in [(repo, "mnist/train.py"), (tmp_path, "repo/mnist/train.py"), (tmp_path / "elsewhere", "")]:
        cwd.mkdir(exist_ok=True)
        display = name or str(repo / "mnist" / "train.py")  # editors often pass the absolute path
        found = flake8(FOLLOW, f"--stdin-display-name={display}", "-", cwd=cwd, stdin=buffer)
        assert [line.split(" ")[:2] for line in found] == [[f"{display}:{LOSS_LINE}:12:", "CE101"]], found
        assert "nets/models.py:13)" in found[0]
    # without a display name flake8 calls the buffer `stdin`: nowhere to look for its imports
    assert flake8(FOLLOW, "-", cwd=repo, stdin=buffer) == []


def test_one_flake8_process_parses_each_imported_module_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plugin as flake8 drives it in one process: three scripts import the same model module."""
    import ast

    from celint import engine
    from celint.flake8_plugin import CelintChecker

    repo = package_repo(tmp_path / "repo")
    script = (repo / "mnist" / "train.py").read_text(encoding="utf-8")
    for name in ("train_small.py", "train_big.py"):
        (repo / "mnist" / name).write_text(script, encoding="utf-8")
    parsed: List[str] = []
    real_parse = engine.parse
    monkeypatch.setattr(
        engine, "parse", lambda source, path: parsed.append(Path(path).name) or real_parse(source, path)
    )
    monkeypatch.setattr(CelintChecker, "follow_imports", True)
    rows = []
    for name in ("train.py", "train_small.py", "train_big.py"):
        path = repo / "mnist" / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        checker = CelintChecker(ast.parse("".join(lines)), lines, str(path))
        rows += [(name, line, message.split(" ")[0]) for line, _, message, _ in checker.run()]
    assert rows == [(name, LOSS_LINE, "CE101") for name in ("train.py", "train_small.py", "train_big.py")]
    assert parsed == ["models.py"]  # flake8 parsed the scripts; models.py is parsed once for all three
