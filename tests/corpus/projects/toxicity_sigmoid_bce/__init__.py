"""Package with a multi-label toxicity model whose forward ends in torch.sigmoid and a
trainer (in trainer.py) using nn.BCELoss. CORRECT (no finding): look-alike of the
ctr_ranker project but with probabilities feeding a probability loss.
"""
