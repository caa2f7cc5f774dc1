"""Hands the job registry (core/jobs.py) to Huey. The worker (`manage.py run_huey`) imports every
app's tasks.py; this is the only one, and it schedules every job every app declared."""

import functools
import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from trustrepair.core import jobs

log = logging.getLogger("trustrepair.jobs")


def _schedule(job: jobs.Job):
    minute = "*" if job.minutes == 1 else f"*/{job.minutes}"

    @functools.wraps(job.func)
    def run():
        result = job.run()
        log.info("job %s finished: %s", job.name, result)
        return result

    return db_periodic_task(crontab(minute=minute), name=job.name)(run)


SCHEDULED = {name: _schedule(job) for name, job in jobs.all_jobs().items()}
