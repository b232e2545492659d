from flask import current_app
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars


def person_filter(attr, value):
    return "(&(objectClass=person)({}={}))".format(attr, escape_filter_chars(value))


def search(filter_str, attributes):
    cfg = current_app.config
    conn = Connection(Server(cfg["LDAP_URL"]), cfg["LDAP_BIND_DN"], cfg["LDAP_BIND_PASSWORD"],
                      auto_bind=True)
    try:
        conn.search(cfg["LDAP_BASE"], filter_str, search_scope=SUBTREE, attributes=attributes)
        return [e.entry_attributes_as_dict for e in conn.entries]
    finally:
        conn.unbind()
