"""Pure-JAX MLP (params as a list of (W, b)) whose predict() returns
jax.nn.softmax(logits); loss() passes it to optax.softmax_cross_entropy with one-hot
labels.

BUG (CE101): probabilities given to a logits loss.
"""
import jax
import jax.numpy as jnp
import optax


def init_params(key, sizes=(784, 256, 128, 10)):
    params = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        key, sub = jax.random.split(key)
        params.append((jax.random.normal(sub, (n_in, n_out)) * jnp.sqrt(2.0 / n_in), jnp.zeros(n_out)))
    return params


def predict(params, x):
    for W, b in params[:-1]:
        x = jax.nn.relu(x @ W + b)
    W, b = params[-1]
    logits = x @ W + b
    return jax.nn.softmax(logits, axis=-1)


def loss(params, x, y_onehot):
    probs = predict(params, x)
    return optax.softmax_cross_entropy(probs, y_onehot).mean()  # error: CE101


optimizer = optax.sgd(learning_rate=0.1, momentum=0.9)


@jax.jit
def update(params, opt_state, x, y_onehot):
    value, grads = jax.value_and_grad(loss)(params, x, y_onehot)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, value


if __name__ == "__main__":
    key = jax.random.PRNGKey(42)
    params = init_params(key)
    opt_state = optimizer.init(params)
    for step in range(500):
        key, kx, ky = jax.random.split(key, 3)
        x = jax.random.normal(kx, (256, 784))
        y = jax.nn.one_hot(jax.random.randint(ky, (256,), 0, 10), 10)
        params, opt_state, value = update(params, opt_state, x, y)
        if step % 50 == 0:
            print(step, float(value))
