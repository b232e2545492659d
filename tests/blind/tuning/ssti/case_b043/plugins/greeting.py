from flask import make_response, render_template_string, request

DEFAULT_GREETING = "Good to see you, {{ name }}!"


def init(app):
    @app.route("/dashboard/greeting", methods=["GET", "POST"])
    def greeting():
        if request.method == "POST":
            resp = make_response("saved")
            resp.set_cookie("greeting_tpl", request.form.get("greeting", DEFAULT_GREETING),
                            secure=True, httponly=True, samesite="Lax")
            return resp
        tpl = request.cookies.get("greeting_tpl") or DEFAULT_GREETING
        return render_template_string(tpl, name=request.args.get("name", "friend"))
