"""Retention, erasure and data subjects' rights under UU 27/2022 (Pelindungan Data Pribadi)."""
