"""A participant's or admin's browser session against the classroom server, over HTTP:
log in, wait for the server, call JupyterLab's and nbgrader's REST APIs as the browser does
(cookies and the XSRF token). Used by the tests and the classroom benchmark."""

from __future__ import annotations

import time

import requests


class Session:
    def __init__(self, base: str, account: str):
        self.base = base.rstrip("/")
        self.account = account
        self.http = requests.Session()

    def login(self, password: str) -> requests.Response:
        """Log in on the hub's form; the hub then starts the account's server."""
        self.http.get(f"{self.base}/hub/login")
        return self.http.post(f"{self.base}/hub/login?next=",
                              data={"username": self.account, "password": password,
                                    "_xsrf": self.http.cookies.get("_xsrf", path="/hub/")})

    def wait_for_lab(self, timeout: float = 120) -> requests.Response:
        """Open JupyterLab once the server is up (completing the hub's OAuth hand-off)."""
        deadline = time.monotonic() + timeout
        while True:
            page = self.http.get(f"{self.base}/user/{self.account}/lab")
            if page.status_code == 200 and f"/user/{self.account}/" in page.url:
                return page
            if time.monotonic() > deadline:
                raise TimeoutError(f"server {self.account} tidak siap dalam {timeout:g} detik")
            time.sleep(0.5)

    def _headers(self) -> dict:
        for cookie in self.http.cookies:
            if cookie.name == "_xsrf" and cookie.path.startswith(f"/user/{self.account}"):
                return {"X-XSRFToken": cookie.value}
        return {}

    def user_get(self, path: str, **params) -> requests.Response:
        return self.http.get(f"{self.base}/user/{self.account}/{path}", params=params,
                             headers=self._headers())

    def user_post(self, path: str, **data) -> requests.Response:
        return self.http.post(f"{self.base}/user/{self.account}/{path}", data=data,
                              headers=self._headers())

    def get(self, path: str) -> requests.Response:
        return self.http.get(f"{self.base}/{path.lstrip('/')}")
