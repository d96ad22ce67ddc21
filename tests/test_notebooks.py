"""Notebooks: code cells linted as one program, IPython syntax skipped, `cell N:line M` positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import BUGGY, BUGGY_COL, BUGGY_LINE, celint

from celint.notebook import join_cells, read_notebook

nbformat = pytest.importorskip("nbformat")
v4 = nbformat.v4

MODEL = '''import keras

model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(10, activation="softmax")])
'''
COMPILE = '''%time x = 1
!nvidia-smi
files = !ls data
model.summary?
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer="adam")
'''


def _notebook(path: Path, *cells: object) -> Path:
    notebook = v4.new_notebook()
    notebook.cells = list(cells)
    nbformat.write(notebook, str(path))
    return path


def test_cells_are_one_program_and_positions_name_cell_and_line(tmp_path: Path) -> None:
    path = _notebook(tmp_path / "train.ipynb", v4.new_markdown_cell("# Data"), v4.new_code_cell("%pip install keras"),
                     v4.new_code_cell(MODEL), v4.new_code_cell(COMPILE))
    done = celint("check", "-q", "train.ipynb", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith(f"train.ipynb:cell 4:line 5:col {BUGGY_COL}: CE101 ")
    assert "(line " in done.stdout  # the related head is named too
    data = json.loads(celint("check", "--format", "json", "train.ipynb", cwd=tmp_path).stdout)
    assert data["findings"][0]["cell"] == {"index": 4, "line": 5}
    assert data["findings"][0]["related"][0]["cell"] == {"index": 3, "line": 3}


def test_magics_become_pass_at_the_same_indentation_and_keep_line_numbers() -> None:
    cells = [{"cell_type": "code", "source": "for i in range(3):\n    !echo $i\n    x = %time f()\n"},
             {"cell_type": "code", "source": "%%bash\nls\nsoftmax(x\n"},
             {"cell_type": "code", "source": "%%time\ny = 2\n"},
             {"cell_type": "code", "source": "!pip install a \\\n   b\nz = 3"}]
    source, cells_map = join_cells(cells)
    assert source.splitlines() == ["for i in range(3):", "    pass", "    pass", "", "", "", "pass", "y = 2",
                                   "pass", "", "z = 3"]
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
