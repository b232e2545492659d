from flask import Flask, Response

app = Flask(__name__)


@app.route("/pages/<uuid:ident>")
def dashboard(ident):
    requested = str(ident)
    guess = "ABC"
    match guess[2]:
        case "A":
            prepared = "bobs_your_uncle"
        case "C" | "D":
            prepared = requested
        case _:
            prepared = "bobs_your_uncle"

    def carry_out(prepared):
        return Response("Moved", status=302, headers={"Location": prepared})

    return carry_out(prepared)
