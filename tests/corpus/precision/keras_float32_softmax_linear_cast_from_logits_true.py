"""Mixed-precision text classifier: the softmax is applied in float32, a 'linear' float32 Activation
follows for the output dtype, and the loss is told it receives logits -- a second softmax inside
the loss.
"""
from tensorflow import keras
from tensorflow.keras import layers, mixed_precision

mixed_precision.set_global_policy("mixed_float16")

inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(20000, 128)(inputs)
x = layers.Bidirectional(layers.LSTM(64))(x)
x = layers.Dense(6)(x)
x = layers.Activation("softmax", dtype="float32")(x)
outputs = layers.Activation("linear", dtype="float32")(x)

model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),  # error: CE101
              metrics=["accuracy"])
