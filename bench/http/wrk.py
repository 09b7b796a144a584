"""Load with wrk: Lua scripts for distinct POST bodies and for a JSON summary with percentiles."""

from __future__ import annotations

import json
import subprocess  # nosec B404 — runs wrk with arguments built here
from dataclasses import dataclass
from pathlib import Path

#: Printed by every script's done(): wrk's own latency histogram, in microseconds.
_DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, ' ..
    '"max": %d, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect + e.read + e.write + e.timeout, e.status))
end
"""

_HEADERS = r"""
local cookie = %s
wrk.headers["Accept-Language"] = "id"
if cookie ~= "" then wrk.headers["Cookie"] = cookie end
"""

#: Each request a distinct, valid Open311 submission: thread number and counter in the text.
_POST = r"""
local api_key, service, villages = %s, %s, {%s}
local counter, tid = 0, 0
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
init = function(args) tid = tonumber(wrk.thread:get("tid")) or 0 end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  counter = counter + 1
  local village = villages[(counter %% #villages) + 1]
  local body = "api_key=" .. api_key .. "&service_code=" .. service ..
    "&region_code=" .. village .. "&address_string=Jl.+Kaliurang+km+" .. counter ..
    "&email=warga" .. tid .. "x" .. counter .. "%%40example.com" ..
    "&description=Jalan+berlubang+cukup+dalam+di+depan+rumah+nomor+" .. tid .. "-" .. counter ..
    "%%2C+sudah+dua+minggu+belum+diperbaiki+dan+membahayakan+pengendara+motor+saat+hujan."
  return wrk.format(nil, nil, nil, body)
end
"""


def _lua_str(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal for these values


def get_script(cookie: str = "") -> str:
    return _HEADERS % _lua_str(cookie) + _DONE


def post_script(api_key: str, service: str, villages: list[str]) -> str:
    listed = ", ".join(_lua_str(v) for v in villages)
    return _HEADERS % _lua_str("") + _POST % (_lua_str(api_key), _lua_str(service), listed) + _DONE


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    non2xx: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def run(url: str, script: str, workdir: Path, *, seconds: int, connections: int) -> Result:
    path = workdir / "script.lua"
    path.write_text(script)
    command = [
        "wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "20s",
        "-s", str(path), url,
    ]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60)  # noqa: S603  # nosec B603
    line = next(x for x in out.stdout.splitlines() if x.startswith("WRKJSON "))
    data = json.loads(line.removeprefix("WRKJSON "))
    return Result(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50"] / 1000,
        p95_ms=data["p95"] / 1000,
        p99_ms=data["p99"] / 1000,
        max_ms=data["max"] / 1000,
        errors=data["errors"],
        non2xx=data["non2xx"],
    )
