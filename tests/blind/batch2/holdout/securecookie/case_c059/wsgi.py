import os

from crm import create_app

app = create_app(os.environ.get("CRM_ENV", "production"))
