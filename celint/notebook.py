"""Jupyter notebooks as one Python program: code cells joined, with a map back to (cell, line).

Each code cell is read as IPython reads it before running it (IPython's input transformer): a cell
indented as a whole is dedented, pasted `>>>` / `In [1]:` prompts are stripped, and IPython syntax at
the start of a logical line (`!cmd`, `%magic`, `?obj`, `obj?`) or right after its first `=`
(`files = !ls`, `t = %timeit -o f()`) becomes `pass` at the same indentation. A cell magic whose body
the kernel does not run as Python (`%%bash`, `%%writefile`, ...) blanks its cell. Every replacement
is line for line, so every program line keeps its cell and line number.

Jupyter compiles each cell alone, so a cell that still does not parse (an exercise blank such as
`model = `, a Python 2 `print x`) is one error at its own position; it is commented out and the other
cells are checked as the program a reader runs top to bottom. A notebook whose kernel is not Python
(R, Julia, ...) is an empty program.
"""

from __future__ import annotations

import ast
import json
import re
import textwrap
import warnings
from typing import Any, List, Optional, Sequence, Tuple

from celint.records import record
from celint.source import SourceError, split_lines

# Cell magics whose body is still Python that the kernel runs.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
# IPython's escapes at the start of a logical line (inputtransformer2.ESCAPE_SINGLES; `!!`, `??` and a
# `%%` below the first line start with them too)
_ESCAPES = frozenset("!%?,;/")
# IPython's `obj?` / `%magic??` help request (inputtransformer2._help_end_re)
_HELP_END = re.compile(r"(%{0,2}(?!\d)[\w*]+(\.(?!\d)[\w*]+|\[-?[0-9]+\])*)(\?\??)$")
# Pasted prompts, stripped when the cell starts with one (IPython 8's classic_prompt, ipython_prompt):
# (the prompt that can start a cell, the prompt stripped from every line)
_IPYTHON_PROMPT = re.compile(r"((\[nav\]|\[ins\])? )?In \[\d+\]: |\s*\.{3,}: ?")
_PROMPTS = ((re.compile(r">>>( |$)"), re.compile(r"(>>>|\.\.\.)( |$)")), (_IPYTHON_PROMPT, _IPYTHON_PROMPT))
_DOCTEST_PROMPT = re.compile(r"\s*(>>>|\.\.\.)[ \t]?")  # IPython 9's classic_prompt, on any line
_OPEN, _CLOSE = "([{", ")]}"
_OPERATOR_BEFORE_EQUALS = "=!<>+-*/%@&|^:"  # `x += 1`, `a <= b`, `y := 2`: not an assignment's `=`
_PARSE_FLAGS = ast.PyCF_ONLY_AST | getattr(ast, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 0)  # IPython runs `await` in a cell
_COMMENT = "# "  # the prefix of a commented-out cell's lines
_NESTED_CELL_MAGICS = 8
_HELP_WINDOW = 200  # a help request's target is a name: its last characters decide (and keep the search linear)


@record(frozen=True)
class CellError:
    """A code cell that does not parse on its own: where (a program line, a column in that program line)
    and why. The cell is commented out of the program."""

    line: int
    col: int
    message: str


