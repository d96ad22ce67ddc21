# Functional-API snippet from a forum answer, imports omitted.
#
# BUG (CE101): from_logits=True on a softmax head.

inp = Input(shape=(28, 28))
x = Flatten()(inp)
x = Dense(128, activation="relu")(x)
out = Dense(10, activation="softmax")(x)

model = Model(inputs=inp, outputs=out)
model.compile(optimizer="adam",
              loss=SparseCategoricalCrossentropy(from_logits=True),  # error: CE101
              metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=10)
