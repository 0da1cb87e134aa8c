"""The pre-test and post-test: 22 items each, one per learning objective of Days 1–4, in
parallel forms, answered in radio-button forms (no code) and autograded by nbgrader.

``bank`` holds objectives and items (no keys), ``ui`` the answer sheet (:class:`Kuis`),
``scoring`` the grade cells' checks, ``samples`` crafted submissions for tests and the demo.
"""

NOTEBOOKS = {"pre": "pre_test.ipynb", "post": "post_test.ipynb"}
