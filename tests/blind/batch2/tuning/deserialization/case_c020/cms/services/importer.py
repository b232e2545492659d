"""Import site content from a YAML backup produced by the export tool."""
import logging
from dataclasses import dataclass

import yaml

log = logging.getLogger(__name__)


class ImportError_(ValueError):
    pass


@dataclass
class ImportResult:
    pages: int
    menus: int


class BackupImporter:
    def parse(self, stream):
        try:
            return yaml.safe_load(stream)
        except yaml.YAMLError as exc:
            raise ImportError_(str(exc)) from exc

    def run(self, stream):
        doc = self.parse(stream) or {}
        if not isinstance(doc, dict):
            raise ImportError_("top level must be a mapping")
        pages = doc.get("pages", [])
        menus = doc.get("menus", [])
        log.info("importing %d pages, %d menus", len(pages), len(menus))
        return ImportResult(pages=len(pages), menus=len(menus))
