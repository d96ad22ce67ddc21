"""Notebooks: code cells linted as one program, IPython syntax skipped, `cell N:line M` positions."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from clitools import BUGGY, BUGGY_COL, BUGGY_LINE, celint

from celint.notebook import join_cells, read_notebook
from celint.source import split_lines

nbformat = pytest.importorskip("nbformat")
v4 = nbformat.v4

MODEL = """import keras

model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(10, activation="softmax")])
"""
COMPILE = """%time x = 1
!nvidia-smi
files = !ls data
model.summary?
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer="adam")
"""


def _notebook(path: Path, *cells: object) -> Path:
    notebook = v4.new_notebook()
    notebook.cells = list(cells)
    nbformat.write(notebook, str(path))
    return path


def test_cells_are_one_program_and_positions_name_cell_and_line(tmp_path: Path) -> None:
    _notebook(
        tmp_path / "train.ipynb",
        v4.new_markdown_cell("# Data"),
        v4.new_code_cell("%pip install keras"),
        v4.new_code_cell(MODEL),
        v4.new_code_cell(COMPILE),
    )
    done = celint("check", "-q", "train.ipynb", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith(f"train.ipynb:cell 4:line 5:col {BUGGY_COL}: CE101 ")
    assert "(cell 3, line 3)" in done.stdout  # the related head is named too, by its cell
    data = json.loads(celint("check", "--format", "json", "train.ipynb", cwd=tmp_path).stdout)
    assert data["findings"][0]["cell"] == {"index": 4, "line": 5}
    assert data["findings"][0]["related"][0]["cell"] == {"index": 3, "line": 3}


def test_magics_become_pass_at_the_same_indentation_and_keep_line_numbers() -> None:
    cells = [
        {"cell_type": "code", "source": "for i in range(3):\n    !echo $i\n    x = %time f()\n"},
        {"cell_type": "code", "source": "%%bash\nls\nsoftmax(x\n"},
        {"cell_type": "code", "source": "%%time\ny = 2\n"},
        {"cell_type": "code", "source": "!pip install a \\\n   b\nz = 3"},
    ]
    source, cells_map = join_cells(cells)
    assert source.splitlines() == [
        "for i in range(3):",
        "    pass",
        "    pass",
        "",
        "",
        "",
        "pass",
        "y = 2",
        "pass",
        "",
        "z = 3",
    ]
    compile(source, "nb", "exec")
    assert cells_map.locate(8) == (3, 2)


def test_directories_include_notebooks(tmp_path: Path) -> None:
    (tmp_path / "nb").mkdir()
    _notebook(tmp_path / "nb" / "train.ipynb", v4.new_code_cell(BUGGY))
    done = celint("check", "-q", ".", cwd=tmp_path)
    assert done.stdout.startswith(f"nb/train.ipynb:cell 1:line {BUGGY_LINE}:col {BUGGY_COL}: CE101")


def test_a_malformed_notebook_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    (tmp_path / "old.ipynb").write_text('{"worksheets": []}', encoding="utf-8")
    done = celint("check", "-q", "broken.ipynb", "old.ipynb", cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("broken.ipynb:1:1: CE000 could not analyse this file: not a valid notebook")
    assert "nbformat 4" in lines[1]


def test_noqa_in_a_cell_is_honoured(tmp_path: Path) -> None:
    silenced = BUGGY.replace('optimizer="adam")', 'optimizer="adam")  # noqa: CE101')
    _notebook(tmp_path / "t.ipynb", v4.new_code_cell(silenced))
    assert celint("check", "t.ipynb", cwd=tmp_path).returncode == 0


def test_raw_lines_point_into_the_json_text(tmp_path: Path) -> None:
    path = _notebook(tmp_path / "t.ipynb", v4.new_code_cell(""), v4.new_code_cell(MODEL))
    _, cells = read_notebook(path.read_bytes())
    raw = path.read_text(encoding="utf-8").splitlines()
    line = cells.raw_line(4)  # cell 2, line 3
    assert line is not None and "Dense(10" in raw[line - 1]


# --- reading cells as IPython does -------------------------------------------------------------------


def _python(*cells: str) -> "tuple[list, object]":
    source, cell_map = join_cells([{"cell_type": "code", "source": cell} for cell in cells])
    ast.parse(source)  # the joined program always parses
    return source.splitlines(), cell_map


def test_percent_continuation_lines_inside_brackets_are_python() -> None:
    cell = (
        'print("acc %d"\n      % (a,))\nreport = ("loss %.3f"\n          % loss)\n'
        'summary = "epochs: %d" \\\n    % 2\nrows = """\n%(where)s\n!important\n?\n""" % params\n'
    )
    lines, cell_map = _python(cell)
    assert lines == cell.splitlines()
    assert cell_map.errors == ()


def test_escapes_are_recognised_where_a_logical_line_starts() -> None:
    lines, cell_map = _python(
        'paths["ckpt"] = !ls checkpoints\ngpu = !nvidia-smi \\\n  --format=csv\n'
        "if True:\n    %env RUN=1\nt = %timeit -o f()\n%%capture\nnn.Linear?\n??torch.softmax\n",
        "x = y == %d\n",
    )
    assert lines == ["pass", "pass", "", "if True:", "    pass", "pass", "pass", "pass", "pass", "# x = y == %d"]
    assert len(cell_map.errors) == 1  # `x = y == %d` is not IPython syntax (only the first `=` is looked at)


def test_an_indented_cell_is_dedented_and_keeps_its_columns() -> None:
    lines, cell_map = _python("import torch\n", "    x = torch.ones(2)\n    if x:\n        %time f()\n")
    assert lines == ["import torch", "x = torch.ones(2)", "if x:", "    pass"]
    assert cell_map.locate(2) == (2, 1) and cell_map.column(2, 4) == 8 and cell_map.text(2) == "    x = torch.ones(2)"


def test_a_cell_that_does_not_parse_is_commented_out_and_reported_at_its_line() -> None:
    lines, cell_map = _python("import keras\n", "# TODO: the loss\nloss_fn = \n", "x = 1\n")
    assert lines == ["import keras", "# # TODO: the loss", "# loss_fn = ", "x = 1"]
    (error,) = cell_map.errors
    assert cell_map.locate(error.line) == (2, 2) and error.message.startswith("syntax error: invalid syntax")
    assert cell_map.column(error.line, error.col) == 10


def test_cells_jupyter_accepts_are_not_errors() -> None:
    _, cell_map = _python(
        "raw = await fetch(url)\nasync with session as s:\n    pass\n",  # IPython's autoawait
        ">>> import torch\n>>> for i in range(2):\n...     print(i)\n",  # pasted prompts
        "In [3]: model.summary()\n",
        "%%time\nmodel.fit(x,\n",  # IPython compiles a %%time body when it runs it
        "%%writefile train.py\nLR = {lr}\n",
        "%%bash\nfor f in *.csv; do wc -l $f; done\n",
        "\n\n  %%time\n  x = 1\n",
        "%%timeit?\n",
        "f(\nobj?\n",
    )
    assert cell_map.errors == ()


def test_python_2_and_typos_are_errors() -> None:
    _, cell_map = _python("print x\n", "model.compile(loss='mse'\n", "def f():\n    # TODO\n", "x = %\n")
    assert [cell_map.locate(e.line)[0] for e in cell_map.errors] == [1, 2, 3, 4]


def test_a_cell_error_is_one_ce000_at_the_cell_and_the_other_cells_are_checked(tmp_path: Path) -> None:
    _notebook(
        tmp_path / "hw.ipynb",
        v4.new_markdown_cell("# HW"),
        v4.new_code_cell(MODEL),
        v4.new_code_cell("# TODO\nloss_fn = \n"),
        v4.new_code_cell(COMPILE),
    )
    done = celint("check", "hw.ipynb", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    first, excerpt, caret, finding = done.stdout.splitlines()[:4]
    assert first.startswith("hw.ipynb:cell 3:line 2:col 11: CE000 syntax error: invalid syntax")
    assert excerpt == "    2 | loss_fn = " and caret.index("^") == excerpt.index("= ") + 2
    assert finding.startswith(f"hw.ipynb:cell 4:line 5:col {BUGGY_COL}: CE101 ")
    silenced = v4.new_code_cell("loss_fn =   # noqa: CE000\n")
    _notebook(tmp_path / "hw.ipynb", v4.new_code_cell(MODEL), silenced, v4.new_code_cell(COMPILE))
    assert "CE000" not in celint("check", "-q", "hw.ipynb", cwd=tmp_path).stdout


def test_a_cell_error_in_a_notebook_without_ml_names_is_not_reported(tmp_path: Path) -> None:
    # as for a .py file: a file that names no loss is not analysed, so its syntax is not celint's business
    _notebook(tmp_path / "plots.ipynb", v4.new_code_cell("import pandas as pd\n"), v4.new_code_cell("print x\n"))
    assert celint("check", "plots.ipynb", cwd=tmp_path).stdout == ""
    assert "CE000" in celint("check", "--no-prefilter", "plots.ipynb", cwd=tmp_path).stdout


@pytest.mark.parametrize(
    "language",
    [
        {"kernelspec": {"name": "ir", "language": "R", "display_name": "R"}},
        {"language_info": {"name": "julia"}},
        {
            "kernelspec": {"name": "sagemath", "language": "python", "display_name": "Sage"},
            "language_info": {"name": "sage"},
        },
    ],
)
def test_notebooks_of_other_kernels_are_skipped(tmp_path: Path, language: dict) -> None:
    notebook = v4.new_notebook(metadata=language)
    notebook.cells = [v4.new_code_cell("model <- glm(y ~ x, family = binomial)  # softmax, from_logits\n")]
    nbformat.write(notebook, str(tmp_path / "r.ipynb"))
    for flags in ((), ("--no-prefilter",)):
        done = celint("check", *flags, "r.ipynb", cwd=tmp_path)
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_python_kernels_are_read() -> None:
    from celint.notebook import is_python

    assert is_python(
        {"metadata": {"kernelspec": {"name": "python3", "language": "python"}, "language_info": {"name": "python"}}}
    )
    assert is_python({"metadata": {"kernelspec": {"name": "python3"}}}) and is_python({})
    assert is_python({"metadata": {"language_info": {"name": "pyspark"}}})


def test_every_format_gives_the_cell_position(tmp_path: Path) -> None:
    """One convention: cells counted from 1 (markdown included), lines and columns in the cell's own text.
    Positions read `cell 4:line 5:col 63`; prose (messages, SARIF and GitHub texts) `cell 4, line 5`."""
    indented = "".join("    " + line + "\n" for line in COMPILE.splitlines())  # IPython dedents it
    path = _notebook(
        tmp_path / "train.ipynb", v4.new_markdown_cell("# Data"), v4.new_code_cell(MODEL), v4.new_code_cell(indented)
    )
    col, head = BUGGY_COL + 4, "(cell 2, line 3)"

    text = celint("check", "train.ipynb", cwd=tmp_path).stdout.splitlines()
    assert text[0].startswith(f"train.ipynb:cell 3:line 5:col {col}: CE101 ") and head in text[0]
    assert text[1] == "    5 | " + indented.splitlines()[4] and text[2].index("^") == len("    5 | ") + col - 1

    (finding,) = json.loads(celint("check", "--format", "json", "train.ipynb", cwd=tmp_path).stdout)["findings"]
    assert (finding["cell"], finding["column"]) == ({"index": 3, "line": 5}, col) and head in finding["message"]
    assert finding["line"] == 8  # the joined program's line (README): cell 2 has 3 lines, then cell 3 line 5
    assert finding["related"][0]["cell"] == {"index": 2, "line": 3}

    raw = path.read_text(encoding="utf-8").splitlines()
    (result,) = json.loads(celint("check", "--format", "sarif", "train.ipynb", cwd=tmp_path).stdout)["runs"][0][
        "results"
    ]
    assert result["message"]["text"].startswith(f"cell 3, line 5, column {col}: ") and head in result["message"]["text"]
    location = result["locations"][0]
    assert "from_logits=True" in raw[location["physicalLocation"]["region"]["startLine"] - 1]
    assert location["properties"] == {"cell": 3, "cellLine": 5, "cellColumn": col}
    assert result["relatedLocations"][0]["message"]["text"].startswith("cell 2, line 3")

    (annotation,) = celint("check", "--format", "github", "train.ipynb", cwd=tmp_path).stdout.splitlines()
    line = int(annotation.split(",line=")[1].split(",")[0])
    assert "from_logits=True" in raw[line - 1]
    assert f"::cell 3, line 5, column {col}: " in annotation and head in annotation


def test_messages_name_other_lines_of_the_notebook_by_cell() -> None:
    from celint.engine import Finding
    from celint.notebook import CellMap
    from celint.output.common import message
    from celint.runner import CheckedFile

    result = CheckedFile("t.ipynb", cells=CellMap(((1, 1), (3, 1), (3, 2))))
    text = "head (line 2); loss line 3; cell 2, line 9; line 99; other.py:2; unknown line"
    assert message(result, Finding("CE101", 3, 0, text)) == (
        "head (cell 3, line 1); loss cell 3, line 2; cell 2, line 9; line 99; other.py:2; unknown line"
    )
    assert message(CheckedFile("t.py"), Finding("CE101", 3, 0, text)) == text


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
def test_any_cells_make_a_program_that_parses() -> None:
    """Whatever the cells hold, the joined program parses (a cell can only fail alone) and keeps the lines."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "!ls",
            "%time f()",
            "x = %time f()",
            "y = !ls",
            "obj?",
            "??obj",
            "%%time",
            "%%bash",
            "print('%d'",
            "  % x)",
            "(",
            ")",
            "'''",
            '"',
            "\\",
            "    ",
            "\t",
            "if x:",
            "  pass",
            ">>> a",
            "... b",
            "In [1]: c",
            "await f()",
            "model = ",
            "# c",
            "\0",
            "\ud800",
            "\x0c",
        ]
    )
    cell = st.lists(st.one_of(pieces, st.text(max_size=12)), max_size=8).map("\n".join)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.lists(cell, min_size=1, max_size=4))
    def check(cells: list) -> None:
        source, cell_map = join_cells([{"cell_type": "code", "source": c} for c in cells])
        ast.parse(source)
        assert len(split_lines(source)) == len(cell_map.positions) == len(cell_map.shown)

    check()
