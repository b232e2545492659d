from docs import create_app

app = create_app()
