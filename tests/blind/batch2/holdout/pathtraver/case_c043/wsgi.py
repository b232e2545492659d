from filehub import create_app

app = create_app()
