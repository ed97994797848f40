"""The Syria gazetteer: places, names and boundaries, and resolution of place names.

>>> from geoinc.gazetteer import Gazetteer
>>> gaz = Gazetteer.load()
>>> gaz.resolve("Suran", admin1="SY05").admin1
'SY05'
"""

from .core import Gazetteer
from .place import KINDS, Place

__all__ = ["Gazetteer", "Place", "KINDS"]
