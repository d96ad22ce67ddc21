"""Correct: a JAX smoke test with random integer labels from
np.random.randint(0, 10, size=N), passed to
optax.softmax_cross_entropy_with_integer_labels. Integer ids into the integer
loss, both in the logged loss and in the lambda that jax.grad differentiates.
No finding.
"""
import jax
import jax.numpy as jnp
import numpy as np
import optax

N, D, K = 512, 32, 10

x = np.random.randn(N, D).astype(np.float32)
y = np.random.randint(0, K, size=N)

key = jax.random.PRNGKey(0)
k1, k2 = jax.random.split(key)
params = {
    "w1": jax.random.normal(k1, (D, 64)) * 0.1,
    "b1": jnp.zeros(64),
    "w2": jax.random.normal(k2, (64, K)) * 0.1,
    "b2": jnp.zeros(K),
}


def predict(p, xb):
    h = jnp.tanh(xb @ p["w1"] + p["b1"])
    return h @ p["w2"] + p["b2"]


opt = optax.adam(1e-2)
opt_state = opt.init(params)

for step in range(200):
    logits = predict(params, x)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
    grads = jax.grad(lambda p: optax.softmax_cross_entropy_with_integer_labels(predict(p, x), y).mean())(params)
    updates, opt_state = opt.update(grads, opt_state)
    params = optax.apply_updates(params, updates)
    if step % 50 == 0:
        print(step, float(loss))
