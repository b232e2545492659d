from imgproxy import create_app

app = create_app()
