import torch

from head import CenterHead
from losses import detection_loss

head = CenterHead(num_classes=20)
opt = torch.optim.AdamW(head.parameters(), lr=2e-4)
head.train()
for feats, targets in torch.load("pooled_features.pt"):
    loss = detection_loss(head(feats), targets)
    opt.zero_grad()
    loss.backward()
    opt.step()
