"""gwlint's version, in one place (read by the facade, reports and the server)."""
__version__ = "0.1.0"
