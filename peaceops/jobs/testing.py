"""For tests of pages that start a job: post the form, run the queued job in this process, read its page."""

from peaceops.jobs.worker import run_queued


def post_and_run(client, url: str, data: dict):
    """POST ``data`` to ``url``; if it started a job, run it and return the job page's response, else the answer."""
    response = client.post(url, data)
    if response.status_code != 302 or "/jobs/" not in response["Location"]:
        return response
    run_queued()
    return client.get(response["Location"])


def run_and_open_result(page) -> None:
    """In a browser test on a job's page: run the queued job, wait for the page to show its end, open the result."""
    run_queued()
    page.wait_for_selector("#job-result")  # progress.js reloads the page once the job has ended
    with page.expect_navigation():
        page.click("#job-result")
