"""Every refusal as `{"code": ..., "message": ...}` with the right status — never a 500.

`WorkflowError` codes come from the case services unchanged; the status follows from what the code
means: not allowed for this actor (403), input the service refused (400), or a move the case's
current state does not allow (409, the default for any code not listed, since new workflow rules are
state rules far more often than input rules).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from layani.cases.workflow import WorkflowError

#: WorkflowError codes that mean the input was wrong (400); "forbidden" is 403; the rest are 409.
INPUT_CODES = frozenset(
    {
        "text_required",
        "reason_required",
        "invalid_outcome",
        "invalid_kind",
        "refer_to_self",
        "unit_not_in_agency",
        "officer_not_in_agency",
        "nobody_to_delegate_to",
    }
)
FORBIDDEN_CODES = frozenset({"forbidden"})

_HTTP_CODES = {400: "invalid", 401: "unauthorized", 403: "forbidden", 404: "not_found"}


class ApiError(Exception):
    """A refusal raised by an endpoint itself (not found, missing scope, unknown reference)."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def workflow_status(code: str) -> int:
    if code in FORBIDDEN_CODES:
        return 403
    return 400 if code in INPUT_CODES else 409


def _body(code: str, message: str, field: str | None = None, errors: Any = ()) -> dict[str, Any]:
    return {"code": code, "message": message, "field": field, "errors": list(errors)}


def _field_name(location: Any) -> str:
    # pydantic/ninja locations look like ("body", "payload", "kind") or ("query", "limit").
    parts = [str(p) for p in location if p not in ("body", "query", "path", "payload", "filters")]
    return ".".join(parts) or "body"


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace Ninja's default error bodies with the project's `{code, message}` shape."""

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            {"field": _field_name(e.get("loc", ())), "message": str(e.get("msg", "invalid"))}
            for e in exc.errors
        ]
        first = errors[0] if errors else {"field": "body", "message": "Invalid input."}
        message = f"{first['field']}: {first['message']}"
        return api.create_response(
            request, _body("invalid", message, first["field"], errors), status=400
        )

    def on_auth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = api.create_response(
            request,
            _body("unauthorized", "A valid API token is required (Authorization: Bearer …)."),
            status=401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="layani"'
        return response

    def on_http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        return api.create_response(request, _body(code, str(exc)), status=exc.status_code)

    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, _body("not_found", "Not found."), status=404)

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return api.create_response(
            request, _body(exc.code, exc.message, exc.field), status=exc.status
        )

    def on_workflow(request: HttpRequest, exc: WorkflowError) -> HttpResponse:
        return api.create_response(
            request, _body(exc.code, exc.message), status=workflow_status(exc.code)
        )

    # Ninja types a handler's argument as "the exception or its class"; ours take instances.
    handlers: dict[type[Exception], Any] = {
        ValidationError: on_validation,
        AuthenticationError: on_auth,
        HttpError: on_http,
        Http404: on_not_found,
        ApiError: on_api_error,
        WorkflowError: on_workflow,
    }
    for exception_class, handler in handlers.items():
        api.add_exception_handler(exception_class, handler)
