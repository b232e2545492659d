ENABLED_FEATURES = ["catalog", "recent"]
