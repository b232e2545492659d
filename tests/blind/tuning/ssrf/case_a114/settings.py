TRUSTED_CALLBACK_HOSTS = ["hooks.example.com", "ci.example.com"]
