from members import create_app

app = create_app()
