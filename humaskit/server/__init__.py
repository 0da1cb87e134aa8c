"""The classroom server: one Linux machine serves the whole room; participants need only a
browser.

``layout``       where everything lives under one prefix; the room's settings
``install``      the offline bundle and its install with the package index disabled
``accounts``     one private Unix account per roster participant, plus facilitator and trainer
``room``         set-up: settings, accounts, JupyterHub's config file
``hubconfig``    the JupyterHub configuration (authenticator, proxy, spawner, services)
``spawner``      each participant's JupyterLab, memory-limited
``facilitator``  the facilitator's page (who is in, who fetched and submitted, room URL + QR)
``cli``          ``humaskit server {bundle,install,setup,start,status}``
"""

#: Largest kernel websocket message the room's JupyterLab and proxy accept (tornado's default
#: is 10 MiB). A file a participant uploads in a widget travels as one message: a larger one
#: would vanish without a word, so the limit stays well above the 20 MB the kit reads (the kit
#: then says the file is too big). ``make lab`` passes the same number.
KERNEL_MESSAGE_BYTES = 64 * 2**20
