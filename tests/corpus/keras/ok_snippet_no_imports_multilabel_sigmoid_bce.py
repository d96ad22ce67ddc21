# Snippet from a blog on multi-label tagging (imports in an earlier listing): one sigmoid per tag
# and binary_crossentropy. Correct for multi-label targets.

model = Sequential()
model.add(Embedding(vocab_size, 100, input_length=maxlen))
model.add(GlobalMaxPool1D())
model.add(Dense(64, activation="relu"))
model.add(Dense(n_tags, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X_train, Y_train, epochs=10, batch_size=64)
