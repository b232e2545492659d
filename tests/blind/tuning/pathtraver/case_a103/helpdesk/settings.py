class Production:
    ATTACHMENT_ROOT = "/srv/attachments"
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
