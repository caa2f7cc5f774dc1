import time

from django.core.management.base import BaseCommand, CommandError

from trustrepair.directory import seeding


class Command(BaseCommand):
    help = (
        "Create N plausible therapists in real cities (GeoNames, offline), about 85% verified and listed. "
        "Running it again adds N more; --reset first removes every therapist this command made."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100, help="How many therapists to create (default 100).")
        parser.add_argument("--reset", action="store_true", help="Remove earlier seeded therapists first.")
        parser.add_argument("--seed", type=int, default=20261124, help="Random seed, for repeatable data.")

    def handle(self, *args, count, reset, seed, **options):
        if count < 0 or count > 1_000_000:
            raise CommandError("--count must be between 0 and 1,000,000.")
        started = time.perf_counter()
        if reset:
            removed = seeding.remove_seeded()
            self.stdout.write(f"Removed {removed} seeded therapists.")
        made = seeding.seed_therapists(count, seed=seed)
        self.stdout.write(f"Created {made} therapists in {time.perf_counter() - started:.1f} s.")
