"""Facts stated right on real code (issue 12): what a finding says and names, beyond its (line, code)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from celint.engine import check_source
from celint.events import Moment
from celint.facts import SOFTMAX, ActivationApplied, FileFacts, Head, Where
from celint.rules.ce104 import softmax_without_dim

PRECISION = Path(__file__).resolve().parent / "corpus" / "precision"


def test_a_finding_inside_a_helper_names_the_head_and_the_call_that_passed_it() -> None:
    path = PRECISION / "torch_loss_helper_called_from_display_step.py"
    [finding] = check_source(path.read_text(encoding="utf-8"), str(path)).findings
    assert (finding.line, finding.code) == (14, "CE101")
    assert [r.line for r in finding.related] == [29, 30]  # the softmax, then the display step's call


def test_a_loss_applied_at_top_level_names_no_call_site() -> None:
    source = (
        "import torch, torch.nn as nn, torch.nn.functional as F\n"
        "model = nn.Sequential(nn.Linear(4, 3))\n"
        "loss = F.cross_entropy(F.softmax(model(torch.randn(2, 4)), dim=1), torch.tensor([0, 2]))\n"
    )
    [finding] = check_source(source).findings
    assert [r.line for r in finding.related] == [3]


def _guessed(rank: Optional[int]) -> FileFacts:
    head = Head(SOFTMAX, None)
    return FileFacts(activations=(ActivationApplied(head, True, Where(3), rank=rank),))


def test_ce104_claims_the_batch_axis_only_for_ranks_where_torch_picks_it() -> None:
    for rank in (0, 1, 3):
        [hit] = softmax_without_dim(_guessed(rank))
        assert "picks dim=0 (the batch axis)" in hit.message
    for rank in (None, 2, 4):
        [hit] = softmax_without_dim(_guessed(rank))
        assert "picks dim=0 (the batch axis)" not in hit.message
        assert "deprecated and depends on the input's rank" in hit.message
        assert "dim=1 for 2-D" in hit.message


def test_a_fit_can_follow_a_compile_later_in_order_or_in_a_loop_around_both() -> None:
    compiled = Moment(5, (2,))
    assert compiled.precedes(Moment(6, ()))
    assert compiled.precedes(Moment(4, (2,)))  # the next iteration of loop run 2
    assert not compiled.precedes(Moment(4, ()))
    assert not compiled.precedes(Moment(4, (1,)))


def test_a_log_taken_inside_a_helper_names_the_softmax_and_the_call() -> None:
    path = PRECISION / "torch_d2l_softmax_regression_from_scratch.py"
    [finding] = check_source(path.read_text(encoding="utf-8"), str(path)).findings
    assert (finding.line, finding.code) == (22, "CE103")
    assert [r.line for r in finding.related] == [12, 27]  # X.exp() of the softmax, then cross_entropy(net(X), y)
