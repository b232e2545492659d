from flask import Flask

from letters import LetterView

app = Flask(__name__)
app.config.from_mapping(
    LETTER_KINDS=("thanks", "reminder", "apology"),
    SENDER="The Team",
)
app.add_url_rule("/letters/<kind>", view_func=LetterView.as_view("letter"))
