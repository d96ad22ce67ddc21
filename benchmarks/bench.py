"""celint's performance budget (issue 7), as ratios measured in one run. A script, not a test.

    python benchmarks/bench.py [--runs 3] [--quick]

Corpora anyone can reproduce:
- ML-heavy: the installed `keras` and `torch` packages' own sources (the `crosscheck` extra installs
  them), restricted to a fixed subset so one flake8 -j1 run takes seconds, not an hour:
  ML_SUBSET below (losses, activations, metrics, models, trainers, core layers of Keras; torch.nn and
  torch.optim).
- ML as a project: the same files with the keras and torch sources copied out of site-packages under a
  pyproject.toml, for `--celint-follow-imports` (installed code gets no project); an editor buffer saved in
  a small generated research project likewise.
- no ML: a fixed subset of the standard library (STDLIB_SUBSET).
- a generated 5 MB Python file that mentions a loss.

"flake8 without celint" is the same flake8 / pyflakes / pycodestyle versions in a second virtual
environment that has no celint (made once under --baseline-venv with pip). Times are wall-clock medians
of --runs runs; memory is the peak RSS of the measured process (its own rusage, via os.wait4).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ML_SUBSET = {
    "keras": [
        "src/losses",
        "src/activations",
        "src/metrics",
        "src/models",
        "src/trainers",
        "src/layers/core",
        "src/layers/activations",
    ],
    "torch": ["nn", "optim"],
}
STDLIB_SUBSET = [
    "json",
    "email",
    "asyncio",
    "logging",
    "http",
    "urllib",
    "xml",
    "concurrent",
    "importlib",
    "unittest",
    "argparse.py",
    "dataclasses.py",
    "typing.py",
    "inspect.py",
    "pathlib.py",
    "ast.py",
]
FLAKE8_PINS = ("flake8", "pyflakes", "pycodestyle", "mccabe")
EDITOR_BUFFER = Path(__file__).with_name("editor_buffer.py")
BUDGET = {
    "editor_save_ms": 20.0,
    "ml": 1.25,
    "stdlib": 1.03,
    "check_vs_flake8": 0.5,
    "memory_largest": 5.0,
    "big_time": 1.5,
    "big_memory": 2.0,
    "follow_imports": 1.05,  # the budget for flake8 following imports (off by default)
}


def package_dir(name: str) -> Optional[Path]:
    try:
        files = metadata.distribution(name).locate_file("")
    except metadata.PackageNotFoundError:
        return None
    path = Path(str(files)) / name
    return path if path.is_dir() else None


def python_files(roots: Sequence[Path]) -> List[str]:
    found: List[str] = []
    for root in roots:
        if root.is_file():
            found.append(str(root))
        elif root.is_dir():
            found.extend(str(p) for p in sorted(root.rglob("*.py")) if "tests" not in p.parts and "test" not in p.parts)
    return sorted(set(found))


def ml_corpus() -> List[str]:
    roots = []
    for package, subdirs in ML_SUBSET.items():
        base = package_dir(package)
        if base is None:
            sys.exit(f"bench: `{package}` is not installed; run `pip install -e '.[crosscheck]'` first")
        roots += [base / sub for sub in subdirs]
    return python_files(roots)


def ml_project(directory: Path) -> List[str]:
    """The ML corpus as a project of its own, for following imports: installed code gets no project (the
    files' imports are followed only in a project), so the Python files of the `keras` and `torch` packages
    are copied under `directory` (with a pyproject.toml: the project root) and the same ML_SUBSET files
    are checked there. Their imports of keras and torch then resolve to the copied modules."""
    corpus = []
    for package, subdirs in ML_SUBSET.items():
        base = package_dir(package)
        assert base is not None  # ml_corpus() ran first
        for source in base.rglob("*.py"):
            target = directory / package / source.relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        corpus += python_files([directory / package / sub for sub in subdirs])
    (directory / "pyproject.toml").write_text("[project]\nname = 'ml'\n", encoding="utf-8")
    return corpus


def stdlib_corpus() -> List[str]:
    base = Path(sysconfig.get_paths()["stdlib"])
    return python_files([base / sub for sub in STDLIB_SUBSET])


def generated_file(directory: Path, megabytes: float = 5.0) -> Path:
    """Generated code as tools emit it: thousands of layer calls, one loss (so the prefilter lets it in)."""
    path = directory / "generated_5mb.py"
    lines = [
        "import keras\n",
        "loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n",
        "x0 = keras.Input((8,))\n",
    ]
    size, i = sum(map(len, lines)), 0
    while size < megabytes * 1_000_000:
        i += 1
        line = f"x{i} = keras.layers.Dense({i % 512 + 1}, activation='relu', name='dense_{i}')(x{i - 1})\n"
        lines.append(line)
        size += len(line)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def baseline_venv(where: Path, extra: Sequence[str] = (), always: bool = False) -> Path:
    """A virtual environment with the same flake8, pyflakes, pycodestyle and mccabe, and no celint (unless
    `extra` names it); made once, or every time with `always` (a checkout installed as it is now)."""
    python = where / ("Scripts" if os.name == "nt" else "bin") / "python"
    pins = [f"{name}=={metadata.version(name)}" for name in FLAKE8_PINS] + list(extra)
    marker = where / "pins.txt"
    if python.exists() and marker.exists() and marker.read_text() == "\n".join(pins) and not always:
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(where)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins], check=True)
    marker.write_text("\n".join(pins))
    return python


def editor_venvs(base: Path) -> Tuple[List[str], List[str]]:
    """flake8 with celint installed from this checkout (not editable, bytecode compiled, as users have it)
    against flake8 with celint's dependencies but not celint, so the difference is celint alone."""
    checkout = str(Path(__file__).resolve().parents[1])
    deps = [name for name in ("libcst", "numpy")]
    with_celint = baseline_venv(base.with_name(base.name + "-editor-with"), [checkout], always=True)
    without = baseline_venv(base.with_name(base.name + "-editor-deps"), deps)
    return [str(with_celint), "-m", "flake8"], [str(without), "-m", "flake8"]


def measure(cmd: Sequence[str], cwd: Optional[str] = None) -> Tuple[float, int, int]:
    """Wall time, peak RSS in KiB and exit code of one process (its own rusage, not the bench's)."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss, proc.returncode


def medians(cmds: Dict[str, Sequence[str]], runs: int, file_list: Optional[str] = None) -> Dict[str, Tuple[float, int]]:
    """Median time and peak memory of each command, runs interleaved so drift hits all of them alike."""
    times: Dict[str, List[float]] = {k: [] for k in cmds}
    memory: Dict[str, List[int]] = {k: [] for k in cmds}
    for _ in range(runs):
        for key, cmd in cmds.items():
            seconds, rss, code = measure(cmd)
            if code not in (0, 1):
                sys.exit(f"bench: {key} exited {code}: {' '.join(cmd[:6])} ...")
            times[key].append(seconds)
            memory[key].append(rss)
    return {k: (statistics.median(times[k]), int(statistics.median(memory[k]))) for k in cmds}


def report(name: str, ratio: float, budget: float, detail: str, opt_in: bool = False) -> bool:
    """One row; an opt-in feature's row is shown against its budget but never fails the run."""
    ok = ratio <= budget
    verdict = "OK" if ok else "OVER (opt-in: not counted)" if opt_in else "OVER"
    print(f"{name:58} {ratio:6.3f}x  (budget <= {budget}x)  {verdict}   {detail}", flush=True)
    return ok or opt_in


def import_check() -> bool:
    code = (
        "import sys, time; t = time.perf_counter(); import celint.flake8_plugin; t = time.perf_counter() - t; "
        "heavy = [m for m in ('libcst', 'numpy') if m in sys.modules]; print(f'{t * 1000:.1f} {heavy}')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    millis, heavy = out.stdout.split(" ", 1)
    ok = heavy.strip() == "[]"
    print(
        f"{'import celint.flake8_plugin: libcst/numpy loaded':58} {heavy.strip():8}  (budget: none)  "
        f"{'OK' if ok else 'OVER'}   {millis} ms",
        flush=True,
    )
    return ok


def editor_save(
    with_celint: Sequence[str],
    without: Sequence[str],
    runs: int,
    name: str = "editor save: flake8 on stdin, 50-line PyTorch file, added",
    project: Optional[Tuple[Path, str, bytes]] = None,
) -> bool:
    """One editor save: flake8 on stdin over a 50-line PyTorch script, as editors call it. The added cost
    is the difference of medians of the process's CPU time (user + system, from its own rusage: steadier
    than wall time on a busy machine), with bytecode compiled beforehand as an installed package has it.
    `project`: (directory, display name, buffer) of a buffer saved inside a project, run from there."""
    cwd, display, text = project if project is not None else (None, "train.py", EDITOR_BUFFER.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: Dict[str, List[float]] = {"with": [], "without": []}
    for _ in range(max(runs, 15) + 1):  # short runs: more of them for a stable median; the first writes bytecode
        for key, cmd in (("with", with_celint), ("without", without)):
            proc = subprocess.Popen(
                [*cmd, "--isolated", "--exit-zero", f"--stdin-display-name={display}", "-"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
                cwd=cwd,
            )
            assert proc.stdin is not None
            proc.stdin.write(text)
            proc.stdin.close()
            _, _, usage = os.wait4(proc.pid, 0)
            times[key].append(usage.ru_utime + usage.ru_stime)
    with_ms, without_ms = (statistics.median(times[k][1:]) * 1000 for k in ("with", "without"))
    added = with_ms - without_ms
    ok = added <= BUDGET["editor_save_ms"]
    verdict = "OK" if ok else "OVER (opt-in: not counted)" if project is not None else "OVER"
    print(
        f"{name:58} {added:6.1f}ms (budget <= {BUDGET['editor_save_ms']:.0f} ms)  {verdict}   "
        f"{with_ms:.0f} ms vs {without_ms:.0f} ms CPU",
        flush=True,
    )
    return ok or project is not None


def research_project(directory: Path, modules: int = 30) -> Tuple[Path, str, bytes]:
    """The editor buffer saved as `mnist/train.py` in a small research project whose `mnist/models.py`
    holds its `Net` (imported, so following imports reads, parses and runs it), next to `modules` other
    small modules (walked, never read): (directory, display name, buffer)."""
    text = EDITOR_BUFFER.read_text(encoding="utf-8")
    start, end = text.index("class Net("), text.index("def train(")
    imports = text[text.index("import torch\n") : text.index("from torch.utils.data")]
    files = {
        "pyproject.toml": "[project]\nname = 'mnist'\n",
        "mnist/__init__.py": "",
        "mnist/models.py": imports + "\n\n" + text[start:end],
        **{f"mnist/utils/part{i}.py": f"import torch\n\nSCALE_{i} = {i}\n" for i in range(modules)},
        "mnist/utils/__init__.py": "",
    }
    for name, body in files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(body, encoding="utf-8")
    buffer = text[:start] + "from mnist.models import Net\n\n\n" + text[end:]
    return directory, "mnist/train.py", buffer.encode("utf-8")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-venv", default=os.path.join(tempfile.gettempdir(), "celint-bench-flake8-only"))
    parser.add_argument("--quick", action="store_true", help="skip the 5 MB file (flake8 alone needs ~25 s on it)")
    args = parser.parse_args(argv)

    with_celint = [sys.executable, "-m", "flake8"]
    without = [str(baseline_venv(Path(args.baseline_venv))), "-m", "flake8"]
    celint_cli = [sys.executable, "-m", "celint", "check", "-q", "--no-respect-gitignore", "--isolated"]
    ml, stdlib = ml_corpus(), stdlib_corpus()
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, flake8 {metadata.version('flake8')}, "
        f"celint {metadata.version('celint')}, median of {args.runs} runs"
    )
    print(
        f"ML corpus: {len(ml)} files, {sum(os.path.getsize(f) for f in ml) / 1e6:.1f} MB "
        f"(keras {metadata.version('keras')}: {', '.join(ML_SUBSET['keras'])}; "
        f"torch {metadata.version('torch')}: {', '.join(ML_SUBSET['torch'])})"
    )
    print(
        f"stdlib corpus: {len(stdlib)} files, {sum(os.path.getsize(f) for f in stdlib) / 1e6:.1f} MB "
        f"({', '.join(STDLIB_SUBSET)}; test directories left out)"
    )
    editor = editor_venvs(Path(args.baseline_venv))
    ok = [import_check(), editor_save(*editor, args.runs)]
    with tempfile.TemporaryDirectory() as tmp:
        ok.append(
            editor_save(
                [*editor[0], "--celint-follow-imports"],
                editor[1],
                args.runs,
                "editor save, following imports (opt-in), added",
                research_project(Path(tmp)),
            )
        )

    # -j1 and --isolated: one process, no user configuration; --exit-zero keeps the exit code 0
    flake8_args = ["-j1", "--isolated", "--exit-zero"]
    m = medians({"with": [*with_celint, *flake8_args, *ml], "without": [*without, *flake8_args, *ml]}, args.runs)
    ok.append(
        report(
            "flake8 -j1 with celint / without, ML corpus",
            m["with"][0] / m["without"][0],
            BUDGET["ml"],
            f"{m['with'][0]:.2f} s vs {m['without'][0]:.2f} s",
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        copied = ml_project(Path(tmp))
        f = medians(
            {
                "follow": [*with_celint, *flake8_args, "--celint-follow-imports", *copied],
                "with": [*with_celint, *flake8_args, *copied],
                "without": [*without, *flake8_args, *copied],
            },
            args.runs,
        )
    ok.append(
        report(
            "flake8 -j1 following imports (opt-in) / without celint, ML",
            f["follow"][0] / f["without"][0],
            BUDGET["follow_imports"],
            f"{f['follow'][0]:.2f} s vs {f['without'][0]:.2f} s; per file: {f['with'][0]:.2f} s "
            f"({f['with'][0] / f['without'][0]:.3f}x); the corpus copied out of site-packages into a project",
            opt_in=True,
        )
    )
    s = medians(
        {"with": [*with_celint, *flake8_args, *stdlib], "without": [*without, *flake8_args, *stdlib]}, args.runs
    )
    ok.append(
        report(
            "flake8 -j1 with celint / without, stdlib (no ML)",
            s["with"][0] / s["without"][0],
            BUDGET["stdlib"],
            f"{s['with'][0]:.2f} s vs {s['without'][0]:.2f} s",
        )
    )
    c = medians({"celint": [*celint_cli, *ml], "flake8": [*without, "--isolated", "--exit-zero", *ml]}, args.runs)
    ok.append(
        report(
            f"celint check (all {os.cpu_count()} cores) / plain flake8, ML corpus",
            c["celint"][0] / c["flake8"][0],
            BUDGET["check_vs_flake8"],
            f"{c['celint'][0]:.2f} s vs {c['flake8'][0]:.2f} s (flake8 default jobs)",
        )
    )
    largest = max(ml, key=os.path.getsize)
    p = medians({"celint": [*celint_cli, "--no-prefilter", largest], "flake8": [*without, *flake8_args, largest]}, 1)
    ok.append(
        report(
            "peak memory, celint check / flake8, largest ML file",
            p["celint"][1] / p["flake8"][1],
            BUDGET["memory_largest"],
            f"{p['celint'][1] / 1024:.0f} MiB vs {p['flake8'][1] / 1024:.0f} MiB "
            f"({os.path.relpath(largest, str(Path(largest).parents[3]))}, "
            f"{os.path.getsize(largest) / 1e3:.0f} kB, prefilter off)",
        )
    )
    if not args.quick:
        with tempfile.TemporaryDirectory() as tmp:
            big = generated_file(Path(tmp))
            b = medians(
                {"with": [*with_celint, *flake8_args, str(big)], "without": [*without, *flake8_args, str(big)]},
                max(1, min(args.runs, 3)),
            )
            size = f"{big.stat().st_size / 1e6:.1f} MB"
            ok.append(
                report(
                    f"flake8 with celint / without, generated {size} file, time",
                    b["with"][0] / b["without"][0],
                    BUDGET["big_time"],
                    f"{b['with'][0]:.1f} s vs {b['without'][0]:.1f} s "
                    "(celint analyses it: under --celint-max-file-size 10,000,000)",
                )
            )
            ok.append(
                report(
                    f"flake8 with celint / without, generated {size} file, memory",
                    b["with"][1] / b["without"][1],
                    BUDGET["big_memory"],
                    f"{b['with'][1] / 1024:.0f} MiB vs {b['without'][1] / 1024:.0f} MiB",
                )
            )
    print("all within budget" if all(ok) else "OVER BUDGET")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
