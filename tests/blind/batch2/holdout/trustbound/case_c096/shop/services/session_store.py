from flask import session


class SessionStore:
    namespace = "shop"

    def _bucket(self):
        return session.setdefault(self.namespace, {})

    def remember(self, **values):
        bucket = self._bucket()
        bucket.update(values)
        session.modified = True

    def get(self, key, default=None):
        return self._bucket().get(key, default)


store = SessionStore()
