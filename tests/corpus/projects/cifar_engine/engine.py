"""Train / eval loops shared by every experiment script.

BUG (CE101): train.py passes SimpleCNN (softmax output) together with
nn.CrossEntropyLoss; both loops apply that criterion to the probabilities.
The findings are reported here, where the loss is applied.
"""
import torch


def train_one_epoch(model, criterion, data_loader, optimizer, device, epoch, print_freq=50):
    model.train()
    running = 0.0
    for i, (images, targets) in enumerate(data_loader):
        images = images.to(device, non_blocking=True)
        targets = targets.to(device, non_blocking=True)
        output = model(images)
        loss = criterion(output, targets)  # error: CE101
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        running += loss.item()
        if i % print_freq == 0:
            print(f"Epoch [{epoch}] iter {i}: loss {running / (i + 1):.4f}")
    return running / len(data_loader)


@torch.no_grad()
def evaluate(model, criterion, data_loader, device):
    model.eval()
    total_loss, correct, seen = 0.0, 0, 0
    for images, targets in data_loader:
        images, targets = images.to(device), targets.to(device)
        output = model(images)
        total_loss += criterion(output, targets).item() * images.size(0)  # error: CE101
        correct += (output.argmax(1) == targets).sum().item()
        seen += images.size(0)
    return total_loss / seen, correct / seen
