"""`[tool.celint]` in pyproject.toml, merged with command-line flags into one frozen Settings.

Vocabulary follows flake8 / ruff: select, extend-select, ignore, extend-ignore, per-file-ignores,
exclude, extend-exclude (plus respect-gitignore). Unknown keys and unknown codes are errors: a typo
in a linter's configuration must not silently switch checks off.
"""

from __future__ import annotations

import os
import sys
from fnmatch import fnmatch
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from celint.records import record, replace
from celint.rules import ALL_RULES

DEFAULT_EXCLUDE: Tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    "__pycache__",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ipynb_checkpoints",
    "node_modules",
    "build",
    "dist",
    ".eggs",
    "*.egg-info",
)
LIST_KEYS = ("select", "extend-select", "ignore", "extend-ignore", "exclude", "extend-exclude")
# the Settings field each list key sets; `extend-` keys add to it, the others replace it
_FIELD = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "extend-ignore": "ignore",
    "exclude": "exclude",
    "extend-exclude": "exclude",
}
KNOWN_KEYS = frozenset((*LIST_KEYS, "per-file-ignores", "respect-gitignore"))
CODE_KEYS = frozenset({"select", "extend-select", "ignore", "extend-ignore"})


class ConfigError(Exception):
    """The configuration is wrong; the message says where and what."""


@record(frozen=True)
class Settings:
    select: Tuple[str, ...] = ()  # empty: every rule
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    exclude: Tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True
    root: str = ""  # globs are relative to this directory (the config file's, else the working directory)
    config_path: str = ""

    def wants(self, code: str, path: str = "") -> bool:
        """The most specific matching prefix decides (ruff's rule); on a tie, ignore wins."""
        chosen = _longest(code, self.select or ("",), self.extend_select)
        ignored = _longest(code, self.ignore, self._file_ignores(path) if path else ())
        return chosen is not None and (ignored is None or chosen > ignored)

    def reports_errors(self, path: str = "") -> bool:
        """CE000 is always reported unless an ignore names it (CE000, CE0, CE, ALL) more specifically
        than a selection does."""
        chosen = _longest("CE000", self.select or ("",), self.extend_select) or 0
        ignored = _longest("CE000", self.ignore, self._file_ignores(path) if path else ())
        return ignored is None or chosen > ignored

    def _file_ignores(self, path: str) -> Iterable[str]:
        rel = self.relative(path)
        for pattern, codes in self.per_file_ignores:
            if fnmatch(rel, pattern) or fnmatch(os.path.basename(path), pattern):
                yield from codes

    def relative(self, path: str) -> str:
        full = os.path.abspath(path)
        root = os.path.abspath(self.root or os.getcwd())
        rel = os.path.relpath(full, root) if full.startswith(root + os.sep) else full
        return rel.replace(os.sep, "/")

    def excluded(self, path: str, base: str = "") -> bool:
        """`path` matches an exclude glob: by its name or a directory name below `base`, or as a whole
        path relative to the root (patterns holding a `/`)."""
        rel = self.relative(path)
        below = os.path.relpath(path, base) if base else os.path.basename(path)
        names = [p for p in below.replace(os.sep, "/").split("/") if p not in ("", ".", "..")]
        for pattern in self.exclude:
            if "/" in pattern:
                pattern = pattern.rstrip("/")
                if fnmatch(rel, pattern) or fnmatch(rel, pattern + "/*"):
                    return True
            elif any(fnmatch(name, pattern) for name in names):
                return True
        return False


def _longest(code: str, *groups: Iterable[str]) -> Optional[int]:
    best: Optional[int] = None
    for group in groups:
        for prefix in group:
            if code.startswith(prefix) and (best is None or len(prefix) > best):
                best = len(prefix)
    return best


def find_config(start: str) -> Optional[str]:
    """The nearest pyproject.toml with a [tool.celint] table, walking up from `start`."""
    here = os.path.abspath(start)
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    while True:
        candidate = os.path.join(here, "pyproject.toml")
        if os.path.isfile(candidate) and "celint" in _tool_table(_read_toml(candidate), candidate):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def load_settings(config_path: Optional[str]) -> Settings:
    """Settings from one pyproject.toml (or the defaults when there is none)."""
    if config_path is None:
        return Settings()
    table = _tool_table(_read_toml(config_path), config_path).get("celint", {})
    where = f"{config_path}: [tool.celint]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"(known: {', '.join(sorted(KNOWN_KEYS))})"
        )
    values = {key: _string_list(table[key], f"{where} {key}", key in CODE_KEYS) for key in LIST_KEYS if key in table}
    respect = table.get("respect-gitignore", True)
    if not isinstance(respect, bool):
        raise ConfigError(f"{where} respect-gitignore must be true or false")
    defaults = Settings(
        per_file_ignores=_per_file_ignores(table.get("per-file-ignores", {}), where),
        respect_gitignore=respect,
        root=os.path.dirname(os.path.abspath(config_path)),
        config_path=config_path,
    )
    return _merge(defaults, values)


def override(settings: Settings, flags: Mapping[str, Optional[Sequence[str]]]) -> Settings:
    """Command-line flags win over the file: --select/--ignore/--exclude replace, --extend-* add."""
    return _merge(
        settings,
        {
            key: _string_list(list(value), f"--{key}", key in CODE_KEYS)
            for key, value in flags.items()
            if value is not None
        },
    )


def _merge(settings: Settings, values: Dict[str, List[str]]) -> Settings:
    """`settings` with checked list values applied: a replacing key first, then its `extend-` key."""
    changes: Dict[str, Any] = {}  # field name -> tuple of strings
    for key in LIST_KEYS:
        if key in values:
            name = _FIELD[key]
            kept = changes.get(name, getattr(settings, name)) if key.startswith("extend-") else ()
            changes[name] = tuple(kept) + tuple(values[key])
    return replace(settings, **changes)


def _per_file_ignores(value: Any, where: str) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} per-file-ignores must be a table of glob = [codes]")
    return tuple(
        (str(glob), tuple(_string_list(codes, f"{where} per-file-ignores {glob!r}", True)))
        for glob, codes in value.items()
    )


def _string_list(value: Any, where: str, codes: bool) -> List[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    if not codes:
        return list(value)
    out = ["CE" if v.strip().upper() == "ALL" else v.strip().upper() for v in value]  # ruff's ALL
    for code in out:
        if not any(rule.code.startswith(code) for rule in ALL_RULES) or not code.startswith("CE"):
            raise ConfigError(f"{where}: unknown code {code!r} (see `celint rules`)")
    return out


def _tool_table(document: Dict[str, Any], path: str) -> Dict[str, Any]:
    """The `[tool]` table of a pyproject.toml (`tool = 1` is an error, not a crash)."""
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table")
    return tool


def _read_toml(path: str) -> Dict[str, Any]:
    from celint.source import SourceError, read_bytes

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9 / 3.10 only
        import tomli as tomllib
    try:
        data = read_bytes(path)  # never blocks on a FIFO, never loads a huge file
    except SourceError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    try:
        document: Dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    except ValueError as exc:  # TOMLDecodeError, UnicodeDecodeError
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    return document
