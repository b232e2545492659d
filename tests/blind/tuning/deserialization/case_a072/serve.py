from notebook import create_app

app = create_app()
