"""A background job: who started it, what it reads, how far it got and what it found."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    # The job runs with its owner's rights: the worker calls the same service with this user as actor.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=40)
    file_name = models.CharField(max_length=255, blank=True)  # the uploaded file's name ("" for no upload)
    title = models.CharField(max_length=255, blank=True)  # what the job works on, in the owner's list
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    rows_read = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)  # 0: not known in advance
    errors = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)  # the import report (as_json) or the Outcome (as_json)
    # The file the job wrote, kept in its private folder for OUTPUT_KEPT_DAYS (peaceops.jobs.files): its download
    # name ("" if none) and the classification of its content, marked where it is offered.
    output_name = models.CharField(max_length=255, blank=True)
    output_classification = models.PositiveSmallIntegerField(default=0)
    message = models.TextField(blank=True)  # why a job failed, in one line
    task_id = models.CharField(max_length=64, blank=True)  # the task queue's record of this job
    worker = models.CharField(max_length=200, blank=True)  # "host:pid" of the worker running it
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"]), models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.kind} {self.subject} ({self.status})"

    @property
    def subject(self) -> str:
        return self.title or self.file_name

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.CANCELLED)
