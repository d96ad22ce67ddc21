"""JAX soft-target loss for a teacher-student setup: the student's probabilities are
clipped with jnp.clip(probs, 1e-7, 1.0) before jnp.log.

CORRECT (no finding): clipped log, the rule says nothing.
"""
import jax
import jax.numpy as jnp
import optax


def student_forward(params, x):
    h = jnp.tanh(x @ params["w1"] + params["b1"])
    return h @ params["w2"] + params["b2"]


def soft_target_loss(params, x, teacher_probs):
    probs = jax.nn.softmax(student_forward(params, x), axis=-1)
    log_p = jnp.log(jnp.clip(probs, 1e-7, 1.0))
    return -jnp.mean(jnp.sum(teacher_probs * log_p, axis=-1))


optimizer = optax.adam(1e-3)


@jax.jit
def step(params, opt_state, x, teacher_probs):
    loss, grads = jax.value_and_grad(soft_target_loss)(params, x, teacher_probs)
    updates, opt_state = optimizer.update(grads, opt_state)
    return optax.apply_updates(params, updates), opt_state, loss


if __name__ == "__main__":
    key = jax.random.PRNGKey(3)
    ks = jax.random.split(key, 4)
    params = {
        "w1": 0.1 * jax.random.normal(ks[0], (32, 64)), "b1": jnp.zeros(64),
        "w2": 0.1 * jax.random.normal(ks[1], (64, 10)), "b2": jnp.zeros(10),
    }
    x = jax.random.normal(ks[2], (512, 32))
    teacher_probs = jax.nn.softmax(jax.random.normal(ks[3], (512, 10)) * 3.0, axis=-1)
    opt_state = optimizer.init(params)
    for i in range(1000):
        params, opt_state, loss = step(params, opt_state, x, teacher_probs)
        if i % 200 == 0:
            print(i, float(loss))
