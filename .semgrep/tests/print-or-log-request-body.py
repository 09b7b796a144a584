import logging

logger = logging.getLogger(__name__)


def view(request, form):
    # ruleid: print-or-log-request-body
    print(request.POST)
    # ruleid: print-or-log-request-body
    logger.info("inbound: %s", request.body)
    # ruleid: print-or-log-request-body
    logger.warning("bad form %r", form.cleaned_data)
    # ruleid: print-or-log-request-body
    logging.error("submitted %s", request.POST.get("nik"))
    size = len(request.body or b"")
    # ok: print-or-log-request-body
    logger.info("inbound message from gateway %s (%d bytes)", "wa", size)
    # ok: print-or-log-request-body
    logger.info("report %s submitted", "K7R4XA96HW")
