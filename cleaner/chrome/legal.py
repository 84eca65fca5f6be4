"""Legal footer lines: copyright, privacy and terms links, imprint."""

from __future__ import annotations

import re

from cleaner.chrome.features import BlockFeatures
from cleaner.chrome.rules import SENTENCE_WORDS, PatternRule, ShapeRule, any_of, has_digits


def _copyright_line(features: BlockFeatures) -> bool:
    """A footer line states a year or the sign; a short one needs neither
    ("Example Media. All rights reserved.")."""
    return features.words <= SENTENCE_WORDS or has_digits(features) or "©" in features.text


COPYRIGHT = PatternRule("chrome:copyright", any_of([
    r"copyright", r"all rights reserved", r"alle rechte vorbehalten",
    r"tous droits réservés", r"todos los derechos reservados", r"derechos reservados",
    r"todos os direitos reservados", r"tutti i diritti riservati", r"alle rechten voorbehouden",
    r"wszelkie prawa zastrzeżone", r"все права защищены", r"alla rättigheter förbehållna",
    r"alle rettigheder forbeholdes", r"alle rettigheter reservert", r"kaikki oikeudet pidätetään",
    r"všechna práva vyhrazena", r"tüm hakları saklıdır",
]), max_words=30, in_sentences=_copyright_line)

#: ``© 2024 Example`` and ``(c) 2024``: the sign is not a word, so no keyword gate
COPYRIGHT_SIGN = ShapeRule("chrome:copyright", re.compile(r"©|\(c\) ?(?:19|20)\d\d", re.IGNORECASE),
                           max_words=30)

LEGAL = PatternRule("chrome:legal", any_of([
    r"privacy(?: policy| notice| statement| settings)?", r"terms (?:of|and) (?:use|service|conditions)",
    r"terms", r"legal notice", r"disclaimer", r"accessibility(?: statement)?", r"sitemap", r"site map",
    r"imprint",
    r"contact(?: us)?", r"about(?: us)?", r"impressum", r"datenschutz(?:erklärung)?", r"kontakt", r"agb",
    r"nutzungsbedingungen", r"barrierefreiheit", r"mentions légales", r"politique de confidentialité",
    r"cgu", r"conditions générales", r"nous contacter", r"aviso legal", r"política de privacidad",
    r"términos y condiciones", r"contacto", r"quiénes somos",
    r"política de privacidade", r"termos de uso", r"fale conosco", r"quem somos", r"expediente",
    r"informativa (?:sulla )?privacy", r"note legali", r"contatti", r"chi siamo", r"termini e condizioni",
    r"privacyverklaring", r"algemene voorwaarden", r"over ons",
    r"datenschutzhinweise", r"privacybeleid", r"polityka prywatności", r"regulamin",
    r"terms (?:&|&amp;) conditions", r"do not sell (?:or share )?my (?:personal )?(?:information|data|info)",
    r"(?:california|your) privacy (?:rights|choices)", r"advertise(?: with us)?", r"media ?kit",
    r"work with us", r"write for us", r"careers", r"help (?:center|centre)",
    r"corrections (?:&|and) clarifications", r"(?:corrections|ethics|editorial) polic(?:y|ies)",
    r"(?:submit|suggest) a correction", r"send us a (?:news )?tip", r"got a (?:news )?tip",
    r"kontaktieren sie uns", r"contactez-nous", r"contáctenos", r"contáctanos", r"contattaci",
    r"neem contact op", r"skontaktuj się z nami", r"kontakt z nami", r"lavora con noi", r"trabalhe conosco",
    r"conditions (?:générales )?d'utilisation", r"términos (?:de uso|y condiciones de uso)",
    r"gebruiksvoorwaarden", r"über uns", r"qui sommes-nous", r"plan du site", r"mapa del sitio",
    r"mapa do site", r"mappa del sito", r"mediadaten", r"annonceurs", r"anuncie(?: aqui| conosco)?",
    r"политика конфиденциальности", r"пользовательское соглашение", r"условия (?:использования|пользования)",
    r"контакты", r"о (?:нас|проекте|компании)", r"реклама на сайте", r"карта сайта",
    r"werben (?:sie )?bei uns", r"annoncer sur notre site", r"anuncie (?:conosco|aqui)", r"adverteren",
    r"integritetspolicy", r"personuppgiftspolicy", r"om oss", r"kontakta oss", r"privatlivspolitik", r"om os",
    r"kontakt os", r"personvern(?:erklæring)?", r"tietosuoja(?:seloste|käytäntö)?", r"yhteystiedot",
    r"ota yhteyttä", r"tietoa meistä", r"ochrona danych", r"o nas", r"ochrana (?:osobních )?údajů", r"o nás",
    r"kontaktujte nás", r"gizlilik politikası", r"kullanım koşulları", r"hakkımızda", r"iletişim", r"künye",
], whole_line=True), max_words=6)

