import torch

from engine import train_step
from model import MultiTaskNet

model = MultiTaskNet()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(10):
    for batch in torch.load("faces_loader.pt"):
        train_step(model, batch, optimizer)
