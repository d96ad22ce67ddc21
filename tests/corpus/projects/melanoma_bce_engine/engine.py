"""Loops for the lesion package.

BUG (CE102): train.py hands LesionNet (one raw score per image) and nn.BCELoss to
train_epoch; BCELoss expects probabilities (auc_inputs applies the sigmoid itself).
Reported here, where the loss is applied.
"""
import torch


def train_epoch(net, loader, criterion, optimizer, scaler=None, device="cuda"):
    net.train()
    epoch_loss = 0.0
    for batch in loader:
        images = batch["image"].to(device=device, dtype=torch.float32)
        labels = batch["label"].to(device=device, dtype=torch.float32)
        scores = net(images)
        loss = criterion(scores, labels)  # error: CE102
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    return epoch_loss / max(len(loader), 1)


@torch.no_grad()
def auc_inputs(net, loader, device="cuda"):
    net.eval()
    scores, labels = [], []
    for batch in loader:
        scores.append(torch.sigmoid(net(batch["image"].to(device))).cpu())
        labels.append(batch["label"])
    return torch.cat(scores), torch.cat(labels)
