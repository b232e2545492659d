import itertools
import logging

import jsonpickle

log = logging.getLogger(__name__)


class NoteRepository:
    """In-memory store that accepts notes in the rich client's wire format."""

    _ids = itertools.count(1)

    def __init__(self):
        self._items = {}

    def import_payload(self, payload: str):
        note = jsonpickle.decode(payload)
        note_id = next(self._ids)
        self._items[note_id] = note
        log.debug("stored note %s", note_id)
        return note_id

    def get(self, note_id):
        return self._items.get(note_id)
