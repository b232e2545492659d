from alerts import create_app

app = create_app()
