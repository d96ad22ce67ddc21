"""JAX linear classifier with a hand-written cross-entropy:
-jnp.sum(y * jnp.log(jax.nn.softmax(logits)), axis=-1).

BUG (CE103): log of softmax underflows for confident predictions; use
jax.nn.log_softmax(logits) or optax.softmax_cross_entropy(logits, y).
"""
import jax
import jax.numpy as jnp
from sklearn.datasets import load_digits


def model(params, x):
    return x @ params["W"] + params["b"]


def cross_entropy(params, x, y_onehot):
    logits = model(params, x)
    log_p = jnp.log(jax.nn.softmax(logits))  # error: CE103
    return -jnp.mean(jnp.sum(y_onehot * log_p, axis=-1))


@jax.jit
def sgd_step(params, x, y_onehot, lr=0.5):
    loss, grads = jax.value_and_grad(cross_entropy)(params, x, y_onehot)
    params = jax.tree_util.tree_map(lambda p, g: p - lr * g, params, grads)
    return params, loss


def main():
    digits = load_digits()
    x = jnp.asarray(digits.data / 16.0, dtype=jnp.float32)
    y = jax.nn.one_hot(jnp.asarray(digits.target), 10)
    key = jax.random.PRNGKey(0)
    params = {"W": 0.01 * jax.random.normal(key, (64, 10)), "b": jnp.zeros(10)}
    for epoch in range(200):
        params, loss = sgd_step(params, x, y)
        if epoch % 20 == 0:
            acc = jnp.mean(jnp.argmax(model(params, x), -1) == digits.target)
            print(f"epoch {epoch}: loss={float(loss):.4f} acc={float(acc):.3f}")


if __name__ == "__main__":
    main()
