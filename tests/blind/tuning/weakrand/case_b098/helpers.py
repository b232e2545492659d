import base64
import os
import random

MIRRORS = [
    "https://mirror1.example.net",
    "https://mirror2.example.net",
    "https://mirror3.example.net",
]


def pick_mirror():
    return random.choice(MIRRORS)


def download_token():
    return base64.urlsafe_b64encode(os.urandom(24)).decode().rstrip("=")
