"""What a job that is not an import returns: whether it went well, one line saying what it did, a few values
for the kind's template, and optionally a file it wrote that its owner downloads from the job's page.

An import returns its import report instead (peaceops.core.importing); the job service tells them apart.
No Django here.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Outcome:
    ok: bool
    summary: str  # one line, shown on the job's page and in the owner's list of jobs
    data: dict = field(default_factory=dict)  # small JSON values the kind's template and result link read
    file_name: str = ""  # the download name of the file the job wrote (peaceops.jobs.files.output_path); "" if none
    classification: int = 0  # the level of that file's content, marked on the page that offers it

    def as_json(self) -> dict:
        return {"outcome": True, "ok": self.ok, "summary": self.summary, "data": self.data}
