class Config:
    SITE_TITLE = "Notes"
    FOOTER_HTML = "<small>&copy; 2024 Notes Inc.</small>"
