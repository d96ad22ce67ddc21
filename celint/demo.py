"""`celint demo CODE` and `celint check --demo/--plot`: glue to the NumPy evaluator, imported lazily so
numpy never loads on the lint path."""

from __future__ import annotations

import json
import os
import sys
from typing import List, Optional, TextIO

from celint.runner import CheckedFile


def print_demo(code: str, fmt: str, plot_dir: Optional[str]) -> int:
    try:
        from celint.evaluator import CODES, demonstrate, plot, render_text, to_json
    except ImportError as exc:  # numpy (or the evaluator) missing
        print(f"celint: demonstrations need numpy: {exc}", file=sys.stderr)
        return 2
    if code not in CODES:
        print(f"celint: no demonstration for {code!r}; available: {', '.join(CODES)}", file=sys.stderr)
        return 2
    demo = demonstrate(code)
    if fmt == "json":
        print(json.dumps(to_json(demo), indent=2))
    else:
        print(render_text(demo))
    if plot_dir:
        os.makedirs(plot_dir, exist_ok=True)
        plot(demo, os.path.join(plot_dir, f"{code}.png"))
    return 0


def append_demos(results: List[CheckedFile], out: TextIO, plot_dir: Optional[str]) -> None:
    """One demonstration per finding, replaying that finding's own flagged and fixed scenario."""
    from celint.evaluator import CODES, demonstrate, plot, render_text

    for result in results:
        for number, finding in enumerate(result.findings, start=1):
            hit = finding.hit
            if finding.code not in CODES or hit is None:
                continue
            demo = demonstrate(finding.code, flagged=hit.scenario, fixed=hit.fixed)
            out.write(f"\n{result.path}:{finding.line}: {finding.code} demonstration\n{render_text(demo)}\n")
            if plot_dir:
                os.makedirs(plot_dir, exist_ok=True)
                name = f"{os.path.basename(result.path)}-{finding.line}-{finding.code}-{number}.png"
                plot(demo, os.path.join(plot_dir, name))
