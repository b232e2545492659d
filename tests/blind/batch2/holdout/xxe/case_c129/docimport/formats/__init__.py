from . import docx, plain

HANDLERS = {
    ".docx": docx.extract_text,
    ".txt": plain.extract_text,
}
