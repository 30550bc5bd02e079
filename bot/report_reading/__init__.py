"""Reading a patient's microbiome lab report: which known bacteria it lists, and at which level.

A PDF's text layer is read with pdfplumber (pypdf checks it first: encryption, scripts, attachments, page
count); a scan or a photo is straightened and cleaned with OpenCV and read by Tesseract with its Dutch
data. Whatever the source, the text arrives as positioned words (``words.Word``), and one layout reader
(``layout.find_levels``) pairs each known taxon with its level: on its own line or on the line below, in
lines, tables or columns, in any order. The taxa and their groups come from ``bot.questionnaire``.

Modules (nothing heavy is imported by this package itself):

- ``limits``: the limits of a file (size, types, pages, pixels, time).
- ``reading``: what a reading holds (``Finding``, ``ReportReading``) and ``Refused``, the reasons a file is
  not read; plain data, as the conversation receives it.
- ``filetypes``: the type of a file from its first bytes.
- ``words``, ``vocabulary``, ``layout``: positioned words, the level words and taxon names, the pairing.
- ``pdf`` and ``images`` + ``ocr``: the two sources of words.
- ``reader``: ``read_report(data)``, the whole reading in this process.
- ``sandbox``: ``read_isolated(data)``, the same in a child process with a time and memory limit, so a
  hostile or slow file never blocks or endangers the server. The file is never written anywhere but a
  private temporary folder that is removed at once.
- ``texts``: the Dutch replies for a file that is refused or holds no known bacteria.
- ``clinic``: the table of levels for the clinic's record and report.
"""
