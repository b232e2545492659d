import logging
import os
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

ALLOWED_FORMATS = {"png", "jpg", "webp"}


@dataclass
class ConversionJob:
    source: str
    fmt: str = "png"
    resize: str = "100%"
    extra: list = field(default_factory=list)

    @property
    def target(self):
        base, _ = os.path.splitext(self.source)
        return f"{base}.{self.fmt}"


class Converter:
    def __init__(self, binary, media_root):
        self.binary = binary
        self.media_root = media_root

    def build_command(self, job: ConversionJob) -> str:
        parts = [self.binary, os.path.join(self.media_root, job.source)]
        parts += ["-resize", job.resize]
        parts += job.extra
        parts.append(os.path.join(self.media_root, job.target))
        return " ".join(parts)

    def run(self, job: ConversionJob) -> int:
        if job.fmt not in ALLOWED_FORMATS:
            raise ValueError("unsupported format")
        cmd = self.build_command(job)
        log.debug("convert: %s", cmd)
        return os.system(cmd)
