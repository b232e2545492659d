from ldap3 import SUBTREE, Connection, Server


class Directory:
    def __init__(self, uri, base):
        self.server = Server(uri)
        self.base = base

    def find(self, **attrs):
        parts = "".join(f"({key}={value})" for key, value in attrs.items())
        flt = f"(&(objectClass=person){parts})"
        conn = Connection(self.server, auto_bind=True)
        conn.search(self.base, flt, search_scope=SUBTREE, attributes=["cn", "mail", "ou"])
        found = [e.entry_attributes_as_dict for e in conn.entries]
        conn.unbind()
        return found
