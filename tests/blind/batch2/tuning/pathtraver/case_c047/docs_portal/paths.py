import os


class OutsideRoot(Exception):
    pass


def confine(root: str, relative: str) -> str:
    """Join *relative* under *root* and make sure it does not escape."""
    root = os.path.realpath(root)
    full = os.path.realpath(os.path.join(root, relative))
    if not full.startswith(root):
        raise OutsideRoot(relative)
    return full
