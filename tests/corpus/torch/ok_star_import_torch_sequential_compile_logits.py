"""PyTorch 2 script with `from torch.nn import *`: it builds a bare `Sequential(...)` and calls
`model.compile()` (nn.Module.compile, in place), which looks like Keras but is not. The head is a
Linear layer and CrossEntropyLoss gets logits. Correct.
"""
import torch
from torch.nn import *

model = Sequential(
    Flatten(),
    Linear(28 * 28, 256),
    ReLU(),
    Linear(256, 10),
)
model.compile()
criterion = CrossEntropyLoss(label_smoothing=0.1)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)

for images, labels in train_loader:
    optimizer.zero_grad()
    loss = criterion(model(images), labels)
    loss.backward()
    optimizer.step()
