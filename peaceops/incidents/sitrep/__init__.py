"""The daily situation report: its rules (pure), the figures it reads, its renderings, page and API."""
