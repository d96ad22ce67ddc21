"""Star import from Keras, then the project's own `Dense` (a wrapper with its house initializer that
never takes an activation) defined after it: the local definition wins, and the explicit Activation
layer makes the head a softmax. Correct.
"""
from tensorflow.keras.layers import *
from tensorflow.keras.models import Sequential
from tensorflow.keras import initializers, layers


def Dense(units, **kwargs):
    kwargs.pop("activation", None)
    return layers.Dense(units, kernel_initializer=initializers.HeNormal(), **kwargs)


model = Sequential()
model.add(Dense(256, input_shape=(300,)))
model.add(Activation("relu"))
model.add(Dense(1))
model.add(Activation("sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, epochs=8)
