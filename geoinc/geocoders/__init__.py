"""geopy-compatible geocoders backed by the offline Syria gazetteer."""

from .syria import SyriaGazetteer

__all__ = ["SyriaGazetteer"]
