"""What the browser tests share: signing in as a demo user in the page a test drives."""

from django.urls import reverse


def demo_password(username: str) -> str:
    return f"demo-{username.replace('.', '-')}"  # demo/scenario.py DEMO_USERS


def log_in(page, username: str, password: str = "") -> None:
    """Sign in as ``username`` (a demo user unless ``password`` is given) from a fresh session."""
    page.context.clear_cookies()
    page.goto(page.base + reverse("web:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password or demo_password(username))
    page.click("form.login button[type=submit]")
    page.wait_for_url(page.base + reverse("web:home"))
