from spa import create_app

app = create_app()
