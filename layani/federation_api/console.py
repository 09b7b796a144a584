"""The coordinator refers a report to an outside complaint system, with a reason.

The console's case page includes `federation_api/refer_fragment.html` (context: `report`,
`federation_peers`); the form posts here, and the referral is `federation.services.refer_to_peer`.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from layani.cases.permissions import is_coordinator_for
from layani.cases.workflow import WorkflowError
from layani.console.views.base import report_or_404, staff_view
from layani.federation.models import Peer
from layani.federation.services import refer_to_peer


class ReferToPeerForm(forms.Form):
    peer = forms.ModelChoiceField(
        label=gettext_lazy("Complaint system"), queryset=Peer.objects.filter(active=True)
    )
    reason = forms.CharField(
        label=gettext_lazy("Why it belongs there"), widget=forms.Textarea, max_length=2000
    )


@staff_view
def refer(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = report_or_404(request.user, tracking_id)  # type: ignore[arg-type]
    if not is_coordinator_for(request.user, report):  # type: ignore[arg-type]
        raise Http404
    form = ReferToPeerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            refer_to_peer(
                report,
                actor=request.user,  # type: ignore[arg-type]
                peer=form.cleaned_data["peer"],
                reason=form.cleaned_data["reason"],
            )
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The report is queued for the other complaint system."))
            return redirect("console:case", tracking_id=report.display_tracking_id)
    return render(
        request,
        "federation_api/refer.html",
        {"report": report, "form": form, "federation_peers": Peer.objects.filter(active=True)},
        status=400 if request.method == "POST" else 200,
    )
