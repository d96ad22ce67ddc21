"""Lightning-style LitClassifier whose forward returns x.softmax(dim=-1) and whose
training_step calls F.cross_entropy(self(x), y).

BUG (CE101): cross_entropy receives probabilities. The explicit dim means there is
no CE104. validation_step has the same bug at its own loss line.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class LitClassifier(pl.LightningModule):
    def __init__(self, in_dim=784, hidden=256, num_classes=10, lr=1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.l1 = nn.Linear(in_dim, hidden)
        self.l2 = nn.Linear(hidden, num_classes)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        x = torch.relu(self.l1(x))
        x = self.l2(x)
        return x.softmax(dim=-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        loss = F.cross_entropy(y_hat, y)  # error: CE101
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        val_loss = F.cross_entropy(y_hat, y)  # error: CE101
        acc = (y_hat.argmax(dim=-1) == y).float().mean()
        self.log_dict({"val_loss": val_loss, "val_acc": acc})

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


if __name__ == "__main__":
    from torch.utils.data import DataLoader
    from torchvision.datasets import MNIST
    from torchvision.transforms import ToTensor

    train = DataLoader(MNIST("data", train=True, download=True, transform=ToTensor()), batch_size=64)
    val = DataLoader(MNIST("data", train=False, download=True, transform=ToTensor()), batch_size=64)
    pl.Trainer(max_epochs=3).fit(LitClassifier(), train, val)
