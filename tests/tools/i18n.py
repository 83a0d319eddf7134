"""Translation sources: extract every user-visible string of the plugin into i18n/*.ts.

Strings are found by reading the code: calls to ``tr("...")``, ``self.tr("...")`` and ``N_("...")``
(definitions.N_ marks strings translated where they are shown). All share one context,
``resilience`` (resilience_plugin.translation.CONTEXT). ``lrelease`` (make transcompile) turns
the .ts files into the .qm files the plugin loads.

    python tests/tools/i18n.py update   # add new strings, drop vanished ones, keep translations
    python tests/tools/i18n.py check    # list strings without a finished translation (exit 1 if any)
"""
import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / 'resilience_plugin'
I18N = ROOT / 'i18n'
CONTEXT = 'resilience'
LANGUAGES = ('zh_CN',)
MARKERS = {'tr', 'N_'}


def _marked_string(node):
    """The literal string of a tr()/N_() call, or None."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name not in MARKERS:
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def extract(package=PACKAGE):
    """Ordered, unique user-visible strings of the package, with the first place each appears."""
    found = {}
    for path in sorted(package.rglob('*.py')):
        tree = ast.parse(path.read_text(encoding='utf-8'), filename=str(path))
        for node in ast.walk(tree):
            text = _marked_string(node)
            if text is not None and text not in found:
                found[text] = '{}:{}'.format(path.relative_to(ROOT), node.lineno)
    return found


def ts_path(language):
    return I18N / 'resilience_plugin_{}.ts'.format(language)


def read_ts(path):
    """{source: (translation, finished)} of a .ts file."""
    if not path.exists():
        return {}
    entries = {}
    for message in ET.parse(path).getroot().iter('message'):
        source = message.findtext('source')
        node = message.find('translation')
        text = node.text if node is not None and node.text else ''
        finished = node is not None and node.get('type') not in ('unfinished', 'obsolete', 'vanished')
        entries[source] = (text, finished and bool(text))
    return entries


def write_ts(path, language, strings, existing):
    root = ET.Element('TS', version='2.1', language=language)
    context = ET.SubElement(root, 'context')
    ET.SubElement(context, 'name').text = CONTEXT
    for source in strings:
        message = ET.SubElement(context, 'message')
        ET.SubElement(message, 'source').text = source
        text, finished = existing.get(source, ('', False))
        node = ET.SubElement(message, 'translation')
        node.text = text
        if not finished:
            node.set('type', 'unfinished')
    ET.indent(root, space=' ')
    path.parent.mkdir(exist_ok=True)
    body = ET.tostring(root, encoding='unicode')
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n', encoding='utf-8')


def update():
    strings = extract()
    for language in LANGUAGES:
        path = ts_path(language)
        write_ts(path, language, strings, read_ts(path))
        print('{}: {} strings'.format(path.relative_to(ROOT), len(strings)))


def missing(language):
    """Strings of the code that have no finished translation in ``language``."""
    translated = read_ts(ts_path(language))
    return [s for s in extract() if not translated.get(s, ('', False))[1]]


PLACEHOLDER = re.compile(r'\{[^{}]*\}')


def placeholders(text):
    """The str.format placeholders of ``text`` ({}, {name}, {:.1f}, ...), sorted: order may change, not content."""
    return sorted(PLACEHOLDER.findall(text))


def placeholder_mismatches(language):
    """Translations whose str.format placeholders differ from their source's (a crash or a wrong number)."""
    bad = []
    for source, (text, finished) in read_ts(ts_path(language)).items():
        if finished and placeholders(source) != placeholders(text):
            bad.append(source)
    return bad


def main(argv):
    command = argv[1] if len(argv) > 1 else 'check'
    if command == 'update':
        update()
        return 0
    status = 0
    for language in LANGUAGES:
        for source in missing(language):
            print('{}: untranslated: {!r}'.format(language, source))
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
