from importer import create_app

app = create_app()
