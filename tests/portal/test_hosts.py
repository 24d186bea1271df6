"""Host names come from the communes in the database, checked without a query."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from congxa.portal import hosts
from congxa.portal.communes import CommuneSpec, canonical_root_url, commune_create
from congxa.portal.hosts import AllowedHosts


@pytest.fixture
def only_database_hosts(settings):
    settings.ALLOWED_HOSTS = AllowedHosts(["static.example.vn"])
    hosts.hosts_changed()


@pytest.mark.django_db
def test_a_new_commune_is_served_at_once(client, only_database_hosts):
    assert client.get("/", HTTP_HOST="xa-moi.vn").status_code == 400
    commune_create(CommuneSpec(host="xa-moi.vn", name="Xã Mới", scheme="http"))
    response = client.get("/", HTTP_HOST="xa-moi.vn")
    assert response.status_code == 200
    assert "Xã Mới" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_host_is_disallowed(client, only_database_hosts, site):
    assert client.get("/", HTTP_HOST="vinhthuy.localhost").status_code == 200
    assert client.get("/", HTTP_HOST="ke-gia-mao.vn").status_code == 400


@pytest.mark.django_db
def test_the_variable_is_still_honoured(client, only_database_hosts, site):
    assert "static.example.vn" in hosts.AllowedHosts(["static.example.vn"])
    # Wagtail falls back to the default site for a host it does not know.
    assert client.get("/", HTTP_HOST="static.example.vn").status_code == 200


@pytest.mark.django_db
def test_aliases_are_allowed_and_redirect(client, only_database_hosts):
    commune_create(CommuneSpec(host="xa-a.vn", name="Xã A", aliases=("www.xa-a.vn",)))
    response = client.get("/", HTTP_HOST="www.xa-a.vn")
    assert response.status_code == 301
    assert response["Location"] == "https://xa-a.vn/"


@pytest.mark.django_db
def test_the_host_check_costs_no_query_once_loaded(only_database_hosts, site):
    allowed = hosts.AllowedHosts([])
    assert "vinhthuy.localhost" in allowed
    with CaptureQueriesContext(connection) as queries:
        for _ in range(50):
            assert "vinhthuy.localhost" in allowed
            assert "khong-co.vn" not in allowed
    assert len(queries) == 0


@pytest.mark.django_db
def test_another_process_change_is_seen_through_the_shared_version(
    only_database_hosts, site, monkeypatch
):
    allowed = hosts.AllowedHosts([])
    assert "xa-sau.vn" not in allowed
    # Another process adds a commune: its signal bumps the shared version, but
    # this process's table is only re-checked after CHECK_SECONDS.
    table = hosts.host_table()
    Site.objects.create(hostname="xa-sau.vn", root_page=site.root_page)
    hosts._state["table"] = table  # as if the save happened elsewhere
    assert "xa-sau.vn" not in allowed
    monkeypatch.setattr(hosts, "CHECK_SECONDS", 0)
    assert "xa-sau.vn" in allowed


@pytest.mark.django_db
def test_canonical_root_url_uses_the_configured_scheme_and_host():
    result = commune_create(CommuneSpec(host="xa-c.gov.vn", name="Xã C"))
    site = result.site
    site.port = 8000  # as if created by hand on a development port
    site.save()
    assert canonical_root_url(Site.objects.get(pk=site.pk)) == "https://xa-c.gov.vn"
    site.commune.scheme = "http"
    site.commune.canonical_host = "xa-c.quangtri.gov.vn"
    site.commune.save()
    assert (
        canonical_root_url(Site.objects.get(pk=site.pk))
        == "http://xa-c.quangtri.gov.vn"
    )


@pytest.mark.django_db
def test_canonical_root_url_of_a_site_without_commune_record(site, settings):
    settings.HTTPS = True
    assert canonical_root_url(site) == "https://vinhthuy.localhost"


@pytest.mark.django_db
def test_sitemap_uses_the_commune_host(client, only_database_hosts):
    call_command(
        "commune", "add", "--host", "xa-d.gov.vn", "--name", "Xã D", stdout=None
    )
    response = client.get("/sitemap.xml", HTTP_HOST="xa-d.gov.vn")
    body = response.content.decode()
    assert "<loc>https://xa-d.gov.vn/van-ban/</loc>" in body
    assert ":443" not in body


@pytest.mark.django_db
def test_the_last_table_stays_while_the_database_is_down(
    only_database_hosts, site, monkeypatch
):
    allowed = hosts.AllowedHosts([])
    assert "vinhthuy.localhost" in allowed

    def database_down(version):
        raise hosts.DatabaseError("could not connect to server")

    monkeypatch.setattr(hosts, "_load", database_down)
    monkeypatch.setattr(hosts, "CHECK_SECONDS", 0)
    monkeypatch.setattr(hosts, "_shared_version", lambda: "another version")
    # The cached pages of a known commune are still served by host name.
    assert "vinhthuy.localhost" in allowed
    hosts._state["table"] = None
    with pytest.raises(hosts.DatabaseError):
        hosts.host_table()


@pytest.mark.django_db
def test_a_thread_waits_for_no_other_threads_recheck(only_database_hosts, site):
    table = hosts.host_table()
    hosts._state["checked_at"] = 0.0  # due for a re-check
    assert hosts._lock.acquire()  # another thread is re-checking (a slow database)
    try:
        assert hosts.host_table() is table
    finally:
        hosts._lock.release()
