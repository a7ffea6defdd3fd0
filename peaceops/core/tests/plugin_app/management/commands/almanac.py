from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "print the almanac's days"

    def handle(self, *args, **options):
        self.stdout.write("almanac: 1 day")
