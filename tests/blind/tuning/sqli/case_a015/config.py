class Default:
    DB_PATH = "profiles.db"
    JSON_SORT_KEYS = False
