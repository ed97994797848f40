"""Reading records and writing outputs (atomic writes, accounting of every record)."""
