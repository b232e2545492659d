from calc import create_app

app = create_app()
