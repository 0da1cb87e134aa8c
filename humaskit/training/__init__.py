"""What a government training must deliver besides lessons (the organiser's side).

``schedule``      sessions and *jam pelajaran* from the facilitator guide
``attendance``    the *daftar hadir*, JP per participant, the certificate threshold
``gain``          pre-test/post-test results, Hake's normalised gain and its category
``item_analysis`` facility, discrimination and flags per item, KR-20 per form
``identity``      the training's identity and signatories (``identitas.csv``)
``inputs``        everything above read once from the cohort folder
``certificates``  one printable certificate per qualifying participant
``report``        the *laporan penyelenggaraan* (DOCX and HTML)
``publish``       writes them all (``humaskit laporan``); ``cli`` is the command
``demo``          the bundled demo cohort's records
"""
