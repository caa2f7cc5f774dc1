"""gunicorn settings read from the working directory (`gunicorn trustrepair.wsgi`): see the README."""

# The access log writes the calendar feed's secret address as /booking/feed/[secret].ics.
logger_class = "trustrepair.booking.access_log.RedactingLogger"
