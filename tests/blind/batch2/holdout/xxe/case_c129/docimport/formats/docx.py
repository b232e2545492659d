import io
import zipfile

from lxml import etree

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_parser = etree.XMLParser(resolve_entities=True, no_network=False, recover=True)


def extract_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    root = etree.fromstring(xml, _parser)
    paragraphs = []
    for p in root.iter(f"{W_NS}p"):
        paragraphs.append("".join(t.text or "" for t in p.iter(f"{W_NS}t")))
    return "\n".join(paragraphs)
