from profiles import create_app

app = create_app()
