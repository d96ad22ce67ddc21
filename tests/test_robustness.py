"""Never crash: hostile inputs next to a buggy file, through the real CLI and flake8, each in a subprocess.

Each bad file gives at most one CE000 line (none when Python itself accepts it), the buggy neighbour is
still reported, the process exits normally (no signal) and prints no traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Dict, List

import pytest
from clitools import BUGGY, BUGGY_LINE, celint, run

LOSS = "# CrossEntropyLoss\n"  # passes the prefilter, so the file really reaches the parser
GOOD_LINE = f"good.py:{BUGGY_LINE}:"


def _sum(terms: int) -> str:
    return LOSS + "import torch\nx = " + " + ".join(["torch.ones(1)"] * terms) + "\n"


def _five_megabytes() -> bytes:
    row = "layer_{0} = keras.layers.Dense({0}, activation='relu')(layer_{1})\n"
    body = "".join(row.format(i, i - 1) for i in range(1, 80_000))
    return (LOSS + "import keras\nlayer_0 = keras.Input((8,))\n" + body).encode()


# name -> (bytes of the file, does Python parse it?)
CASES: Dict[str, Callable[[], "tuple[bytes, bool]"]] = {
    "null_bytes": lambda: ((LOSS + "x = 1\x00\n").encode(), False),
    "invalid_utf8": lambda: (LOSS.encode() + b"x = '\xff\xfe\xfa'\n", False),
    "latin1_cookie": lambda: (("# -*- coding: latin-1 -*-\n" + BUGGY + "s = 'caf\xe9'\n").encode("latin-1"), True),
    "bad_cookie": lambda: (b"# -*- coding: no-such-codec -*-\n" + LOSS.encode(), False),
    "undefined_codec_cookie": lambda: (b"# -*- coding: undefined -*-\n" + LOSS.encode(), False),  # UnicodeError
    "punycode_cookie": lambda: (b"# -*- coding: punycode -*-\n" + LOSS.encode(), False),  # its message spans lines
    "bytes_codec_cookie": lambda: (b"# -*- coding: rot13 -*-\n" + LOSS.encode(), False),  # LookupError
    "bom": lambda: (b"\xef\xbb\xbf" + BUGGY.encode(), True),
    "crlf": lambda: (BUGGY.replace("\n", "\r\n").encode(), True),
    "form_feed": lambda: (("\x0c\n" + BUGGY).encode(), True),
    "tabs_consistent": lambda: ((LOSS + "if True:\n\tx = 1\n\tif x:\n\t\ty = 2\n").encode(), True),
    "tabs_mixed_inconsistently": lambda: ((LOSS + "if True:\n\tx = 1\n        y = 2\n").encode(), False),
    "brackets_3000_deep": lambda: ((LOSS + "x = " + "(" * 3000 + "1" + ")" * 3000 + "\n").encode(), False),
    "calls_3000_deep": lambda: ((LOSS + "x = " + "f(" * 3000 + ")" * 3000 + "\n").encode(), False),
    "attribute_chain_6000": lambda: ((LOSS + "x = a" + ".b" * 6000 + "\n").encode(), False),
    "sum_12000_terms": lambda: ((LOSS + "x = " + " + ".join(["a"] * 12_000) + "\n").encode(), False),
    "unary_12000_deep": lambda: ((LOSS + "x = " + "- " * 12_000 + "a\n").encode(), False),
    "sum_1000_terms": lambda: (_sum(1000).encode(), True),
    "empty": lambda: (b"", True),
    "only_loss_comment": lambda: (LOSS.encode(), True),
}


def _lines(text: str) -> List[str]:
    return [line for line in text.splitlines() if line.strip()]


def _assert_healthy(done: "object", bad_name: str, parses: bool) -> None:
    out, err, code = done.stdout, done.stderr, done.returncode  # type: ignore[attr-defined]
    assert "Traceback" not in out + err, out + err
    assert code in (0, 1, 2), (code, err)  # a negative code would be a signal (segfault, kill)
    assert any(line.startswith(GOOD_LINE) and "CE101" in line for line in _lines(out)), out
    ce000 = [line for line in _lines(out) if line.startswith(bad_name) and "CE000" in line]
    assert len(ce000) == (0 if parses else 1), out


def _python_parses(data: bytes) -> bool:
    """Whether this interpreter's own `ast.parse` accepts `data` (deep nesting limits differ by version)."""
    probe = "import ast, sys\nast.parse(sys.stdin.buffer.read())\n"
    return subprocess.run([sys.executable, "-c", probe], input=data, capture_output=True).returncode == 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_reports_one_line_for_a_hostile_file_and_still_checks_the_others(tmp_path: Path, name: str) -> None:
    data, parses = CASES[name]()
    parses = parses or _python_parses(data)  # a file Python parses is analysed, never a CE000
    (tmp_path / "good.py").write_text(BUGGY, encoding="utf-8")
    (tmp_path / f"{name}.py").write_bytes(data)
    done = celint("check", "-q", "--no-respect-gitignore", "good.py", f"{name}.py", cwd=tmp_path)
    _assert_healthy(done, f"{name}.py", parses)


