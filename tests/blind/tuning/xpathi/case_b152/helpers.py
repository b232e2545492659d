import re

from lxml import etree

SHIPMENTS = etree.parse("shipments.xml")
_TRACKING = re.compile(r"[A-Z0-9]{8,20}")


def well_formed(code):
    return bool(_TRACKING.fullmatch(code))


def events_for(code):
    return SHIPMENTS.xpath("//shipment[@tracking='" + code + "']/event/@status")
