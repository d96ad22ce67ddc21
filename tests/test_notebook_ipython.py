"""celint reads notebook cells as IPython does: compared with IPython's own input transformer, and on a
corpus of real-world style notebooks (tests/corpus/notebooks) annotated with `# error: CE101` comments."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import List, Set, Tuple

import pytest

from celint.notebook import is_python, python_cell
from celint.runner import CheckOptions, check_file
from celint.source import split_lines

CORPUS = Path(__file__).resolve().parent / "corpus" / "notebooks"
NOTEBOOKS = sorted(CORPUS.glob("*.ipynb"))
_ERROR = re.compile(r"#\s*error:\s*(CE\d{3}(?:\s*,\s*CE\d{3})*)")

# Cells as people write them; each is run through IPython's transformer and through celint's reading.
CELLS = [
    "%matplotlib inline\n%load_ext autoreload\n%autoreload 2\nimport numpy as np",
    "!pip install -q torch\n!ls ../input\nfiles = !ls ../input\nprint(files)",
    "!pip install torch \\\n    torchvision\nimport torch",
    'paths = {}\npaths["ckpt"] = !ls checkpoints\nt = %timeit -o f()\nx = %env HOME',
    "nn.CrossEntropyLoss?\n??torch.softmax\nmodel.fit??\n%timeit?",
    "for name in names:\n    !mkdir -p runs/$name\n    %env RUN={name}\nelse:\n    pass",
    'print("train: %d, test: %d"\n      % (len(x_train), len(x_test)))',
    'print("[%d, %5d] loss: %.3f" %\n      (epoch + 1, i + 1, loss))\nreport = ("acc %.2f"\n          % acc)',
    'summary = "epochs: %d" \\\n    % 2',
    'query = """\n%(where)s\n!important\n?help\n""" % {"where": "1"}',
    "help_text = '''Usage:\n    ?obj     shows help\n%time f  times f\n'''",
    "    import torch\n    model = torch.nn.Linear(3, 2)\n    if model:\n        %time model(x)",
    "\tx = 1\n\ty = 2",
    "\n\n    %matplotlib inline\n    x = 1",
    "%%time\nmodel.fit(x, y, epochs=5)\n!nvidia-smi",
    "%%timeit -n 3\nf(x)",
    "%%capture output\nimport torch\nloss = torch.nn.functional.cross_entropy(a, b)",
    "%%bash\nmkdir -p out\nfor f in *.csv; do wc -l $f; done",
    "%%writefile train.py\nimport torch\nLR = {lr}\nprint 'py2'",
    "%%html\n<div>done</div>",
    "%%time\n    x = 1\n    y = 2",
    "raw = await fetch(url)\nasync with session.get(url) as r:\n    data = await r.read()",
    ">>> import torch\n>>> x = torch.ones(2)\n>>> for i in range(2):\n...     print(i)",
    "In [1]: import torch\n\nIn [2]: torch.ones(2)",
    "if x:\n    y = 1\n# a comment?\nz = 2",
    "x = a == b\ny = (c <= d)\nz += 1",
    # cells that do not run in Jupyter either
    "model = ",
    "print x.shape",
    "model.compile(loss='mse'",
    "def evaluate(model):\n    # TODO",
    "x = 1\n  y = 2",
    "%%time\nmodel = ",  # only fails when the magic runs it: the transformer accepts the cell
]


def _ipython_parses(cell: str) -> bool:
    transformer = pytest.importorskip("IPython.core.inputtransformer2").TransformerManager()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(
                transformer.transform_cell(cell),
                "<cell>",
                "exec",
                ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                dont_inherit=True,
            )
    except SyntaxError:
        return False
    return True


@pytest.mark.parametrize("cell", CELLS, ids=range(len(CELLS)))
def test_a_cell_parses_after_celint_reads_it_exactly_when_it_does_after_ipython(cell: str) -> None:
    original = split_lines(cell) or [""]
    lines, _, error = python_cell(original)
    assert len(lines) == len(original)
    assert (error is None) == _ipython_parses(cell), lines


def _code_cells(path: Path) -> List[Tuple[int, str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        (number, "".join(cell["source"])) for number, cell in enumerate(cells, start=1) if cell["cell_type"] == "code"
    ]


def _annotated(path: Path) -> Set[Tuple[int, int, str]]:
    """{(cell, line, code)} from the `# error:` comments of the notebook's cells."""
    expected = set()
    for number, text in _code_cells(path):
        for line_number, line in enumerate(split_lines(text), start=1):
            match = _ERROR.search(line)
            if match:
                expected |= {(number, line_number, code.strip()) for code in match.group(1).split(",")}
    return expected


def _found(path: Path) -> Set[Tuple[int, int, str]]:
    result = check_file(str(path), CheckOptions())
    assert result.error is None and result.cells is not None
    return {(*result.cells.locate(f.line), f.code) for f in result.findings}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_corpus_notebook_gives_exactly_its_annotated_findings(path: Path) -> None:
    assert _found(path) == _annotated(path)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_cell_is_ce000_exactly_when_ipython_cannot_parse_it(path: Path) -> None:
    """So a notebook that IPython's transformer and `ast.parse` accept never gets a CE000."""
    if not is_python(json.loads(path.read_text(encoding="utf-8"))):
        assert _found(path) == set()
        return
    rejected = {number for number, text in _code_cells(path) if not _ipython_parses(text)}
    assert {cell for cell, _, code in _found(path) if code == "CE000"} == rejected


def test_the_corpus_has_every_shape() -> None:
    flagged = [p for p in NOTEBOOKS if any(code != "CE000" for _, _, code in _annotated(p))]
    broken = [p for p in NOTEBOOKS if any(code == "CE000" for _, _, code in _annotated(p))]
    other_kernels = [p for p in NOTEBOOKS if not is_python(json.loads(p.read_text(encoding="utf-8")))]
    assert len(NOTEBOOKS) >= 15 and len(flagged) >= 5 and len(broken) >= 3 and len(other_kernels) >= 2
    assert len(NOTEBOOKS) - len(flagged) >= 5  # silent ones too


def test_celint_never_imports_ipython(tmp_path: Path) -> None:
    code = (
        "import sys; from celint.runner import CheckOptions, check_file; "
        f"[check_file(p, CheckOptions()) for p in {[str(p) for p in NOTEBOOKS]!r}]; "
        "assert 'IPython' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
