"""Two communes with their boards and sections (the editorial fixtures)."""

from tests.editorial.conftest import (  # noqa: F401 (fixtures)
    board,
    editor,
    other_board,
    other_section,
    section,
)
