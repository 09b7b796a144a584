from django.http import FileResponse, HttpResponse, StreamingHttpResponse

from layani.security.downloads import attachment_response


def download(attachment):
    # ruleid: attachment-served-outside-downloads
    a = FileResponse(attachment.file.open("rb"))
    # ruleid: attachment-served-outside-downloads
    b = HttpResponse(attachment.file.read(), content_type=attachment.content_type)
    # ruleid: attachment-served-outside-downloads
    c = StreamingHttpResponse(attachment.file.chunks())
    # ok: attachment-served-outside-downloads
    d = attachment_response(attachment, filename="lampiran-1.jpg", public=False)
    # ok: attachment-served-outside-downloads
    e = HttpResponse("ok", content_type="text/plain")
    return a, b, c, d, e
