SERVICE_COMMANDS = {
    ("web", "restart"): "systemctl restart nginx",
    ("web", "reload"): "systemctl reload nginx",
    ("worker", "restart"): "systemctl restart app-worker",
    ("cache", "flush"): "redis-cli FLUSHALL",
}
