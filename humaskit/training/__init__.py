"""What a government training must deliver besides lessons (the organiser's side).

``schedule``         sessions and *jam pelajaran* from the facilitator guide
``curriculum``       whole JP per session (largest remainder) and per *mata pelatihan*
``attendance``       the *daftar hadir*, JP per participant, the certificate threshold
``gain``             pre-test/post-test results, Hake's normalised gain and its category
``item_analysis``    facility, discrimination and flags per item, KR-20 per form
``identity``         what the organiser writes once (``identitas.csv``)
``inputs``           everything above read once from the cohort folder
``register``         certificate numbers that never change, and the check of a QR code
``certificates``     the certificates (front and back, QR code), one file each and combined
``report``           the *laporan penyelenggaraan* (DOCX, HTML, PDF)
``publish``          writes them all (``humaskit laporan``); ``cli`` is the command
``certificate_cli``  ``humaskit sertifikat periksa``
``demo``             the bundled demo cohort's records
"""