# flake8 7 itself crashes reading a file whose cookie names a bytes-to-bytes codec, before any plugin runs
FLAKE8_SURVIVES = sorted(
    set(CASES) - {"sum_12000_terms", "unary_12000_deep", "attribute_chain_6000", "sum_1000_terms", "bytes_codec_cookie"}
)


def _null_bytes_crash_flake8() -> bool:
    """Before Python 3.11.? `compile` raises ValueError on a null byte, which flake8 does not catch."""
    try:
        compile("\0", "<null>", "exec")
    except ValueError:
        return True
    except SyntaxError:
        return False
    return False


@pytest.mark.parametrize("name", FLAKE8_SURVIVES)
def test_flake8_run_survives_a_hostile_file(tmp_path: Path, name: str) -> None:
    """flake8 gates the plugin with its own parse: a file it cannot parse is its E999, never our crash."""
    if name == "null_bytes" and _null_bytes_crash_flake8():
        pytest.skip("flake8 itself crashes on a null byte with this Python, before any plugin runs")
    data, _ = CASES[name]()
    (tmp_path / "good.py").write_text(BUGGY, encoding="utf-8")
    (tmp_path / f"{name}.py").write_bytes(data)
    done = run(["-m", "flake8", "-j1", "--select", "CE", "good.py", f"{name}.py"], cwd=tmp_path)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode == 1 and any(
        line.startswith("./good.py:") or line.startswith("good.py:") for line in _lines(done.stdout)
    ), done.stdout
    assert not any(f"{name}.py" in line and "CE000" in line for line in _lines(done.stdout)), done.stdout


# flake8 itself (its own ast.parse, or pyflakes' recursive visitor) stops on these, with or without celint,
# so the plugin is driven the way flake8 drives it: with the tree Python built, in a fresh interpreter.
PLUGIN_DIRECT = """
import ast, json, sys
from celint.flake8_plugin import CelintChecker
text = open(sys.argv[1], encoding="utf-8").read()
try:
    tree = ast.parse(text)
except (SyntaxError, RecursionError, MemoryError, ValueError):
    print(json.dumps("unparsable")); raise SystemExit(0)
rows = list(CelintChecker(tree, text.splitlines(True), sys.argv[1]).run())
print(json.dumps([row[2] for row in rows]))
"""


@pytest.mark.parametrize("name", ["sum_1000_terms", "sum_12000_terms", "attribute_chain_6000"])
def test_flake8_plugin_on_inputs_flake8_itself_cannot_finish(tmp_path: Path, name: str) -> None:
    data, parses = CASES[name]()
    parses = parses or _python_parses(data)  # Python 3.9's parser takes what 3.11's refuses
    path = tmp_path / f"{name}.py"
    path.write_bytes(data)
    done = run(["-c", PLUGIN_DIRECT, str(path)])
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    result = json.loads(done.stdout)
    assert result == ([] if parses else "unparsable"), result


