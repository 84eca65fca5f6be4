"""Calls to action: donation, newsletter, subscription, login, cookie notices, ads, shop, apps.

Phrases are English, German, French, Spanish, Portuguese, Italian, Dutch, Polish and Russian, with
the commonest labels in Swedish, Danish, Norwegian, Finnish, Czech and Turkish. Strong
phrases (what only a call to action says) count in blocks up to a sentence or two; bare
topic words count only in labels and buttons, so article sentences about these topics
stay.
"""

from __future__ import annotations

from cleaner.chrome.rules import PatternRule, addresses_reader, any_of

DONATION = PatternRule("chrome:donation", any_of([
    r"donate(?: now| today| here)?", r"make a (?:\w+ )?donation", r"(?:monthly|one-time|small) donation",
    r"support(?:ing)? (?:us|our (?:work|journalism|mission|reporting|newsroom|independent \w+))",
    r"support (?:independent|quality) journalism", r"become a (?:patron|member|supporter)",
    r"patreon", r"jetzt spenden", r"spenden sie", r"unterstützen sie (?:uns|unsere arbeit)",
    r"ihr beitrag hilft", r"unterstützen sie (?:unseren|unabhängigen) journalismus",
    r"faire un don", r"faites un don", r"soutenez(?:-nous| notre)", r"haz una donación", r"dona ahora",
    r"apóyanos", r"faça uma doação", r"doe agora", r"apoie (?:o nosso|nosso|o) jornalismo",
    r"fai una donazione", r"dona ora", r"sostienici", r"sostieni (?:il nostro|la nostra|l'informazione)",
    r"doneer nu", r"steun (?:ons|onze journalistiek)",
    r"apoya (?:nuestro|el) periodismo", r"wesprzyj (?:nas|naszą pracę)", r"wpłać darowiznę",
]), max_words=40, in_sentences=addresses_reader,
    # French "don", not the English "don't" of "Don't miss"
    # not Portuguese "doe" nor Italian "dona": "John Doe", "Dona Maria"
    weak=any_of([r"donations?", r"donate", r"spenden?", r"don(?!['’])", r"donar", r"donativo", r"doar",
                 r"donazione", r"doneer", r"doneren"]))

NEWSLETTER = PatternRule("chrome:newsletter", any_of([
    r"(?:our|free|weekly|daily|morning|evening) newsletters?", r"newsletter abonnieren",
    r"mailing list", r"subscribe to (?:our|the|my|this)",
    r"(?:diesen|unseren|meinen) (?:blog|newsletter) (?:zu )?abonnieren",
    r"notifications? (?:of|about) new posts", r"benachrichtigungen über neue beiträge",
    r"sign up (?:for|to) (?:our|the|my|free|receive)",
    r"get (?:our|the) (?:latest|best|top|daily|weekly) (?:news|stories|articles|updates|deals|offers|"
    r"content|headlines|recipes|tips|of \w+ delivered)", r"delivered (?:straight )?to your inbox",
    r"in your inbox", r"e-?mail updates", r"enter your e-?mail(?: address)?",
    r"join (?:our|the) (?:list|community)", r"(?:join|get) our (?:\w+ ){0,4}newsletters?",
    r"abonnieren sie", r"jetzt anmelden", r"inscrivez-vous",
    r"abonnez-vous", r"lettres? d'information", r"suscríbete", r"boletín",
    r"assine (?:a |a nossa |nossa )?newsletter", r"inscreva-se", r"cadastre seu e-?mail",
    r"iscriviti(?: alla(?: nostra)? newsletter)?", r"ricevi (?:la nostra|le nostre) (?:newsletter|notizie)",
    r"meld je aan voor (?:onze|de) nieuwsbrief", r"schrijf je (?:nu )?in", r"nieuwsbrief",
    r"melden sie sich (?:jetzt )?für (?:unseren|den) newsletter an", r"zapisz się (?:do|na) newsletter\w*",
    r"suscríbete a (?:nuestro|nuestra) (?:boletín|newsletter)",
    r"подпи(?:шитесь|сывайтесь|саться) на (?:нашу |наш |наши )?"
    r"(?:рассылку|новости|канал|обновления|телеграм)",
    r"prenumerera på (?:vårt |vår |våra )?nyhetsbrev", r"tilmeld dig (?:vores |vort )?nyhedsbrev",
    r"meld deg på (?:vårt )?nyhetsbrev", r"tilaa (?:uutiskirje|uutiskirjeemme)", r"suoraan sähköpostiisi",
    r"přihlaste se k odběru", r"odběr (?:newsletteru|novinek)", r"bültenimize abone ol(?:un)?",
    r"bültene abone ol(?:un)?",
    r"join [\d,.]+ other (?:subscribers|followers)",
    r"get alerts on [^.]{1,40} when a new (?:story|article) is published",
    r"follow the topics in this story",
]), max_words=40, in_sentences=addresses_reader,
    weak=any_of([r"newsletters?", r"subscribe", r"рассылк[аиу]", r"nyhetsbrev(?:et)?", r"nyhedsbrev(?:et)?",
                 r"uutiskirje", r"e-bülten"]))

