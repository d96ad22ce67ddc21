"""Sentiment classifier over averaged GloVe vectors, written with nn.Sequential. The final
nn.Softmax(dim=0) normalises each class column over the batch.

BUG (CE101): nn.CrossEntropyLoss applies log_softmax itself and is given these probabilities.
"""
import torch
from torch import nn

EMBED_DIM = 300
NUM_LABELS = 3  # negative / neutral / positive

classifier = nn.Sequential(
    nn.Linear(EMBED_DIM, 100),
    nn.ReLU(),
    nn.Dropout(0.3),
    nn.Linear(100, NUM_LABELS),
    nn.Softmax(dim=0),
)

loss_function = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(classifier.parameters(), lr=0.1)


def train(batches, epochs=10):
    for epoch in range(epochs):
        for features, labels in batches:
            classifier.zero_grad()
            scores = classifier(features)
            loss = loss_function(scores, labels)  # error: CE101
            loss.backward()
            optimizer.step()