def test_a_1000_term_sum_next_to_a_bug_is_analysed_without_ce000() -> None:
    from celint.engine import check_source

    result = check_source(BUGGY + "x = " + " + ".join(["model"] * 1000) + "\n", "sum.py")
    assert result.error is None and [f.code for f in result.findings] == ["CE101"]


def test_a_5mb_file_is_analysed_by_default_and_skipped_with_one_line_under_a_lower_limit(tmp_path: Path) -> None:
    data = _five_megabytes()
    assert len(data) > 5_000_000
    (tmp_path / "good.py").write_text(BUGGY, encoding="utf-8")
    (tmp_path / "big.py").write_bytes(data)
    done = celint(
        "check", "-q", "--no-respect-gitignore", "--max-file-size", "4000000", "good.py", "big.py", cwd=tmp_path
    )
    _assert_healthy(done, "big.py", parses=False)
    assert "exceeds the 4,000,000 limit" in done.stdout
    default = celint("check", "-q", "--no-respect-gitignore", "big.py", cwd=tmp_path)
    assert default.returncode == 0 and default.stdout.strip() == "", default.stdout + default.stderr


def test_flake8_size_limit_gives_one_line_and_its_setting_moves_it(tmp_path: Path) -> None:
    """The 5 MB case itself is timed by benchmarks/bench.py (flake8 alone needs ~25 s on it)."""
    (tmp_path / "good.py").write_text(BUGGY, encoding="utf-8")
    small = run(["-m", "flake8", "-j1", "--select", "CE", "--celint-max-file-size", "100", "good.py"], cwd=tmp_path)
    assert small.returncode == 1 and small.stdout.count("CE000") == 1 and "limit" in small.stdout, small.stdout
    assert "CE101" not in small.stdout
    default = run(["-m", "flake8", "-j1", "--select", "CE", "good.py"], cwd=tmp_path)
    assert "CE101" in default.stdout and "CE000" not in default.stdout, default.stdout


