from layani.cases.permissions import visible_reports
from layani.intake.models import Report


def listing(user, tracking_id):
    # ruleid: report-queryset-in-adapter
    everything = Report.objects.all()
    # ruleid: report-queryset-in-adapter
    one = Report.objects.filter(tracking_id=tracking_id).first()
    # ruleid: report-queryset-in-adapter
    other = Report.objects.get(tracking_id=tracking_id)
    # ruleid: report-queryset-in-adapter
    rest = Report.objects.exclude(status="archived")
    # ok: report-queryset-in-adapter
    public = Report.objects.public().filter(tracking_id=tracking_id)
    # ok: report-queryset-in-adapter
    staff = visible_reports(user).filter(tracking_id=tracking_id)
    return everything, one, other, rest, public, staff
