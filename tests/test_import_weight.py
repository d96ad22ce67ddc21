"""flake8 loads every installed plugin on every run, even with --select=F: celint's plugin module must
stay stdlib-only and cheap to import, and files without ML names must not load the analysis."""

from __future__ import annotations

import json

from clitools import run

PROBE = """
import json, sys
before = set(sys.modules)
import celint.flake8_plugin
loaded = sorted(set(sys.modules) - before)
from celint.flake8_plugin import CelintChecker
import ast
text = "import os\\n\\nprint(os.getcwd())\\n"
rows = list(CelintChecker(ast.parse(text), text.splitlines(True), "plain.py").run())
after_plain = sorted(set(sys.modules) - before)
print(json.dumps({"loaded": loaded, "after_plain": after_plain, "rows": rows}))
"""


def _probe() -> dict:
    done = run(["-c", PROBE])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_importing_the_flake8_plugin_loads_neither_libcst_nor_numpy() -> None:
    loaded = _probe()["loaded"]
    assert not [m for m in loaded if m.split(".")[0] in ("libcst", "numpy", "flake8", "celint.evaluator")]


def test_importing_the_flake8_plugin_loads_only_the_plugin_and_the_prefilter() -> None:
    celint_modules = sorted(m for m in _probe()["loaded"] if m.startswith("celint"))
    assert celint_modules == [
        "celint",
        "celint.flake8_plugin",
        "celint.knowledge",
        "celint.knowledge.names",
        "celint.limits",
        "celint.prefilter",
    ]


def test_a_file_without_ml_names_never_loads_the_engine() -> None:
    result = _probe()
    assert result["rows"] == []
    assert not [m for m in result["after_plain"] if m in ("celint.engine", "celint.interpreter", "celint.frameworks")]
