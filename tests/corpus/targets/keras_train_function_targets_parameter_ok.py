"""Correct (unknown encoding): a reusable training function receives the
targets as a parameter. Inside the function nothing says how y is encoded,
so the categorical loss is not reported. The caller is in another script.
No finding.
"""
from tensorflow import keras


def build_classifier(input_dim, n_classes, hidden=(256, 128), dropout=0.2):
    inputs = keras.Input(shape=(input_dim,))
    x = inputs
    for units in hidden:
        x = keras.layers.Dense(units, activation="relu")(x)
        x = keras.layers.Dropout(dropout)(x)
    outputs = keras.layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def train(x, y, x_val, y_val, n_classes, epochs=30, lr=1e-3):
    model = build_classifier(x.shape[1], n_classes)
    model.compile(
        optimizer=keras.optimizers.Adam(lr),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    history = model.fit(
        x,
        y,
        validation_data=(x_val, y_val),
        epochs=epochs,
        batch_size=128,
        callbacks=[keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)],
    )
    return model, history


def evaluate(model, x_test, y_test):
    loss, acc = model.evaluate(x_test, y_test, verbose=0)
    print(f"loss={loss:.4f} acc={acc:.4f}")
    return acc