def test_a_directory_with_unreadable_entries_and_symlink_loops(tmp_path: Path) -> None:
    """As root, chmod 000 does not stop reading; what cannot be read here is a FIFO (reading one would
    block forever), a dangling symlink and a symlink to itself; a symlinked parent directory is a loop."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs POSIX FIFOs and symlinks")
    tree = tmp_path / "proj"
    (tree / "sub").mkdir(parents=True)
    (tree / "good.py").write_text(BUGGY, encoding="utf-8")
    os.mkfifo(tree / "fifo.py")
    os.symlink("nowhere.py", tree / "dangling.py")
    os.symlink("self.py", tree / "self.py")
    os.symlink("..", tree / "sub" / "up")  # a directory loop: never followed
    done = celint("check", "-q", "--no-respect-gitignore", "proj", cwd=tmp_path)
    assert "Traceback" not in done.stdout + done.stderr and done.returncode == 2, done.stdout + done.stderr
    lines = _lines(done.stdout)
    assert [line.split(":")[0] for line in lines if "CE000" in line] == [
        os.path.join("proj", n) for n in ("dangling.py", "fifo.py", "self.py")
    ]
    assert any(line.startswith(os.path.join("proj", "good.py")) and "CE101" in line for line in lines)


def test_a_notebook_that_is_not_json_is_one_error_line(tmp_path: Path) -> None:
    pytest.importorskip("celint.notebook")
    (tmp_path / "good.py").write_text(BUGGY, encoding="utf-8")
    (tmp_path / "broken.ipynb").write_text('{"cells": [ {"cell_type": "code", "source": "import', encoding="utf-8")
    (tmp_path / "binary.ipynb").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "list.ipynb").write_text("[1, 2, 3]", encoding="utf-8")
    done = celint(
        "check", "-q", "--no-respect-gitignore", "good.py", "broken.ipynb", "binary.ipynb", "list.ipynb", cwd=tmp_path
    )
    assert "Traceback" not in done.stdout + done.stderr and done.returncode == 2, done.stdout + done.stderr
    for name in ("broken.ipynb", "binary.ipynb", "list.ipynb"):
        assert len([line for line in _lines(done.stdout) if line.startswith(name) and "CE000" in line]) == 1, (
            done.stdout
        )
    assert any(line.startswith(GOOD_LINE) for line in _lines(done.stdout))


def test_stdin_editor_buffer_through_flake8_with_odd_bytes() -> None:
    done = run(
        ["-m", "flake8", "--select", "CE", "-", "--stdin-display-name", "buf.py"],
        stdin=BUGGY.replace("\n", "\r\n") + "\x0c\n",
    )
    assert "Traceback" not in done.stderr and "CE101" in done.stdout, done.stdout + done.stderr


def test_interpreter_frames_stay_well_below_the_recursion_limit() -> None:
    """The nesting bound holds even when little of the stack is left (flake8 and pytest are deep)."""
    from celint.engine import check_source

    text = (
        BUGGY
        + _sum(990)
        + "def f():\n"
        + "".join("    " * i + "if c:\n" for i in range(1, 95))
        + "    " * 95
        + "y = 1\n"
    )
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(900)
    try:
        result = check_source(text, "deep.py")
    finally:
        sys.setrecursionlimit(limit)
    assert result.error is None and [f.code for f in result.findings] == ["CE101"]


# --- bounded work ------------------------------------------------------------------------------------

HEADER = "import torch\nimport torch.nn as nn\nloss_fn = nn.CrossEntropyLoss()\n"
PATHOLOGICAL: Dict[str, Callable[[int], str]] = {
    "assignments_to_one_name": lambda n: HEADER + "x = 0\n" + "x = x + 1\n" * (20 * n),
    "long_call_chain": lambda n: (
        HEADER + "".join(f"def f{i}(x):\n    return f{i + 1}(x)\n" for i in range(n)) + "f0(1)\n"
    ),
    "many_names_and_ifs": lambda n: HEADER + "".join(f"n{i} = {i}\n" for i in range(n)) + "if c:\n    n0 = 1\n" * n,
    "huge_dict_literal": lambda n: HEADER + "d = {" + ", ".join(f"'k{i}': {i}" for i in range(10 * n)) + "}\n",
    "one_long_line_of_softmaxes": lambda n: HEADER + "x = [" + ", ".join(["torch.softmax(a, 1)"] * (2 * n)) + "]\n",
    "nested_functions_and_ifs": lambda n: (
        HEADER
        + "".join(
            "".join("    " * d + ("def g(x):\n" if d % 2 == 0 else "if x:\n") for d in range(60))
            + "    " * 60
            + "y = x\n"
            for _ in range(n // 50)
        )
    ),
    "self_feeding_constants": lambda n: HEADER + "x = 10\ns = 'ab'\nt = 1\n" + "x = x * x\ns = s + s\nt = (t, t)\n" * n,
    "method_calls_through_classes": lambda n: (
        HEADER
        + "".join(
            f"class C{i}(C{i - 1} if {i} else object):\n    def m(self, x):\n        return self.m(x)\n"
            for i in range(n)
        )
        + f"C{n - 1}().m(1)\n"
    ),
    "super_init_chain": lambda n: (
        HEADER
        + "class C0(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        + "".join(
            f"class C{i}(C{i - 1}):\n    def __init__(self):\n        super().__init__()\n"
            f"        self.fc{i} = nn.Linear({i}, 2)\n"
            for i in range(1, n)
        )
        + f"m = C{n - 1}()\nloss_fn(m(x), y)\n"
    ),
    # a model reused inside the next one, n // 250 times: folding each use again doubled the work per level
    "sequential_reused_inside_another": lambda n: (
        "import keras\n"
        "m0 = keras.Sequential([keras.Input((8,)), keras.layers.Dense(10, activation='softmax')])\n"
        + "".join(f"m{i} = keras.Sequential([m{i - 1}, m{i - 1}])\n" for i in range(1, n // 250 + 1))
        + f"m{n // 250}.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"
    ),
    # the same n // 250 self-nesting tuples built in both branches: comparing them path by path doubled per level
    "shared_tuples_in_both_branches": lambda n: (
        HEADER + "t = 1\nif c:\n" + "    t = (t, t)\n" * (n // 250) + "else:\n" + "    t = (t, t)\n" * (n // 250)
    ),
    # n // 10 layers added, then n // 10 calls of the model: each call folded the whole stack again
    "layers_then_calls_of_the_model": lambda n: (
        "import keras\nmodel = keras.Sequential()\n"
        + "model.add(keras.layers.Dense(16, activation='relu'))\n" * (n // 10)
        + "out = model(x)\n" * (n // 10)
        + "model.compile(loss='categorical_crossentropy')\n"
    ),
    # n // 4 methods of one class, each calling the next: each lookup rescanned the class body
    "methods_each_calling_the_next": lambda n: (
        HEADER
        + "class Chain:\n"
        + "".join(f"    def m{i}(self, x):\n        return self.m{i + 1}(x)\n" for i in range(n // 4))
        + f"    def m{n // 4}(self, x):\n        return x\nChain().m0(1)\n"
    ),
}


def counted(work: Callable[[], object]) -> int:
    """The work `work()` does, counted as Python and C function calls and returns (a profile hook): the same
    count on any machine, unlike a time. A regular expression runs in C as one call whatever it costs, so
    each of its calls counts as many operations as its pattern has characters (the alternatives it may try)."""
    count = 0

    def hook(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1
        if event == "c_call":
            pattern = getattr(getattr(arg, "__self__", None), "pattern", None)
            if isinstance(pattern, str):
                count += len(pattern)

    sys.setprofile(hook)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def operations(text: str, name: str) -> int:
    """The work `check_source` does on `text` (see `counted`)."""
    from celint.engine import check_source

    results: List[object] = []
    count = counted(lambda: results.append(check_source(text, f"{name}.py", prefilter=False, max_bytes=None)))
    assert results[0].error is None, results[0].error  # type: ignore[attr-defined]
    return count


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_files_cost_work_linear_in_their_size(name: str) -> None:
    """4x the input may cost at most 5x the operations: linear work is 4x, quadratic 16x."""
    small = operations(PATHOLOGICAL[name](1000), name)
    big = operations(PATHOLOGICAL[name](4000), name)
    assert big <= 5 * small, (small, big)


def _small_files(root: Path, count: int) -> List[str]:
    """A directory of small scripts that import only the standard library (the project prefilter reads each)."""
    root.mkdir()
    paths = []
    for i in range(count):
        path = root / f"job_{i}.py"
        path.write_text(
            f"import os\nimport json\n\n\ndef load_{i}(name):\n"
            f"    with open(os.path.join('conf', name)) as f:\n        return json.load(f)\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def test_a_directory_of_small_files_costs_work_linear_in_their_number(tmp_path: Path) -> None:
    """4x the files may cost at most 5x the operations: one pattern alternating every module name of the
    tree, searched in every file, made the run quadratic in the number of files."""
    from celint.runner import CheckOptions, check_files

    def cost(count: int) -> int:
        paths = _small_files(tmp_path / f"tree{count}", count)
        results: List[object] = []
        work = counted(lambda: results.extend(check_files(paths, CheckOptions(), jobs=1)))
        assert len(results) == count
        return work

    small, big = cost(250), cost(1000)
    assert big <= 5 * small, (small, big)