@record(frozen=True)
class CellMap:
    """For each line of the joined program (1-based), the notebook cell (1-based, counting every cell,
    markdown included, as viewers number them) and the line inside that cell."""

    positions: Tuple[Tuple[int, int], ...]
    # for each program line, its line in the .ipynb JSON text (what code-scanning viewers show), if found
    raw_lines: Tuple[Optional[int], ...] = ()
    # for each program line, the cell's own text of that line (a magic, a dedented line, as written)
    shown: Tuple[str, ...] = ()
    # for each program line, what to add to a column of the program line to get the column in the cell
    # (a dedented or prompted line lost characters at its start; a commented-out line gained `# `)
    shifts: Tuple[int, ...] = ()
    errors: Tuple[CellError, ...] = ()

    def raw_line(self, line: int) -> Optional[int]:
        return self.raw_lines[line - 1] if 1 <= line <= len(self.raw_lines) else None

    def locate(self, line: int) -> Tuple[int, int]:
        if 1 <= line <= len(self.positions):
            return self.positions[line - 1]
        return (0, line)

    def column(self, line: int, col: int) -> int:
        """The 0-based column in the cell's line of a 0-based column of a program line."""
        return max(0, col + self.shifts[line - 1]) if 1 <= line <= len(self.shifts) else col

    def text(self, line: int) -> Optional[str]:
        return self.shown[line - 1] if 1 <= line <= len(self.shown) else None


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
    if not is_python(notebook):
        return "", CellMap(())  # an R or Julia notebook is not ours to check
    source, cell_map = join_cells(cells)
    raw = _raw_lines(text.splitlines(), cells)
    return source, CellMap(
        cell_map.positions,
        raw if len(raw) == len(cell_map.positions) else (),
        cell_map.shown,
        cell_map.shifts,
        cell_map.errors,
    )


def is_python(notebook: dict) -> bool:
    """Whether the notebook's kernel runs Python: what the kernel reported (`language_info`), else the
    kernelspec's language; a notebook that says neither is taken for Python (Jupyter's default)."""
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return True
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        entry = metadata.get(key)
        language = entry.get(field) if isinstance(entry, dict) else None
        if isinstance(language, str) and language.strip():
            return "python" in language.lower() or language.strip().lower() == "pyspark"
    return True


def join_cells(cells: Sequence[Any]) -> Tuple[str, CellMap]:
    lines: List[str] = []
    positions: List[Tuple[int, int]] = []
    shown: List[str] = []
    shifts: List[int] = []
    errors: List[CellError] = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        original = split_lines(_cell_text(cell, number)) or [""]
        python, cell_shifts, error = python_cell(original)
        if error is not None:
            line, col, message = error
            message = f"{_renumber(message, len(lines))} (the other cells are checked without this one)"
            errors.append(CellError(len(lines) + line, col - cell_shifts[line - 1], message))
        lines += python
        positions += [(number, index) for index in range(1, len(python) + 1)]
        shown += original
        shifts += cell_shifts
    return "\n".join(lines) + "\n", CellMap(tuple(positions), (), tuple(shown), tuple(shifts), tuple(errors))


def python_cell(original: List[str]) -> Tuple[List[str], List[int], Optional[Tuple[int, int, str]]]:
    """A cell's lines as the Python that IPython would run, line for line; for each line, what to add to
    a column of it to get the column in the cell's own line; and, if the cell does not parse, its error
    (line in the cell, 0-based column in the cell's line, message)."""
    lines, shifts, start, error = _read(original, doctest=False)
    if error is not None and any(line.lstrip().startswith(">>>") for line in original):
        # IPython 9 strips `>>>` / `...` prompts when any line has one; IPython 8 when the cell starts so
        retry = _read(original, doctest=True)
        if retry[3] is None:
            lines, shifts, start, error = retry
    if error is None:
        return lines, shifts, None
    # commented out line for line: the other cells still make one program, and a noqa comment still works
    for index in range(start, len(lines)):
        lines[index] = _COMMENT + original[index].replace("\0", " ").encode("utf-8", "replace").decode("utf-8")
    line, col, message = error
    cell_col = col + shifts[start + line - 1]
    shifts[start:] = [-len(_COMMENT)] * (len(lines) - start)
    if start:  # a `%%time` body is compiled when the magic runs: IPython's transformer accepts the cell
        return lines, shifts, None
    return lines, shifts, (line, cell_col, message)


