"""Public views behind the routes of QuestionIndexPage and FeedbackPage."""

from __future__ import annotations

from django.apps import apps
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from congxa.portal.models import CommuneSettings
from congxa.portal.pagination import paginate

from . import abuse
from .enums import QuestionKind
from .forms import LookupForm, SubmissionForm
from .models import EngagementSettings, QuestionIndexPage
from .selectors import published_questions, question_lookup, topics_with_published
from .services import question_submit

PER_PAGE = 10
TOPIC_PARAM = "linh-vuc"
LOOKUPS_PER_HOUR = 20


def _site_of(request, page):
    """The request's site, which must be the page's: no form posts across communes."""
    site = Site.find_for_request(request)
    if site is None or not page.path.startswith(site.root_page.path):
        raise Http404
    return site


def _links(request, page) -> dict[str, str]:
    """Addresses of the engagement routes of this page, relative to the site."""
    base = page.get_url(request)
    links = {
        "lookup": base + page.reverse_subpage("lookup"),
        "privacy": base + page.reverse_subpage("privacy"),
    }
    if isinstance(page, QuestionIndexPage):
        links["list"] = base
        links["ask"] = base + page.reverse_subpage("ask")
    return links


def _render(request, page, template, context, status=200):
    full = page.get_context(request)
    full.update(context)
    full["links"] = _links(request, page)
    return TemplateResponse(request, template, full, status=status)


def question_list(request, page):
    site = _site_of(request, page)
    topics = topics_with_published(site)
    selected = None
    slug = request.GET.get(TOPIC_PARAM, "")
    if slug:
        selected = next((topic for topic in topics if topic.slug == slug), None)
    questions = paginate(request, published_questions(site, topic=selected), PER_PAGE)
    return _render(
        request,
        page,
        "engagement/question_index_page.html",
        {
            "questions": questions,
            "topics": topics,
            "selected_topic": selected,
            "topic_param": TOPIC_PARAM,
            "extra_query": f"&{TOPIC_PARAM}={selected.slug}" if selected else "",
        },
    )


def question_detail(request, page, pk: int):
    site = _site_of(request, page)
    question = published_questions(site).filter(pk=pk).first()
    if question is None:
        raise Http404
    return _render(
        request, page, "engagement/question_detail.html", {"question": question}
    )


def _limiter(request, site) -> abuse.RateLimiter:
    config = EngagementSettings.for_site(site)
    return abuse.RateLimiter(
        site.pk,
        abuse.hash_value("ip", abuse.client_ip(request)),
        abuse.Limits(
            per_address=config.rate_limit_per_address,
            per_contact=config.rate_limit_per_contact,
            challenge_after=config.challenge_after,
        ),
    )


def _too_many(request, page, message: str):
    return _render(
        request, page, "engagement/too_many.html", {"message": message}, status=429
    )


def _handle_submission(request, page, *, kind, site, extra=None, document=None):
    """GET shows the form, POST takes it; both never cached (CSRF token)."""
    extra = extra or {}
    limiter = _limiter(request, site)
    template = "engagement/submission_form.html"
    base = {
        "kind": kind,
        "document": document,
        "config": EngagementSettings.for_site(site),
        "commune": CommuneSettings.for_site(site),
        **extra,
    }
    if request.method != "POST":
        form = SubmissionForm(
            site=site,
            page=page,
            kind=kind,
            challenge_needed=limiter.challenge_needed(),
        )
        return _render(request, page, template, {**base, "form": form})

    limiter.record_attempt()
    if limiter.address_blocked():
        return _too_many(
            request,
            page,
            _(
                "Too many submissions have come from your network in the last "
                "hour. Please try again later, or contact the commune office."
            ),
        )
    form = SubmissionForm(
        request.POST,
        site=site,
        page=page,
        kind=kind,
        challenge_needed=limiter.challenge_needed(),
    )
    if form.honeypot_filled:
        return _render(
            request,
            page,
            template,
            {
                **base,
                "form": form,
                "form_error": _("The form could not be sent. Please try again."),
            },
            status=400,
        )
    if not form.is_valid():
        return _render(request, page, template, {**base, "form": form}, status=400)
    contact_hashes = form.contact_hashes()
    if limiter.contact_blocked(contact_hashes):
        return _too_many(
            request,
            page,
            _(
                "This phone number or email has already sent the most submissions "
                "allowed for one day. Please try again tomorrow."
            ),
        )
    data = form.cleaned_data
    title = data.get("title") or ""
    if kind == QuestionKind.DRAFT_COMMENT and not title:
        title = _("Comment on: %(title)s") % {"title": document.title}
    question = question_submit(
        site=site,
        kind=kind,
        name=data["name"],
        phone=data["phone"],
        email=data["email"],
        address=data["address"],
        title=title[:200],
        text=data["text"],
        topic=data.get("topic"),
        document_page=document,
        ip=abuse.client_ip(request),
    )
    abuse.mark_token_used(form.token_payload["n"])
    limiter.record_accepted(contact_hashes)
    return _render(
        request,
        page,
        "engagement/submission_received.html",
        {**base, "question": question},
    )


@never_cache
def submission_form(request, page, *, kind):
    site = _site_of(request, page)
    return _handle_submission(request, page, kind=kind, site=site)


def _comment_document(site, page_id: int):
    """The live draft of this site open for comment, or 404."""
    try:
        model = apps.get_model("documents", "LegalDocumentPage")
    except LookupError as exc:
        raise Http404 from exc
    document = (
        model.objects.live()
        .public()
        .descendant_of(site.root_page)
        .filter(pk=page_id)
        .first()
    )
    if document is None:
        raise Http404
    return document


def document_open_for_comment(document) -> bool:
    check = getattr(document, "is_open_for_comment", None)
    if check is None:
        return False
    return bool(check() if callable(check) else check)


@never_cache
def draft_comment_form(request, page, page_id: int):
    site = _site_of(request, page)
    document = _comment_document(site, page_id)
    if not document_open_for_comment(document):
        return _render(
            request,
            page,
            "engagement/draft_comment_closed.html",
            {"document": document},
            status=410 if request.method == "POST" else 200,
        )
    return _handle_submission(
        request,
        page,
        kind=QuestionKind.DRAFT_COMMENT,
        site=site,
        document=document,
        extra={"closes_at": getattr(document, "comment_closes_at", None)},
    )


@never_cache
def lookup(request, page):
    site = _site_of(request, page)
    context = {"form": LookupForm(), "question": None, "not_found": False}
    if request.method == "POST":
        limiter = _limiter(request, site)
        if limiter.record_attempt() > LOOKUPS_PER_HOUR + (
            limiter.limits.per_address * abuse.ATTEMPTS_FACTOR
        ):
            return _too_many(
                request,
                page,
                _("Too many lookups from your network. Please try again later."),
            )
        form = LookupForm(request.POST)
        context["form"] = form
        question = None
        if form.is_valid():
            question = question_lookup(
                site,
                code=form.cleaned_data["code"],
                contact=form.cleaned_data["contact"],
            )
        if question is None:
            context["not_found"] = True
            return _render(request, page, "engagement/lookup.html", context, status=404)
        context["question"] = question
        context["form"] = LookupForm()
    return _render(request, page, "engagement/lookup.html", context)


def privacy_notice(request, page):
    site = _site_of(request, page)
    config = EngagementSettings.for_site(site)
    commune = CommuneSettings.for_site(site)
    return _render(
        request,
        page,
        "engagement/privacy_notice.html",
        {
            "config": config,
            "commune": commune,
            "controller": config.data_controller
            or commune.agency
            or commune.commune_name,
        },
    )
