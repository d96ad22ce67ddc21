"""Helpers for the front-end tests: run the real `celint` / `flake8` in a subprocess, and small programs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[1]

BUGGY = '''import keras

model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(10, activation="softmax")])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer="adam")
'''
BUGGY_LINE, BUGGY_COL = 4, 63  # 1-based column of `from_logits`
CLEAN = BUGGY.replace("from_logits=True", "from_logits=False")


def run(args: Sequence[str], cwd: "Path | str | None" = None, stdin: str = "") -> "subprocess.CompletedProcess[str]":
    env = dict(os.environ, NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, *args], cwd=cwd, input=stdin, capture_output=True, text=True,
                          env=env, timeout=300)


def celint(*args: str, cwd: "Path | str | None" = None) -> "subprocess.CompletedProcess[str]":
    return run(["-m", "celint", *args], cwd=cwd)


def readme_snippet(name: str) -> str:
    """The fenced block after `<!-- snippet: NAME -->` in the README (so the README's set-up is tested)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after = text.split(f"<!-- snippet: {name} -->", 1)[1]
    block = after.split("```", 2)[1]
    return block.split("\n", 1)[1]
