from docsite import create_app

app = create_app()
