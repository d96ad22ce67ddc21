"""CORRECT (no finding): the loss is installed by the caller through set_criterion;
main.py installs nn.NLLLoss, which is right for log_softmax outputs."""
import torch


class Seq2SeqTrainer:
    def __init__(self, model, lr=1e-3, clip=1.0):
        self.model = model
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        self.clip = clip
        self.criterion = None

    def set_criterion(self, criterion):
        self.criterion = criterion
        return self

    def run_epoch(self, batches):
        self.model.train()
        total = 0.0
        for src, tgt in batches:
            log_probs = self.model(src, tgt[:, :-1])
            loss = self.criterion(log_probs.reshape(-1, log_probs.size(-1)), tgt[:, 1:].reshape(-1))
            self.optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.clip)
            self.optimizer.step()
            total += loss.item()
        return total / len(batches)
