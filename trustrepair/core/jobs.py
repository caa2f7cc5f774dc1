"""The registry of scheduled jobs. An app declares its jobs in its own `jobs.py`:

    from trustrepair.core import jobs

    @jobs.every(minutes=1)
    def send_measure_reminders() -> int:
        ...

`core/tasks.py` hands every registered job to the job runner (Huey, see docs/decisions.md), which runs
it on its schedule in the worker that `make run` starts. `manage.py run_job NAME` runs one job once,
for cron or by hand. A job must be idempotent: it claims the rows it works on with a conditional
UPDATE, so running it twice, on two machines, or again after a crash never does the work twice.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Job:
    name: str
    func: Callable[[], object]
    minutes: int  # runs at every minute divisible by this (1 = every minute)

    def run(self) -> object:
        return self.func()


REGISTRY: dict[str, Job] = {}


def every(*, minutes: int = 1, name: str = ""):
    if not 1 <= minutes <= 60 or 60 % minutes:
        raise ValueError("minutes must divide an hour (1, 2, 5, 10, 15, 30, 60)")

    def register(func):
        job = Job(name=name or func.__name__, func=func, minutes=minutes)
        if job.name in REGISTRY and REGISTRY[job.name].func is not func:
            raise ValueError(f"two jobs are called {job.name!r}")
        REGISTRY[job.name] = job
        return func

    return register


def all_jobs() -> dict[str, Job]:
    autodiscover_modules("jobs")
    return dict(REGISTRY)
