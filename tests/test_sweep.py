"""The sweep: every `.py` file of the standard library and of the installed packages, prefilter off so the
interpreter really runs on each. Zero crashes, and zero CE000 on files Python itself parses.

Marked slow (a few minutes on two cores, with torch and keras installed); CI runs it, as plain
`python -m pytest` does.
"""

from __future__ import annotations

import ast
import json
import os
import site
import subprocess
import sys
import sysconfig
import time
import traceback
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator, List, Set, Tuple

import pytest

pytestmark = pytest.mark.slow


def roots() -> List[str]:
    paths = sysconfig.get_paths()
    found = [paths["stdlib"], paths["purelib"], paths["platlib"], *site.getsitepackages()]
    unique: List[str] = []
    for root in found:
        real = os.path.realpath(root)
        if os.path.isdir(real) and real not in unique:
            unique.append(real)
    return unique


def python_files() -> List[str]:
    seen: Set[str] = set()
    files: List[str] = []
    for root in roots():
        for directory, dirs, names in os.walk(root):
            dirs.sort()
            if directory != root and os.path.realpath(directory) in roots():
                dirs[:] = []  # site-packages inside the stdlib tree: walked once, as its own root
                continue
            for name in sorted(names):
                full = os.path.realpath(os.path.join(directory, name))
                if name.endswith(".py") and full not in seen and os.path.isfile(full):
                    seen.add(full)
                    files.append(full)
    return files


def sweep_one(path: str) -> Tuple[str, str, float]:
    """(path, outcome, seconds); outcome is "ok", "not python" or what went wrong."""
    from celint.engine import check_source
    from celint.source import SourceError, read_source

    start = time.perf_counter()
    try:
        try:
            source, _ = read_source(path)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(source)
        except (SourceError, SyntaxError, ValueError, RecursionError, MemoryError):
            return path, "not python", time.perf_counter() - start  # Python itself rejects it
        result = check_source(source, path, prefilter=False, max_bytes=None)
        outcome = f"CE000 {result.error}" if result.error else "ok"
    except BaseException:  # the crash we look for: keep it as text, go on with the other files
        outcome = "crash " + traceback.format_exc(limit=8)
    return path, outcome, time.perf_counter() - start


def sweep(files: List[str]) -> Iterator[Tuple[str, str, float]]:
    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(sweep_one, files, chunksize=16)


def test_sweep_of_stdlib_and_installed_packages_has_no_crash_and_no_ce000() -> None:
    # In a fresh interpreter: forking the pool from pytest, where other tests loaded JAX (threads), can deadlock.
    done = subprocess.run([sys.executable, __file__], capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = [tuple(row) for row in json.loads(done.stdout)]
    assert len(results) > 500
    bad = [(path, outcome) for path, outcome, _ in results if outcome not in ("ok", "not python")]
    slow = sorted(((seconds, path) for path, _, seconds in results), reverse=True)[:5]
    analysed = sum(1 for _, outcome, _ in results if outcome == "ok")
    print(
        f"\nswept {len(results)} files, {analysed} analysed; slowest: "
        + ", ".join(f"{Path(p).name} {s:.1f}s" for s, p in slow)
    )
    assert not bad, "\n\n".join(f"{path}: {outcome}" for path, outcome in bad[:20])


if __name__ == "__main__":
    print(json.dumps(list(sweep(python_files()))))


# ML packages (and matplotlib, plotting code full of softmax-like names) checked the way users run celint on a repo
WHOLE_TREES = ("optax", "jax", "keras", "torch", "matplotlib")


def test_celint_check_on_whole_ml_package_trees_follows_their_imports_without_ce000() -> None:
    """`celint check DIR` analyses a tree as a project (imports between its files are followed); these
    packages' modules all import one another, re-export names in cycles and chains. The whole trees give
    no finding, and CE000 only for files Python itself cannot parse."""
    import importlib.util

    from clitools import celint

    trees = []
    for name in WHOLE_TREES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            trees.append(next(iter(spec.submodule_search_locations)))
    if not trees:
        pytest.skip("none of optax, jax, keras, torch is installed (the crosscheck extra installs them)")
    done = celint("check", "--quiet", "--no-respect-gitignore", *trees)
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    problems = []
    for line in done.stdout.splitlines():
        path = line.split(":", 1)[0]
        if " CE000 " in line:
            try:
                ast.parse(Path(path).read_text(encoding="utf-8"))
            except SyntaxError:
                continue  # e.g. torch's Python 3.12-only test helper
            problems.append(line)
        else:
            problems.append(line)  # a finding in a framework's own sources would be a false positive
    assert problems == [], "\n".join(problems[:20])
