import subprocess

FORBIDDEN = (";", "&", "|", ">", "<")


class UnsafeRef(ValueError):
    pass


class Repository:
    def __init__(self, path):
        self.path = path

    @staticmethod
    def clean_ref(ref):
        ref = ref.strip()
        for token in FORBIDDEN:
            if token in ref:
                raise UnsafeRef(ref)
        return ref

    def log(self, ref, limit=20):
        ref = self.clean_ref(ref)
        cmd = "git log --oneline -n %d %s" % (limit, ref)
        proc = subprocess.Popen(
            cmd, shell=True, cwd=self.path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        out, _ = proc.communicate(timeout=15)
        return [line.split(" ", 1) for line in out.splitlines() if line]
