"""Run one registered job once (core/jobs.py), e.g. from cron where no worker runs, or by hand."""

from django.core.management.base import BaseCommand, CommandError

from trustrepair.core import jobs


class Command(BaseCommand):
    help = "Run one scheduled job now. Without a name, list the jobs and their schedules."

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?")

    def handle(self, *args, name=None, **options):
        registry = jobs.all_jobs()
        if not name:
            for job in registry.values():
                self.stdout.write(f"{job.name}: every {job.minutes} minute(s)")
            return
        if name not in registry:
            raise CommandError(f"No job called {name!r}. Jobs: {', '.join(sorted(registry))}")
        self.stdout.write(f"{name}: {registry[name].run()}")
