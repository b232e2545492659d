from store import create_app

app = create_app()
