from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

SEARCHABLE = ("cn", "mail", "ou", "title")


def build_filter(**attrs):
    parts = "".join(
        "({}={})".format(key, escape_filter_chars(str(value)))
        for key, value in attrs.items()
        if key in SEARCHABLE
    )
    return "(&(objectClass=person){})".format(parts)


def find(uri, base, **attrs):
    conn = Connection(Server(uri), auto_bind=True)
    conn.search(base, build_filter(**attrs), search_scope=SUBTREE, attributes=list(SEARCHABLE))
    found = [e.entry_attributes_as_dict for e in conn.entries]
    conn.unbind()
    return found
