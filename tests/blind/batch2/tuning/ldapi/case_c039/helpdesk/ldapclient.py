import ldap
from flask import current_app


def search(filterstr, attrs=("cn", "mail")):
    conn = ldap.initialize(current_app.config["LDAP_URI"])
    conn.simple_bind_s()
    try:
        return conn.search_s(current_app.config["LDAP_BASE"], ldap.SCOPE_SUBTREE, filterstr, list(attrs))
    finally:
        conn.unbind_s()
