# Stack Overflow question tags from folders: text_dataset_from_directory yields
# integer labels, the model (vectorization inside it) is compiled with
# categorical_crossentropy.
import tensorflow as tf
from tensorflow.keras import layers

raw_train_ds = tf.keras.preprocessing.text_dataset_from_directory(
    "stack_overflow/train", batch_size=32, validation_split=0.2, subset="training", seed=42)

vectorize_layer = layers.TextVectorization(max_tokens=10000, output_mode="int", output_sequence_length=250)
vectorize_layer.adapt(raw_train_ds.map(lambda text, label: text))

model = tf.keras.Sequential([
    tf.keras.Input(shape=(1,), dtype=tf.string),
    vectorize_layer,
    layers.Embedding(10001, 16),
    layers.GlobalAveragePooling1D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])  # error: CE302
model.fit(raw_train_ds, epochs=10)
