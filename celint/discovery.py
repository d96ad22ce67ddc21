"""Which files `celint check PATH...` looks at: Python files and notebooks, minus excluded and
git-ignored ones, in a stable sorted order."""

from __future__ import annotations

import os
import subprocess
from typing import Iterable, Iterator, List, Optional

from celint.config import Settings

SUFFIXES = (".py", ".pyi", ".ipynb")


def discover(paths: Iterable[str], settings: Settings) -> Iterator[str]:
    """Files named on the command line are always candidates (exclude still applies, as in flake8, so
    pre-commit's explicit file lists honour it); directories are walked."""
    seen = set()
    for path in paths:
        if os.path.isfile(path):
            found: Iterable[str] = [] if settings.excluded(path) else [path]
        elif os.path.isdir(path):
            found = _walk(path, settings)
        else:
            continue
        for name in found:
            if name not in seen:
                seen.add(name)
                yield name


def _walk(top: str, settings: Settings) -> List[str]:
    listed = _git_files(top) if settings.respect_gitignore else None
    if listed is not None:
        files = [os.path.normpath(os.path.join(top, rel)) for rel in listed]
        return sorted(f for f in files if f.endswith(SUFFIXES) and os.path.isfile(f)
                      and not settings.excluded(f, base=top))
    found = []
    for root, dirs, names in os.walk(top, followlinks=False):  # no symlinked directories: no loops
        dirs[:] = sorted(d for d in dirs if not settings.excluded(os.path.join(root, d), base=top))
        found.extend(os.path.normpath(os.path.join(root, n)) for n in sorted(names)
                     if n.endswith(SUFFIXES) and not settings.excluded(os.path.join(root, n), base=top))
    return found


def _git_files(top: str) -> Optional[List[str]]:
    """Tracked and untracked-but-not-ignored files under `top`, relative to it; None outside a git
    work tree (or without git), where everything is walked."""
    try:
        done = subprocess.run(
            ["git", "-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            capture_output=True, timeout=60, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return sorted(set(n for n in names if n))
