"""API fixtures: a disposed case (DPUPKP leads, Dinkes co-handles) and tokens for the agencies."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from layani.api.models import ApiScope
from layani.api.tokens import issue_token
from layani.cases import services


@dataclass
class Caller:
    """A test client that sends one agency's token with every request."""

    client: Client
    raw: str
    token: object

    def get(self, path: str, **params):
        return self.client.get(path, params, HTTP_AUTHORIZATION=f"Bearer {self.raw}")

    def post(self, path: str, body: object = None):
        return self.client.post(
            path,
            body or {},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {self.raw}",
        )


def _caller(agency, name="SIMDA", scopes=(ApiScope.READ, ApiScope.WRITE)) -> Caller:
    token, raw = issue_token(agency, name, scopes=scopes)
    return Caller(Client(), raw, token)


@pytest.fixture
def disposed(team, make_report):
    report = make_report()
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(
        report, actor=team.coordinator, lead=team.dinas_pu, co_handlers=[team.dinkes]
    )
    return report


@pytest.fixture
def pu(team) -> Caller:
    return _caller(team.dinas_pu)


@pytest.fixture
def dinkes(team) -> Caller:
    return _caller(team.dinkes)


@pytest.fixture
def satpol(team) -> Caller:
    """An agency with no part in the fixture case."""
    return _caller(team.satpol)


@pytest.fixture
def pu_read_only(team) -> Caller:
    return _caller(team.dinas_pu, name="Dashboard", scopes=(ApiScope.READ,))


def task_of(report, agency):
    return report.case.tasks.get(agency=agency, status__in=["pending", "accepted"])
