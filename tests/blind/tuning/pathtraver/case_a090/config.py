EXPORT_DIR = "/var/exports"
EXPORT_MIMETYPE = "text/csv"
