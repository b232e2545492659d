from hr import create_app

app = create_app()
