"""The read-only public API of a commune: its host name decides which commune.

Only what the public pages show: live pages without view restrictions, published
answers, the commune's procedures, units and schedule. Responses are anonymous
GETs, so the page cache keeps them and renews them on every publish.
"""

from __future__ import annotations

import re
from datetime import date

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler
from wagtail.models import Site

from congxa.documents.models import LegalDocumentPage
from congxa.engagement.models import Question, QuestionIndexPage
from congxa.news.models import ArticlePage, NewsIndexPage
from congxa.people.models import Official, OrganisationUnit, ScheduleEntry
from congxa.portal.models import CommuneSettings
from congxa.portal.network import client_network
from congxa.procedures.models import AdministrativeProcedure, ProcedureIndexPage

from . import serializers as api

ERRORS = {
    400: OpenApiResponse(api.ErrorSerializer, description=_("Bad filter value")),
    404: OpenApiResponse(api.ErrorSerializer, description=_("Not found")),
    429: OpenApiResponse(api.ErrorSerializer, description=_("Too many requests")),
}


def exception_handler(exc, context):
    """DRF's answer, with the common errors worded in Vietnamese."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if response.status_code == 404:
        response.data = {"detail": gettext("Not found")}
    elif response.status_code == 429:
        wait = getattr(exc, "wait", None) or 60
        response.data = {
            "detail": gettext("Too many requests: try again in %(seconds)d seconds.")
            % {"seconds": int(wait)}
        }
    return response


class ClientThrottle(AnonRateThrottle):
    """Requests per client, an IPv6 /64 counting as one; never an error page when
    the cache that counts is down (then the request goes through)."""

    scope = "public_api"

    def get_ident(self, request) -> str:
        return client_network(request.META.get("REMOTE_ADDR", "")) or "unknown"

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception:  # noqa: BLE001 (the limit degrades, the API stays up)
            return True


class Pagination(PageNumberPagination):
    """`page` and `page_size`; a value that is not a number in range is a 400."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    invalid_page_message = _("This page number does not exist.")

    def paginate_queryset(self, queryset, request, view=None):
        for name, maximum in (("page", MAX_ID), ("page_size", self.max_page_size)):
            values = request.query_params.getlist(name)
            if values and not all(_in_range(value, maximum) for value in values):
                raise ValidationError(
                    {
                        "detail": _(
                            "%(name)s must be a whole number from 1 to %(max)d."
                        )
                        % {"name": name, "max": maximum}
                    }
                )
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            parameter["schema"]["maximum"] = (
                self.max_page_size if parameter["name"] == "page_size" else MAX_ID
            )
        return parameters


# Ids and page numbers past this are not in any database table: a 404 or a 400,
# never an overflow in the database driver.
MAX_ID = 2**31 - 1


def _in_range(value: str, maximum: int) -> bool:
    return value.isascii() and value.isdigit() and 1 <= int(value) <= maximum


class DetailMixin:
    """A detail lookup whose id is not a number in range is simply not found."""

    def get_object(self):
        value = str(self.kwargs.get(self.lookup_field, ""))
        if self.lookup_field == "pk" and not _in_range(value, MAX_ID):
            raise Http404
        return super().get_object()


DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date(request, name: str) -> date | None:
    values = request.query_params.getlist(name)
    if not values:
        return None
    try:
        if not all(DATE_RE.match(value) for value in values):
            raise ValueError(name)
        return date.fromisoformat(values[-1])
    except ValueError:
        raise ValidationError(
            {"detail": _("Dates are written YYYY-MM-DD, e.g. 2026-03-15.")}
        ) from None


def _dates(request) -> tuple[date | None, date | None]:
    """`date_from` and `date_to` (YYYY-MM-DD) of the query; 400 when malformed."""
    return _date(request, "date_from"), _date(request, "date_to")


def _site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


def _public_pages(model, site: Site) -> QuerySet:
    return model.objects.live().public().descendant_of(site.root_page)


DATE_PARAMETERS = [
    OpenApiParameter(
        "date_from", OpenApiTypes.DATE, description=_("From this date (YYYY-MM-DD)")
    ),
    OpenApiParameter(
        "date_to", OpenApiTypes.DATE, description=_("Up to this date (YYYY-MM-DD)")
    ),
]


