import logging
import re

from ldap3 import SUBTREE, Connection, Server

log = logging.getLogger(__name__)

CORPORATE_EMAIL = re.compile(r"[\w.+-]+@example\.com")
PERSON_BY_MAIL = "(&(objectClass=person)(mail=%s))"


class InvalidEmail(ValueError):
    pass


class DirectoryService:
    def __init__(self, url, base_dn, user, password):
        self.base_dn = base_dn
        self._conn = Connection(Server(url), user, password, auto_bind=True)

    @classmethod
    def from_config(cls, cfg):
        return cls(cfg["LDAP_URL"], cfg["LDAP_BASE_DN"], cfg["LDAP_USER"], cfg["LDAP_PASSWORD"])

    def find_by_email(self, email):
        if not CORPORATE_EMAIL.search(email):
            raise InvalidEmail(email)
        query = PERSON_BY_MAIL % email
        log.debug("ldap query %s", query)
        self._conn.search(self.base_dn, query, SUBTREE, attributes=["cn", "telephoneNumber", "manager"])
        return [entry.entry_attributes_as_dict for entry in self._conn.entries]
