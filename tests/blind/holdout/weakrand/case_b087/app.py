from devportal import create_app

app = create_app()
