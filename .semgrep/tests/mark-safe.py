from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def render(report):
    # ruleid: mark-safe
    a = mark_safe(f"<p>{report.description}</p>")
    # ruleid: mark-safe
    b = SafeString(report.title)
    # ruleid: mark-safe
    c = format_html(f"<p>{report.title}</p>")
    # ruleid: mark-safe
    d = format_html("<p>{}</p>".format(report.title))
    # ok: mark-safe
    e = format_html("<p>{}</p>", report.title)
    return a, b, c, d, e
