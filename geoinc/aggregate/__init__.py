"""Aggregation of incidents by admin unit, region and period."""
