"""Lightning-style module for AG News: forward returns self.classifier(...) raw
logits, training_step uses F.cross_entropy, and predict_step returns
torch.softmax(logits, dim=-1).

CORRECT (no finding): the softmax is only in predict_step.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class NewsClassifier(pl.LightningModule):
    def __init__(self, vocab_size=95811, embed_dim=64, num_classes=4, lr=5.0):
        super().__init__()
        self.save_hyperparameters()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, sparse=False)
        self.classifier = nn.Linear(embed_dim, num_classes)

    def forward(self, text, offsets):
        return self.classifier(self.embedding(text, offsets))

    def training_step(self, batch, batch_idx):
        labels, text, offsets = batch
        logits = self(text, offsets)
        loss = F.cross_entropy(logits, labels)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        labels, text, offsets = batch
        logits = self(text, offsets)
        self.log("val_loss", F.cross_entropy(logits, labels))
        self.log("val_acc", (logits.argmax(dim=1) == labels).float().mean())

    def predict_step(self, batch, batch_idx):
        _, text, offsets = batch
        return torch.softmax(self(text, offsets), dim=-1)

    def configure_optimizers(self):
        optimizer = torch.optim.SGD(self.parameters(), lr=self.hparams.lr)
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma=0.1)
        return [optimizer], [scheduler]


if __name__ == "__main__":
    batch = (torch.randint(0, 4, (8,)), torch.randint(0, 95811, (120,)), torch.arange(0, 120, 15))
    loader = [batch] * 20
    pl.Trainer(max_epochs=2).fit(NewsClassifier(), loader, loader)
