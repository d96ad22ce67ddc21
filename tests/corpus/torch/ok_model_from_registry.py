"""Experiment runner that builds the model from a YAML config through a registry
(MODELS[cfg["arch"]](**cfg["model_args"])); the loss is nn.CrossEntropyLoss.

CORRECT (no finding): the model's output activation cannot be known statically,
so the linter must stay silent.
"""
import argparse
import yaml
import torch
import torch.nn as nn
import torchvision.models as tvm

MODELS = {
    "resnet18": tvm.resnet18,
    "mobilenet_v3": tvm.mobilenet_v3_small,
    "efficientnet_b0": tvm.efficientnet_b0,
}


def build_model(cfg):
    factory = MODELS[cfg["arch"]]
    return factory(**cfg.get("model_args", {}))


def run(cfg, loader):
    model = build_model(cfg)
    criterion = nn.CrossEntropyLoss(label_smoothing=cfg.get("label_smoothing", 0.0))
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    for epoch in range(cfg["epochs"]):
        model.train()
        for images, targets in loader:
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, targets)
            loss.backward()
            optimizer.step()
        print(f"[{cfg['arch']}] epoch {epoch}: {loss.item():.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    loader = [(torch.randn(8, 3, 224, 224), torch.randint(0, 1000, (8,)))]
    run(cfg, loader)
