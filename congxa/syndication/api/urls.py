"""`/api/v1/...`: the public API; `/api/` lists its endpoints for people."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView

from . import index, views
from .views import NotFound

app_name = "api"

api_patterns = [
    path("api/v1/sections/", views.SectionList.as_view(), name="sections"),
    path("api/v1/articles/", views.ArticleList.as_view(), name="articles"),
    path("api/v1/articles/<str:pk>/", views.ArticleDetail.as_view(), name="article"),
    path("api/v1/documents/", views.DocumentList.as_view(), name="documents"),
    path("api/v1/documents/<str:pk>/", views.DocumentDetail.as_view(), name="document"),
    path("api/v1/procedures/", views.ProcedureList.as_view(), name="procedures"),
    path(
        "api/v1/procedures/<str:code>/",
        views.ProcedureDetail.as_view(),
        name="procedure",
    ),
    path("api/v1/organisation/", views.OrganisationView.as_view(), name="organisation"),
    path("api/v1/schedule/", views.ScheduleList.as_view(), name="schedule"),
    path("api/v1/answers/", views.AnswerList.as_view(), name="answers"),
    path("api/v1/answers/<str:pk>/", views.AnswerDetail.as_view(), name="answer"),
]

urlpatterns = [
    *api_patterns,
    path(
        "api/v1/openapi.json",
        SpectacularJSONAPIView.as_view(authentication_classes=[]),
        name="openapi-json",
    ),
    path(
        "api/v1/openapi.yaml",
        SpectacularYAMLAPIView.as_view(authentication_classes=[]),
        name="openapi-yaml",
    ),
    path("api/", index.api_index, name="index"),
    path("api/v1/<path:rest>", NotFound.as_view(), name="not-found"),
]
