result = "Hello, " + params.get("name", "world")  # noqa: F821
