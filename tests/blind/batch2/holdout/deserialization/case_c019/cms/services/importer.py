"""Import site content from a YAML backup produced by the export tool."""
import logging
from dataclasses import dataclass

import yaml

log = logging.getLogger(__name__)


@dataclass
class ImportResult:
    pages: int
    menus: int


class BackupImporter:
    loader = yaml.Loader  # keeps custom tags from older exports working

    def parse(self, stream):
        return yaml.load(stream, Loader=self.loader)

    def run(self, stream):
        doc = self.parse(stream) or {}
        pages = doc.get("pages", [])
        menus = doc.get("menus", [])
        log.info("importing %d pages, %d menus", len(pages), len(menus))
        return ImportResult(pages=len(pages), menus=len(menus))
