from chat import create_app

app = create_app()
