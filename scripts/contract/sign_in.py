#!/usr/bin/env python3
"""Signs a staff member in to a running Bureau the way a person would, and prints an API token.

The account's role needs a second factor, so on the first sign-in the server holds it on the
enrolment page: this reads the secret off that page, computes the authenticator's codes (RFC 6238,
like a phone), confirms the enrolment, then signs in through `POST /api/v1/session` with a code.
Only the real server's pages and API are used.

Usage: sign_in.py BASE_URL USERNAME   (password on standard input)
"""
import base64
import hashlib
import hmac
import html
import json
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def totp(secret: bytes, step: int) -> str:
    mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(method, url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with opener.open(req) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def fail(message):
    print(f"sign_in.py: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    base, username = sys.argv[1].rstrip("/"), sys.argv[2]
    password = sys.stdin.readline().rstrip("\n")
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _ = request("POST", base + "/login", urllib.parse.urlencode(
        {"username": username, "password": password}).encode(), form)
    if status != 303 or headers.get("Location") != "/second-factor":
        fail(f"page sign-in answered {status} to {headers.get('Location')}; expected the enrolment page")
    cookie = re.search(r"bureau_session=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    session = {"Cookie": f"bureau_session={cookie}"}
    status, _, page = request("GET", base + "/second-factor", headers=session)
    secret_text = re.search(r'id="totp-secret">([^<]+)<', page)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page)
    if status != 200 or not secret_text or not csrf:
        fail(f"the enrolment page answered {status} without a secret")
    compact = secret_text.group(1).replace(" ", "")
    secret = base64.b32decode(compact + "=" * (-len(compact) % 8))
    step = int(time.time()) // 30
    status, _, _ = request("POST", base + "/second-factor", urllib.parse.urlencode(
        {"_csrf": html.unescape(csrf.group(1)), "code": totp(secret, step - 1)}).encode(), {**form, **session})
    if status != 200:
        fail(f"confirming the enrolment answered {status}")
    body = json.dumps({"username": username, "password": password, "code": totp(secret, step)}).encode()
    status, _, answer = request("POST", base + "/api/v1/session", body, {"Content-Type": "application/json"})
    if status != 201:
        fail(f"API sign-in with a code answered {status}: {answer}")
    print(json.loads(answer)["token"])


if __name__ == "__main__":
    main()
