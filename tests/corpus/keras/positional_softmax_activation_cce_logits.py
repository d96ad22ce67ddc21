"""Weather type classifier whose head passes the activation positionally: Dense(4, "softmax").

BUG (CE101): CategoricalCrossentropy(from_logits=True) on a softmax head.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Dense

readings = np.random.rand(1200, 9).astype("float32")
weather = keras.utils.to_categorical(np.random.randint(0, 4, size=1200), 4)

model = keras.models.Sequential([
    keras.Input(shape=(9,)),
    Dense(32, "relu"),
    Dense(16, "relu"),
    Dense(4, "softmax"),
])
model.compile(
    loss=keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.0),  # error: CE101
    optimizer=keras.optimizers.Adam(5e-3),
    metrics=["accuracy"],
)
model.fit(readings, weather, epochs=60, batch_size=16, validation_split=0.2, verbose=0)
