"""FixMatch-style semi-supervised step: pseudo-labels come from
weak_logits.softmax(dim=-1) (explicit dim) under no_grad, then argmax; both the
supervised and unsupervised F.cross_entropy terms take raw logits.

CORRECT (no finding): the probabilities are only used to build hard targets and a
confidence mask, never passed to the loss as predictions.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class WideBlockNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
            nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 128, 3, stride=2, padding=1), nn.BatchNorm2d(128), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.fc = nn.Linear(128, num_classes)

    def forward(self, x):
        return self.fc(self.features(x))


def fixmatch_step(model, optimizer, x_l, y_l, x_weak, x_strong, threshold=0.95, lambda_u=1.0):
    model.train()
    logits_l = model(x_l)
    sup_loss = F.cross_entropy(logits_l, y_l)

    with torch.no_grad():
        weak_logits = model(x_weak)
        probs = weak_logits.softmax(dim=-1)
        max_probs, pseudo = probs.max(dim=-1)
        mask = (max_probs >= threshold).float()

    strong_logits = model(x_strong)
    unsup_loss = (F.cross_entropy(strong_logits, pseudo, reduction="none") * mask).mean()

    loss = sup_loss + lambda_u * unsup_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return sup_loss.item(), unsup_loss.item(), mask.mean().item()


if __name__ == "__main__":
    model = WideBlockNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9, nesterov=True)
    for it in range(100):
        xl, yl = torch.randn(64, 3, 32, 32), torch.randint(0, 10, (64,))
        xu = torch.randn(448, 3, 32, 32)
        print(it, fixmatch_step(model, opt, xl, yl, xu, xu + 0.1 * torch.randn_like(xu)))
