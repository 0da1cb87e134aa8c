"""Importing the kit keeps kernels fast: jsonschema's slow optional IRI checker is skipped."""

import subprocess
import sys


def test_importing_humaskit_first_skips_the_optional_iri_grammar():
    code = ("import humaskit, altair, sys; "
            "print('rfc3987_syntax' in sys.modules and sys.modules['rfc3987_syntax'] is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_altair_still_validates_chart_specifications():
    import altair as alt
    import pandas as pd
    import pytest

    chart = alt.Chart(pd.DataFrame({"a": [1]})).mark_bar().encode(x="a:Q")
    assert chart.to_dict()["mark"]["type"] == "bar"
    with pytest.raises(Exception, match="tidak_ada|not valid|is not one of"):
        alt.Chart(pd.DataFrame({"a": [1]})).mark_bar().encode(x="a:Q").properties(
            width="tidak_ada").to_dict()
