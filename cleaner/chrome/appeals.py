"""Calls to action: donation, newsletter, subscription, login, cookie notices, ads.

Phrases are English, German, French and Spanish; the word limits keep article
sentences that mention these topics.
"""

from __future__ import annotations

from cleaner.chrome.rules import PatternRule, any_of

DONATION = PatternRule("chrome:donation", any_of([
    r"donate(?: now| today)?", r"make a (?:\w+ )?donation", r"donations?",
    r"support (?:us|our (?:work|journalism|mission|reporting))", r"become a (?:patron|member|supporter)",
    r"patreon", r"jetzt spenden", r"spenden", r"spende", r"unterstützen sie (?:uns|unsere arbeit)",
    r"faire un don", r"faites un don", r"soutenez(?:-nous)?", r"haz una donación", r"donar", r"dona ahora",
    r"apóyanos", r"ihr beitrag hilft", r"unterstützen sie (?:unseren|unabhängigen) journalismus",
]), max_words=40)

NEWSLETTER = PatternRule("chrome:newsletter", any_of([
    r"newsletters?", r"mailing list", r"subscribe to (?:our|the|my)", r"sign up for (?:our|the|my|free)",
    r"sign up to (?:our|the|receive)", r"get (?:our|the) (?:latest|best|daily|weekly)",
    r"delivered (?:straight )?to your inbox", r"in your inbox", r"e-?mail updates",
    r"enter your e-?mail", r"your e-?mail address", r"join (?:our|the) (?:list|community)",
    r"abonnieren sie", r"newsletter abonnieren", r"jetzt anmelden", r"inscrivez-vous",
    r"abonnez-vous", r"lettre d'information", r"lettres d'information", r"suscríbete", r"boletín",
]), max_words=40)

SUBSCRIBE = PatternRule("chrome:subscribe", any_of([
    r"subscribe(?: now| today)?", r"already a subscriber", r"subscribers? only", r"premium content",
    r"unlimited (?:digital )?access", r"start your (?:free )?trial", r"jetzt abonnieren", r"abonnement",
    r"abo(?:nnent)?(?:en)?", r"plus-?artikel", r"déjà abonné", r"suscríbete", r"suscriptores",
]), max_words=14)

LOGIN = PatternRule("chrome:login", any_of([
    r"log ?in", r"log ?out", r"sign ?in", r"sign ?up", r"sign out", r"register", r"my account",
    r"create an? (?:free )?account", r"forgot (?:your )?password", r"anmelden", r"abmelden",
    r"registrieren", r"mein konto", r"passwort vergessen", r"se connecter", r"connexion",
    r"mon compte", r"s'inscrire", r"iniciar sesión", r"mi cuenta", r"registrarse", r"entrar",
]), max_words=6)

COOKIE = PatternRule("chrome:cookie", any_of([
    r"cookies?", r"accept all", r"reject all", r"manage (?:consent|preferences)", r"consent",
    r"we value your privacy", r"datenschutzeinstellungen", r"einwilligung",
    r"alle akzeptieren", r"tout accepter", r"aceptar todo", r"consentement",
]), max_words=60)

AD = PatternRule("chrome:ad", any_of([
    r"advertisement", r"advertising", r"sponsored(?: content| post)?", r"ad choices", r"adchoices",
    r"anzeige", r"werbung", r"publicité", r"publicidad", r"annonce", r"promoted", r"reklama",
    r"pubblicità",
]), max_words=6)

SHOP = PatternRule("chrome:shop", any_of([
    r"add to (?:cart|basket|bag|wish ?list)", r"buy (?:it )?now", r"in stock", r"out of stock",
    r"free (?:shipping|delivery|returns)(?: on orders?)?", r"\d(?:\.\d)? out of 5 stars", r"\(\d+ reviews?\)",
    r"write a review", r"in den warenkorb", r"jetzt kaufen", r"auf lager", r"versandkostenfrei",
    r"ajouter au panier", r"acheter maintenant", r"en stock", r"livraison gratuite", r"añadir al carrito",
    r"comprar ahora", r"envío gratis", r"cart \(\d+\)", r"warenkorb", r"panier", r"carrito",
]), max_words=12)

RULES = (DONATION, NEWSLETTER, SUBSCRIBE, LOGIN, COOKIE, AD, SHOP)
