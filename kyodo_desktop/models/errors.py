"""Errors the program shows to officers: each carries a message in plain Japanese."""

from __future__ import annotations


class RegisterError(Exception):
    """A problem with the register file, with a message for the officer in plain Japanese."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class PermissionDenied(RegisterError):
    """The logged-in officer's role does not allow this (checked in models/, not only in the UI)."""
