"""Correct (no evidence): a chest X-ray model with a 14-unit sigmoid head and
binary_crossentropy. The targets are read from a CSV of 0/1 finding columns,
so nothing shows that they are single-label one-hot; a multi-unit sigmoid +
BCE is presumed multi-label and CE203 must stay silent. No finding.
"""
import numpy as np
import pandas as pd
from tensorflow import keras

FINDINGS = ["Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass",
            "Nodule", "Pneumonia", "Pneumothorax", "Consolidation", "Edema",
            "Emphysema", "Fibrosis", "Pleural_Thickening", "Hernia"]

meta = pd.read_csv("chestxray14_labels.csv")
y = meta[FINDINGS].values.astype("float32")
x = np.load("chestxray14_224.npy", mmap_mode="r")

base = keras.applications.DenseNet121(include_top=False, weights=None, input_shape=(224, 224, 3), pooling="avg")
outputs = keras.layers.Dense(14, activation="sigmoid")(base.output)
model = keras.Model(base.input, outputs)

model.compile(optimizer=keras.optimizers.Adam(1e-4),
              loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(multi_label=True, num_labels=14)])

model.fit(x, y, batch_size=16, epochs=5, validation_split=0.1)
model.save_weights("chexnet.weights.h5")
