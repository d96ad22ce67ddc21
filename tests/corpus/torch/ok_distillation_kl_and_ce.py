"""Knowledge distillation: student trained with F.cross_entropy on its raw logits plus
F.kl_div(F.log_softmax(student / T, dim=1), F.softmax(teacher / T, dim=1)).

CORRECT (no finding): the softmax output is the KL target, not a cross-entropy input.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision


def distillation_loss(student_logits, teacher_logits, labels, T=4.0, alpha=0.7):
    soft_targets = F.softmax(teacher_logits / T, dim=1)
    soft_student = F.log_softmax(student_logits / T, dim=1)
    kd = F.kl_div(soft_student, soft_targets, reduction="batchmean") * (T * T)
    ce = F.cross_entropy(student_logits, labels)
    return alpha * kd + (1 - alpha) * ce


def main():
    teacher = torchvision.models.resnet50(num_classes=100)
    teacher.load_state_dict(torch.load("teacher_cifar100.pt"))
    teacher.eval()
    student = torchvision.models.resnet18(num_classes=100)
    optimizer = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    loader = [(torch.randn(32, 3, 32, 32), torch.randint(0, 100, (32,))) for _ in range(10)]

    for epoch in range(3):
        student.train()
        for images, labels in loader:
            with torch.no_grad():
                teacher_logits = teacher(images)
            student_logits = student(images)
            loss = distillation_loss(student_logits, teacher_logits, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch}: {loss.item():.4f}")


if __name__ == "__main__":
    main()
