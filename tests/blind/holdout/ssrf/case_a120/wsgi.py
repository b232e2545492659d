from crawler import create_app

app = create_app()