class PublicAPIMixin:
    authentication_classes: list = []
    throttle_classes = [ClientThrottle]
    pagination_class = Pagination


@extend_schema(
    summary=_("News sections"), responses={200: api.SectionSerializer, **ERRORS}
)
class SectionList(PublicAPIMixin, generics.ListAPIView):
    serializer_class = api.SectionSerializer

    def get_queryset(self):
        return _public_pages(NewsIndexPage, _site(self.request)).order_by("path")


@extend_schema(
    summary=_("News articles, newest first"),
    parameters=[
        OpenApiParameter("section", str, description=_("Slug of a news section")),
        *DATE_PARAMETERS,
    ],
    responses={200: api.ArticleSerializer, **ERRORS},
)
class ArticleList(PublicAPIMixin, generics.ListAPIView):
    serializer_class = api.ArticleSerializer

    def get_queryset(self):
        site = _site(self.request)
        articles = _public_pages(ArticlePage, site).select_related("featured_image")
        section = self.request.query_params.get("section")
        if section:
            parent = _public_pages(NewsIndexPage, site).filter(slug=section).first()
            if parent is None:
                return articles.none()
            articles = articles.child_of(parent)
        date_from, date_to = _dates(self.request)
        if date_from:
            articles = articles.filter(date__date__gte=date_from)
        if date_to:
            articles = articles.filter(date__date__lte=date_to)
        return articles.order_by("-date", "-pk")


@extend_schema(
    summary=_("One news article"),
    responses={200: api.ArticleDetailSerializer, **ERRORS},
)
class ArticleDetail(DetailMixin, PublicAPIMixin, generics.RetrieveAPIView):
    serializer_class = api.ArticleDetailSerializer

    def get_queryset(self):
        return _public_pages(ArticlePage, _site(self.request))


DOCUMENT_PARAMETERS = [
    OpenApiParameter("type", str, description=_("Slug of a document type")),
    OpenApiParameter("field", str, description=_("Slug of a field")),
    OpenApiParameter("issuer", str, description=_("Words of the issuing body")),
    *DATE_PARAMETERS,
]


@extend_schema(
    summary=_("Legal and administrative documents, by issue date"),
    parameters=DOCUMENT_PARAMETERS,
    responses={200: api.DocumentSerializer, **ERRORS},
)
class DocumentList(PublicAPIMixin, generics.ListAPIView):
    serializer_class = api.DocumentSerializer

    def get_queryset(self):
        documents = _public_pages(LegalDocumentPage, _site(self.request))
        documents = documents.select_related("document_type", "field")
        params = self.request.query_params
        if params.get("type"):
            documents = documents.filter(document_type__slug=params["type"])
        if params.get("field"):
            documents = documents.filter(field__slug=params["field"])
        if params.get("issuer"):
            documents = documents.filter(issuing_body__icontains=params["issuer"])
        date_from, date_to = _dates(self.request)
        if date_from:
            documents = documents.filter(issue_date__gte=date_from)
        if date_to:
            documents = documents.filter(issue_date__lte=date_to)
        return documents.order_by("-issue_date", "-pk")


@extend_schema(
    summary=_("One document and its files"),
    responses={200: api.DocumentDetailSerializer, **ERRORS},
)
class DocumentDetail(DetailMixin, PublicAPIMixin, generics.RetrieveAPIView):
    serializer_class = api.DocumentDetailSerializer

    def get_queryset(self):
        return _public_pages(LegalDocumentPage, _site(self.request)).select_related(
            "document_type", "field"
        )


class ProcedureMixin(PublicAPIMixin):
    def get_serializer_context(self):
        context = super().get_serializer_context()
        index = _public_pages(ProcedureIndexPage, _site(self.request)).first()
        context["procedures_base"] = index.get_url(self.request) if index else None
        return context

    def get_queryset(self):
        return AdministrativeProcedure.objects.for_site(_site(self.request))


