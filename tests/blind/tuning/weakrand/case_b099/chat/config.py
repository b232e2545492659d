class DefaultConfig:
    TOKEN_LENGTH = 20
    TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
