"""A Django test client whose requests go through the WSGI fast path first,
as they do in production (`congxa/wsgi.py`)."""

from django.core.handlers.wsgi import WSGIRequest
from django.test import Client
from django.test.client import ClientHandler, conditional_content_removal

from congxa.portal import fast_path


class FastPathClientHandler(ClientHandler):
    """`fast_path.answer` first, with this handler's middleware chain; a miss
    goes through the test handler as usual."""

    def __call__(self, environ):
        if self._middleware_chain is None:
            self.load_middleware()
        response = fast_path.answer(self, environ)
        if response is None:
            return super().__call__(environ)
        request = WSGIRequest(environ)
        response = conditional_content_removal(request, response)
        response.wsgi_request = request
        response.fast_path = True
        return response


class FastPathClient(Client):
    def __init__(self, enforce_csrf_checks=False, **defaults):
        super().__init__(enforce_csrf_checks=enforce_csrf_checks, **defaults)
        self.handler = FastPathClientHandler(enforce_csrf_checks)
