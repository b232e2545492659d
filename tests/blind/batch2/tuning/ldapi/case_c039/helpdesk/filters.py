"""Small fluent builder for LDAP filters."""


class FilterBuilder:
    def __init__(self, op="&"):
        self.op = op
        self.clauses = []

    def eq(self, attr, value):
        self.clauses.append(f"({attr}={value})")
        return self

    def present(self, attr):
        self.clauses.append(f"({attr}=*)")
        return self

    def build(self):
        if len(self.clauses) == 1:
            return self.clauses[0]
        return f"({self.op}{''.join(self.clauses)})"
