"""`--fix` killed at any point leaves every file whole: the original or the fixed text, byte for byte.

The run is killed (SIGKILL: no clean-up runs) after a series of delays spread over its whole length, on a
tree of files that each have a safe fix. Whatever the moment, each file must read as before or as fixed,
and no temporary file may pass for a Python file.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

PROGRAM = """import keras

model = keras.Sequential([keras.Input(({n},)), keras.layers.Dense(1, activation="softmax")])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_{n}, y_{n}, epochs=3)
"""
FILES = 40


def _tree(root: Path) -> Dict[str, bytes]:
    root.mkdir()
    originals = {}
    for n in range(FILES):
        data = PROGRAM.format(n=n).encode()
        (root / f"train_{n:02d}.py").write_bytes(data)
        originals[f"train_{n:02d}.py"] = data
    return originals


def _fix(root: Path) -> "subprocess.Popen[bytes]":
    env = dict(os.environ, NO_COLOR="1")
    command = [sys.executable, "-m", "celint", "check", "--fix", "-j1", "--isolated", "--no-respect-gitignore", "."]
    return subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_fix_killed_at_any_moment_leaves_each_file_original_or_fixed(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    originals = _tree(reference)
    start = time.monotonic()
    assert _fix(reference).wait(timeout=300) in (0, 1)
    length = time.monotonic() - start
    fixed = {name: (reference / name).read_bytes() for name in originals}
    assert all(fixed[name] != originals[name] for name in originals), "every file has a safe fix"
    # kill moments spread over the whole run (its start-up included), in a fixed but irregular order
    delays = [length * fraction for fraction in (0.05, 0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.88, 0.95, 1.1)]
    random.Random(7).shuffle(delays)
    for trial, delay in enumerate(delays):
        root = tmp_path / f"trial{trial}"
        _tree(root)
        process = _fix(root)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        for name, before in originals.items():
            now = (root / name).read_bytes()
            assert now in (before, fixed[name]), f"{name} after a kill at {delay:.2f}s is neither original nor fixed"
        strays = [p.name for p in root.iterdir() if p.name not in originals]
        assert all(not name.endswith(".py") for name in strays), strays
        shutil.rmtree(root)