@extend_schema(
    summary=_("Administrative procedures the commune handles"),
    parameters=[
        OpenApiParameter("field", str, description=_("Procedure field, exactly")),
        OpenApiParameter("level", str, description=_("Words of the level")),
    ],
    responses={200: api.ProcedureSerializer, **ERRORS},
)
class ProcedureList(ProcedureMixin, generics.ListAPIView):
    serializer_class = api.ProcedureSerializer

    def get_queryset(self):
        procedures = super().get_queryset()
        params = self.request.query_params
        if params.get("field"):
            procedures = procedures.filter(sector=params["field"])
        if params.get("level"):
            procedures = procedures.filter(level__icontains=params["level"])
        return procedures.order_by("sector", "name", "code")


@extend_schema(
    summary=_("One administrative procedure"),
    responses={200: api.ProcedureDetailSerializer, **ERRORS},
)
class ProcedureDetail(DetailMixin, ProcedureMixin, generics.RetrieveAPIView):
    serializer_class = api.ProcedureDetailSerializer
    lookup_field = "code"
    lookup_value_regex = r"[0-9A-Za-z][0-9A-Za-z._-]{0,49}"


@extend_schema(
    summary=_("The commune's organisation and contacts"),
    responses={200: api.OrganisationSerializer, **ERRORS},
)
class OrganisationView(PublicAPIMixin, APIView):
    def get(self, request):
        site = _site(request)
        commune = CommuneSettings.for_site(site)
        data = {
            "name": commune.agency or commune.commune_name,
            "address": commune.address,
            "phone": commune.phone,
            "email": commune.email,
            "units": OrganisationUnit.objects.for_site(site).order_by(
                "sort_order", "name", "pk"
            ),
            "officials": Official.objects.for_site(site).order_by(
                "sort_order", "name", "pk"
            ),
        }
        return Response(api.OrganisationSerializer(data).data)


@extend_schema(
    summary=_("Work schedule of the leaders"),
    parameters=DATE_PARAMETERS,
    responses={200: api.ScheduleEntrySerializer, **ERRORS},
)
class ScheduleList(PublicAPIMixin, generics.ListAPIView):
    serializer_class = api.ScheduleEntrySerializer

    def get_queryset(self):
        entries = ScheduleEntry.objects.for_site(_site(self.request))
        date_from, date_to = _dates(self.request)
        if date_from:
            entries = entries.filter(date__gte=date_from)
        if date_to:
            entries = entries.filter(date__lte=date_to)
        return entries.order_by("-date", "start_time", "pk")


class AnswerMixin(PublicAPIMixin):
    def get_serializer_context(self):
        context = super().get_serializer_context()
        index = _public_pages(QuestionIndexPage, _site(self.request)).first()
        context["answers_base"] = index.get_url(self.request) if index else None
        return context

    def get_queryset(self):
        return (
            Question.objects.for_site(_site(self.request))
            .published()
            .select_related("topic")
        )


@extend_schema(
    summary=_("Published questions and answers"),
    parameters=[
        OpenApiParameter("topic", str, description=_("Slug of a topic")),
        *DATE_PARAMETERS,
    ],
    responses={200: api.AnswerSerializer, **ERRORS},
)
class AnswerList(AnswerMixin, generics.ListAPIView):
    serializer_class = api.AnswerSerializer

    def get_queryset(self):
        answers = super().get_queryset()
        if self.request.query_params.get("topic"):
            answers = answers.filter(topic__slug=self.request.query_params["topic"])
        date_from, date_to = _dates(self.request)
        if date_from:
            answers = answers.filter(published_at__date__gte=date_from)
        if date_to:
            answers = answers.filter(published_at__date__lte=date_to)
        return answers.order_by("-published_at", "-pk")


@extend_schema(
    summary=_("One published question and its answer"),
    responses={200: api.AnswerSerializer, **ERRORS},
)
class AnswerDetail(DetailMixin, AnswerMixin, generics.RetrieveAPIView):
    serializer_class = api.AnswerSerializer


@extend_schema(exclude=True)
class NotFound(APIView):
    """Any other address under /api/v1/: a JSON 404, as the rest of the API."""

    authentication_classes: list = []

    def get(self, request, rest: str = ""):
        raise Http404
