import os

from flask import current_app
from lxml import etree


def open_report(report_id: int):
    path = os.path.join(current_app.config["REPORT_DIR"], f"{report_id}.xml")
    return etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))


class ReportQuery:
    """Advanced search: customers type filter predicates in the UI.

    Rows marked visibility='internal' hold staff-only annotations.
    """

    def __init__(self, doc):
        self.evaluator = etree.XPathEvaluator(doc)

    def rows(self, predicate: str, limit: int = 200):
        results = self.evaluator(f"//row[@visibility='public' and ({predicate})]")
        return [dict(r.attrib) for r in results[:limit]]
