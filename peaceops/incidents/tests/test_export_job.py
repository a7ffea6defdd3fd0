"""A large export prepared as a file: the log's "Prepare as a file" queues an export-incidents job with the
list's filter; the job exports what its owner reads, offers the file on its page to its owner only (404 to
anyone else), marked with its highest classification like the direct download."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)
import csv
import io
import json

import pytest
from django.urls import reverse

from peaceops.incidents.tests.log_fixtures import HIDDEN_MARKER, client_as, log_world  # noqa: F401 (fixtures)
from peaceops.jobs.models import Job
from peaceops.jobs.worker import run_queued

pytestmark = pytest.mark.django_db


def prepare(client, fmt, query=""):
    answer = client.post(reverse("incidents:export-job"), {"format": fmt, "query": query})
    run_queued()
    return answer


def test_the_log_queues_an_export_that_its_owner_downloads_marked(log_world, client_as, settings, tmp_path):
    settings.HOME = str(tmp_path)
    owner = log_world.users["unamid"]
    client = client_as(owner)
    assert 'id="export-job-form"' in client.get(reverse("incidents:list")).content.decode()
    answer = prepare(client, "geojson")
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("jobs:job", args=[job.pk])
    job.refresh_from_db()
    assert job.kind == "export-incidents" and job.owner == owner and job.status == Job.Status.DONE
    direct = json.loads(b"".join(client.get(reverse("incidents:export-geojson")).streaming_content))
    page = client.get(reverse("jobs:job", args=[job.pk]))
    assert f"Download incidents.geojson ({direct['marking']})" in page.content.decode()
    assert page["X-Classification"] == str(direct["classification"])
    download = client.get(reverse("jobs:output", args=[job.pk]))
    prepared = json.loads(b"".join(download.streaming_content))
    assert prepared == direct and download["X-Classification"] == str(direct["classification"]) != "0"
    assert job.result["data"]["rows"] == len(direct["features"])


def test_the_export_is_the_filtered_selection_its_owner_reads(log_world, client_as, settings, tmp_path):
    settings.HOME = str(tmp_path)
    client = client_as(log_world.users["regional"])  # cleared for unclassified reports only
    prepare(client, "csv", "mission=UNAMID")
    job = Job.objects.get()
    text = b"".join(client.get(reverse("jobs:output", args=[job.pk])).streaming_content).decode()
    direct = b"".join(client.get(reverse("incidents:export-csv"), {"mission": "UNAMID"}).streaming_content).decode()
    assert text == direct and HIDDEN_MARKER not in text
    rows = list(csv.DictReader(io.StringIO(text)))[1:]
    assert rows and {row["owning_mission"] for row in rows} == {"UNAMID"}
    assert job.output_classification == 0


def test_another_user_gets_404_and_bad_requests_queue_nothing(log_world, client_as, client, settings, tmp_path):
    settings.HOME = str(tmp_path)
    prepare(client_as(log_world.users["unamid"]), "xlsx")
    job = Job.objects.get()
    other = client_as(log_world.users["minurcat"])
    for route in ("jobs:job", "jobs:progress", "jobs:output"):
        assert other.get(reverse(route, args=[job.pk])).status_code == 404, route
    assert other.post(reverse("incidents:export-job"), {"format": "exe"}).status_code == 404
    assert other.post(reverse("incidents:export-job"), {"format": "csv", "query": "start=notadate"}).status_code == 400
    client.logout()
    assert client.post(reverse("incidents:export-job"), {"format": "csv"}).status_code == 302  # to the login page
    assert Job.objects.count() == 1
