from backup_svc import create_app

app = create_app()
