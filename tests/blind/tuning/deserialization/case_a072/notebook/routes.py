from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("cells", __name__)


@bp.route("/cells/run", methods=["POST"])
def run_cell():
    token = request.headers.get("X-Kernel-State")
    state = current_app.load_state(token) if token else {}
    state = dict(state) if isinstance(state, dict) else {}
    state["runs"] = state.get("runs", 0) + 1
    return jsonify(runs=state["runs"]), 200, {"X-Kernel-State": current_app.dump_state(state)}
