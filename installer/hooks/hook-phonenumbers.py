"""phonenumbers without its geocoding, carrier and time-zone data (40 MB of Python, never used:
models/japanese.py only parses, checks and formats numbers). Replaces the contrib hook, which takes
every submodule; the per-region metadata it loads by name (``phonenumbers.data.region_JP``…) stays."""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("phonenumbers.geodata", "phonenumbers.geocoder", "phonenumbers.carrierdata",
          "phonenumbers.carrier", "phonenumbers.tzdata", "phonenumbers.timezone")

hiddenimports = collect_submodules(
    "phonenumbers", filter=lambda name: not any(name == u or name.startswith(u + ".") for u in UNUSED)
)
