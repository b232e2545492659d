LDAP_URI = "ldap://ldap.example.com"
LDAP_PEOPLE = "ou=people,dc=example,dc=com"
