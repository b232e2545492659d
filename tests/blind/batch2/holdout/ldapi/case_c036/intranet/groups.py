from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

GROUP_DNS = {
    "engineering": "cn=engineering,ou=groups,dc=example,dc=com",
    "finance": "cn=finance,ou=groups,dc=example,dc=com",
    "support": "cn=support,ou=groups,dc=example,dc=com",
}


class GroupDirectory:
    def __init__(self, cfg):
        self.base_dn = cfg["LDAP_BASE_DN"]
        self.conn = Connection(Server(cfg["LDAP_URL"]), cfg["LDAP_USER"], cfg["LDAP_PASSWORD"], auto_bind=True)

    def members(self, group_key, name_prefix=""):
        group_dn = GROUP_DNS[group_key]
        parts = ["(objectClass=person)", f"(memberOf={escape_filter_chars(group_dn)})"]
        if name_prefix:
            parts.append(f"(cn={escape_filter_chars(name_prefix)}*)")
        self.conn.search(self.base_dn, "(&" + "".join(parts) + ")", SUBTREE, attributes=["cn", "mail"])
        return [e.entry_attributes_as_dict for e in self.conn.entries]
