from dataclasses import dataclass


@dataclass
class Account:
    email: str
    password_hash: str


class AccountStore:
    def __init__(self):
        self._by_email = {}

    def add(self, account: Account):
        self._by_email[account.email.lower()] = account

    def find(self, email):
        return self._by_email.get(email.lower())


accounts = AccountStore()
