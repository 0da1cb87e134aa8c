"""The classroom server: one Linux machine serves the whole room; participants need only a
browser.

``layout``       where everything lives under one prefix; the room's settings
``install``      the offline bundle and its install with the package index disabled
``accounts``     one private Unix account per roster participant, plus facilitator and trainer
``pins``         each participant's PIN, the admins' passwords, a forgotten PIN replaced
``resets``       the log of PIN resets (for the organiser's report)
``signin``       PAM sign-in with guessing slowed, then locked
``cards``        the printed sign-in cards and the admin sheet
``room``         set-up: settings, accounts, JupyterHub's config file
``hubconfig``    the JupyterHub configuration (authenticator, proxy, spawner, services)
``templates/``   the hub's pages in Indonesian (JupyterHub template overrides)
``spawner``      each participant's JupyterLab, memory-limited
``facilitator``  the facilitator's page (who is in, who fetched and submitted, room URL + QR,
                 locked accounts, new PINs) and its progress grid for the projector
``progress``     each participant's progress in an exercise, read from their answers file
``activity``     sign-ins and saves per account, the evidence for the pre-filled attendance
``landing``      where the exercises are, as the landing notebook tells it
``cli``          ``humaskit server {bundle,install,setup,kartu,riwayat-pin,hadir,start,
                 status}``
"""

#: Largest kernel websocket message the room's JupyterLab and proxy accept (tornado's default
#: is 10 MiB). A file a participant uploads in a widget travels as one message: a larger one
#: would vanish without a word, so the limit stays well above the 20 MB the kit reads (the kit
#: then says the file is too big). ``make lab`` passes the same number.
KERNEL_MESSAGE_BYTES = 64 * 2**20
