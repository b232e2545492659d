import random


def make_api_key(prefix="pk"):
    bits = random.getrandbits(128)
    return f"{prefix}_{bits:032x}"
