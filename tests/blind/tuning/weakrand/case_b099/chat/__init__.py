import random

from flask import Flask, jsonify, make_response, request


class ChatApp(Flask):
    live_sessions = {}

    def new_session_token(self):
        alphabet = self.config["TOKEN_ALPHABET"]
        length = self.config["TOKEN_LENGTH"]
        return "".join(random.sample(alphabet, length))


def create_app():
    app = ChatApp(__name__)
    app.config.from_object("chat.config.DefaultConfig")

    @app.post("/chat/join")
    def join():
        nick = request.form.get("nick", "guest")
        token = app.new_session_token()
        app.live_sessions[token] = nick
        resp = make_response(jsonify(nick=nick))
        resp.set_cookie("chat_session", token, secure=True, httponly=True, samesite="Strict")
        return resp

    return app