def _read(original: List[str], doctest: bool) -> Tuple[List[str], List[int], int, Optional[Tuple[int, int, str]]]:
    """IPython's transforms on a cell: (lines, shifts, the first line after cell magic headers, the syntax
    error of what follows them)."""
    lines, shifts = list(original), [0] * len(original)
    start = 0  # the lines above are cell magic headers, already replaced
    for _ in range(_NESTED_CELL_MAGICS):
        if start == len(lines):
            break
        _dedent(lines, shifts, start)
        first = _first_code_line(lines, start)
        if doctest:
            _strip_doctest_prompts(lines, shifts, start)
            _dedent(lines, shifts, start)
        if first is None:
            break
        _strip_prompts(lines, shifts, first)
        magic = _cell_magic(lines[first])
        if magic is None:
            break
        if magic not in PYTHON_CELL_MAGICS:  # `%%bash`, `%%writefile x.py`: not run by this kernel as Python
            return lines[:start] + [""] * (len(lines) - start), shifts, start, None
        lines[first] = "pass"  # `%%time` runs its body as a cell of its own: read that the same way
        start = first + 1
    else:  # `%%time` in `%%time` in ...: each level is read again, so their number is bounded
        return lines[:start] + [""] * (len(lines) - start), shifts, start, None
    _replace_escapes(lines, start)
    return lines, shifts, start, _syntax_error(lines[start:])


def _first_code_line(lines: List[str], start: int) -> Optional[int]:
    return next((index for index in range(start, len(lines)) if lines[index].strip()), None)


def _dedent(lines: List[str], shifts: List[int], start: int) -> None:
    """IPython's `leading_indent`: a cell (or a cell magic's body) indented as a whole is dedented."""
    dedented = textwrap.dedent("\n".join(lines[start:])).split("\n")
    for index, line in enumerate(dedented, start=start):
        if line.strip():
            shifts[index] += len(lines[index]) - len(line)
        lines[index] = line


def _strip_prompts(lines: List[str], shifts: List[int], first: int) -> None:
    """Pasted `>>> ` / `... ` or `In [3]: ` / `   ...: ` prompts, when the cell starts with them."""
    for first_prompt, prompt in _PROMPTS:
        if first_prompt.match(lines[first]) or (first + 1 < len(lines) and prompt.match(lines[first + 1])):
            for index in range(first, len(lines)):
                match = prompt.match(lines[index])
                if match:
                    lines[index] = lines[index][match.end() :]
                    shifts[index] += match.end()


def _strip_doctest_prompts(lines: List[str], shifts: List[int], start: int) -> None:
    for index in range(start, len(lines)):
        match = _DOCTEST_PROMPT.match(lines[index])
        if match:
            lines[index] = lines[index][match.end() :]
            shifts[index] += match.end()


def _cell_magic(line: str) -> Optional[str]:
    """The name of the cell magic a cell's first line starts, or None (`%%timeit?` asks for help)."""
    if not line.startswith("%%") or re.match(r"%%\w+\?", line):
        return None
    return line[2:].rstrip().partition(" ")[0]


def _replace_escapes(lines: List[str], start: int) -> None:
    """IPython syntax becomes `pass` (then blank lines, for what it continues over) at its indentation.
    It is only recognised where a logical line starts: not inside brackets (`print("%d"\\n % n)`),
    strings or backslash continuations."""
    index = start
    while index < len(lines):
        line = lines[index]
        code = line.lstrip(" \t\f")
        if code and code[0] in _ESCAPES:  # `!ls`, `%time f()`, `?obj`, `%%bash` below the first line
            last, special = _continued(lines, index), True
        else:
            last, special = _logical_line(lines, index)
        if special:
            lines[index : last + 1] = [line[: len(line) - len(code)] + "pass"] + [""] * (last - index)
        index = last + 1


def _continued(lines: List[str], index: int) -> int:
    """The last line of IPython syntax on `lines[index]`: a trailing backslash continues it."""
    while lines[index].endswith("\\") and index + 1 < len(lines):
        index += 1
    return index


