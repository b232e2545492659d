"""Demo data, loaded on every fresh start."""
import os
from datetime import date

from .models import Expense, Invoice, User, Vendor, db

USERS = [
    # username, password, display name, role
    ("alice", "Alice-Ledger-2024", "Alice Martin", "member"),
    ("bob", "Bob$Receipts77", "Bob Chen", "member"),
    ("admin", "admin", "Office Admin", "admin"),
]

EXPENSES = {
    "alice": [
        ("Acme Travel", "travel", 412.80, date(2024, 4, 12), "Train to Lyon for the kickoff"),
        ("Blue Bottle Catering", "meals", 86.50, date(2024, 4, 15), "Team lunch"),
        ("Northwind Office Supply", "office", 39.99, date(2024, 5, 2), "Printer toner"),
    ],
    "bob": [
        ("Acme Travel", "travel", 1290.00, date(2024, 4, 20), "Hotel for client offsite - CONFIDENTIAL (Project Falcon)"),
        ("CloudNine Hosting", "software", 249.00, date(2024, 5, 1), "Staging servers, card ending 4242"),
        ("Blue Bottle Catering", "meals", 140.25, date(2024, 5, 9), "Dinner with Falcon investors"),
    ],
    "admin": [
        ("CloudNine Hosting", "software", 999.00, date(2024, 5, 3), "Annual plan (admin card)"),
    ],
}

INVOICES = {
    "alice": [
        ("INV-1001", "Globex Corp", 4200.00, date(2024, 6, 1), "open", "3f2c1a8e-5b7d-4c1e-9a2f-0d6b8e4c7a11", "Net 30"),
        ("INV-1002", "Initech", 780.00, date(2024, 5, 15), "paid", "8a9b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02", ""),
    ],
    "bob": [
        ("INV-2001", "Falcon Ventures", 15800.00, date(2024, 6, 10), "open", "c0ffee00-1234-4abc-9def-00000000b0b1", "Discount 12% agreed privately"),
        ("INV-2002", "Umbrella Ltd", 2300.00, date(2024, 4, 30), "overdue", "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6", ""),
    ],
}

VENDORS = [
    ("Acme Travel", "https://acme-travel.example", "travel"),
    ("Blue Bottle Catering", "https://bluebottle.example", "meals"),
    ("CloudNine Hosting", "https://cloudnine.example", "software"),
    ("Northwind Office Supply", "https://northwind.example", "office"),
]

RECEIPTS = {
    "alice": {"taxi-0412.txt": "Taxi Lyon Part-Dieu\nEUR 32.00\nPaid by card\n",
              "lunch-0415.txt": "Blue Bottle Catering\n6 x menu\nEUR 86.50\n"},
    "bob": {"hotel-0420.txt": "Hotel Falcon offsite\n3 nights\nEUR 1290.00\nGuest: Bob Chen\n"},
    "admin": {},
}


def seed(app):
    db.create_all()
    users = {}
    for username, password, display, role in USERS:
        user = User(username=username, display_name=display, role=role,
                    email=f"{username}@ledger.example")
        user.set_password(password)
        db.session.add(user)
        users[username] = user
    db.session.flush()

    for username, rows in EXPENSES.items():
        for vendor, category, amount, spent_on, description in rows:
            db.session.add(Expense(owner_id=users[username].id, vendor=vendor, category=category,
                                   amount=amount, spent_on=spent_on, description=description))
    for username, rows in INVOICES.items():
        for number, client, amount, due, status, share_id, notes in rows:
            db.session.add(Invoice(owner_id=users[username].id, number=number, client=client,
                                   amount=amount, due_on=due, status=status,
                                   share_id=share_id, notes=notes))
    for name, site, category in VENDORS:
        db.session.add(Vendor(name=name, website=site, category=category))
    db.session.commit()

    for username, files in RECEIPTS.items():
        folder = app.data_path("receipts", str(users[username].id))
        os.makedirs(folder, exist_ok=True)
        for name, body in files.items():
            with open(os.path.join(folder, name), "w") as fh:
                fh.write(body)
