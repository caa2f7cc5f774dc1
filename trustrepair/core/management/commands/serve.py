"""Run everything `make run` runs, together: the web server and the job worker (whose scheduler
enqueues the periodic jobs). Ctrl-C (or SIGTERM) stops both. A worker that dies is started again, as
a process supervisor would; if the web server stops, everything stops.

This one command is what `make run` calls and what the process test starts, so the test proves
exactly what a developer runs. Production runs the same pieces under its own supervisor (README).
"""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

STOP_GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Serve the site and run the job worker together; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, port: int, host: str, **options):
        manage = str(settings.BASE_DIR / "manage.py")
        env = os.environ | {"PORT": str(port), "PYTHONUNBUFFERED": "1"}
        commands = {
            "web": [sys.executable, manage, "runserver", f"{host}:{port}"],
            "worker": [sys.executable, manage, "run_huey"],
        }
        self.children: dict[str, subprocess.Popen] = {}
        self.stopping = False

        def start(name: str) -> None:
            # Each child leads its own process group, so stopping it also stops what it started
            # (runserver's autoreloader runs the server in a child process).
            self.children[name] = subprocess.Popen(commands[name], env=env, start_new_session=True)  # noqa: S603
            self.stdout.write(f"serve: {name} started (pid {self.children[name].pid})", ending="\n")
            self.stdout.flush()

        def stop(*_):
            self.stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        for name in commands:
            start(name)
        self.stdout.write(f"serve: http://{host}:{port}/ — press Ctrl-C to stop the web server and the worker")
        code = 0
        while not self.stopping:
            time.sleep(0.5)
            for name, process in list(self.children.items()):
                if process.poll() is None:
                    continue
                if name == "worker":
                    self.stdout.write(f"serve: worker stopped (exit {process.returncode}); starting it again")
                    start("worker")
                else:
                    self.stdout.write(f"serve: {name} stopped (exit {process.returncode}); stopping everything")
                    code = process.returncode or 1
                    self.stopping = True
        self._stop_all()
        if code:
            sys.exit(code)

    def _stop_all(self) -> None:
        for process in self.children.values():
            _signal_group(process, signal.SIGINT)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for process in self.children.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()
        for process in self.children.values():
            _signal_group(process, signal.SIGKILL)  # anything the child left behind in its group
        self.stdout.write("serve: stopped")


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
