"""REINFORCE on CartPole: the policy network sees ONE state at a time (a 1-D tensor), so its softmax
over dim=0 is over the two actions. The loss is -log(pi(a|s)) * return, no cross-entropy module. Correct.
"""
import gym
import torch
import torch.nn as nn
import torch.nn.functional as F


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.affine1 = nn.Linear(4, 128)
        self.affine2 = nn.Linear(128, 2)

    def forward(self, state):
        x = F.relu(self.affine1(state))
        return F.softmax(self.affine2(x), dim=0)


env = gym.make("CartPole-v1")
policy = Policy()
optimizer = torch.optim.Adam(policy.parameters(), lr=1e-2)

for episode in range(500):
    state, _ = env.reset()
    log_probs, rewards = [], []
    done = False
    while not done:
        probs = policy(torch.from_numpy(state).float())
        action = torch.multinomial(probs, 1).item()
        log_probs.append(torch.log(probs[action]))
        state, reward, terminated, truncated, _ = env.step(action)
        rewards.append(reward)
        done = terminated or truncated
    returns = torch.tensor([sum(rewards[i:]) for i in range(len(rewards))])
    returns = (returns - returns.mean()) / (returns.std() + 1e-8)
    loss = -(torch.stack(log_probs) * returns).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