SUBSCRIBE = PatternRule("chrome:subscribe", any_of([
    r"subscribe (?:now|today)", r"already a subscriber", r"subscribers? only", r"premium content",
    r"unlimited (?:digital )?access", r"start your (?:free )?trial", r"jetzt abonnieren",
    r"plus-?artikel", r"déjà abonné", r"réservé aux abonnés", r"suscriptores",
    r"assine já", r"já é assinante", r"exclusivo para assinantes", r"abbonati ora", r"sei già abbonato",
    r"riservato agli abbonati", r"al abonnee", r"word abonnee", r"ya eres suscriptor",
    r"bereits abonnent", r"schon abonnent", r"(?:sie haben|du hast) (?:bereits|schon) ein abo\s?\?",
    r"vous êtes (?:déjà )?abonnée?\s?\?", r"free (?:articles?|stories) (?:remaining|left)",
    r"create a free account to (?:read|continue|keep reading|unlock)", r"unlock this (?:article|story)",
    r"nur für abonnenten", r"exklusiv für abonnenten",
    # the print edition and its digital copy, offered to the reader
    r"read the (?:digital|print) edition", r"zum e-paper", r"e-paper lesen", r"heft bestellen",
    r"im abo oder als einzelheft", r"lisez l'édition numérique", r"lea la edición impresa",
    r"leggi l'edizione digitale", r"leia a edição digital", r"lees de digitale editie",
]), max_words=14, in_sentences=addresses_reader,
    weak=any_of([r"subscribe", r"abo", r"abonnement", r"abonnieren", r"s'abonner", r"suscribirse",
                 r"abbonati", r"abbonarsi", r"assinar", r"assine", r"abonneren", r"subskrybuj",
                 r"prenumeruj", r"e-paper", r"epaper", r"prenumerera", r"abonnér"]))

LOGIN = PatternRule("chrome:login", any_of([
    r"log ?in", r"log ?out", r"sign ?in", r"sign ?up", r"sign out", r"register", r"my account",
    r"create an? (?:free )?account", r"forgot (?:your )?password", r"anmelden", r"abmelden",
    r"registrieren", r"mein konto", r"passwort vergessen", r"se connecter", r"connexion",
    r"mon compte", r"s'inscrire", r"connectez-vous(?! pour)",
    r"iniciar sesión", r"mi cuenta", r"registrarse", r"entrar",
    r"minha conta", r"cadastre-se", r"criar (?:uma )?conta", r"esqueceu (?:a |sua )?senha", r"fazer login",
    r"accedi", r"registrati", r"il mio account", r"password dimenticata", r"crea (?:un )?account",
    r"inloggen", r"uitloggen", r"registreren", r"mijn account", r"wachtwoord vergeten",
    r"войти", r"выйти", r"вход", r"регистрация", r"зарегистрироваться", r"личный кабинет", r"мой аккаунт",
    r"забыли пароль",
    r"logga (?:in|ut)", r"log (?:ind|ud)", r"logg (?:inn|ut)", r"kirjaudu (?:sisään|ulos)",
    r"zaloguj(?: się)?", r"wyloguj(?: się)?", r"zarejestruj się", r"přihlásit se", r"odhlásit se",
    r"giriş yap", r"üye ol", r"çıkış yap", r"mitt konto", r"min konto", r"oma tili", r"moje konto",
    r"můj účet", r"hesabım",
]), max_words=6)

