"""Jupyter notebooks as one Python program: code cells joined, with a map back to (cell, line).

IPython syntax is replaced line for line, so every program line keeps its cell and line number:
line magics and shell escapes become `pass` at the same indentation (valid inside any block), and a
cell magic that does not run Python (`%%bash`, `%%writefile`, ...) blanks its whole cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

from celint.source import SourceError

# Cell magics whose body is still Python that the kernel runs.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
# `!ls`, `%pip install x`, `files = !ls`, `t = %timeit f()`, `obj?`, `??obj`
_ESCAPE = re.compile(r"^(\s*)(?:[!%]|\?\?|[A-Za-z_][\w.,\s]*=\s*[!%])")
_HELP = re.compile(r"^(\s*)(?:\?+[\w.]+|[\w.]+\?+)\s*$")


@dataclass(frozen=True)
class CellMap:
    """For each line of the joined program (1-based), the notebook cell (1-based, counting every cell,
    markdown included, as viewers number them) and the line inside that cell."""

    positions: Tuple[Tuple[int, int], ...]
    # for each program line, its line in the .ipynb JSON text (what code-scanning viewers show), if found
    raw_lines: Tuple[Optional[int], ...] = ()

    def raw_line(self, line: int) -> Optional[int]:
        return self.raw_lines[line - 1] if 1 <= line <= len(self.raw_lines) else None

    def locate(self, line: int) -> Tuple[int, int]:
        if 1 <= line <= len(self.positions):
            return self.positions[line - 1]
        return (0, line)


def read_notebook(data: bytes) -> Tuple[str, CellMap]:
    """The code cells of an .ipynb file as one program; a malformed notebook is one SourceError."""
    try:
        text = data.decode("utf-8-sig")
        notebook = json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise SourceError(f"not a valid notebook: {exc}") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise SourceError("not a valid notebook: no 'cells' list (only nbformat 4 is supported)")
    source, cell_map = join_cells(cells)
    raw = _raw_lines(text.splitlines(), cells)
    return source, CellMap(cell_map.positions, raw if len(raw) == len(cell_map.positions) else ())


def join_cells(cells: Sequence[Any]) -> Tuple[str, CellMap]:
    lines: List[str] = []
    positions: List[Tuple[int, int]] = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        for index, text in enumerate(_python_lines(_cell_text(cell, number)), start=1):
            lines.append(text)
            positions.append((number, index))
    return "\n".join(lines) + "\n", CellMap(tuple(positions))


def _raw_lines(raw: List[str], cells: Sequence[Any]) -> Tuple[Optional[int], ...]:
    """Jupyter writes each source line as one JSON string on its own line; find them in order. Any
    other layout (minified JSON, a source given as one string) gives no raw positions."""
    found: List[Optional[int]] = []
    cursor = 0
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        parts = cell.get("source", "")
        if parts in ([], ""):  # an empty cell is one blank program line
            found.append(None)
            continue
        if not isinstance(parts, list):
            return ()
        for part in parts:
            encodings = {json.dumps(part, ensure_ascii=False), json.dumps(part)}
            while cursor < len(raw) and raw[cursor].strip().rstrip(",") not in encodings:
                cursor += 1
            if cursor == len(raw):
                return ()
            found.append(cursor + 1)
            cursor += 1
    return tuple(found)


def _cell_text(cell: dict, number: int) -> str:
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise SourceError(f"not a valid notebook: cell {number} has no text source")


def _python_lines(text: str) -> List[str]:
    lines = text.splitlines() or [""]
    magic = lines[0].strip()
    if magic.startswith("%%"):
        name = magic[2:].split(None, 1)[0] if len(magic) > 2 else ""
        if name not in PYTHON_CELL_MAGICS:
            return ["" for _ in lines]
        lines = ["pass"] + lines[1:]
    out: List[str] = []
    continued = False
    for line in lines:
        if continued:  # the rest of a `!pip install a \` line belongs to the magic, not to Python
            out.append("")
        else:
            out.append(_python_line(line))
        continued = line.rstrip().endswith("\\") and (continued or out[-1] != line)
    return out


def _python_line(line: str) -> str:
    match = _ESCAPE.match(line) or _HELP.match(line)
    return line if match is None else f"{match.group(1)}pass"


def is_notebook(path: str) -> bool:
    return path.endswith(".ipynb")
