"""The one NinjaAPI. Each app contributes a Router from its own ``api.py``.

Authentication: a personal access token (``Authorization: Bearer fasit_…``, bound to
one team) or the browser's session (with CSRF for writes). Errors are JSON with a
``detail``: a message, a ``{field: [messages]}`` map (400, 409) or, for input that
does not match the schema (422), a list of ``{loc, msg, type}``. Every operation's
error responses are documented in the schema (``_document_errors``).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser

from fasit.buying.api import router as buying_router
from fasit.capture.api import router as capture_router
from fasit.conversations.api import followups_router
from fasit.conversations.api import router as conversations_router
from fasit.conversations.listening_api import router as listening_router
from fasit.core.api import home_router
from fasit.core.api import router as sync_router
from fasit.core.api_utils import (
    MAX_INT,
    TeamSessionAuth,
    TokenAuth,
    TokenRateThrottle,
    error_detail,
)
from fasit.core.models import RecordGone
from fasit.customers.api import router as customers_router
from fasit.privacy.api import router as privacy_router
from fasit.relationships.api import router as relationships_router
from fasit.search.api import router as search_router
from fasit.signals.api import router as signals_router
from fasit.signin.api import router as me_router
from fasit.tenancy.api import router as team_router
from fasit.transfer.api import router as imports_router
from fasit.transfer.export_api import duplicates_router, exports_router
from fasit.webhooks.api import router as webhooks_router

NUL_MESSAGE = "Null characters are not allowed."
SURROGATE_MESSAGE = "Text must be valid Unicode (a lone surrogate was found)."


class BadText(ValueError):
    def __init__(self, loc: list[Any], msg: str) -> None:
        super().__init__(msg)
        self.loc = loc
        self.msg = msg


OUT_OF_RANGE_MESSAGE = "The number is out of range."
INTEGER = re.compile(r"[+-]?\d+")


def _text_problem(value: str) -> str | None:
    if "\x00" in value:
        return NUL_MESSAGE
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATE_MESSAGE
    return None


def _check_text(value: Any, loc: list[Any]) -> None:
    """Refuse what the forms refuse and no database can store: NUL characters, lone
    surrogates (valid JSON escapes, but not text) and whole numbers beyond 64 bits."""
    if isinstance(value, str):
        problem = _text_problem(value)
        if problem:
            raise BadText(loc, problem)
        # Query strings: a whole number is checked here as in a JSON body.
        if loc[:1] == ["query"] and INTEGER.fullmatch(value) and abs(int(value)) > MAX_INT:
            raise BadText(loc, OUT_OF_RANGE_MESSAGE)
    elif isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > MAX_INT:
            raise BadText(loc, OUT_OF_RANGE_MESSAGE)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, loc)
            _check_text(item, [*loc, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_text(item, [*loc, index])


class TextParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        data = json.loads(request.body)
        _check_text(data, ["body"])
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        try:
            for key, values in data.lists():
                for value in values:
                    _check_text(value, ["query", key])
        except BadText as exc:
            raise NinjaValidationError(
                [{"loc": exc.loc, "msg": exc.msg, "type": "value_error"}]
            ) from None
        return super().parse_querydict(data, list_fields, request)


class ErrorOut(Schema):
    """400, 401, 403, 404, 409, 429: a message, or field -> messages."""

    detail: str | dict[str, list[str]]


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    """422: the input does not match the schema; ``loc`` names the field."""

    detail: list[FieldError]


ERRORS: dict[str, tuple[str, str]] = {
    "400": ("ErrorOut", "Invalid input: field -> messages, changes nothing"),
    "401": ("ErrorOut", "No valid token or session"),
    "403": ("ErrorOut", "Not allowed for this role or token scope"),
    "404": ("ErrorOut", "No such record in your team"),
    "409": ("ErrorOut", "Conflicts with the record's current state"),
    "422": ("ValidationErrorOut", "The input does not match the schema"),
    "429": ("ErrorOut", "Too many requests for this token; see Retry-After"),
}


class FasitAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> OpenAPISchema:
        schema = super().get_openapi_schema(**kwargs)
        _document_errors(schema)
        return schema


def _document_errors(schema: OpenAPISchema) -> None:
    """Every operation may answer 401, 404, 422 and 429; writes also 400, 403 and 409.
    Listed once here rather than on each of the routers' operations."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, ValidationErrorOut):
        definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in definition.pop("$defs", {}).items():
            components.setdefault(name, sub)
        components.setdefault(model.__name__, definition)
    for path in schema["paths"].values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            codes = ["401", "404", "422", "429"]
            if method != "get":
                codes += ["400", "403", "409"]
            for code in codes:
                if code in responses:
                    continue
                name, description = ERRORS[code]
                responses[code] = {
                    "description": description,
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
                    },
                }
            # Not Fasit's answer but the server's, before any of this code runs: a
            # request line over gunicorn's limit (docs/operations.md).
            responses.setdefault(
                "414", {"description": "The URL is longer than the server accepts"}
            )
            if "429" in responses:
                responses["429"].setdefault(
                    "headers",
                    {
                        "Retry-After": {
                            "schema": {"type": "integer"},
                            "description": "Seconds until the token may call again",
                        }
                    },
                )


logger = logging.getLogger(__name__)

api = FasitAPI(
    title="Fasit API",
    version="1",
    description=__doc__ or "",
    auth=[TokenAuth(), TeamSessionAuth()],
    throttle=[TokenRateThrottle()],
    parser=TextParser(),
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(DjangoValidationError)
def _invalid(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": error_detail(exc)}, status=400)


@api.exception_handler(RecordGone)
def _gone(request: HttpRequest, exc: RecordGone) -> HttpResponse:
    # Deleted by another request between this one's read and its write.
    return api.create_response(request, {"detail": "Not Found"}, status=404)


@api.exception_handler(IntegrityError)
def _conflict(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
    # Another request changed the same records at the same moment (a parent deleted
    # while a child was added, a unique value taken twice): the database refused the
    # second write whole. Logged, since a refusal that is not a race is a bug to fix.
    logger.warning(
        "API write refused by the database: %s %s", request.method, request.path, exc_info=exc
    )
    detail = "Changed by another request at the same moment; nothing was stored. Try again."
    return api.create_response(request, {"detail": detail}, status=409)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    cause = exc.__cause__
    if isinstance(cause, BadText):
        body = {"detail": [{"loc": cause.loc, "msg": cause.msg, "type": "value_error"}]}
        return api.create_response(request, body, status=422)
    response = api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
    if isinstance(exc, Throttled) and exc.wait is not None:
        response["Retry-After"] = str(max(1, int(exc.wait + 0.999)))
    return response


api.add_router("/", customers_router)
api.add_router("/conversations", conversations_router)
api.add_router("/follow-ups", followups_router)
api.add_router("/relationships", relationships_router)
api.add_router("/buying", buying_router)
api.add_router("/signals", signals_router)
api.add_router("/privacy", privacy_router)
api.add_router("/sync", sync_router)
api.add_router("/team", team_router)
api.add_router("/imports", imports_router)
api.add_router("/webhooks", webhooks_router)
api.add_router("/search", search_router)
api.add_router("/listening", listening_router)
api.add_router("/home", home_router)
api.add_router("/capture", capture_router)
api.add_router("/exports", exports_router)
api.add_router("/duplicates", duplicates_router)
api.add_router("/me", me_router)
