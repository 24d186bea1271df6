from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from congxa.documents import views as document_views
from congxa.portal import views as portal_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", include("congxa.search.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
    path("healthz", portal_views.healthz, name="healthz"),
    path("", include("congxa.syndication.urls")),
    # Stored files of documents and original images go through the one gate
    # (congxa/documents/access.py) in every mode, before any other media route.
    path("media/documents/<path:path>", document_views.media_document),
    path("media/original_images/<path:path>", document_views.media_original_image),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    # Media files of the embedded default are served by the app itself; a
    # deployment at scale serves them from nginx or object storage.
    urlpatterns += [path("media/<path:path>", portal_views.media, name="media")]

urlpatterns += [
    path("", include(wagtail_urls)),
    # Procedure codes carry dots (/thu-tuc-hanh-chinh/1.001193/), which Wagtail's
    # own serve pattern ([\w-] per path segment) does not accept.
    re_path(r"^((?:[\w\-.]+/)*)$", wagtail_views.serve, name="wagtail_serve_dotted"),
]

handler400 = "congxa.portal.views.bad_request"
# Admin addresses get their 403/404 inside the admin, in Vietnamese; the public
# ones stay the portal's (congxa.editorial.views hands them over).
handler403 = "congxa.editorial.views.permission_denied"
handler404 = "congxa.editorial.views.page_not_found"
handler500 = "congxa.portal.views.server_error"
