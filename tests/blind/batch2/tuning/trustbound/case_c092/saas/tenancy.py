"""Tenant resolution. The edge proxy normally sets X-Tenant for us."""
import logging

from flask import g, request, session

log = logging.getLogger(__name__)
TENANT_HEADER = "X-Tenant"


def _resolve_tenant():
    header_value = request.headers.get(TENANT_HEADER)
    if header_value:
        session["tenant_id"] = header_value
    g.tenant_id = session.get("tenant_id")


def init_tenancy(app):
    app.before_request(_resolve_tenant)
