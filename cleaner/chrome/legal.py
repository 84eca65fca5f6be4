"""Legal footer lines: copyright, privacy and terms links, imprint."""

from __future__ import annotations

from cleaner.chrome.rules import PatternRule, any_of

COPYRIGHT = PatternRule("chrome:copyright", any_of([
    r"©", r"\(c\) ?(?:19|20)\d\d", r"copyright", r"all rights reserved", r"alle rechte vorbehalten",
    r"tous droits réservés", r"todos los derechos reservados", r"derechos reservados",
]), max_words=30)

LEGAL = PatternRule("chrome:legal", any_of([
    r"privacy(?: policy| notice| statement| settings)?", r"terms (?:of|and) (?:use|service|conditions)",
    r"terms", r"legal notice", r"disclaimer", r"accessibility", r"sitemap", r"site map", r"imprint",
    r"contact(?: us)?", r"about(?: us)?", r"impressum", r"datenschutz(?:erklärung)?", r"kontakt", r"agb",
    r"nutzungsbedingungen", r"barrierefreiheit", r"mentions légales", r"politique de confidentialité",
    r"cgu", r"conditions générales", r"nous contacter", r"aviso legal", r"política de privacidad",
    r"términos y condiciones", r"contacto", r"quiénes somos",
], whole_line=True), max_words=6)

RULES = (COPYRIGHT, LEGAL)
