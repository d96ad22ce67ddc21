"""JAX logistic regression from scratch with a locally defined sigmoid and a
hand-written binary cross-entropy: -(y * jnp.log(sigmoid(z)) + (1 - y) * jnp.log(1 - sigmoid(z))).

BUG (CE103) on both log lines: log of a sigmoid without clipping overflows to -inf
for large |z|; use jax.nn.log_sigmoid or optax.sigmoid_binary_cross_entropy.
"""
import jax
import jax.numpy as jnp


def sigmoid(z):
    return 1.0 / (1.0 + jnp.exp(-z))


def bce_loss(w, b, X, y):
    z = X @ w + b
    pos = y * jnp.log(sigmoid(z))  # error: CE103
    neg = (1.0 - y) * jnp.log(1.0 - sigmoid(z))  # error: CE103
    return -jnp.mean(pos + neg)


grad_fn = jax.jit(jax.value_and_grad(bce_loss, argnums=(0, 1)))


def fit(X, y, lr=0.1, epochs=500):
    w = jnp.zeros(X.shape[1])
    b = 0.0
    for epoch in range(epochs):
        loss, (gw, gb) = grad_fn(w, b, X, y)
        w = w - lr * gw
        b = b - lr * gb
        if epoch % 100 == 0:
            acc = jnp.mean((sigmoid(X @ w + b) > 0.5) == y)
            print(f"epoch {epoch}: loss={float(loss):.4f} acc={float(acc):.3f}")
    return w, b


if __name__ == "__main__":
    key = jax.random.PRNGKey(1)
    k1, k2 = jax.random.split(key)
    X = jax.random.normal(k1, (1000, 5))
    true_w = jnp.array([2.0, -1.0, 0.5, 3.0, -2.5])
    y = (X @ true_w + 0.3 * jax.random.normal(k2, (1000,)) > 0).astype(jnp.float32)
    fit(X, y)
