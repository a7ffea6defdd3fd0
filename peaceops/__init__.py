"""peaceops: one operating picture and one results framework for integrated UN peace operations."""

__version__ = "0.1.0"
