"""Compile-and-fit helper shared by the experiments.

BUG (CE203): the helper compiles every model with binary_crossentropy, but
train.py passes it a 46-way softmax classifier. Reported here at the loss.
"""


def compile_and_fit(model, x_train, y_train, epochs=20, batch_size=512):
    model.compile(optimizer="rmsprop",
                  loss="binary_crossentropy",  # error: CE203
                  metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, validation_split=0.1)
    return history
