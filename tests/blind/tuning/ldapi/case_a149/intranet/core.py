from flask import Flask


class IntranetApp(Flask):
    directory = None
