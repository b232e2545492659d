import logging
import mimetypes
from pathlib import Path

log = logging.getLogger(__name__)


class LocalStorage:
    def __init__(self, root):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key.lstrip("/")

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def read(self, key: str) -> tuple[bytes, str]:
        path = self._path(key)
        log.debug("reading %s", path)
        with open(path, "rb") as fh:
            data = fh.read()
        return data, mimetypes.guess_type(path.name)[0] or "application/octet-stream"
