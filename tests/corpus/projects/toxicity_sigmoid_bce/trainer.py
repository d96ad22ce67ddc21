"""Trainer class for the toxicity package. CORRECT (no finding): self.criterion is
nn.BCELoss and the model (from .models) outputs sigmoid probabilities.
"""
import torch
import torch.nn as nn

from .models import ToxicityModel


class Trainer:
    def __init__(self, model: ToxicityModel, lr=1e-3):
        self.model = model
        self.criterion = nn.BCELoss()
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def step(self, ids, targets):
        self.model.train()
        self.optimizer.zero_grad()
        probs = self.model(ids)
        loss = self.criterion(probs, targets.float())
        loss.backward()
        self.optimizer.step()
        return loss.item()


def main():
    trainer = Trainer(ToxicityModel())
    for i in range(200):
        ids = torch.randint(1, 30000, (64, 120))
        targets = torch.randint(0, 2, (64, 6))
        loss = trainer.step(ids, targets)
        if i % 20 == 0:
            print(i, loss)


if __name__ == "__main__":
    main()
