"""tf.keras-or-Keras import fallback, with a correct logits head: a linear Dense(10) and
from_logits=True. Silent.
"""
try:
    import tensorflow.keras as keras
    from tensorflow.keras import layers
except ImportError:
    import keras
    from keras import layers

model = keras.Sequential([
    layers.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(10),
])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
