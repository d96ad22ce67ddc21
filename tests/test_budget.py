"""Work bounds: a file that exhausts its step budget still gives a result, never an error."""

import textwrap

import celint.interpreter as interpreter
from celint.engine import check_source


def test_budget_exhausted_before_heads_are_extracted_is_not_an_error(monkeypatch) -> None:
    # the model's forward only runs when heads are extracted, after the walk used up the budget
    monkeypatch.setattr(interpreter, "STEP_BUDGET_BASE", 0)
    source = (
        textwrap.dedent("""
        import torch.nn as nn
        import torch.nn.functional as F
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(10, 3)
            def forward(self, x):
                return F.softmax(self.fc(x), dim=1)
        net = Net()
    """)
        + "weights = ["
        + ", ".join(["0.5"] * 3000)
        + "]\n"
    )
    result = check_source(source, "t.py")
    assert result.error is None
