from gallery import create_app

app = create_app()
