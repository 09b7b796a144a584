from layani.cases import presentation
from layani.open311 import redaction


def row(report, m, attachment, reports):
    # ruleid: raw-report-text
    title = report.title
    # ruleid: raw-report-text
    body = {"body": m.body}
    # ruleid: raw-report-text
    name = attachment.original_name
    # ruleid: raw-report-text
    first = reports[0].description if reports else ""
    # ruleid: raw-report-text
    texts = [r.description for r in reports]
    # ok: raw-report-text
    shown = presentation.report_text(report, presentation.Audience.PUBLIC)
    # ok: raw-report-text
    titles = presentation.texts(presentation.Audience.AGENCY, [(r.privacy, r.title) for r in reports])
    # ok: raw-report-text
    redaction.prime([r.description for r in reports], plates=False)
    # ok: raw-report-text
    category = report.category.description
    return title, body, name, first, texts, shown, titles, category
