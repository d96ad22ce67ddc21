"""Which files `celint check PATH...` looks at: Python files and notebooks, minus excluded and
git-ignored ones, in a stable sorted order, each file once however many paths reach it.

Nothing is dropped in silence: a path named on the command line that is not a directory is always a
candidate (a missing path, a FIFO or a device then fails to read, with one CE000 line saying why), and
so is a directory that cannot be listed."""

from __future__ import annotations

import os
import re
import subprocess
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union

from celint.config import Settings
from celint.roots import project_roots

SUFFIXES = (".py", ".pyi", ".ipynb")

# `git ls-files` runs with configuration that cannot make it execute anything, whatever the checked
# tree's .git/config says (command-line `-c` values win over every configuration file):
GIT_SAFE_CONFIG = (
    "core.fsmonitor=",  # a command git runs on every index read, ls-files included ("" is off in every git)
    "core.hooksPath=/dev/null",  # hooks (post-index-change) would run if the index were written...
    "core.untrackedCache=false",  # ...which the untracked cache does
    "protocol.allow=never",  # no fetch (a partial clone's missing objects), so no ssh / ext command
)
GIT_SAFE_ENV = {
    "GIT_ALLOW_PROTOCOL": "",  # overrides any protocol.<name>.allow in the tree's configuration
    "GIT_NO_LAZY_FETCH": "1",  # git >= 2.45: never fetch missing objects
    "GIT_TERMINAL_PROMPT": "0",
    "LC_ALL": "C",  # English warnings, which _unlisted_directories reads
}
# what git prints for a directory it cannot list (it goes on, exit 0, and the files are not listed)
_UNREADABLE_DIRECTORY = re.compile(r"^warning: could not open directory '(.*)': ", re.MULTILINE)


def discover(paths: Iterable[str], settings: Settings) -> Iterator[str]:
    """Files named on the command line are always candidates (exclude still applies, as in flake8, so
    pre-commit's explicit file lists honour it); directories are walked. A file reached twice (named
    twice, `./x.py`, a symlink or hard link to it) is checked, and fixed, once: under its first name."""
    seen: Set[Union[Tuple[int, int], str]] = set()
    for path in paths:
        if os.path.isdir(path):
            found: Iterable[str] = _walk(path, settings)
        else:
            found = [] if settings.excluded(path) else [path]
        for name in found:
            key = _identity(name)
            if key not in seen:
                seen.add(key)
                yield name


def _identity(path: str) -> Union[Tuple[int, int], str]:
    """The file itself (device, inode); the normalised absolute path when it cannot be looked at."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(path))
    return info.st_dev, info.st_ino


def _walk(top: str, settings: Settings) -> List[str]:
    listed = _git_files(top) if settings.respect_gitignore else None
    if listed is None:
        return _walk_all(top, settings)
    names, unlisted = listed
    found = []
    for rel in names:
        full = os.path.normpath(os.path.join(top, rel))
        if settings.excluded(full, base=top):
            continue
        if rel.endswith("/") or _is_real_directory(full):
            # git lists a nested repository or a submodule as one entry: check it like any directory
            if full != os.path.normpath(top):  # (an uninitialised submodule lists itself as "./")
                found.extend(_walk(full, settings) if _has_git(full) else _walk_all(full, settings))
        elif full.endswith(SUFFIXES) and _still_there(full):
            found.append(full)
    found.extend(
        os.path.normpath(os.path.join(top, rel))
        for rel in unlisted
        if not settings.excluded(os.path.join(top, rel), base=top)
    )
    return sorted(found)


def _walk_all(top: str, settings: Settings) -> List[str]:
    """Every Python file and notebook below `top`; a directory that cannot be listed is itself a
    candidate, so reading it reports why."""
    found: List[str] = []
    unreadable: List[str] = []
    for root, dirs, names in os.walk(
        top, onerror=lambda exc: unreadable.append(str(exc.filename)), followlinks=False
    ):  # no symlinked directories: no loops
        dirs[:] = sorted(d for d in dirs if not settings.excluded(os.path.join(root, d), base=top))
        found.extend(
            os.path.normpath(os.path.join(root, n))
            for n in sorted(names)
            if n.endswith(SUFFIXES) and not settings.excluded(os.path.join(root, n), base=top)
        )
    return found + [os.path.normpath(name) for name in unreadable]


def _is_real_directory(path: str) -> bool:
    return os.path.isdir(path) and not os.path.islink(path)  # a symlinked directory is not followed


def _has_git(path: str) -> bool:
    return os.path.lexists(os.path.join(path, ".git"))


def _still_there(path: str) -> bool:
    """False for a tracked file deleted since; True for one that cannot even be looked at (its
    directory is unreadable), so reading it gives a CE000 line instead of nothing."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return not os.path.isdir(path)