# Disclaimers of the site's footer: the same words on every page. (A licence line is left
# alone: sites that publish under an open licence keep it with the text.)
LEGAL_NOTICE = PatternRule("chrome:legal", any_of([
    r"alle angaben ohne gewähr", r"angaben ohne gewähr", r"irrtümer vorbehalten", r"haftungsausschluss",
    r"haftungsbeschränkung", r"haftung für (?:links|inhalte|externe links)",
    r"sofern nicht anders (?:angegeben|ausgewiesen|vermerkt|gekennzeichnet)",
    r"unless otherwise (?:noted|stated|indicated|specified)", r"all information without guarantee",
    r"sauf mention contraire", r"salvo (?:que se )?indique lo contrario",
    # a news agency's terms under its stories
    r"rewritten,? or redistributed", r"umgeschrieben oder weiterverbreitet",
]), max_words=40)

# The consent a form asks for, and the privacy notice printed under a contact form:
# the site's words to its reader, never an article's.
FORM_CONSENT = PatternRule("chrome:legal", any_of([
    r"by (?:submitting|clicking|signing up|subscribing|registering|continuing)[^.]{0,60}?"
    r"you (?:agree|accept|consent)",
    r"i (?:have read and )?(?:agree|accept|consent) (?:to )?(?:the|your) (?:privacy|terms|data)",
    r"ich habe die datenschutz(?:erklärung|hinweise|bestimmungen)",
    r"ich (?:akzeptiere|stimme) (?:die|der) datenschutz",
    r"(?:angaben|daten) aus dem (?:kontakt|anfrage)formular", r"per kontaktformular anfragen",
    r"mit (?:dem )?absenden (?:des|dieses) (?:formulars|kommentars)",
    r"j'accepte (?:les conditions|la politique de confidentialité)",
    r"en (?:cliquant|soumettant|vous inscrivant)[^.]{0,60}?vous acceptez",
    r"acepto (?:la política de privacidad|los términos)",
    r"al (?:hacer clic|enviar|suscribirte|registrarte)[^.]{0,60}?aceptas",
    r"(?:this site|this form|it) is protected by recaptcha",
]), max_words=80)

# A site disowning the pages it links to: a footer's or an imprint's paragraph. The
# linked pages must be named; "not responsible for the content" alone is a court's or a
# platform's phrase in news.
LINK_DISCLAIMER = PatternRule("chrome:legal", any_of([
    r"keinen einfluss auf (?:die |deren )?inhalte "
    r"(?:dieser|der (?:verlinkten|externen|fremden)|externer|fremder) (?:seiten|webseiten|websites|links)",
    r"not responsible for the (?:content|contents) of (?:any )?(?:external|linked|third[- ]party) "
    r"(?:sites|websites|web sites|pages|links)",
    r"(?:n'est|ne sommes|ne saurait être tenu) pas responsables? du contenu des sites (?:externes|tiers)",
    r"no (?:es|somos|se hace) responsables? (?:del|de los) contenidos? de (?:los |las )?"
    r"(?:sitios|enlaces|páginas) (?:externos|externas|de terceros)",
]), max_words=80)

# The engine and the theme a site runs on, credited in its footer.
SITE_CREDIT = PatternRule("chrome:copyright", any_of([
    r"powered by wordpress", r"proudly powered by",
    # other engines' names are common words: the credit only where it ends the line
    r"powered by (?:blogger|ghost|squarespace|wix|tumblr|jekyll|hugo)\W*$",
    r"wordpress theme by", r"theme by [\w-]+ themes", r"designed by elegant themes",
    r"powered by shopify\W*$",
    # a site builder's badge, and the agency that made the site, closing the footer
    r"(?:created|made|built|published) with (?:wix(?:\.com)?|squarespace|ghost|jimdo|weebly|webflow|hugo"
    r"|jekyll|wordpress(?:\.com)?)\W*$",
    r"^\W*(?:web ?design|website(?: design)?|hosting)(?: (?:und|and|&) (?:design|hosting))?"
    r" (?:by|von|par|por) [\w .&-]{1,40}$",
]), max_words=16)

RULES = (COPYRIGHT, COPYRIGHT_SIGN, LEGAL, LEGAL_NOTICE, FORM_CONSENT, LINK_DISCLAIMER, SITE_CREDIT)
