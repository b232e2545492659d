result = sum(int(v) for v in params.values() if v.isdigit())  # noqa: F821
