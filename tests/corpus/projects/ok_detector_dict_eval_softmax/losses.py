"""CORRECT (no finding): the classification term takes the training-mode logits."""
import torch.nn.functional as F


def detection_loss(out, targets, box_weight=2.0):
    cls_loss = F.cross_entropy(out["cls"], targets["labels"])
    box_loss = F.smooth_l1_loss(out["box"], targets["boxes"])
    return cls_loss + box_weight * box_loss