COOKIE = PatternRule("chrome:cookie", any_of([
    r"we use cookies", r"(?:this|our) (?:web)?site uses cookies", r"uses? of cookies",
    r"cookie (?:policy|settings|preferences|notice)",
    r"accept (?:all|cookies)", r"reject all", r"manage (?:consent|preferences|cookies)",
    r"we value your privacy", r"datenschutzeinstellungen", r"verwendet cookies", r"cookies akzeptieren",
    r"alle akzeptieren", r"nous utilisons des cookies", r"tout accepter", r"utilizamos cookies",
    r"aceptar (?:todo|todas|cookies)", r"política de cookies",
    r"(?:utilizamos|usamos) cookies", r"(?:este|o nosso) site (?:utiliza|usa) cookies",
    r"aceitar (?:todos|cookies)", r"utilizziamo (?:i )?cookie", r"questo sito (?:utilizza|usa) (?:i )?cookie",
    r"accetta (?:tutti|i cookie)", r"rifiuta tutti", r"wij gebruiken cookies",
    r"deze (?:web)?site gebruikt cookies", r"alle cookies accepteren", r"cookies accepteren",
    r"accepteer (?:alle )?cookies",
    r"ce site utilise des cookies", r"(?:este|nuestro) sitio(?: web)? (?:utiliza|usa) cookies",
    r"deze (?:web)?site maakt gebruik van cookies", r"alles accepteren",
    r"(?:этот|наш) сайт использует (?:файлы )?cookie", r"мы используем (?:файлы )?cookie",
    r"принять (?:все|cookie)",
    r"(?:den här|denna) webbplats(?:en)? använder (?:cookies|kakor)", r"vi använder (?:cookies|kakor)",
    r"denne (?:hjemme)?side bruger cookies", r"vi bruger cookies",
    r"denne nettsiden bruker (?:informasjonskapsler|cookies)", r"vi bruker (?:informasjonskapsler|cookies)",
    r"tämä sivusto käyttää evästeitä", r"käytämme evästeitä", r"hyväksy (?:kaikki|evästeet)",
    r"evästeasetukset", r"acceptera (?:alla|cookies)", r"accepter (?:alle|cookies)",
    r"godta (?:alle|cookies)", r"ta strona (?:używa|wykorzystuje) (?:plików )?cookies?",
    r"(?:używamy|wykorzystujemy) (?:plików )?cookies?",
    r"akceptuj(?:ę)? (?:wszystkie|cookies)", r"tento web používá (?:soubory )?cookies?",
    r"používáme (?:soubory )?cookies?", r"přijmout vše",
    r"bu (?:web )?site(?:miz)? çerez(?:ler)?i? kullan\w*", r"çerez politikası", r"tümünü kabul et",
]), max_words=60, in_sentences=addresses_reader,
    weak=any_of([r"cookies?", r"consent", r"einwilligung", r"consentement", r"evästeet", r"çerezler"]))

