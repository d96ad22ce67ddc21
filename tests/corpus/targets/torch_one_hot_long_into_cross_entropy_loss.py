"""PyTorch MNIST MLP: targets are converted with F.one_hot(y, 10) and passed
to nn.CrossEntropyLoss. F.one_hot returns an int64 tensor; CrossEntropyLoss
only accepts class probabilities as floating point, so with Long targets it
expects class indices and the 2-D one-hot tensor is wrong.

Bug: CE301, reported on the line where the criterion is applied.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import datasets, transforms

device = "cuda" if torch.cuda.is_available() else "cpu"

train_set = datasets.MNIST("./data", train=True, download=True,
                           transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(train_set, batch_size=64, shuffle=True)

model = nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 256),
    nn.ReLU(),
    nn.Linear(256, 10),
).to(device)

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(5):
    model.train()
    running = 0.0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        target = F.one_hot(labels, 10)
        optimizer.zero_grad()
        out = model(images)
        loss = criterion(out, target)  # error: CE301
        loss.backward()
        optimizer.step()
        running += loss.item()
    print(f"epoch {epoch}: loss {running / len(loader):.4f}")

torch.save(model.state_dict(), "mnist_mlp.pt")
