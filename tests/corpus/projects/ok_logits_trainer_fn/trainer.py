"""One training step and one epoch, written against any model and loss.

CORRECT (no finding): run.py passes M5 (logits) with F.cross_entropy."""


def train_step(model, loss_fn, optimizer, waveform, label):
    optimizer.zero_grad()
    logits = model(waveform)
    loss = loss_fn(logits, label)
    loss.backward()
    optimizer.step()
    return loss.item()


def train_epoch(model, loss_fn, optimizer, loader, log_every=100):
    for batch_idx, (waveform, label) in enumerate(loader):
        loss = train_step(model, loss_fn, optimizer, waveform, label)
        if batch_idx % log_every == 0:
            print(f"batch {batch_idx}: {loss:.4f}")
