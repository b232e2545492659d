from deployer import create_app

app = create_app()
