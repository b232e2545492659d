LDAP_URI = "ldap://ldap.example.com"
LDAP_BASE = "dc=example,dc=com"
