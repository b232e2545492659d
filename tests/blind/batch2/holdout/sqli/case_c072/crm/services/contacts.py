from dataclasses import dataclass

from sqlalchemy import or_

from ..models import Contact


@dataclass
class ContactSearch:
    owner_id: int
    term: str = ""
    limit: int = 50

    @property
    def pattern(self):
        escaped = self.term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return f"%{escaped}%"


class ContactService:
    def search(self, criteria: ContactSearch):
        query = Contact.query.filter(Contact.owner_id == criteria.owner_id)
        if criteria.term:
            query = query.filter(
                or_(
                    Contact.name.ilike(criteria.pattern, escape="\\"),
                    Contact.company.ilike(criteria.pattern, escape="\\"),
                )
            )
        return query.order_by(Contact.name).limit(criteria.limit).all()
