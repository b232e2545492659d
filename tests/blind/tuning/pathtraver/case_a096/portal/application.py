from flask import Flask


class PortalApp(Flask):
    help_folder = "help"

    def read_help(self, topic):
        with self.open_resource(f"{self.help_folder}/{topic}") as fh:
            return fh.read().decode("utf-8")
