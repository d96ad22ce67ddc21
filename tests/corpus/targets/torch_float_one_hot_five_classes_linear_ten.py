"""PyTorch tabular classifier with soft (probability) targets. The targets
are F.one_hot(y, 5).float(), which is a valid probability target for
nn.CrossEntropyLoss, but the final nn.Linear has 10 outputs: the target has
5 columns and the logits have 10, so the loss raises a size mismatch.

Bug: CE303 on the final Linear layer (the float one-hot itself is fine,
so no CE301).
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

features = torch.tensor(np.load("sensor_features.npy"), dtype=torch.float32)
fault_type = torch.tensor(np.load("sensor_fault_type.npy"), dtype=torch.long)  # 0..4

targets = F.one_hot(fault_type, 5).float()

model = nn.Sequential(
    nn.Linear(features.shape[1], 64),
    nn.ReLU(),
    nn.Dropout(0.1),
    nn.Linear(64, 10),  # error: CE303
)

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

n = len(features)
for epoch in range(100):
    total = 0.0
    for i in range(0, n, 256):
        xb = features[i:i + 256]
        yb = targets[i:i + 256]
        logits = model(xb)
        loss = criterion(logits, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    if epoch % 10 == 0:
        print(epoch, total / n)
