"""Outbound integrations and helpers: e-mail, invoices, link previews,
inventory, the payment gateway, product feeds and thumbnails."""
import hashlib
import html
import ipaddress
import os
import re
import socket
import ssl
import subprocess
from urllib.parse import urlsplit

import jinja2
import requests
import yaml
from defusedxml import ElementTree as SafeElementTree
from flask import current_app

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")
SHIPPING_RULES_PATH = os.path.join(os.path.dirname(__file__), "shipping.yaml")
INVENTORY_URL = "https://inventory.internal.example.com/api/stock"
PAYMENT_GATEWAY = ("gateway.bank.example.com", 8443)
HTTP_TIMEOUT = (3.05, 10)
THUMBNAIL_SIZE_RE = re.compile(r"^\d{2,4}x\d{2,4}$")
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)

_mail_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(os.path.join(TEMPLATE_DIR, "emails")),
    autoescape=jinja2.select_autoescape(["html", "xml"]),
)

_preview_cache = {}


class PaymentError(RuntimeError):
    """Raised when the gateway declines or does not answer."""


class UnsafeURLError(ValueError):
    """Raised for link-preview URLs pointing at internal addresses."""


def send_mail(to, template_name, **context):
    """Render an e-mail template and hand it to the outbound mail relay."""
    body = _mail_env.get_template(template_name).render(**context)
    current_app.logger.info("mail to=%s template=%s bytes=%d", to, template_name, len(body))
    return body


def render_invoice(order):
    return _mail_env.get_template("invoice.html").render(order=order)


def _assert_public_url(url):
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise UnsafeURLError("only https:// links can be previewed")
    for info in socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(info[4][0]).is_global:
            raise UnsafeURLError("link points at a non-public address")


def link_preview(url):
    """Fetch a page and extract its <title> for the note editor's link cards."""
    # Cache key only; not a security boundary.
    cache_key = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    if cache_key in _preview_cache:
        return _preview_cache[cache_key]
    _assert_public_url(url)
    resp = requests.get(url, timeout=HTTP_TIMEOUT, allow_redirects=False)
    resp.raise_for_status()
    match = TITLE_RE.search(resp.text[:65536])
    title = html.unescape(match.group(1)).strip() if match else url
    _preview_cache[cache_key] = {"url": url, "title": title}
    return _preview_cache[cache_key]


def check_stock(sku):
    """Ask the inventory service how many units are left.

    The inventory service uses the internal CA, shipped in the image.
    """
    ca_bundle = os.environ.get("INTERNAL_CA_BUNDLE", True)
    resp = requests.get(f"{INVENTORY_URL}/{sku}", verify=ca_bundle, timeout=HTTP_TIMEOUT)
    resp.raise_for_status()
    return resp.json().get("available", 0)


def charge_card(card_token, amount_cents):
    """Charge a card through the bank's line-based gateway protocol."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    host, port = PAYMENT_GATEWAY
    with socket.create_connection(PAYMENT_GATEWAY, timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=host) as conn:
            line = f"CHARGE {current_app.config['PAYMENTS_API_KEY']} {card_token} {int(amount_cents)}\n"
            conn.sendall(line.encode())
            reply = conn.recv(1024).decode().strip().split()
    if not reply or reply[0] != "OK":
        raise PaymentError(" ".join(reply) or "no reply from gateway")
    return {"order_id": reply[1]}


def parse_product_feed(xml_bytes):
    """Parse the supplier's XML product feed (DTDs and entities are rejected)."""
    root = SafeElementTree.fromstring(xml_bytes)
    return [
        {
            "sku": item.findtext("sku"),
            "name": item.findtext("name"),
            "price_cents": int(float(item.findtext("price")) * 100),
        }
        for item in root.iter("product")
    ]


def load_shipping_rules(path=SHIPPING_RULES_PATH):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def make_thumbnail(src, size="200x200"):
    """Create ``<name>.thumb.png`` next to an uploaded image using ImageMagick."""
    if not THUMBNAIL_SIZE_RE.match(size):
        raise ValueError(f"invalid thumbnail size {size!r}")
    dst = os.path.splitext(src)[0] + ".thumb.png"
    subprocess.run(["convert", src, "-thumbnail", size, dst], check=True, timeout=30)
    return dst


def file_fingerprint(path):
    """Content fingerprint used to de-duplicate uploads."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()
