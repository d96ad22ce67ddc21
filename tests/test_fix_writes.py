"""--fix never loses a byte: a file is replaced whole or left exactly as it was, one line says why, the
other files are still fixed, and "fixed N files" counts the files really written. Each case runs the
real command in a subprocess (failures are provoked there: a file-size limit, a patched step, another
user's rights)."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Iterator, List

import pytest
from clitools import BUGGY, celint, nobody, run_as, run_with, shared_directory

FIXED = BUGGY.replace("from_logits=True", "from_logits=False")


def _lines(text: str) -> List[str]:
    return [line for line in text.splitlines() if line.strip()]


def _no_leftovers(directory: Path) -> None:
    assert not [p.name for p in directory.iterdir() if p.name.endswith(".celint-tmp")]


def test_fix_keeps_mode_encoding_bom_and_line_endings(tmp_path: Path) -> None:
    latin1 = ("# -*- coding: latin-1 -*-\n" + BUGGY + "s = 'caf\xe9'\n").encode("latin-1")
    files = {
        "latin1.py": latin1,
        "bom.py": b"\xef\xbb\xbf" + BUGGY.encode(),
        "crlf.py": BUGGY.replace("\n", "\r\n").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    os.chmod(tmp_path / "crlf.py", 0o754)
    done = celint("check", "--fix", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert done.returncode == 0 and "celint: fixed 3 files" in done.stderr, done.stdout + done.stderr
    for name, data in files.items():
        assert (tmp_path / name).read_bytes() == data.replace(b"from_logits=True", b"from_logits=False"), name
    assert stat.S_IMODE(os.stat(tmp_path / "crlf.py").st_mode) == 0o754
    again = celint("check", "--fix", "--no-respect-gitignore", ".", cwd=tmp_path)  # nothing left: nothing claimed
    assert again.returncode == 0 and "celint: fixed 0 files" in again.stderr, again.stderr
    _no_leftovers(tmp_path)


def test_a_file_reached_by_several_paths_is_checked_and_written_once(tmp_path: Path) -> None:
    (tmp_path / "dup.py").write_text(BUGGY, encoding="utf-8")
    os.symlink("dup.py", tmp_path / "link.py")
    done = celint("check", "--fix", "dup.py", "./dup.py", "link.py", cwd=tmp_path)
    assert done.returncode == 0 and "celint: fixed 1 file" in done.stderr, done.stdout + done.stderr
    assert (tmp_path / "dup.py").read_text(encoding="utf-8") == FIXED
    assert os.path.islink(tmp_path / "link.py")  # the link still leads to the fixed file

    (tmp_path / "a.py").write_text(BUGGY, encoding="utf-8")
    os.link(tmp_path / "a.py", tmp_path / "b.py")
    report = celint("check", "-q", "a.py", "b.py", cwd=tmp_path)
    assert len(_lines(report.stdout)) == 1 and report.stdout.startswith("a.py:"), report.stdout
    # replacing one name of a hard-linked file would leave the other with the old text: not fixed, said
    fix = celint("check", "-q", "--fix", "a.py", "b.py", cwd=tmp_path)
    assert fix.returncode == 2 and "celint: a.py: not fixed: it has 2 hard links" in fix.stderr, fix.stderr
    assert (tmp_path / "b.py").read_text(encoding="utf-8") == BUGGY


def test_a_symlink_leading_out_of_the_checked_tree_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    (outside / "target.py").write_text(BUGGY, encoding="utf-8")
    (tree / "mine.py").write_text(BUGGY, encoding="utf-8")
    os.symlink(outside / "target.py", tree / "link.py")
    for args in (["tree"], ["tree/link.py", "tree/mine.py"]):
        done = celint("check", "-q", "--fix", "--no-respect-gitignore", *args, cwd=tmp_path)
        assert (outside / "target.py").read_text(encoding="utf-8") == BUGGY
        assert done.returncode == 2 and os.path.join("tree", "link.py") + ": not fixed: it leads to" in done.stderr
        assert "outside the checked paths" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert (tree / "mine.py").read_text(encoding="utf-8") == FIXED


def test_a_file_libcst_cannot_reproduce_byte_for_byte_is_not_fixed(tmp_path: Path) -> None:
    lone_cr = (BUGGY + "x = 1\r").encode()  # libcst drops a carriage return that ends the file
    (tmp_path / "cr.py").write_bytes(lone_cr)
    (tmp_path / "ok.py").write_text(BUGGY, encoding="utf-8")
    for flag in ("--diff", "--fix"):
        done = celint("check", "-q", flag, "cr.py", "ok.py", cwd=tmp_path)
        assert done.returncode == 2 and "celint: cr.py: not fixed: libcst would not write back" in done.stderr, (
            done.stderr
        )
        assert (tmp_path / "cr.py").read_bytes() == lone_cr
    assert (tmp_path / "ok.py").read_text(encoding="utf-8") == FIXED


# Provokes a failure at one step of --fix inside the subprocess, then runs the real command.
DRIVER = """
import os, sys
import celint.fix as fix

real_apply, real_keep_owner = fix.apply, fix._keep_owner

def apply(source, fixes):  # runs after the check, before the file is written (once per fix tried)
    if "# VANISH" in source and os.path.exists("vanish.py"):
        os.unlink("vanish.py")
    if "# EDIT" in source and "meanwhile" not in open("edit.py").read():
        with open("edit.py", "a") as handle:
            handle.write("# saved by an editor meanwhile\\n")
    return real_apply(source, fixes)

def keep_owner(temp, info):  # the last step before the rename
    if os.path.basename(temp).startswith(".race.py."):
        with open("race.py", "a") as handle:
            handle.write("# saved by an editor meanwhile\\n")
    real_keep_owner(temp, info)

