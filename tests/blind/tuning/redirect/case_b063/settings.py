SITE_URL = "https://shop.example.com"
INSTALLED_MODULES = ["blueprints.cart", "blueprints.checkout"]
