"""`kyodo` subcommands: see add_parsers."""

from __future__ import annotations

import argparse


def add_parsers(sub: argparse._SubParsersAction, login: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the `kyodo` parser (called by cli.build_parser)."""
