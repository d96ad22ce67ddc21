import torch.nn as nn

from seq2seq import Seq2Seq
from trainer import Seq2SeqTrainer

PAD = 0


def main(batches, src_vocab=40, tgt_vocab=14):
    trainer = Seq2SeqTrainer(Seq2Seq(src_vocab, tgt_vocab)).set_criterion(nn.NLLLoss(ignore_index=PAD))
    for epoch in range(30):
        print(epoch, trainer.run_epoch(batches))
