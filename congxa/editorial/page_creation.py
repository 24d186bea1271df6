"""One admin create form makes one page, however often it is posted.

Wagtail 7.4 autosaves the create form: a background POST to the create view
(`Accept: application/json`, no `action-*` field) makes the page, and only its
answer points the open form at the new page's edit view. A click on "Submit
for moderation" or "Save draft" before that answer, or an autosave fired while
the writer's own post is on its way, posts the same form to the create view a
second time. Plain Wagtail then refuses the second post (its address is taken);
congxa's page form gives a new page the next free address, so it made a second
page.

Every create form carries a token (`page_form.CREATE_TOKEN_FIELD`). The first
post of a token claims it in a transaction and records the page it made; a
second post of the same token waits for the first (the claim's row is locked
until the first commits) and then never creates:

- the writer's own post (Submit, Save draft) is handed to Wagtail's edit view
  for the page the autosave made, with the updates the autosave's answer would
  have brought to the form (formset ids, the address), so the click does what
  it says to that page;
- an autosave after the writer's own post saves nothing (the writer's post
  carried the same form, later) and answers success, so no error shows while
  the browser leaves the form;
- an autosave after an autosave (a retry whose first answer was lost) is an
  autosave of that page, through the edit view.

A post without a token (a form rendered before this change, a test, a script)
is Wagtail's, unchanged.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.utils import set_query_params
from wagtail.admin.views.pages.edit import EditView

from .models import PageCreation
from .page_form import CREATE_TOKEN_FIELD

# A claim only matters for the seconds the posts of one form race; older ones
# are removed as new ones are made.
CLAIM_LIFETIME = timedelta(days=1)


def create_token(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(CREATE_TOKEN_FIELD, ""))
    except ValueError:
        return None


def page_create_once(
    *, view, request: HttpRequest, create: Callable[[], HttpResponse]
) -> HttpResponse:
    """Wagtail's create view's `post` (`create`), at most once per form token."""
    token = create_token(request)
    if token is None:
        return create()
    with transaction.atomic():
        # A second post of the token waits here until the first commits.
        claim, claimed = PageCreation.objects.get_or_create(token=token)
        if claimed:
            response = create()
            if view.page.pk is None:
                claim.delete()
            else:
                claim.page = view.page
                claim.by_autosave = view.expects_json_response
                claim.revision_id = view.page.latest_revision_id
                claim.field_updates = dict(view.form.get_field_updates_for_resave())
                claim.save()
                PageCreation.objects.filter(
                    created_at__lt=timezone.now() - CLAIM_LIFETIME
                ).delete()
            return response
    return _post_again(view=view, request=request, claim=claim)


def _post_again(*, view, request: HttpRequest, claim: PageCreation) -> HttpResponse:
    """A later post of a form whose page is made: to that page, never a new one."""
    page = claim.page.specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if view.expects_json_response and not claim.by_autosave:
        # No revision id: the form's next autosave, if any, is a new revision
        # of the page, never an overwrite of the one the writer submitted.
        return JsonResponse(
            {
                "success": True,
                "pk": page.pk,
                "field_updates": claim.field_updates,
                "comments": [],
                "url": edit_url,
            }
        )
    data = request.POST.copy()
    for name, value in claim.field_updates.items():
        data[name] = str(value)
    if view.expects_json_response and claim.revision_id:
        data.setdefault("overwrite_revision_id", str(claim.revision_id))
    request.POST = data
    response = EditView.as_view()(request, page_id=page.pk)
    if view.expects_json_response and view.response_is_json(response):
        answer = json.loads(response.content)
        if answer.get("success"):
            # What the create view's own answer does: the form now edits the page.
            answer["url"] = edit_url
            answer["hydrate_url"] = set_query_params(
                edit_url, {"_w_hydrate_create_view": "1"}
            )
            return JsonResponse(answer)
    return response
