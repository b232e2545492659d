from docimport import create_app

app = create_app()
