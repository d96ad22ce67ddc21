"""Pure-JAX MLP: optax.softmax_cross_entropy(logits, one_hot) on raw logits;
jax.nn.softmax is used only in an evaluate() function for accuracy/confidence.

CORRECT (no finding).
"""
import jax
import jax.numpy as jnp
import optax


def init(key, n_in=20, n_hidden=64, n_out=5):
    k1, k2 = jax.random.split(key)
    return {
        "w1": jax.random.normal(k1, (n_in, n_hidden)) * 0.1, "b1": jnp.zeros(n_hidden),
        "w2": jax.random.normal(k2, (n_hidden, n_out)) * 0.1, "b2": jnp.zeros(n_out),
    }


def forward(params, x):
    h = jax.nn.gelu(x @ params["w1"] + params["b1"])
    return h @ params["w2"] + params["b2"]


def loss_fn(params, x, labels):
    logits = forward(params, x)
    one_hot = jax.nn.one_hot(labels, 5)
    return optax.softmax_cross_entropy(logits, one_hot).mean()


def evaluate(params, x, labels):
    probs = jax.nn.softmax(forward(params, x), axis=-1)
    acc = jnp.mean(jnp.argmax(probs, axis=-1) == labels)
    return acc, jnp.mean(jnp.max(probs, axis=-1))


opt = optax.chain(optax.clip_by_global_norm(1.0), optax.adam(3e-3))


@jax.jit
def train_step(params, opt_state, x, labels):
    loss, grads = jax.value_and_grad(loss_fn)(params, x, labels)
    updates, opt_state = opt.update(grads, opt_state)
    return optax.apply_updates(params, updates), opt_state, loss


key = jax.random.PRNGKey(0)
params = init(key)
opt_state = opt.init(params)
x = jax.random.normal(key, (2048, 20))
labels = jnp.argmax(x[:, :5], axis=-1)
for step in range(300):
    params, opt_state, loss = train_step(params, opt_state, x, labels)
    if step % 50 == 0:
        acc, conf = evaluate(params, x, labels)
        print(step, float(loss), float(acc), float(conf))
