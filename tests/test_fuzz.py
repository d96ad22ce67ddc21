"""Fuzzing: generated programs, arbitrary text and mutated corpus programs never raise, and every finding
points at a line (and column) that exists in the file."""

from __future__ import annotations

import ast
import io
import random
import re
import tokenize
from pathlib import Path
from typing import List

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from celint.engine import check_source
from celint.flake8_plugin import CelintChecker
from celint.source import split_lines

CORPUS = Path(__file__).resolve().parent / "corpus"
PROGRAMS = sorted(CORPUS.rglob("*.py"))
HEADER = "import torch\nimport torch.nn as nn\nimport keras\nimport tensorflow as tf\nimport optax\n"
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")  # generated code is odd on purpose
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def assert_sane(source: str) -> None:
    """No exception, and every finding is on a real line and column of `source`."""
    for prefilter in (True, False):
        result = check_source(source, "fuzz.py", prefilter=prefilter)
        lines = split_lines(source)
        for finding in result.findings:
            assert 1 <= finding.line <= len(lines), (finding, len(lines))
            assert 0 <= finding.col <= len(lines[finding.line - 1]), finding
            for related in finding.related:
                assert related.path not in ("", "fuzz.py") or 1 <= related.line <= len(lines), related


def assert_plugin_sane(source: str) -> None:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return  # flake8 never calls a plugin on a file it cannot parse
    rows = list(CelintChecker(tree, source.splitlines(True), "fuzz.py").run())
    assert not [row for row in rows if "celint failed" in row[2]], rows


# --- generated programs ----------------------------------------------------------------------------

hypothesmith = pytest.importorskip("hypothesmith")


@FUZZ
@given(hypothesmith.from_grammar())
def test_generated_programs_never_raise(program: str) -> None:
    assert_sane(program)
    assert_sane(HEADER + program)


@FUZZ
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    assert_sane(text)
    assert_sane(HEADER + "loss = nn.CrossEntropyLoss()\n" + text)


# --- mutations of the corpus -----------------------------------------------------------------------


def _tokens(source: str) -> List[tokenize.TokenInfo]:
    try:
        return list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return []


def _replace_span(source: str, tok: tokenize.TokenInfo, text: str) -> str:
    lines = source.splitlines(True)
    (row, col), (end_row, end_col) = tok.start, tok.end
    if row != end_row:
        return source
    line = lines[row - 1]
    lines[row - 1] = line[:col] + text + line[end_col:]
    return "".join(lines)


def delete_token(source: str, rng: random.Random) -> str:
    tokens = [t for t in _tokens(source) if t.type in (tokenize.NAME, tokenize.OP, tokenize.NUMBER, tokenize.STRING)]
    return _replace_span(source, rng.choice(tokens), "") if tokens else source


def swap_arguments(source: str, rng: random.Random) -> str:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and len(n.args) >= 2]
    if not calls:
        return source
    call = rng.choice(calls)
    call.args[0], call.args[1] = call.args[1], call.args[0]
    if call.keywords and rng.random() < 0.5:
        call.keywords.reverse()
    return ast.unparse(tree)


def rename_imports(source: str, rng: random.Random) -> str:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and rng.random() < 0.5:
            for alias in node.names:
                choice = rng.random()
                if choice < 0.3 and alias.name != "*":
                    alias.asname = (alias.asname or alias.name.split(".")[-1]) + "_renamed"
                elif choice < 0.6:
                    alias.name = re.sub(r"^(torch|keras|tensorflow|jax|optax|flax)", r"\1x", alias.name)
                elif isinstance(node, ast.ImportFrom) and node.module and choice < 0.8:
                    node.module = node.module.rsplit(".", 1)[0]
    return ast.unparse(tree)


def drop_line(source: str, rng: random.Random) -> str:
    lines = source.splitlines(True)
    if lines:
        del lines[rng.randrange(len(lines))]
    return "".join(lines)


MUTATIONS = [delete_token, swap_arguments, rename_imports, drop_line]


@FUZZ
@given(st.sampled_from(PROGRAMS), st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4), st.integers(0, 2**32))
def test_mutated_corpus_programs_never_raise(path: Path, mutations: list, seed: int) -> None:
    rng = random.Random(seed)
    source = path.read_text(encoding="utf-8")
    for mutate in mutations:
        source = mutate(source, rng)
    assert_sane(source)
    assert_plugin_sane(source)


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__)
def test_every_corpus_program_survives_each_mutation_once(mutate: object) -> None:
    rng = random.Random(7)
    for path in PROGRAMS:
        assert_sane(mutate(path.read_text(encoding="utf-8"), rng))  # type: ignore[operator]
