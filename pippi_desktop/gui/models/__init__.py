"""Item models of the windows: ids plus row caches fed by queries (no widget per row)."""
