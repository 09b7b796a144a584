from django.views.decorators import csrf
from django.views.decorators.csrf import csrf_exempt, csrf_protect


# ruleid: csrf-exempt-outside-allowlist
@csrf_exempt
def webhook(request):
    return None


def wrap(view):
    # ruleid: csrf-exempt-outside-allowlist
    return csrf.csrf_exempt(view)


# ok: csrf-exempt-outside-allowlist
@csrf_protect
def form(request):
    return None