def _git_files(top: str) -> "Optional[Tuple[List[str], List[str]]]":
    """Tracked and untracked-but-not-ignored files under `top`, relative to it, and the directories git
    could not list; None outside a git work tree (or without git), where everything is walked."""
    done = _git(top, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
    if done is None:
        return None
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    unlisted = _UNREADABLE_DIRECTORY.findall(done.stderr.decode("utf-8", "surrogateescape"))
    if unlisted:  # git names them from the top of the work tree, not from `top`
        prefix = _git(top, "rev-parse", "--show-prefix")
        start = prefix.stdout.decode("utf-8", "surrogateescape").strip("\n") if prefix else ""
        unlisted = [name[len(start) :] for name in unlisted if name.startswith(start)]
    return sorted(set(n for n in names if n)), unlisted


def _git(top: str, *args: str) -> "Optional[subprocess.CompletedProcess[bytes]]":
    """`git -C top ARGS` under GIT_SAFE_CONFIG; None when it fails or there is no git."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}  # no GIT_DIR from a hook
    env.update(GIT_SAFE_ENV)
    command = ["git", "-C", top]
    for setting in GIT_SAFE_CONFIG:
        command += ["-c", setting]
    try:
        done = subprocess.run(
            [*command, *args], capture_output=True, timeout=60, check=False, env=env, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done if done.returncode == 0 else None


# ----- the project around files named on the command line -----------------------------------------
ENVIRONMENT_MARKERS = ("pyvenv.cfg", "conda-meta")  # a virtualenv or conda environment, whatever its name
MAX_PROJECT_FILES = 20_000  # a root holding more Python files is too big to be one project
MAX_PROJECT_ENTRIES = 200_000  # names listed while walking a root (data folders count too)


def project_modules(paths: Iterable[str], settings: Settings) -> List[str]:
    """The project's own modules on disk around each FILE named on the command line (directories are
    checked as a tree of their own, as before): every `.py` file below the file's project root, for
    `Project` to resolve imports against. Only listed here, never read: `Project` reads a module when
    an import reaches it. Paths are spelled as the file was (relative stays relative), so a finding
    names `models.py:26` as `celint check DIR` does."""
    walked: Dict[str, Optional[List[str]]] = {}
    found: Dict[str, str] = {}
    for path in paths:
        if path == "-" or not path.endswith(SUFFIXES) or os.path.isdir(path):
            continue
        root = project_root(path, settings, walked)
        if root is not None:
            modules = walked[root] or []
            if len(found) + len(modules) <= MAX_PROJECT_FILES:
                found.update((os.path.normcase(os.path.abspath(m)), m) for m in modules)
    return sorted(found.values())


def project_root(path: str, settings: Settings, walked: Dict[str, Optional[List[str]]]) -> Optional[str]:
    """The first of `path`'s project roots (`celint.roots.project_roots`) small enough to be one project;
    its modules are then `walked[root]`. `walked` keeps every root walked (None: too big), so a caller
    checking many files walks each root once."""
    for root in project_roots(path):
        if root not in walked:
            walked[root] = _project_walk(root, settings, relative=not os.path.isabs(path))
        if walked[root] is not None:  # else too big: try the next, smaller root
            return root
    return None


def _project_walk(root: str, settings: Settings, relative: bool) -> Optional[List[str]]:
    """Every `.py` file below `root`, minus what discovery excludes and Python environments; None when
    the root holds more than MAX_PROJECT_FILES of them or MAX_PROJECT_ENTRIES names in all."""
    top = root
    if relative:
        try:
            top = os.path.relpath(root)
        except ValueError:  # another drive (Windows): stays absolute
            pass
    above = top == os.pardir or top.startswith(os.pardir + os.sep)  # the root is above the working directory
    found: List[str] = []
    entries = 0
    for here, dirs, names in os.walk(top, followlinks=False):  # no symlinked directories: no loops
        entries += len(dirs) + len(names)
        if entries > MAX_PROJECT_ENTRIES:
            return None
        dirs[:] = sorted(
            d
            for d in dirs
            if not settings.excluded(os.path.join(here, d), base=top)
            and not any(os.path.lexists(os.path.join(here, d, marker)) for marker in ENVIRONMENT_MARKERS)
        )
        spelled = os.path.relpath(here) if above else here  # `nets/models.py`, not `../mnist/nets/models.py`
        found.extend(
            os.path.normpath(os.path.join(spelled, n))
            for n in sorted(names)
            if n.endswith(".py") and not settings.excluded(os.path.join(here, n), base=top)
        )
        if len(found) > MAX_PROJECT_FILES:
            return None
    return found
