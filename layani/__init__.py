"""Layani: a platform through which civil servants of many agencies serve citizens' reports together."""
