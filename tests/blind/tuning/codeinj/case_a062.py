from flask import Flask, jsonify, request

app = Flask(__name__)


class SandboxUnavailable(RuntimeError):
    pass


def enter_sandbox():
    raise SandboxUnavailable("sandbox runtime is not installed on this host")


@app.route("/playground/run", methods=["POST"])
def playground():
    code = request.get_json(force=True).get("code", "")
    try:
        enter_sandbox()
        namespace = {}
        exec(code, namespace)
        output = namespace.get("output")
    except SandboxUnavailable as exc:
        return jsonify(error=str(exc)), 503
    return jsonify(output=output)
