# A package, so that tests/ui/conftest.py is imported as ``ui.conftest`` and the top-level
# ``conftest`` (ADMIN, PASSWORD, … that tests import by name) stays the one ``import conftest`` finds.
