class Base:
    PARTNER_HOSTS = frozenset()


class Production(Base):
    PARTNER_HOSTS = frozenset({"partner-a.example.org", "partner-b.example.net"})
