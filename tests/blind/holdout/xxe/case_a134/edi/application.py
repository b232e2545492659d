from flask import Flask
from lxml import etree


class EdiApp(Flask):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.xml_parser = etree.XMLParser(load_dtd=True, recover=False)

    def parse_message(self, raw):
        return etree.fromstring(raw, parser=self.xml_parser)
