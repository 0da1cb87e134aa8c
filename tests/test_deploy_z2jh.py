"""The Zero to JupyterHub set-up for rooms that outgrow one machine, checked as far as this
machine allows: no Kubernetes or Docker engine runs here, so the values are read as YAML and
compared with the single-machine server's choices, and the image definition with the kit."""

from __future__ import annotations

import yaml
from shared import ROOT

from humaskit.server import hubconfig

FOLDER = ROOT / "deploy" / "z2jh"


def test_the_values_make_the_same_choices_as_the_classroom_server():
    values = yaml.safe_load((FOLDER / "values.yaml").read_text(encoding="utf-8"))
    hub = values["hub"]["config"]
    assert hub["JupyterHub"]["authenticator_class"] == "shared-password"
    assert len(hub["SharedPasswordAuthenticator"]["admin_password"]) >= 32
    assert set(hub["Authenticator"]["admin_users"]) == {"fasilitator", "pelatih"}
    single = values["singleuser"]
    assert single["defaultUrl"] == hubconfig.LANDING
    mounts = {m["mountPath"] for m in single["storage"]["extraVolumeMounts"]}
    assert "/srv/nbgrader/exchange" in mounts
    assert values["cull"]["enabled"] is True


def test_the_image_installs_the_kit_from_the_offline_bundle_only():
    text = (FOLDER / "Dockerfile").read_text(encoding="utf-8")
    assert "--no-index --find-links /tmp/wheels" in text
    assert "c.Exchange.root = \"/srv/nbgrader/exchange\"" in text
    assert "use_cached_bundle" in text
