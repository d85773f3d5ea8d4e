"""The weekly loop: the question bank, each person's weekly prompt, and what they send back."""
