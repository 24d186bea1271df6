import pytest
from django.contrib.auth import get_user_model

PASSWORD = "mat-khau-rat-dai-2026"


@pytest.fixture
def require_2fa(settings):
    settings.CONGXA_REQUIRE_2FA = True


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        username="quantri", email="quantri@vinhthuy.gov.vn", password=PASSWORD
    )
