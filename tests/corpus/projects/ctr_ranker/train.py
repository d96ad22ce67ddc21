"""Training script for the click model.

BUG (CE102): WideAndDeep returns raw scores but the loss is nn.BCELoss, which
expects probabilities.
"""
import torch
import torch.nn as nn

from models import WideAndDeep


def make_batches(n_batches, n_sparse=100000, n_dense=13, batch=512, ids_per_row=26):
    for _ in range(n_batches):
        ids = torch.randint(0, n_sparse, (batch * ids_per_row,))
        offsets = torch.arange(0, batch * ids_per_row, ids_per_row)
        dense = torch.randn(batch, n_dense)
        clicks = (torch.rand(batch) < 0.03).float()
        yield ids, offsets, dense, clicks


def main():
    model = WideAndDeep(n_sparse=100000, n_dense=13)
    criterion = nn.BCELoss()
    optimizer = torch.optim.Adagrad(model.parameters(), lr=0.01)
    for step, (ids, offsets, dense, clicks) in enumerate(make_batches(1000)):
        optimizer.zero_grad()
        scores = model(ids, offsets, dense)
        loss = criterion(scores, clicks)  # error: CE102
        loss.backward()
        optimizer.step()
        if step % 100 == 0:
            print(f"step {step}: logloss {loss.item():.5f}")


if __name__ == "__main__":
    main()
