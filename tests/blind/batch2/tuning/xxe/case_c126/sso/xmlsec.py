"""Hardened lxml parsing for inbound SAML-like assertions."""
from lxml import etree

HARDENED = dict(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
)


def hardened_parser():
    return etree.XMLParser(**HARDENED)


def parse_assertion(raw: bytes):
    root = etree.fromstring(raw, parser=hardened_parser())
    if root.getroottree().docinfo.internalDTD is not None:
        raise ValueError("DTDs are not allowed")
    return root
