from flask import Flask


class AccountsApp(Flask):
    users = None

    def json_error(self, message, status=400):
        return self.response_class(
            '{"error": "%s"}' % message.replace('"', ""), status=status, mimetype="application/json"
        )
