"""The planning-review report (resilience:planning_report): content, chart, HTML and the print layout.

``content`` reads the result layers into a language-neutral model of sections, tables and figures;
``html`` writes that model as HTML (the HTML version and the flowing part of the PDF); ``layout``
fills the print-layout template (cover, overview map) and exports the PDF; ``language`` switches the
plugin's translation and font for the duration of a run.
"""
