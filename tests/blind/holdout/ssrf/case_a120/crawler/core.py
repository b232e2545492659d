import requests
from flask import Flask


class CrawlerApp(Flask):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.http = requests.Session()

    def fetch(self, url, timeout=5):
        self.http.headers["User-Agent"] = self.config["USER_AGENT"]
        return self.http.get(url, timeout=timeout)
