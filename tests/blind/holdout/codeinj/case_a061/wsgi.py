from app_pkg import create_app

app = create_app()
