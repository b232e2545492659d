from accounts import create_app

app = create_app()
