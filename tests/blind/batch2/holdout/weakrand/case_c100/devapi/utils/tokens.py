import random


def random_hex(nbits: int = 128) -> str:
    return f"{random.getrandbits(nbits):0{nbits // 4}x}"


def generate_api_key(prefix: str) -> str:
    return prefix + random_hex(160)
