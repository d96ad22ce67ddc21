"""Flax project: models.py defines ResNetLite ending in nn.Dense(features=num_classes);
train.py imports it (`from .models import ResNetLite`) and uses
optax.softmax_cross_entropy_with_integer_labels on the raw logits. CORRECT (no finding).
"""
