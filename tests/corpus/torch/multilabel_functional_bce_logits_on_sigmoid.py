"""Multi-label image tagger (ResNet backbone, 20 tags) where the logits are passed
through torch.sigmoid before F.binary_cross_entropy_with_logits.

BUG (CE101): binary_cross_entropy_with_logits applies its own sigmoid; the extra
sigmoid makes every prediction at least 0.5 after the second squashing.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision


class Tagger(nn.Module):
    def __init__(self, num_tags=20):
        super().__init__()
        backbone = torchvision.models.resnet18(weights=None)
        backbone.fc = nn.Identity()
        self.backbone = backbone
        self.head = nn.Linear(512, num_tags)

    def forward(self, images):
        return self.head(self.backbone(images))


def train(model, loader, epochs=10, threshold=0.5):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(epochs):
        model.train()
        for images, tags in loader:
            optimizer.zero_grad()
            logits = model(images)
            probs = torch.sigmoid(logits)
            loss = F.binary_cross_entropy_with_logits(  # error: CE101
                probs,
                tags.float(),
                reduction="mean",
            )
            loss.backward()
            optimizer.step()
            predicted = (probs > threshold).float()
            f1_proxy = (predicted * tags).sum() / (predicted.sum() + tags.sum() + 1e-8)
        print(f"epoch {epoch} loss {loss.item():.4f} f1~{2 * f1_proxy:.3f}")


if __name__ == "__main__":
    data = [(torch.randn(8, 3, 224, 224), torch.randint(0, 2, (8, 20))) for _ in range(4)]
    train(Tagger(), data)