fix.apply, fix._keep_owner = apply, keep_owner
from celint.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_file_that_vanishes_or_is_edited_during_fix_is_left_alone_and_the_others_are_fixed(tmp_path: Path) -> None:
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")
    for name in ("vanish", "edit", "race"):
        (tmp_path / f"{name}.py").write_text(BUGGY + f"# {name.upper()}\n", encoding="utf-8")
    (tmp_path / "ok.py").write_text(BUGGY, encoding="utf-8")
    done = run_with(["driver.py", "check", "-q", "--fix", "vanish.py", "edit.py", "race.py", "ok.py"], cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "celint: vanish.py: not fixed: cannot read: No such file or directory" in done.stderr, done.stderr
    assert "celint: edit.py: not fixed: it changed since it was checked" in done.stderr
    assert "celint: race.py: not fixed: it changed while it was being fixed" in done.stderr
    assert "celint: fixed 1 file" not in done.stderr  # -q: no count, but the failures are always said
    for name in ("edit", "race"):  # the editor's save survives, and no fix was mixed into it
        assert (tmp_path / f"{name}.py").read_text(encoding="utf-8") == (
            BUGGY + f"# {name.upper()}\n# saved by an editor meanwhile\n"
        )
    assert (tmp_path / "ok.py").read_text(encoding="utf-8") == FIXED
    _no_leftovers(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_a_write_that_fails_half_way_leaves_the_whole_old_file(tmp_path: Path) -> None:
    """A file-size limit in the child makes writing the larger file fail part-way (EFBIG), as a full disk
    would: the old `open(path, "wb")` had already emptied the file by then."""
    import resource

    big = BUGGY + "".join(f"padding_{i} = {i}\n" for i in range(800))
    assert len(big) > 8192
    (tmp_path / "big.py").write_text(big, encoding="utf-8")
    (tmp_path / "small.py").write_text(BUGGY, encoding="utf-8")

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = run_with(
        ["-m", "celint", "check", "-q", "--fix", "big.py", "small.py"], cwd=tmp_path, preexec_fn=limit_file_size
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "celint: big.py: not fixed: cannot write: File too large" in done.stderr, done.stderr
    assert (tmp_path / "big.py").read_text(encoding="utf-8") == big
    assert (tmp_path / "small.py").read_text(encoding="utf-8") == FIXED
    _no_leftovers(tmp_path)


@pytest.fixture
def unprivileged() -> Iterator["tuple[int, int, Path]"]:
    uid, gid = nobody()
    directory = shared_directory(uid, gid)
    try:
        yield uid, gid, directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def test_read_only_files_and_directories_are_not_fixed(unprivileged: "tuple[int, int, Path]") -> None:
    uid, gid, root = unprivileged
    locked = root / "locked"
    locked.mkdir()
    for path, text in ((root / "readonly.py", BUGGY), (locked / "inside.py", BUGGY), (root / "ok.py", BUGGY)):
        path.write_text(text, encoding="utf-8")
        os.chown(path, uid, gid)
    os.chown(locked, uid, gid)
    os.chmod(root / "readonly.py", 0o444)
    os.chmod(locked, 0o555)  # the file is writable, its directory is not: no safe replacement possible
    done = run_as(uid, gid, ["-m", "celint", "check", "-q", "--fix", "--no-respect-gitignore", "."], cwd=root)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "celint: readonly.py: not fixed: it is read-only" in done.stderr, done.stderr
    assert (
        f"celint: {os.path.join('locked', 'inside.py')}: not fixed: cannot write a temporary file next to it: "
        "Permission denied"
    ) in done.stderr, done.stderr
    assert (root / "readonly.py").read_text(encoding="utf-8") == BUGGY
    assert (locked / "inside.py").read_text(encoding="utf-8") == BUGGY
    assert (root / "ok.py").read_text(encoding="utf-8") == FIXED
    assert sorted(line.split(":")[0] for line in _lines(done.stdout)) == [
        os.path.join("locked", "inside.py"),
        "readonly.py",
    ]


def test_report_file_that_cannot_be_opened_stops_the_run_before_anything_is_fixed(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(BUGGY, encoding="utf-8")
    for target, reason in ((tmp_path / "missing" / "r.txt", "No such file or directory"), (tmp_path, "Is a directory")):
        done = celint("check", "--fix", "-o", str(target), "bad.py", cwd=tmp_path)
        assert done.returncode == 2 and f"celint: cannot write the report to {target}: {reason}" in done.stderr, (
            done.stderr
        )
        assert (tmp_path / "bad.py").read_text(encoding="utf-8") == BUGGY and "Traceback" not in done.stderr
    over = celint("check", "-o", "bad.py", "bad.py", cwd=tmp_path)  # would have emptied the file it checks
    assert over.returncode == 2 and "is one of the files being checked" in over.stderr, over.stderr
    assert (tmp_path / "bad.py").read_text(encoding="utf-8") == BUGGY


def test_diff_with_only_unsafe_fixes_shows_the_findings_and_exits_1(tmp_path: Path) -> None:
    from test_fix import TORCH

    (tmp_path / "net.py").write_text(TORCH, encoding="utf-8")
    done = celint("check", "--diff", "net.py", cwd=tmp_path)
    assert done.returncode == 1 and "net.py:" in done.stdout and " CE1" in done.stdout, done.stdout + done.stderr
    both = celint("check", "--diff", "--unsafe-fixes", "net.py", cwd=tmp_path)
    assert both.returncode == 1 and both.stdout.startswith("--- a/net.py"), both.stdout
    assert (tmp_path / "net.py").read_text(encoding="utf-8") == TORCH


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("POSIX file semantics")
