from dataclasses import dataclass, field

SCRIPTS = {
    "nightly": "/opt/jobs/nightly.sh --quiet",
    "reindex": "/opt/jobs/reindex.sh",
    "cleanup": "find /var/tmp/app -mtime +7 -delete",
}


@dataclass
class Job:
    label: str
    kind: str
    script: str = field(init=False)

    def __post_init__(self):
        self.script = SCRIPTS.get(self.kind, SCRIPTS["nightly"])
