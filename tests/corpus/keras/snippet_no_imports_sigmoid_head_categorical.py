# Tutorial fragment (the imports were on a previous page): a 3-class iris classifier.
#
# BUG (CE204): categorical_crossentropy on a sigmoid head whose outputs do not sum to 1.

model = Sequential()
model.add(Dense(8, input_dim=4, activation='relu'))
model.add(Dense(3, activation='sigmoid'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])  # error: CE204
history = model.fit(X, dummy_y, epochs=200, batch_size=5, verbose=0)
