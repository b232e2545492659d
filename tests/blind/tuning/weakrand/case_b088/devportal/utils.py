import random
import secrets


def make_api_key(prefix="pk"):
    return f"{prefix}_{secrets.token_hex(16)}"


def pick_shard(shards):
    return random.choice(shards)
