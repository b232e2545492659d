from flask import current_app, jsonify, request


def init_app(app):
    @app.route("/edi/messages", methods=["POST"])
    def receive_message():
        root = current_app.parse_message(request.get_data())
        return jsonify(
            sender=root.findtext("header/sender"),
            receiver=root.findtext("header/receiver"),
            lines=len(root.findall("body/line")),
        )
