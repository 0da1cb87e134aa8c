"""The paper sizes of the kit's printed documents, in millimetres (portrait): A4, and F4
(folio), which many Indonesian government offices print on."""

PAPER = {"A4": (210, 297), "F4": (215, 330)}
