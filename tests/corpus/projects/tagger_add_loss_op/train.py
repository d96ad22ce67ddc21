import torch
import torch.nn as nn

from model import Tagger

vocab = torch.load("vocab.pt")
batches = torch.load("train_batches.pt")

tagger = Tagger(vocab_size=len(vocab), n_tags=17)
tagger.add_loss_op(nn.NLLLoss(ignore_index=-100))
tagger.add_optimizer(lr=1e-3)
tagger.fit(batches, n_epochs=15)
