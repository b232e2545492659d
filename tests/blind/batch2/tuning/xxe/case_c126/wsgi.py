from sso import create_app

app = create_app()
