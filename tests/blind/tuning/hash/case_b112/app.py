from tokens import create_app

app = create_app()
