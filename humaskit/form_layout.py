"""How the kit's widget forms fit a phone as well as a laptop.

A form made with :func:`fit` carries its own style sheet (an HTML widget holding a
``<style>``, so it works in JupyterLab, Notebook 7 and a laptop's Jupyter alike; nothing is
loaded from outside). Below :data:`NARROW_PX` of screen width each row made with :func:`row`,
and each widget's own description label, stacks label above control, controls take the full
width and button groups wrap. On a narrow or a touch screen (a tablet too) controls are a
thumb's height (44 px, the touch-target size of Apple's and Google's guidelines), their text
is 16 px (smaller makes a phone zoom in on the field) and typing boxes are several lines
tall. Tables in a form scroll sideways inside their own box instead of widening the page,
and on a narrow screen charts (Vega's SVG, which keeps its proportions and its tooltips when
scaled) shrink to the width of their output, anywhere on the page. On a wide screen with a
mouse the form looks as it always did.
"""

from __future__ import annotations

import ipywidgets as w

#: Narrower than this (CSS pixels) is a phone or a portrait small tablet: forms stack.
NARROW_PX = 720
FORM = "humaskit-formulir"
ROW = "humaskit-baris"
TOUCH_PX = 44

CSS = f"""
.{FORM} {{max-width: 100%;}}
.{FORM} .widget-html-content {{overflow-x: auto; max-width: 100%;}}
@media (max-width: {NARROW_PX - 1}px) {{
  .{FORM}, .{FORM} .widget-box, .{FORM} .widget-html {{max-width: 100%; min-width: 0;}}
  .{FORM} .{ROW}, .{FORM} .widget-inline-hbox {{
    flex-direction: column !important; align-items: stretch !important; height: auto !important;
  }}
  .{FORM} .{ROW} > *, .{FORM} .widget-inline-hbox, .{FORM} .widget-inline-hbox > *,
  .{FORM} .widget-text, .{FORM} .widget-textarea, .{FORM} .widget-dropdown,
  .{FORM} .widget-combobox, .{FORM} .widget-datepicker, .{FORM} .widget-upload,
  .{FORM} .widget-html, .{FORM} .widget-hbox {{
    width: auto !important; max-width: 100% !important; flex: 0 0 auto !important;
    align-self: stretch; box-sizing: border-box; margin-left: 0 !important;
    margin-right: 0 !important;
  }}
  .jp-OutputArea-output .vega-embed {{max-width: 100%;}}
  .jp-OutputArea-output .vega-embed svg.marks {{max-width: 100%; height: auto;}}
  .{FORM} .widget-hbox {{flex-wrap: wrap !important; height: auto !important;}}
  .{FORM} .widget-hbox > .widget-inline-hbox {{flex: 1 1 100% !important;}}
  .{FORM} .widget-html-content {{line-height: 1.4 !important; height: auto !important;}}
  .{FORM} .widget-label {{
    width: auto !important; max-width: 100% !important; text-align: left !important;
    white-space: normal !important; line-height: 1.3 !important; height: auto !important;
  }}
  .{FORM} .widget-toggle-buttons .widget-toggle-button-group, .{FORM} .widget-toggle-buttons {{
    display: flex !important; flex-wrap: wrap !important; height: auto !important;
  }}
  .{FORM} .widget-toggle-button {{width: auto !important; min-width: {TOUCH_PX * 2}px;}}
}}
@media (max-width: {NARROW_PX - 1}px), (pointer: coarse) {{
  .{FORM} select, .{FORM} input, .{FORM} textarea, .{FORM} button {{
    min-height: {TOUCH_PX}px !important; font-size: 16px !important;
  }}
  .{FORM} .widget-inline-hbox, .{FORM} .{ROW} {{height: auto !important;}}
  .{FORM} .widget-dropdown, .{FORM} .widget-text, .{FORM} .widget-datepicker,
  .{FORM} .widget-combobox, .{FORM} .widget-upload, .{FORM} .jupyter-button,
  .{FORM} .widget-toggle-button {{height: auto !important;}}
  .{FORM} .widget-dropdown > select {{height: {TOUCH_PX}px !important;}}
  .{FORM} textarea {{min-height: 8em !important;}}
  .{FORM} .widget-radio-box label {{min-height: {TOUCH_PX}px; display: flex !important;
    align-items: center; white-space: normal !important; line-height: 1.3;}}
  .{FORM} .widget-radio-box input {{min-height: 0 !important; width: 22px; height: 22px;}}
}}
"""


def style() -> w.HTML:
    """The style sheet above, as a widget that shows nothing itself."""
    return w.HTML(f"<style>{CSS}</style>", layout=w.Layout(height="0px", margin="0px"))


def row(label: w.Widget, control: w.Widget) -> w.HBox:
    """A label beside its control on a wide screen, above it on a narrow one."""
    box = w.HBox([label, control])
    box.add_class(ROW)
    return box


def fit(box: w.Box) -> w.Box:
    """``box`` (a whole form) made to fit any screen; its existing children keep their
    places (the style sheet comes last)."""
    box.add_class(FORM)
    box.children = (*box.children, style())
    return box
