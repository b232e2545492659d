class Settings:
    BILLING_HOST = "billing.internal.example.com"
    BILLING_PORT = 8443
