"""Which process runs a job (``host:pid``), and whether a process of this machine still runs."""

import os
import socket


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def on_this_host(worker: str) -> int | None:
    """The process id of ``worker`` if it names this machine, else None."""
    host, _, pid = worker.rpartition(":")
    return int(pid) if host == socket.gethostname() and pid.isdigit() else None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another account's process: it exists
        return True
    return True
