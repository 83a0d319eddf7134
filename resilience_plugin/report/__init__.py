"""The planning-review report (resilience:planning_report): content, chart, HTML and the print layout.

``content`` reads the result layers into a language-neutral model of sections, tables and figures;
``body`` lays that model out as print-layout items (labels, tables, pictures) page by page; ``layout``
fills the print-layout template (cover, overview map) and exports the PDF; ``html`` writes the same
model as the HTML version; ``chart`` draws the bar charts; ``language`` switches the plugin's
translation and font for the duration of a run.
"""
