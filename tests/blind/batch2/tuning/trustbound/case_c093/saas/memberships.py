from dataclasses import dataclass


@dataclass(frozen=True)
class Membership:
    user_id: int
    tenant_id: str
    role: str


_MEMBERSHIPS = [
    Membership(1, "acme", "owner"),
    Membership(1, "globex", "viewer"),
    Membership(2, "globex", "owner"),
]


def membership_for(user_id: int, tenant_slug: str) -> Membership | None:
    for m in _MEMBERSHIPS:
        if m.user_id == user_id and m.tenant_id == tenant_slug:
            return m
    return None
