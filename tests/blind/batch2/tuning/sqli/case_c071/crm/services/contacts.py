from dataclasses import dataclass

from sqlalchemy import text

from ..models import Contact


@dataclass
class ContactSearch:
    owner_id: int
    term: str = ""
    limit: int = 50

    def name_clause(self):
        return text("contacts.name LIKE '%" + self.term + "%'")


class ContactService:
    def search(self, criteria: ContactSearch):
        query = Contact.query.filter(Contact.owner_id == criteria.owner_id)
        if criteria.term:
            query = query.filter(criteria.name_clause())
        return query.order_by(Contact.name).limit(criteria.limit).all()
