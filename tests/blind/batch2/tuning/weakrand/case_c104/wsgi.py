from forms import create_app

app = create_app()
