from edi import create_app

app = create_app()
