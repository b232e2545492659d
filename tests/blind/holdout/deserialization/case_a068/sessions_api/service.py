import jsonpickle


class SnapshotService:
    def __init__(self):
        self._snapshots = []

    def restore(self, document):
        snapshot = jsonpickle.decode(document)
        self._snapshots.append(snapshot)
        return snapshot

    def count(self):
        return len(self._snapshots)


service = SnapshotService()
