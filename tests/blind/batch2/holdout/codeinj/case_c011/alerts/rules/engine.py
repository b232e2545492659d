import logging
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class Rule:
    name: str
    condition: str
    severity: str = "warning"
    tags: list = field(default_factory=list)

    def compiled(self):
        source = f"def _check(metric):\n    return bool({self.condition})\n"
        return compile(source, f"<rule {self.name}>", "exec")


class RuleEngine:
    def __init__(self):
        self._rules = {}

    def add(self, rule: Rule):
        namespace = {}
        exec(rule.compiled(), {}, namespace)
        self._rules[rule.name] = (rule, namespace["_check"])
        log.info("registered rule %s", rule.name)

    def evaluate(self, metric):
        fired = []
        for name, (rule, check) in self._rules.items():
            try:
                if check(metric):
                    fired.append({"rule": name, "severity": rule.severity})
            except Exception:
                log.exception("rule %s crashed", name)
        return fired
