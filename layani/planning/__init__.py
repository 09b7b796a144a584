"""Musrenbang: aspirations gathered into proposals (usulan) that move through the planning cycle."""
