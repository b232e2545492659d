from .sax_products import parse_products

__all__ = ["parse_products"]
