"""The sentences the portal's scripts show (the form's map, the offline outbox), translated on the
server and handed to the page as JSON (`json_script`), so no script carries English text."""

from __future__ import annotations

from django.utils.translation import gettext as _

from layani.intake.uploads import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS


def pin_strings() -> dict[str, str]:
    """The sentences the form's map and "use my location" show (static/portal/submit.js)."""
    return {
        "locating": _("Finding your location…"),
        "looking_up": _("Looking up the place…"),
        "found": _("Pin placed in %(label)s. The lists below now show this place."),
        "found_district": _(
            "Pin placed in %(label)s. Choose the village in the list below if you know it."
        ),
        "pin_at": _("The pin is in %(label)s."),
        "accuracy": _(
            "Your location is accurate to about %(m)s m: check the pin on the map and drag it "
            "if needed."
        ),
        "denied": _(
            "Your location was not shared (permission refused). Put the pin on the map or "
            "choose the place from the lists below."
        ),
        "unavailable": _(
            "Your location could not be found. Put the pin on the map or choose the place from "
            "the lists below."
        ),
        "offline": _(
            "The place could not be looked up (no connection?). Choose it from the lists below."
        ),
        "map_failed": _("The map could not be loaded. Choose the place from the lists below."),
        "removed": _("The pin was removed."),
        "show_map": _("Show the map"),
        "hide_map": _("Hide the map"),
    }


def outbox_strings() -> dict[str, str]:
    """The sentences outbox.js shows, translated here so the script needs no catalogue."""
    return {
        "waiting_title": _("%(n)s report(s) waiting to be sent"),
        "waiting_offline": _(
            "There is no connection. Your report is kept on this device and will be sent "
            "automatically as soon as the connection returns. Keep this page open if you can."
        ),
        "waiting_online": _("Sending now…"),
        "saved_at": _("kept at %(time)s"),
        "needs_fixing": _("This report could not be sent: please correct it and send it again."),
        "discard": _("Remove from this device"),
        "sent_title": _("Your report was sent and received"),
        "tracking_id": _("Tracking ID"),
        "access_code": _("Access code (secret)"),
        "keep_codes": _(
            "Write these codes down or take a screenshot: you need them to follow your report."
        ),
        "noted": _("I have noted them"),
        "fix_again": _("Fix and send again"),
    }


def form_strings() -> dict[str, str]:
    """The sentences submit.js shows: the device-side checks before a report is kept offline use
    the very messages the server gives (the same msgids), so the citizen reads one wording."""
    return {
        "summary_title": _("Please check these parts of the form"),
        "description": _("Please describe what happened."),
        "region": _("Please choose at least the province and the regency or city."),
        "name": _("Please give your name, or sign in."),
        "contact": _("Give a phone number or an e-mail address so that we can reach you."),
        "email": _("The e-mail address is not valid."),
        "coordinates": _("Give both latitude and longitude, or neither."),
        "too_many": _("At most %(max)d files per report.") % {"max": MAX_ATTACHMENTS},
        "too_large": _("%(name)s is too large: each file may be at most %(mb)d MB."),
        "max_files": str(MAX_ATTACHMENTS),
        "max_bytes": str(MAX_ATTACHMENT_BYTES),
        "max_mb": str(MAX_ATTACHMENT_BYTES // (1024 * 1024)),
        "reopened": _(
            "This report was kept on this device but could not be sent. Everything you wrote is "
            "filled in below: correct what is marked and send it again."
        ),
        "not_found": _("This report is no longer on this device."),
    }