AD = PatternRule("chrome:ad", any_of([
    r"advertisement", r"advertising", r"sponsored(?: content| post)?", r"ad choices", r"adchoices",
    r"anzeige", r"werbung", r"publicité", r"publicidad", r"annonce", r"promoted", r"reklama",
    r"pubblicità", r"publicidade", r"advertentie", r"gesponsord",
    r"story continues below", r"continúa (?:debajo|después) del anuncio", r"реклама",
    r"outbrain", r"taboola", r"partner content", r"partnerinhalte?", r"more from our partners",
    r"mehr von unseren partnern", r"ad feedback",
    r"continues (?:below|after) (?:this )?(?:ad|advertisement)", r"continue reading below",
    r"scroll to continue",
    r"close (?:the )?ad", r"report this ad", r"anzeige melden", r"werbung schließen", r"invented by teads",
]), max_words=6)

# The line a site sets in the article where an ad interrupts it: longer than an ad's
# label, and never the article's own words.
AD_BREAK = PatternRule("chrome:ad", any_of([
    r"article continues (?:below|after)",
    r"der artikel (?:wird )?(?:unter|nach) der (?:anzeige|werbung) (?:fortgesetzt|weiter)",
    r"(?:weiter|fortsetzung) nach der (?:anzeige|werbung)",
    r"la suite (?:de l'article )?(?:après|sous) (?:cette|la) publicité",
    r"artículo continúa (?:debajo|después)", r"artigo continua (?:após|depois|abaixo)",
    r"l'articolo continua (?:dopo|sotto)",
]), max_words=12)

# Labels that name an ad only alone: "patrocinado por la ciudad" is a sentence's part.
AD_LABEL = PatternRule("chrome:ad", any_of([
    r"gesponsert", r"sponsorisé", r"patrocinado", r"sponsorizzato", r"anuncio",
    r"paid (?:content|post|partnership)", r"bezahlte partnerschaft", r"partenariat rémunéré",
    r"supported by", r"recommended by", r"empfohlen von", r"recommandé par", r"recomendado por",
    r"consigliato da", r"aanbevolen door", r"ad",
    r"annons", r"annonse", r"mainos", r"reklam", r"sponsrad", r"sponset", r"sponsoroitu", r"sponzorováno",
], whole_line=True), max_words=3)

SHOP = PatternRule("chrome:shop", any_of([
    r"add to (?:cart|basket|bag|wish ?list)", r"buy (?:it )?now", r"in stock", r"out of stock",
    r"free (?:shipping|delivery|returns)(?: on orders?)?", r"out of 5 stars", r"reviews?\)",
    r"write a review", r"in den warenkorb", r"jetzt kaufen", r"auf lager", r"versandkostenfrei",
    r"ajouter au panier", r"acheter maintenant", r"livraison gratuite", r"añadir al carrito",
    r"comprar ahora", r"envío gratis", r"cart \(\d+\)", r"kostenfreie lieferung", r"kostenloser versand",
    r"gratis versand", r"mindestbestellwert", r"ab \d+ ?(?:€|euro) bestellwert",
    r"buy tickets", r"tickets kaufen", r"acheter des billets", r"comprar (?:entradas|ingressos)",
    r"acquista (?:i )?biglietti", r"kaartjes kopen",
    r"adicionar ao carrinho", r"aggiungi al carrello", r"in winkelwagen",
    r"be the first to (?:review|rate) this (?:product|item|recipe)",
]), max_words=12, weak=any_of([r"warenkorb", r"panier", r"carrito", r"cart", r"basket", r"checkout"]))

