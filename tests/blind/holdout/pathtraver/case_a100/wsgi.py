from logviewer import create_app

app = create_app()
