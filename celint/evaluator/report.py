"""Demonstration -> JSON contract, terminal text, PNG."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence

from celint.facts import Scenario

from .demos import Demonstration, Variant
from .training import Outcome

SPARK = "▁▂▃▄▅▆▇█"
SPARK_WIDTH = 40
NUMBERS = ("loss_start", "loss_end", "grad_norm_start", "grad_norm_end", "accuracy_start", "accuracy_end")
SPREAD = ("loss_end", "grad_norm_end", "accuracy_end")  # what a chaotic run shows as a range


def _json_number(value: Optional[float]) -> Optional[float]:
    return value if value is not None and math.isfinite(value) else None


def _side(o: Outcome, scenario: Scenario) -> Dict[str, Any]:
    """One configuration. nan and inf become null and are named in ``nonfinite``."""
    side: Dict[str, Any] = {}
    nonfinite: Dict[str, str] = {}
    for key in NUMBERS:
        value = getattr(o, key)
        if o.spread is not None and key in SPREAD:
            value = None  # not reproducible: the range is in "spread"
        side[key] = _json_number(value)
        if value is not None and not math.isfinite(value):
            nonfinite[key] = str(value)
    side["chaotic"] = o.chaotic
    side["metric"] = (
        {"keras_metric": o.metric, "start": _json_number(o.metric_start), "end": _json_number(o.metric_end)}
        if o.metric
        else None
    )
    side["spread"] = (
        {"runs": o.spread.runs, **{key: [_json_number(x) for x in getattr(o.spread, key)] for key in SPREAD}}
        if o.spread is not None
        else None
    )
    side["error"] = o.error
    side["error_step"] = o.error_step
    side["nonfinite"] = nonfinite
    side["outputs"] = o.outputs
    side["warnings"] = list(o.warnings)
    side["loss_curve"] = [_json_number(x) for x in o.loss_curve]
    side["scenario"] = dict(vars(scenario))  # a record's attributes are its fields
    return side


def to_json(demo: Demonstration) -> Dict[str, Any]:
    """The stable contract: code, prior, variants[{backend, flagged, fixed}] (+ extra keys)."""
    return {
        "code": demo.code,
        "headline": demo.headline,
        "prior": demo.prior,
        "facts": {k: _json_number(float(v)) for k, v in demo.facts.items()},
        "notes": list(demo.notes),
        "variants": [
            {
                "backend": v.backend,
                "label": v.label,
                "flagged": _side(v.flagged, v.flagged_scenario),
                "fixed": _side(v.fixed, v.fixed_scenario),
            }
            for v in demo.variants
        ],
    }


def fmt(value: Optional[float]) -> str:
    """Fixed formatting, so rule documents can embed the output and tests can diff it."""
    if value is None:
        return "-"
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == 0:
        return "0"
    return f"{value:.4f}" if 1e-3 <= abs(value) < 1e5 else f"{value:.3e}"


def sparkline(values: Sequence[float], lo: float, hi: float, width: int = SPARK_WIDTH) -> str:
    """Resample to ``width`` points on a shared scale; non-finite points show as '!'."""
    if not values:
        return ""
    picks = [values[round(i * (len(values) - 1) / max(width - 1, 1))] for i in range(min(width, len(values)))]
    chars = []
    for v in picks:
        if not math.isfinite(v):
            chars.append("!")
        elif hi <= lo:
            chars.append(SPARK[0])
        else:
            chars.append(SPARK[min(len(SPARK) - 1, int((v - lo) / (hi - lo) * len(SPARK)))])
    return "".join(chars)


def cell(o: Outcome, key: str) -> str:
    """One figure, or for a chaotic run's end figures the range they take ("4.69..6.07")."""
    if o.spread is not None and key in SPREAD:
        lo, hi = getattr(o.spread, key)
        return f"{lo:.3g}..{hi:.3g}"
    return fmt(getattr(o, key))


def _variant_text(v: Variant) -> List[str]:
    title = f"[{v.backend}]" + (f" {v.label}" if v.label else "")
    lines = [title, f"  {'':<16}{'flagged':>12}{'fixed':>12}"]
    for key in NUMBERS:
        name = key.replace("_", " ")
        lines.append(f"  {name:<16}{cell(v.flagged, key):>12}{cell(v.fixed, key):>12}")
    for side, o in (("flagged", v.flagged), ("fixed", v.fixed)):
        if o.metric:
            lines.append(
                f"  {side} shows metrics=['accuracy'] as Keras picks it, {o.metric}:"
                f" {fmt(o.metric_start)} -> {fmt(o.metric_end)}"
            )
        if o.spread is not None:
            lines.append(
                f"  {side} is chaotic: float rounding steers it, so its end figures are the range over"
                f" {o.spread.runs} runs from initial weights nudged by 2**-20 to 2**-18 (the outputs and curve"
                " shown are the first run's)"
            )
        if o.error:
            where = f" (step {o.error_step})" if o.error_step else ""
            lines.append(f"  {side} raises{where}: {o.error}")
        elif o.outputs:
            lines.append(f"  {side} outputs: {o.outputs}")
        for warning in o.warnings:
            lines.append(f"  {side} warns: {warning}")
    finite = [x for o in (v.flagged, v.fixed) for x in o.loss_curve if math.isfinite(x)]
    lo, hi = (min(finite), max(finite)) if finite else (0.0, 0.0)
    for side, o in (("flagged", v.flagged), ("fixed", v.fixed)):
        if o.loss_curve:
            lines.append(f"  loss {side:<8}{sparkline(o.loss_curve, lo, hi)}")
    return lines


def render_text(demo: Demonstration) -> str:
    """Headline, then per variant a flagged-vs-fixed table and both loss curves."""
    lines = [f"{demo.code}: {demo.headline}", *demo.notes, f"prior (majority-class accuracy): {fmt(demo.prior)}", ""]
    for v in demo.variants:
        lines.extend(_variant_text(v))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def plot(demo: Demonstration, path: str) -> None:
    """Both loss curves of every variant in one PNG; needs matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise RuntimeError("matplotlib is not installed: pip install 'celint[plot]'") from None
    shown = [v for v in demo.variants if v.flagged.loss_curve or v.fixed.loss_curve]
    fig, axes = plt.subplots(len(shown) or 1, 1, figsize=(7, 2.6 * max(len(shown), 1)), squeeze=False)
    for ax, v in zip(axes[:, 0], shown):
        for side, o, style in (("flagged", v.flagged, "-"), ("fixed", v.fixed, "--")):
            ys = [x if math.isfinite(x) else float("nan") for x in o.loss_curve]
            ax.plot(range(len(ys)), ys, style, label=side)
        ax.set_title(f"{demo.code} [{v.backend}] {v.label}", fontsize=9)
        ax.set_xlabel("SGD step")
        ax.set_ylabel("loss")
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
