"""HTTP benchmarks: gunicorn serving Layani, loaded with wrk (see bench/http/run.py)."""
