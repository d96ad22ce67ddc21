import torch
import torch.nn.functional as F

from nets import M5
from trainer import train_epoch

model = M5(n_input=1, n_output=35)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.0001)
train_loader = torch.load("speechcommands_train.pt")

for epoch in range(1, 3):
    train_epoch(model, F.cross_entropy, optimizer, train_loader)
