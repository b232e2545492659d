from ops import create_app

app = create_app()
