from .engine import Rule, RuleEngine

__all__ = ["Rule", "RuleEngine"]