#: a site's own app ("Download the app", "Get it on Google Play"); reviews of apps and
#: reports on app stores use the stores' names but not these imperatives
APP = PatternRule("chrome:app", any_of([
    r"download (?:the|our) (?:[\w-]+ ){0,2}apps?",
    r"get (?:it|the app) (?:free |now )?on (?:google play|the app store)",
    r"(?:download|get) (?:it )?on the app store", r"apps? (?:jetzt )?herunterladen",
    r"laden sie (?:sich )?(?:die|unsere) (?:[\w-]+ )?app", r"hol dir (?:die|unsere) (?:[\w-]+ )?app",
    r"téléchargez (?:l'|notre )(?:application|appli)", r"descarga (?:la|nuestra) (?:app|aplicación)",
    r"baixe (?:o|nosso) (?:app|aplicativo)", r"scarica (?:l'|la nostra )app", r"download (?:de|onze) app",
    r"open in (?:the )?app", r"get the app", r"in der app öffnen", r"ouvrir dans l'app(?:lication)?",
    r"abrir en la app", r"read in (?:the )?app",
    r"apri nell'app", r"jetzt die app holen", r"die app holen",
    # an app store's badge
    r"available on the app store", r"(?:get|download) (?:it )?on google play", r"get our (?:[\w-]+ )?app",
    r"available on google play", r"disponible sur (?:google play|l'app store|app store)",
    r"disponible en (?:google play|la app store|app store)",
    r"disponível (?:no|na) (?:google play|app store)",
    r"disponibile su (?:google play|app store)", r"beschikbaar (?:in|op) (?:de )?(?:app store|google play)",
    r"jetzt im (?:app store|google play store)", r"im app store laden",
    r"holen sie sich (?:die|unsere) (?:[\w-]+ )?app", r"скачайте (?:наше |мобильное )?приложение",
]), max_words=30, in_sentences=addresses_reader)

# What a sign-up form answers, printed into the page with it.
SIGNUP_RESPONSE = PatternRule("chrome:newsletter", any_of([
    r"thanks? (?:you )?for (?:signing up|subscribing)", r"please enter a valid e-?mail(?: address)?",
    r"invalid e-?mail(?: address)?", r"vielen dank für (?:ihre|deine) anmeldung",
    r"bitte geben sie eine gültige e-?mail(?:-adresse)? ein", r"merci (?:pour|de) votre inscription",
    r"gracias por (?:suscribirte|tu suscripción|registrarte)",
    r"grazie per (?:l'iscrizione|esserti iscritto)",
    r"bedankt voor je inschrijving", r"obrigado por se inscrever",
]), max_words=12)

# A shop's labels around its products: alone on their line, as the shop prints them
# ("Sold out" heads no article's paragraph).
SHOP_LABEL = PatternRule("chrome:shop", any_of([
    r"sold out", r"ausverkauft", r"agotado", r"esgotado", r"esaurito", r"épuisé", r"uitverkocht",
    r"customer reviews", r"kundenbewertungen", r"avis clients", r"opiniones de (?:los )?clientes",
    r"avaliações de clientes", r"recensioni (?:dei )?clienti", r"frequently bought together",
    r"customers (?:who bought this (?:item|product) )?also (?:bought|viewed)",
    r"recently viewed(?: items| products)?", r"zuletzt angesehen(?:e artikel|e produkte)?",
    r"(?:articles|produits) récemment consultés", r"vistos recientemente", r"vistos recentemente",
    r"visti di recente",
], whole_line=True), max_words=8)

# A login form's box, alone on its line ("Remember me, she wrote" is a sentence).
LOGIN_BOX = PatternRule("chrome:login", any_of([
    r"remember me", r"angemeldet bleiben", r"se souvenir de moi", r"recordarme", r"lembrar(?:-me| de mim)",
    r"ricordami", r"keep me (?:logged|signed) in", r"stay (?:logged|signed) in",
], whole_line=True), max_words=5)

# A cookie banner's button alone on its line.
COOKIE_BUTTON = PatternRule("chrome:cookie", any_of([
    # "OK, I understand": two of them in a row
    r"got it", r"ok", r"i understand", r"alles klar", r"j'ai compris", r"entendido",
], whole_line=True), max_words=4)

RULES = (DONATION, NEWSLETTER, SIGNUP_RESPONSE, SUBSCRIBE, LOGIN, LOGIN_BOX, COOKIE, COOKIE_BUTTON, AD,
         AD_BREAK, AD_LABEL, SHOP, SHOP_LABEL, APP)