def _logical_line(lines: List[str], first: int) -> Tuple[int, bool]:
    """The last physical line of the logical line that starts at `first`, and whether IPython rewrites
    that logical line: `x = %magic` / `x = !cmd` (at the first `=` outside brackets, the only one IPython
    looks at) or a help request ending in `?`. A string left open at the end of its line ends there (the
    line does not tokenize; the cell's parse reports it)."""
    depth = 0
    quote = ""  # the delimiter of the string being read: one quote character or three
    assigned = False
    last = ""  # the last character outside strings: `?` ends a help request, `#` a comment
    for index in range(first, len(lines)):
        line = lines[index]
        pos, continued = 0, False
        while pos < len(line):
            char = line[pos]
            if quote:
                if char == "\\":
                    continued = pos + 1 == len(line)  # backslash-newline inside a string
                    pos += 2
                elif line.startswith(quote, pos):
                    pos += len(quote)
                    quote, last = "", char
                else:
                    pos += 1
                continue
            if char == "#":
                last = char
                break
            if char in "'\"":
                quote = char * 3 if line.startswith(char * 3, pos) else char
                pos += len(quote)
                last = char
                continue
            if char == "\\" and pos + 1 == len(line):
                continued = True
            elif char in _OPEN:
                depth += 1
            elif char in _CLOSE:
                depth = max(0, depth - 1)
            elif char == "=" and depth == 0 and not assigned:
                if line.startswith("=", pos + 1):  # `==`
                    pos += 2
                    continue
                if pos == 0 or line[pos - 1] not in _OPERATOR_BEFORE_EQUALS:
                    assigned = True
                    if _escape_after_assign(line, pos):
                        return _continued(lines, index), True
            if not char.isspace():
                last = char
            pos += 1
        if len(quote) == 1 and not continued:
            quote = ""
        if (not quote and depth == 0 and not continued) or index + 1 == len(lines):
            # IPython's tokens end at the end of the cell even inside brackets (`f(\nobj?` asks for help)
            asks_help = last == "?" and _HELP_END.search("\n".join(lines[first : index + 1])[-_HELP_WINDOW:])
            return index, bool(asks_help)
    return len(lines) - 1, False


def _escape_after_assign(line: str, pos: int) -> bool:
    """Whether the `=` at `pos` is followed by `%name` (IPython's MagicAssign) or `!` (SystemAssign)."""
    rest = line[pos + 1 :].lstrip(" \t")
    if rest.startswith("%"):
        name = rest[1:].lstrip(" \t")
        return name[:1].isidentifier()
    return rest.startswith("!") and not rest.startswith("!=") and not line.lstrip().startswith("=")


def _syntax_error(lines: List[str]) -> Optional[Tuple[int, int, str]]:
    """(line, 0-based column, message) of why these lines do not parse as one cell, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings about the user's code are not ours to print
            compile("\n".join(lines) + "\n", "<cell>", "exec", _PARSE_FLAGS, dont_inherit=True)
    except SyntaxError as exc:
        line = min(max(exc.lineno or 1, 1), len(lines))
        col = min(max((exc.offset or 1) - 1, 0), len(lines[line - 1]))
        return line, col, f"syntax error: {exc.msg}"
    except (RecursionError, MemoryError):
        return 1, 0, "too deeply nested for Python's parser"
    except ValueError as exc:  # null bytes, lone surrogates
        return 1, 0, f"cannot parse: {exc}"
    return None


def _renumber(message: str, offset: int) -> str:
    """A parser message's `line N` (a line of the cell) as a line of the program, like every position."""
    return re.sub(r"\bline (\d+)\b", lambda m: f"line {int(m.group(1)) + offset}", message)


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
        count = max(1, len(split_lines("".join(parts))))
        cell_found: List[Optional[int]] = []
        starts_line = True
        for part in parts:
            encodings = {json.dumps(part, ensure_ascii=False), json.dumps(part)}
            while cursor < len(raw) and raw[cursor].strip().rstrip(",") not in encodings:
                cursor += 1
            if cursor == len(raw):
                return ()
            if starts_line:  # a part that does not end a Python line (it ends in a form feed) runs on
                cell_found.append(cursor + 1)
            starts_line = part.endswith(("\n", "\r"))
            cursor += 1
        found += (cell_found + [None] * count)[:count]
    return tuple(found)


def _cell_text(cell: dict, number: int) -> str:
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise SourceError(f"not a valid notebook: cell {number} has no text source")


def is_notebook(path: str) -> bool:
    return path.endswith(".ipynb")
