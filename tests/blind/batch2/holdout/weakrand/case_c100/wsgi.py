from devapi import create_app

app = create_app()
