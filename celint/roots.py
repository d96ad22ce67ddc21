"""Where a file's project starts, and where Python looks for the project's top-level names.

Two directories, both found on disk: the project root, the nearest directory up the tree holding
pyproject.toml, setup.cfg or .git (`python -m src.train` runs from there); and the parent of the file's
top package, the nearest directory up the tree without `__init__.py` (on sys.path when the package runs
as `python -m mnist.train` or is installed). Installed code (site-packages) is a library, not a project.
"""

from __future__ import annotations

import os
from typing import List, Optional

PROJECT_MARKERS = ("pyproject.toml", "setup.cfg", ".git")
# Installed code is a library, not the project being committed: a file inside one gets no context (walking
# site-packages, then running its modules' imports for every file named, cost 15x a plain check).
_INSTALLED = frozenset({"site-packages", "dist-packages"})


def is_installed(directory: str) -> bool:
    return not _INSTALLED.isdisjoint(directory.split(os.sep))


def package_parent(directory: str) -> str:
    """The nearest directory from `directory` up without `__init__.py`: above the top package, or
    `directory` itself for a loose script."""
    while os.path.isfile(os.path.join(directory, "__init__.py")) and os.path.dirname(directory) != directory:
        directory = os.path.dirname(directory)
    return directory


def marked_root(directory: str) -> Optional[str]:
    """The nearest directory from `directory` up holding pyproject.toml, setup.cfg or .git."""
    while True:
        if any(os.path.lexists(os.path.join(directory, marker)) for marker in PROJECT_MARKERS):
            return directory
        if os.path.dirname(directory) == directory:
            return None
        directory = os.path.dirname(directory)


def project_roots(path: str) -> List[str]:
    """Where the project of `path` starts, most likely first: the project root, then the parent of the
    file's top package. None for installed code."""
    directory = os.path.dirname(os.path.abspath(path))
    if is_installed(directory):
        return []
    marked = marked_root(directory)
    package = package_parent(directory)
    return [marked, package] if marked is not None and marked != package else [package]


def import_roots(directory: str) -> List[str]:
    """Directories on the implicit sys.path of the modules in `directory` (absolute): the parent of their
    top package, then the project root (not for installed code)."""
    roots = [package_parent(directory)]
    marked = None if is_installed(directory) else marked_root(directory)
    if marked is not None and marked != roots[0]:
        roots.append(marked)
    return roots
