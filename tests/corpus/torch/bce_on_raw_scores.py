"""Click-through-rate model: embedding + MLP returning self.fc(x) raw scores,
trained with nn.BCELoss.

BUG (CE102): BCELoss expects probabilities in [0, 1]; raw scores from a Linear
layer make it raise or produce nan. Use BCEWithLogitsLoss (or add a sigmoid).
"""
import torch
import torch.nn as nn


class CTRModel(nn.Module):
    def __init__(self, n_users, n_items, dim=32):
        super().__init__()
        self.user_emb = nn.Embedding(n_users, dim)
        self.item_emb = nn.Embedding(n_items, dim)
        self.mlp = nn.Sequential(
            nn.Linear(2 * dim, 64),
            nn.ReLU(),
            nn.Linear(64, 32),
            nn.ReLU(),
        )
        self.fc = nn.Linear(32, 1)

    def forward(self, users, items):
        x = torch.cat([self.user_emb(users), self.item_emb(items)], dim=-1)
        x = self.mlp(x)
        return self.fc(x).squeeze(-1)


def train(model, batches, epochs=3):
    criterion = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        running = 0.0
        for users, items, clicked in batches:
            optimizer.zero_grad()
            scores = model(users, items)
            loss = criterion(scores, clicked.float())  # error: CE102
            loss.backward()
            optimizer.step()
            running += loss.item()
        print(f"epoch {epoch}: {running / max(len(batches), 1):.4f}")


if __name__ == "__main__":
    n_users, n_items = 1000, 500
    batches = [
        (torch.randint(0, n_users, (64,)), torch.randint(0, n_items, (64,)), torch.randint(0, 2, (64,)))
        for _ in range(50)
    ]
    train(CTRModel(n_users, n_items), batches)
