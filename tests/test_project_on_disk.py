"""`celint check FILE...` follows imports of the project's own modules on disk (issue 14 item 3): the
pre-commit hook with only train.py staged still sees the softmax at the end of `forward` in models.py.
Only the files given are reported on; `celint check DIR` is unchanged."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from clitools import REPO, celint
from mnist_project import HEAD_LINE, LOGITS, LOSS_LINE, MODELS, TRAIN, package_repo, research_repo, write_tree

from celint import discovery, roots
from celint.config import Settings


def test_one_file_given_sees_the_softmax_in_the_module_it_imports(tmp_path: Path) -> None:
    repo = research_repo(tmp_path / "repo")
    done = celint("check", "train.py", cwd=repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith(f"train.py:{LOSS_LINE}:12: CE101 ")
    assert f"(models.py:{HEAD_LINE})" in done.stdout
    assert "Found 1 finding in 1 file." in done.stdout


def test_from_another_directory_the_head_is_named_as_the_file_was(tmp_path: Path) -> None:
    research_repo(tmp_path / "repo")
    done = celint("check", "repo/train.py", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith(f"repo/train.py:{LOSS_LINE}:12: CE101 ")
    assert f"(repo/models.py:{HEAD_LINE})" in done.stdout


def test_only_the_files_given_are_reported_on(tmp_path: Path) -> None:
    repo = research_repo(tmp_path / "repo")
    done = celint("check", "models.py", cwd=repo)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_a_model_returning_logits_stays_silent(tmp_path: Path) -> None:
    repo = research_repo(tmp_path / "repo", models=LOGITS)
    done = celint("check", "train.py", cwd=repo)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_modules_nobody_imports_are_never_read(tmp_path: Path) -> None:
    # a broken module train.py does not import: no CE000, the run is not an error (exit 1, not 2)
    repo = research_repo(tmp_path / "repo")
    write_tree(repo, {"scratch.py": "def broken(:\n", "notes/draft.py": b"\xff\xfe".decode("latin-1")})
    done = celint("check", "train.py", cwd=repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "CE000" not in done.stdout and "CE101" in done.stdout


def test_without_a_root_marker_the_top_package_and_a_loose_scripts_folder_are_the_project(tmp_path: Path) -> None:
    # no pyproject.toml, setup.cfg or .git anywhere above (tmp_path has none)
    assert not any(
        (parent / marker).exists() for parent in [tmp_path, *tmp_path.parents] for marker in roots.PROJECT_MARKERS
    )
    loose = write_tree(tmp_path / "homework", {"models.py": MODELS, "train.py": TRAIN.format(module="models")})
    done = celint("check", "train.py", cwd=loose)
    assert done.returncode == 1 and f"(models.py:{HEAD_LINE})" in done.stdout, done.stdout + done.stderr

    package = write_tree(
        tmp_path / "code",
        {
            "mnist/__init__.py": "",
            "mnist/nets/__init__.py": "",
            "mnist/nets/models.py": MODELS,
            "mnist/train.py": TRAIN.format(module=".nets.models"),
        },
    )
    done = celint("check", "mnist/train.py", cwd=package)
    assert done.returncode == 1 and f"(mnist/nets/models.py:{HEAD_LINE})" in done.stdout, done.stdout + done.stderr


def test_src_layout_under_a_pyproject(tmp_path: Path) -> None:
    repo = write_tree(
        tmp_path / "repo",
        {
            "pyproject.toml": "",
            "src/mnist/__init__.py": "",
            "src/mnist/models.py": MODELS,
            "scripts/train.py": TRAIN.format(module="mnist.models"),
            "src/mnist/train.py": TRAIN.format(module="mnist.models"),
        },
    )
    done = celint("check", "src/mnist/train.py", cwd=repo)
    assert done.returncode == 1 and f"(src/mnist/models.py:{HEAD_LINE})" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize(
    "imports",
    [
        "from mnist.nets.models import Net",
        "from .nets.models import Net",
        "import mnist.nets.models as m",
        "from mnist.nets import models as m",
    ],
)
def test_the_top_package_imported_by_its_absolute_name_from_inside(tmp_path: Path, imports: str) -> None:
    repo = package_repo(tmp_path / "repo", imports=imports)
    for args, cwd, shown, head in [
        (["mnist/train.py"], repo, "mnist/train.py", "mnist/nets/models.py"),  # the pre-commit hook
        (["repo/mnist/train.py"], tmp_path, "repo/mnist/train.py", "repo/mnist/nets/models.py"),
        (["train.py"], repo / "mnist", "train.py", "nets/models.py"),  # from inside the package
    ]:
        done = celint("check", "-q", *args, cwd=cwd)
        assert done.returncode == 1, (args, done.stdout + done.stderr)
        assert done.stdout.startswith(f"{shown}:{LOSS_LINE}:12: CE101 "), (args, done.stdout)
        assert f"({head}:{HEAD_LINE})" in done.stdout, (args, done.stdout)


def test_the_top_package_checked_as_a_directory_sees_its_absolute_imports(tmp_path: Path) -> None:
    repo = package_repo(tmp_path / "repo")
    for target, cwd, shown in [("mnist", repo, "mnist"), ("repo/mnist/", tmp_path, "repo/mnist"), (".", repo, "mnist")]:
        done = celint("check", "-q", target, cwd=cwd)
        assert done.returncode == 1, (target, done.stdout + done.stderr)
        assert [line.split(" ")[:2] for line in done.stdout.splitlines()] == [
            [f"{shown}/train.py:{LOSS_LINE}:12:", "CE101"]
        ], (target, done.stdout)


def test_a_package_whose_model_returns_logits_stays_silent(tmp_path: Path) -> None:
    repo = package_repo(tmp_path / "repo", models=LOGITS)
    for args, cwd in [(["mnist/train.py"], repo), (["mnist"], repo), (["train.py"], repo / "mnist")]:
        done = celint("check", *args, cwd=cwd)
        assert done.returncode == 0 and done.stdout == "", (args, done.stdout + done.stderr)


def test_a_same_named_package_of_another_project_is_not_picked(tmp_path: Path) -> None:
    """A monorepo: two projects each with a package `mnist`. Each file's imports resolve in its own
    project (its top package's parent), never in the sibling's, whichever is checked or given first."""
    repo = write_tree(tmp_path / "repo", {".git/HEAD": ""})
    package_repo(repo / "cifar_baseline", models=MODELS)  # softmax head
    package_repo(repo / "mnist_logits", models=LOGITS)
    (repo / "cifar_baseline" / ".git" / "HEAD").unlink()
    (repo / "mnist_logits" / ".git" / "HEAD").unlink()
    for project in ("cifar_baseline", "mnist_logits"):
        (repo / project / ".git").rmdir()
    done = celint("check", "-q", "mnist_logits/mnist/train.py", cwd=repo)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
    done = celint("check", "-q", "mnist_logits/mnist/train.py", "cifar_baseline/mnist/train.py", cwd=repo)
    assert done.stdout.splitlines() == [
        f"cifar_baseline/mnist/train.py:{LOSS_LINE}:12: CE101 CrossEntropyLoss() expects logits but gets the 10-unit "
        f"softmax head (cifar_baseline/mnist/nets/models.py:{HEAD_LINE}); return raw scores from forward"
    ], done.stdout + done.stderr
    done = celint("check", "-q", ".", cwd=repo)
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["cifar_baseline/mnist/train.py"], done.stdout


def test_a_folder_without_init_imported_from_the_project_root(tmp_path: Path) -> None:
    """`python -m src.train` from the repository: `src` is a namespace package found from the project root."""
    files = {"pyproject.toml": "", "src/models.py": MODELS, "src/train.py": TRAIN.format(module="src.models")}
    repo = write_tree(tmp_path / "repo", files)
    done = celint("check", "-q", "src/train.py", cwd=repo)
    assert done.stdout.startswith(f"src/train.py:{LOSS_LINE}:12: CE101 "), done.stdout + done.stderr
    assert f"(src/models.py:{HEAD_LINE})" in done.stdout
    quiet = write_tree(tmp_path / "quiet", {**files, "src/models.py": LOGITS})
    done = celint("check", "src/train.py", cwd=quiet)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_a_directory_is_checked_as_before(tmp_path: Path) -> None:
    repo = research_repo(tmp_path / "repo")
    write_tree(repo, {"sub/other.py": "x = 1\n"})
    whole = celint("check", ".", cwd=repo)
    assert whole.returncode == 1 and whole.stdout.startswith(f"train.py:{LOSS_LINE}:12: CE101 ")
    # a directory of its own: its files do not see the modules around it (as before)
    sub = write_tree(repo, {"sub/train.py": TRAIN.format(module="models")})
    done = celint("check", str(sub / "sub"), cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_with_only_train_py_staged(tmp_path: Path) -> None:
    """pre-commit runs the hook's entry with the staged files as arguments, from the repository's top."""
    repo = write_tree(tmp_path / "repo", {"models.py": MODELS})

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=repo,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    git("init", "-q")
    git("add", "models.py")
    git("commit", "-q", "-m", "model")
    write_tree(repo, {"train.py": TRAIN.format(module="models")})
    git("add", "train.py")
    staged = git("diff", "--cached", "--name-only").split()
    assert staged == ["train.py"]
    hook = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = next(line.split(":", 1)[1].split() for line in hook.splitlines() if line.strip().startswith("entry:"))
    assert entry[:2] == ["celint", "check"]
    done = celint(*entry[1:], *staged, cwd=repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"train.py:{LOSS_LINE}:12: CE101" in done.stdout and f"(models.py:{HEAD_LINE})" in done.stdout


def test_project_modules_skip_excluded_folders_and_environments(tmp_path: Path) -> None:
    repo = research_repo(tmp_path / "repo")
    write_tree(
        repo,
        {
            "node_modules/pkg/x.py": "",
            ".venv/lib/y.py": "",
            "envs/py39/pyvenv.cfg": "",
            "envs/py39/lib/z.py": "",
            "conda/conda-meta/history": "",
            "conda/lib/w.py": "",
            "data/notes.txt": "",
            "pkg/util.py": "",
        },
    )
    found = discovery.project_modules([str(repo / "train.py")], Settings())
    assert sorted(Path(f).relative_to(repo).as_posix() for f in found) == ["models.py", "pkg/util.py", "train.py"]
    assert discovery.project_modules([str(repo)], Settings()) == []  # directories: no context


def test_a_root_too_big_to_walk_falls_back_to_the_scripts_own_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = write_tree(tmp_path / "repo", {".git/HEAD": "", **{f"other/m{i}.py": "" for i in range(5)}})
    write_tree(repo, {"exp/models.py": MODELS, "exp/train.py": TRAIN.format(module="models")})
    monkeypatch.setattr(discovery, "MAX_PROJECT_FILES", 4)
    found = discovery.project_modules([str(repo / "exp" / "train.py")], Settings())
    assert sorted(Path(f).name for f in found) == ["models.py", "train.py"]


def test_installed_code_gets_no_context(tmp_path: Path) -> None:
    """A file inside site-packages is a library's, not the project being committed: nothing is walked."""
    from celint.config import Settings
    from celint.discovery import project_modules

    package = tmp_path / "lib" / "site-packages" / "pkg"
    package.mkdir(parents=True)
    for name in ("__init__.py", "models.py", "train.py"):
        (package / name).write_text("x = 1\n", encoding="utf-8")
    assert project_modules([str(package / "train.py")], Settings()) == []
