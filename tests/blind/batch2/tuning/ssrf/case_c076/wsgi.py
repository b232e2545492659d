from hooks import create_app

app = create_app()
