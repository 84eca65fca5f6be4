"""Site navigation: menus, breadcrumbs, share rows, related links, comment areas."""

from __future__ import annotations

import re

from cleaner.chrome.features import BlockFeatures, is_table_row
from cleaner.chrome.rules import (
    PatternRule,
    ShapeRule,
    addresses_reader,
    any_of,
    has_digits,
    never,
    raw_pattern,
)

NAV = PatternRule("chrome:nav", any_of([
    r"skip to (?:the )?(?:main )?(?:content|navigation|footer|sidebar|primary \w+)", r"skip navigation",
    r"jump to (?:navigation|content|recipe|search)", r"back to top", r"to top", r"main menu", r"menu",
    r"toggle (?:navigation|menu)", r"open menu", r"close menu", r"search", r"home(?:page)?",
    r"next (?:post|article|page|story|topic|chapter)",
    r"previous (?:post|article|page|story|topic|chapter)", r"older posts?",
    r"newer posts?", r"load more", r"show more", r"view all", r"see all", r"more stories",
    r"zum inhalt springen", r"zur navigation", r"startseite", r"suche", r"navigation",
    r"nach oben", r"weiterlesen", r"mehr anzeigen", r"aller au contenu", r"accueil", r"rechercher",
    r"retour en haut", r"ir al contenido", r"inicio", r"buscar", r"volver arriba", r"print(?: recipe)?",
    r"drucken", r"imprimer", r"imprimir", r"close", r"schließen", r"fermer", r"cerrar", r"page \d+ of \d+",
    r"seite \d+ von \d+",
    r"zurück zu[mr]? (?:übersicht|startseite|liste|suche|blog|lexikon|glossar|newsübersicht"
    r"|artikelübersicht)",
    r"back to (?:overview|the list|list|blog|search results|news|glossary|all posts)",
    r"retour à la liste", r"volver al listado",
    r"(?:ir|pular|saltar) para o conteúdo", r"menu principal", r"pesquisar", r"página inicial",
    r"voltar ao topo", r"fechar", r"ver mais", r"carregar mais", r"mostrar mais", r"ver todos", r"próximo",
    r"próxima",
    r"(?:vai|salta) al contenuto", r"cerca", r"torna (?:su|all'inizio)", r"chiudi", r"stampa",
    r"precedente", r"successivo", r"successiva", r"carica altri", r"mostra (?:di più|altro)", r"vedi tutti",
    r"naar (?:de )?inhoud", r"zoeken", r"terug naar boven", r"sluiten", r"afdrukken", r"vorige", r"volgende",
    r"meer laden", r"toon meer", r"bekijk alles",
    r"(?:prev|previous|next|zurück|weiter|précédent|suivant|anterior|siguiente)",
    r"print this (?:page|article|post|story)", r"scroll to top", r"loading", r"lädt", r"wird geladen",
    r"chargement(?: en cours)?", r"cargando", r"caricamento", r"carregando",
    r"saltar al contenido", r"(?:diesen artikel|artikel|seite) drucken",
    r"imprimer (?:l'article|la page|cet article)",
    r"imprimir (?:artículo|noticia|página)", r"stampa (?:l'articolo|articolo|la pagina)",
    r"afficher plus", r"voir plus", r"mostrar más", r"ver más", r"cargar más",
    # the site asks for corrections and opinions
    r"report an? (?:error|typo|mistake|correction)(?: or typo)?", r"fehler melden", r"fehler gefunden",
    r"signaler une erreur", r"reportar un error", r"(?:segnala|segnalare) un errore",
    r"give (?:us )?feedback", r"send (?:us )?(?:your )?feedback", r"thanks? (?:you )?for your feedback",
    r"feedback (?:geben|abgeben)", r"donner (?:son|votre) avis",
    r"enviar comentarios",
    # a teaser's link on to the rest, and a bare link
    r"continue reading(?: the main story)?", r"weiter lesen", r"continuer (?:la lecture|à lire)",
    r"seguir leyendo", r"continua(?:re)? a leggere", r"continue lendo", r"lees verder", r"czytaj dalej",
    r"click here", r"hier klicken", r"cliquez ici", r"haga clic aquí", r"haz clic aquí", r"clicca qui",
    r"clique aqui", r"klik hier", r"kliknij tutaj",
    r"search for", r"(?:entries|comments) feed", r"subscribe to\s?:\s?post comments(?: \(atom\))?",
    r"skip to (?:the )?search", r"zur suche springen", r"aller à la recherche", r"accessibility help",
    r"wordpress\.org", r"post navigation",
    r"more (?:by|from) this author",
    r"aller au contenu(?: principal)?", r"naar (?:de )?(?:hoofd)?inhoud(?: springen| gaan)?",
    r"menü(?: (?:öffnen|schließen))?", r"(?:fermer|ouvrir) le menu", r"(?:cerrar|abrir) (?:el )?menú",
    r"hauptmenü", r"menú principal", r"menu principale", r"hoofdmenu",
    r"(?:fechar|abrir) (?:o )?menu", r"diese seite drucken",
    r"перейти к (?:основному )?(?:содержанию|контенту|навигации)", r"наверх", r"поиск", r"меню",
    r"закрыть", r"главная(?: страница)?", r"печать", r"распечатать", r"версия для печати",
    r"назад", r"далее", r"показать (?:ещё|еще|больше|все)", r"загрузить (?:ещё|еще)",
    r"читать (?:далее|дальше|полностью)", r"подробнее",
    r"back to (?:the )?home ?page", r"zurück zur startseite", r"retour à l'accueil",
    r"volver a (?:la )?(?:portada|página (?:de )?inicio)", r"voltar (?:para|à) (?:a )?página inicial",
    r"torna alla home(?: ?page)?", r"terug naar (?:de )?home(?:pagina)?",
    r"keep reading", r"read the full (?:story|article)", r"den ganzen artikel lesen", r"ganzen artikel lesen",
    r"lire l'article (?:complet|en entier)", r"leer (?:el )?artículo completo", r"leia a matéria completa",
    r"leggi l'articolo completo", r"lees het hele artikel", r"rss", r"rss feeds?",
    # what a site shows for a page it cannot find
    r"page not found", r"seite nicht gefunden", r"page introuvable", r"página no encontrada",
    r"página não encontrada", r"pagina non trovata", r"pagina niet gevonden", r"страница не найдена",
    r"zur startseite", r"zum artikel", r"jetzt lesen", r"zu den kommentaren",
    # a search form's label and placeholder
    r"suche nach\s?:", r"zoeken naar\s?:", r"pesquisar por\s?:", r"type your search(?: here)?",
    r"suchbegriff eingeben", r"enter (?:your )?search term", r"press enter to search",
    # a form's button
    r"send", r"senden", r"envoyer", r"enviar", r"invia", r"verzenden", r"submit", r"absenden", r"soumettre",
    # Swedish, Danish, Norwegian, Finnish, Czech, Polish, Turkish
    r"sök", r"søg", r"søk", r"hae", r"haku", r"hledat", r"vyhledávání", r"szukaj", r"wyszukaj", r"arama",
    r"startsida", r"forsiden?", r"etusivu", r"úvodní stránka", r"strona główna", r"ana ?sayfa", r"domů",
    r"stäng", r"luk", r"lukk", r"sulje", r"zavřít", r"zamknij", r"kapat", r"skriv ut", r"udskriv",
    r"tulosta", r"tisk", r"drukuj", r"yazdır", r"läs mer", r"lue lisää", r"læs mere", r"les mer",
    r"číst (?:dále|více)", r"devamını oku", r"visa (?:fler|mer)", r"vis (?:flere|mere|mer)", r"näytä lisää",
    r"zobrazit (?:více|další)", r"pokaż (?:więcej|wszystkie)", r"daha fazla(?: göster)?",
    r"hoppa till (?:innehållet|huvudinnehållet)", r"gå til (?:indhold|innhold|hovedindhold)",
    r"hopp til (?:innhold|hovedinnhold)", r"siirry (?:sisältöön|pääsisältöön)",
    r"přeskočit na (?:obsah|hlavní obsah)", r"przejdź do (?:treści|głównej treści|zawartości)",
    r"içeriğe geç",
    r"till toppen", r"til toppen", r"takaisin ylös", r"nahoru", r"do góry", r"meny", r"valikko",
    r"print (?:the )?(?:article|page|story)", r"zur printausgabe",
    # a box's toggle, and the link back up ("Show less", "Top of page")
    r"click to expand", r"(?:expand|collapse)(?: all)?", r"show less", r"weniger anzeigen",
    r"показать (?:полностью|меньше)", r"свернуть", r"развернуть", r"rozwiń", r"zwiń", r"pokaż mniej",
    r"zobrazit méně", r"daha az göster", r"visa mindre", r"vis mindre", r"näytä vähemmän",
    r"(?:afficher|voir) moins", r"(?:mostrar|ver) menos", r"mostra (?:di )?meno", r"toon minder",
    r"top of (?:the )?page", r"ga naar (?:de )?(?:hoofd)?inhoud", r"add to (?:my )?reading list",
    # a newspaper's services, listed in its menu and footer
    r"today'?s paper", r"e-edition", r"subscriber services", r"manage (?:your )?subscription",
    r"customer (?:service|support|care)", r"contact the newsroom", r"submit (?:a (?:news )?tip|an obituary)",
    r"letters? to the editor", r"write to the editor", r"place an? (?:classified )?ad", r"jobs board",
    r"select (?:a )?language", r"choose (?:your )?edition", r"change (?:location|edition)",
    r"sprache (?:wählen|auswählen)", r"choisir (?:la|votre) langue",
    r"(?:seleccionar|selecionar|elegir) (?:el )?idioma",
    r"seleziona (?:la )?lingua", r"diese seite übersetzen", r"traduire cette page", r"traducir esta página",
    r"translate this page", r"auf deutsch lesen", r"lire en français", r"leer en español",
    r"read (?:this )?in (?:english|spanish|french|german|italian|portuguese|dutch|polish|chinese)",
    r"leserbrief schreiben", r"(?:push-nachrichten|benachrichtigungen) aktivieren", r"recevoir les alertes",
    # a wiki's and a documentation site's edit and source links ("[edit]", "Edit on GitHub")
    r"edit(?: source| this page| on github)?", r"improve this page", r"view (?:page )?source", r"show source",
    r"view on github", r"bearbeiten", r"quelltext bearbeiten", r"seite bearbeiten", r"modifier(?: le code)?",
    r"editar(?: código)?", r"modifica(?: wikitesto)?",
    # a scholarly journal's tools around a paper
    r"cite this (?:article|paper|page)", r"export citation", r"article metrics", r"check for updates",
    r"(?:rights|reprints) and permissions", r"view full text", r"google scholar", r"pubmed",
    # calls to act on a listing
    r"apply now", r"save (?:this )?job", r"book now", r"get tickets", r"add to (?:my )?calendar",
    r"secure checkout",
], whole_line=True), max_words=5)

# A wiki page's origin under its title, and the link back to it under its text.
WIKI_SOURCE = PatternRule("chrome:post-meta", any_of([
    r"from wikipedia, the free encyclopedia", r"aus wikipedia, der freien enzyklopädie",
    r"de wikipédia, l'encyclopédie libre", r"de wikipedia, la enciclopedia libre",
    r"da wikipedia, l'enciclopedia libera", r"uit wikipedia, de vrije encyclopedie",
    r"z wikipedii, wolnej encyklopedii", r"jump to navigation\W+jump to search",
    r"retrieved from\s?[\"“«]?https?:/(?=/)", r"abgerufen von\s?[\"„«]?https?:/(?=/)",
    r"ce document provient de\s?[\"«]?https?:/(?=/)", r"obtenido de\s?[\"«]?https?:/(?=/)",
    r"available wherever you get your podcasts",
], at_start=True), max_words=30)  # a URL counts as several words

# Where an article ran first, as the republishing site notes it under the text ("This
# article originally appeared on ...", "Dieser Artikel erschien zuerst in ..."). A
# citation's "[originally published in 1950]" does not open its line.
SOURCE_NOTE = PatternRule("chrome:post-meta", any_of([
    r"this (?:article|story|post|piece|interview|essay) (?:was )?(?:originally|first) "
    r"(?:appeared|published|ran)",
    r"this (?:article|story|post|piece) (?:originally|first) (?:appeared|ran)",
    r"originally (?:published|posted|appeared) (?:on|at)",
    r"(?:dieser|der) (?:artikel|beitrag|text) erschien (?:zuerst|erstmals|ursprünglich)",
    r"erstveröffentlichung",
    r"cet article a (?:été publié|initialement été publié|d'abord été publié|été initialement publié)",
    r"este artículo (?:fue publicado|se publicó) (?:originalmente|originariamente|por primera vez)",
    r"questo articolo è stato pubblicato (?:originariamente|originalmente|per la prima volta)",
    r"dit artikel verscheen (?:eerder|eerst|oorspronkelijk)",
    r"este artigo foi (?:originalmente )?publicado (?:originalmente )?(?:em|no|na)",
    # a newspaper's note of its print edition under the web copy
    r"a version of this (?:article|story) (?:appears|appeared) in print",
    r"this (?:article|story) (?:appears|appeared) in (?:the )?(?:print edition|print)",
    r"(?:dieser|der) (?:artikel|beitrag) erschien in der (?:printausgabe|gedruckten ausgabe)",
    r"cet article est paru dans (?:l'édition imprimée|l'édition papier)",
    r"este artículo (?:apareció|se publicó) en la edición impresa",
    r"questo articolo è (?:stato pubblicato|uscito) (?:sull'|nell')edizione cartacea",
    r"dit artikel verscheen in de papieren editie",
], at_start=True), max_words=40)

# The site asking its readers to point out its mistakes, in a sentence ("Haben Sie einen
# Fehler gefunden? Schreiben Sie uns."): only where it speaks to the reader.
ERROR_REPORT = PatternRule("chrome:nav", any_of([
    r"report(?:ing)? (?:an? )?(?:errors?|typos?|mistakes?)", r"reportar (?:un )?errore?s?",
    r"fehler gefunden", r"(?:repéré|trouvé) une (?:erreur|faute)",
    r"signalez(?:-nous)? (?:une|les|toute) erreurs?",
    r"segnala(?:re|teci)? (?:un |gli )?error[ei]",
]), max_words=40, in_sentences=addresses_reader)

# The newsroom asking for tips, opening its line ("Got a news tip? Email us at ...").
NEWS_TIP = PatternRule("chrome:nav", any_of([
    r"send us your (?:news )?tips", r"got a (?:news )?tip", r"have a (?:news )?tip", r"have a story idea",
    r"hinweise an die redaktion", r"kontakt zur redaktion", r"schreiben sie (?:uns|der redaktion)",
    r"écrivez-nous", r"escríbenos", r"scrivici", r"vous avez une info", r"tienes una pista",
    r"hai una segnalazione", r"tem uma dica", r"tip de redactie", r"tips voor de redactie",
], at_start=True), max_words=25)

#: a linked file with its type and size ("Annual report (PDF, 2.3 MB)", "PDF | 38 KB")
FILE_LINK = ShapeRule("chrome:nav", re.compile(
    r"\b(?:pdf|docx?|xlsx?|pptx?|odt|zip|mp3|epub)\b\W{1,4}\d+(?:[.,]\d+)?\s?(?:[kmg]i?b|ko|mo|bytes?)\b",
    re.IGNORECASE), max_words=14)

# The reader's verdict a help page or a blog asks for ("Was this article helpful? Yes No").
FEEDBACK = PatternRule("chrome:nav", any_of([
    r"was this (?:article|page|post|answer|information) (?:helpful|useful)",
    r"war (?:dieser artikel|diese seite|dieser beitrag|diese antwort) hilfreich",
    r"cet article vous a-t-il été utile", r"te resultó útil (?:este artículo|esta información)",
    r"este artigo foi útil", r"questo articolo ti è stato utile", r"was dit artikel nuttig",
    r"была ли (?:эта статья|эта информация) полезна",
    r"yes\W+no", r"ja\W+nein", r"oui\W+non", r"sí\W+no", r"sim\W+não", r"sì\W+no", r"ja\W+nee",
], whole_line=True), max_words=10)

# "You are here: Home > News": the colon tells the trail's label from a sentence that
# opens with the same words.
YOU_ARE_HERE = PatternRule("chrome:breadcrumb", any_of([
    r"you are here\s?:", r"sie sind hier\s?:", r"vous êtes ici\s?:", r"usted está aquí\s?:", r"está aquí\s?:",
    r"você está aqui\s?:", r"sei qui\s?:", r"u bent hier\s?:",
], at_start=True), max_words=20)

SHARE = PatternRule("chrome:share", any_of([
    r"share(?: this| on| via| article| story)?", r"tweet", r"facebook", r"twitter", r"pinterest",
    r"linkedin", r"whatsapp", r"reddit", r"tumblr", r"instagram", r"youtube", r"telegram", r"xing",
    r"e-?mail(?: this)?", r"flipboard", r"pocket", r"teilen", r"partager", r"compartir", r"copy link",
    r"link kopieren", r"copier le lien", r"copiar enlace", r"follow us", r"folgen sie uns", r"suivez-nous",
    r"síguenos",
    # the imperative only: "compartilhar", "condividere", "delen" also name sharing, or parts
    r"compartilhe", r"copiar link", r"siga-nos", r"condividi", r"copia (?:il )?link", r"seguici",
    r"deel (?:dit|via|op)", r"link kopiëren", r"volg ons", r"podziel się", r"udostępnij",
    r"pin it", r"enviar por (?:correo|e-?mail)", r"invia per e-?mail",
    r"поделиться", r"вконтакте", r"мы в (?:соцсетях|социальных сетях)", r"скопировать ссылку",
    r"dela (?:på|artikeln|sidan)", r"del (?:artiklen|artikkelen|siden)", r"jaa (?:artikkeli|sivu)", r"sdílet",
    r"paylaş", r"följ oss", r"følg os", r"følg oss", r"seuraa meitä", r"sledujte nás", r"obserwuj nas",
    r"bizi takip edin", r"polub nas", r"add us as a preferred source",
]), max_words=8, in_sentences=never)

# A blog engine's row of share links under a post, localised as it prints them
# ("Email This BlogThis! Share to X Share to Facebook").
SHARE_ROW = PatternRule("chrome:share", any_of([
    r"share to (?:twitter|facebook|pinterest|x|linkedin|whatsapp|reddit|tumblr)", r"email this",
    r"blogthis!?",
    r"diesen post per e-?mail versenden", r"in (?:x|facebook|twitter|pinterest) (?:teilen|freigeben)",
    r"partager sur (?:x|facebook|twitter|pinterest)", r"envoyer par e-?mail",
    r"compartir (?:en|con) (?:x|facebook|twitter|pinterest)", r"escribe un blog",
    r"enviar por (?:correo electrónico|e-?mail)",
    r"compartilhar (?:no|com o) (?:x|facebook|twitter|pinterest)",
    r"postar no blog!?", r"condividi (?:su|in) (?:x|facebook|twitter|pinterest)", r"invia tramite email",
    r"scrivi sul blog",
], whole_line=True), max_words=24)

# The same engine's pager and feed link under a post, localised ("Newer Post Older Post
# Home", "Subscribe to: Post Comments (Atom)").
BLOG_PAGER = PatternRule("chrome:nav", any_of([
    r"(?:newer|older) posts?", r"(?:neuerer|älterer) post", r"article plus (?:récent|ancien)",
    r"entrada (?:más reciente|antigua)", r"postagem mais (?:recente|antiga)", r"post più (?:recente|vecchio)",
    r"home(?: ?page)?", r"startseite", r"accueil", r"página (?:principal|inicial)",
    r"abonnieren\s?:?\s?kommentare zum post(?: \(atom\))?",
    r"s'abonner à\s?:\s?publier les commentaires(?: \(atom\))?",
    r"suscribirse a\s?:\s?enviar comentarios(?: \(atom\))?",
    r"assinar\s?:\s?postar comentários(?: \(atom\))?",
    r"iscriviti a\s?:\s?commenti sul post(?: \(atom\))?",
], whole_line=True), max_words=12)

# Share and print buttons spelled out for screen readers: "Click to share on Facebook
# (Opens in new window)". Longer than a share row's label, and never article text.
SHARE_BUTTON = PatternRule("chrome:share", any_of([
    r"click to (?:share|email|print|tweet|pin)", r"opens in (?:a )?new (?:window|tab)",
    r"öffnet (?:sich )?in (?:einem )?neuen (?:fenster|tab)", r"s'ouvre dans une nouvelle fenêtre",
    r"se abre en una (?:nueva )?ventana(?: nueva)?",
]), max_words=16)

RELATED_PHRASES = (
    r"related (?:articles?|posts?|stories|content|topics|links|reading)", r"read more", r"read also",
    r"see also", r"you (?:may|might) (?:also )?(?:like|enjoy|be interested)", r"more from",
    r"recommended(?: for you| stories| articles)?", r"most (?:read|popular|viewed|shared)",
    r"trending(?: now)?", r"popular posts", r"recent posts", r"latest (?:news|posts|stories|articles)",
    r"top stories", r"editor'?s picks", r"weitere artikel", r"mehr zum thema",
    r"das könnte sie auch interessieren",
    r"auch interessant", r"meistgelesene?n?(?: artikel| beiträge)?", r"meistdiskutierte?n?(?: artikel)?",
    r"meistkommentierte?n?(?: artikel)?", r"otras noticias", r"ähnliche artikel", r"verwandte artikel",
    r"neueste beiträge",
    r"lire aussi", r"à lire aussi", r"les plus lus", r"articles les plus lus", r"sur le même sujet",
    r"à voir aussi", r"dans la même rubrique", r"te puede interesar", r"noticias relacionadas",
    r"lo más leído", r"más noticias", r"artículos relacionados", r"leer más", r"lire la suite",
    r"ähnliche beiträge", r"verwandte beiträge", r"das könnte dich auch interessieren", r"lesen sie auch",
    r"lies auch", r"vea también", r"lea también", r"ver también", r"voir aussi", r"previous article",
    r"next article", r"vorheriger artikel", r"nächster artikel", r"article précédent", r"article suivant",
    r"artículo anterior", r"siguiente artículo", r"more on this (?:story|topic)", r"further reading",
    r"temas relacionados", r"vous aimerez aussi", r"mehr themen", r"weitere themen", r"ähnliche themen",
    r"artigos relacionados", r"articoli correlati", r"potrebbe interessarti anche",
    r"mehr (?:zu[mr]?|aus|von|vom|über)", r"noch mehr artikel",
    r"tópicos relacionados", r"notícias relacionadas", r"assuntos relacionados", r"matérias relacionadas",
    r"check out more (?:articles|stories|posts|videos) (?:on|at|from)", r"mais (?:lidas|lidos|vistos|vistas)",
    r"você também pode gostar", r"recomendados para você", r"últimas notícias",
    r"notizie correlate", r"i più (?:letti|lette|visti)", r"più (?:letti|lette|visti)",
    r"ti potrebbe interessare", r"altre notizie",
    r"ultime notizie", r"gerelateerde (?:artikelen|berichten)", r"meest gelezen", r"meer nieuws",
    r"zobacz (?:też|także|również)", r"luetuimmat", r"relaterade artiklar", r"mest lästa?",
    r"mest leste?", r"mest læste", r"relaterede artikler", r"související (?:články|zprávy)", r"nejčtenější",
    r"articolo (?:precedente|successivo)", r"artículo siguiente", r"najczęściej czytane",
    r"verwandte themen", r"sujets associés", r"argomenti correlati",
    r"plus sur ce sujet", r"más sobre este tema", r"altro su questo argomento", r"mais sobre este assunto",
    r"meer over dit onderwerp", r"więcej na ten temat", r"articles similaires", r"artículos similares",
    r"articoli simili", r"artigos semelhantes", r"vergelijkbare artikelen", r"podobne artykuły",
    r"leggi (?:di più|anche)", r"leia mais", r"lees meer", r"czytaj więcej",
    r"leia também", r"veja também", r"lees ook",
    r"(?:view|see) all (?:posts|articles|stories) by", r"more (?:posts|articles|stories) by",
    r"alle (?:beiträge|artikel) von", r"voir tous les articles de", r"ver todas las entradas de",
    r"ver todos os (?:posts|artigos) de", r"visualizza tutti gli articoli di", r"bekijk alle berichten van",
    r"similar (?:posts|articles|stories)", r"sie könnten auch interessiert sein",
    r"popular now", r"what to read next", r"related coverage", r"(?:top|latest) videos",
    r"dit vind je misschien ook leuk", r"artigo anterior", r"próximo artigo", r"vorig artikel",
    r"volgend artikel",
    r"похожие (?:статьи|материалы|новости|записи|публикации)", r"читайте также", r"смотрите также",
    r"senaste (?:nytt|nyheterna)", r"seneste nyt", r"siste nytt", r"uusimmat", r"tuoreimmat",
    r"nejnovější (?:zprávy|články)", r"najnowsze (?:wiadomości|artykuły)", r"en çok okunan(?:lar)?",
    r"ilgili haberler", r"bunları da (?:okuyun|beğenebilirsiniz)", r"läs (?:också|även)", r"les også",
    r"læs også", r"lue myös", r"czytaj (?:też|także|również)", r"przeczytaj (?:też|także|również)",
    r"čtěte (?:také|též)",
    r"самое (?:читаемое|популярное|обсуждаемое)", r"популярное", r"другие (?:новости|статьи|материалы)",
    r"последние (?:новости|статьи|записи)", r"новости по теме", r"материалы по теме",
    r"вам (?:также )?может (?:также )?понравиться", r"может (?:также )?понравиться",
    r"также может понравиться",
    r"(?:предыдущая|следующая) (?:статья|запись|новость|публикация)",
)
# Labels that head a list of links, and in a sentence open a plain statement ("Weitere
# Informationen gab die Polizei nicht bekannt."): named only as a short label.
RELATED_LABELS = (
    r"weitere informationen", r"more information", r"further information", r"plus d'informations",
    r"más información", r"ulteriori informazioni", r"mais informações",
    r"don't miss", r"don’t miss", r"more stories", r"more news", r"nicht verpassen",
    r"à ne pas manquer", r"no te pierdas", r"polecamy", r"pour approfondir",
    r"top-themen", r"schlagzeilen", r"ressorts", r"mehr nachrichten", r"weitere nachrichten",
    r"zum thema", r"up next", r"read next", r"watch next", r"no te lo pierdas", r"não perca",
    r"non perdere", r"mehr lesen",
)
# A heading or a label opens with these phrases ("Most popular", "More from our
# reporters"); inside a longer line they are prose ("the most popular languages",
# "songs and more from the archive"), and only a block of a few words is named anywhere.
RELATED = PatternRule("chrome:related", any_of(RELATED_PHRASES, at_start=True), max_words=12,
                      weak=any_of(RELATED_PHRASES + RELATED_LABELS), weak_max_words=4)

# A link to another article set inside this one: a "read also" label, a colon, and that
# article's headline. Unlike a "Related articles" heading it announces nothing after
# it, so it has a reason of its own, which the context pass does not read as the start
# of a related-links section. The label alone ("Read more:") is left to RELATED, unless
# one headline under it and then the article's prose follow (``READ_ALSO_LABEL_RE``).
_READ_ALSO_LABELS = (
    r"(?:read (?:also|more|next|this)|also read|see also|related|more on this(?: story| topic)?"
    r"|main articles?|further information|hauptartikel|article détaillé|artículo principal"
    r"|lesen sie (?:auch|hier|dazu|mehr|weiter|jetzt)|lies (?:auch|hier)|mehr dazu|mehr zum thema"
    r"|auch interessant|siehe auch|passend dazu|das könnte sie auch interessieren"
    r"|(?:vea|lea|lee|ver|mira|mire) también|(?:te|le) puede interesar|puede interesarte"
    r"|(?:lea|lee|leer) más|también puede leer|noticias? relacionadas?"
    r"|lire (?:aussi|également)|à lire (?:aussi|également)|voir aussi|à voir aussi|sur le même sujet"
    r"|leia (?:também|mais)|veja também|saiba mais|leggi anche|vedi anche|potrebbe interessarti"
    r"|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|przeczytaj (?:też|także|również)"
    r"|dowiedz się więcej|lees (?:ook|meer)|zie ook|watch|mira|mire|puedes ver"
    r"|lue (?:myös|lisää|seuraavaksi)|läs (?:också|även|mer)|les (?:også|mer)|læs (?:også|mere)"
    r"|čtěte (?:také|též)|přečtěte si (?:také|též)|читайте также|смотрите также|по теме)"
)
READ_ALSO = PatternRule("chrome:read-also", raw_pattern(
    r"^\W*" + _READ_ALSO_LABELS
    # the headline may open with a quote or Spanish's inverted marks: "PUEDES VER: ¿Qué ..."
    + r"\s*[:：–—]\s*[¿¡\"'«„“‘(]?[^\W\d_]"),
    max_words=40)
#: the label alone on its line, the linked headline on the next ("Read also:")
READ_ALSO_LABEL_RE = re.compile(r"^\W*" + _READ_ALSO_LABELS + r"\s*[:：]\s*$", re.IGNORECASE)

_TEASER_RE = re.compile(
    r"(?:…|\.{3}|\[(?:…|\.{3})\])\s*(?:(?:read|continue|keep) (?:more|reading)|read the rest|more|"
    r"weiterlesen|mehr(?: lesen| erfahren)?|lire (?:la suite|plus)|en savoir plus|leer más|seguir leyendo|"
    r"ver más|leggi (?:tutto|di più)|continua a leggere|czytaj (?:dalej|więcej)|lees meer|ler mais)"
    r"(?:\W+(?:read more|more|mehr|weiterlesen))*[\s.:»›→•>|)\]-]*(?:[\w-]+(?:\.[\w-]+)+)?[\s.»›→•>-]*$")
TEASER_MAX_WORDS = 80


def teaser(features: BlockFeatures) -> str | None:
    """A teaser card: another article's opening, cut short with an ellipsis and a link
    to the rest ("... sights, sounds,… Read more", "Auskunft über vergangenes Wetter…
    mehr"). An article's own sentence never ends in such a link (a quotation mark after
    it makes it speech: "Something... more."); the link label alone, with no text cut
    before it, is left to RELATED and NAV."""
    text = features.text
    if features.words <= TEASER_MAX_WORDS and ("…" in text or "..." in text) \
            and _TEASER_RE.search(features.lower):
        return "chrome:teaser"
    return None

COMMENTS = PatternRule("chrome:comments", any_of([
    r"leave a (?:reply|comment)", r"post (?:a )?comment", r"add a comment",
    r"cancel reply", r"your e-?mail address will not be published", r"required fields are marked",
    r"e-?mail address will not be published", r"kommentar schreiben",
    r"laisser un commentaire", r"deja un comentario",
    r"votre adresse (?:e-?mail|de messagerie) ne sera pas publiée",
    r"notify me of (?:new|follow-up)", r"save my name",
    r"deixe (?:um comentário|uma resposta)", r"o seu endereço de e-?mail não será publicado",
    r"seu e-?mail não será publicado", r"nenhum comentário",
    r"lascia un commento", r"lascia una risposta", r"il tuo indirizzo e-?mail non sarà pubblicato",
    r"nessun commento", r"laat een reactie achter", r"je e-?mailadres wordt niet gepubliceerd",
    r"geen reacties",
    r"join the (?:discussion|conversation)", r"be the first to comment", r"vos réactions",
    r"réagir", r"leserkommentare", r"diskutieren sie mit", r"(?:schreiben|verfassen) sie einen kommentar",
    r"hinterlasse (?:eine antwort|einen kommentar)", r"schreibe einen kommentar", r"antwort verwerfen",
    r"keine kommentare", r"noch keine kommentare", r"no comments(?: yet)?", r"aucun commentaire",
    r"sin comentarios",
    r"para comentar", r"debes registrarte",
    r"(?:uses|verwendet) akismet", r"akismet (?:to reduce|um) spam",
    # the gate before a comment form
    r"(?:must|need to) be (?:logged|signed) in to",
    r"(?:log|sign) ?in to (?:comment|reply|post|leave|join|add)",
    r"(?:sign up|register) or (?:log ?in|sign in) to",
    r"(?:einloggen|anmelden|angemeldet sein|eingeloggt sein),? um (?:[\w-]+ ){0,6}?"
    r"(?:kommentieren|kommentare?n?|diskussion|antworten|beteiligen)",
    r"(?:être connecté|connectez-vous|identifiez-vous) pour (?:commenter|réagir|répondre|publier)",
    r"(?:inicia|iniciar) sesión para (?:comentar|responder|publicar)",
    r"debes (?:iniciar sesión|estar registrado|estar conectado) para (?:publicar|escribir|dejar)",
    r"(?:faça login|estar logado|entre) para (?:comentar|responder)",
    r"(?:effettua(?:re)? il login|accedi|essere (?:loggato|registrato|connesso))"
    r" per (?:commentare|rispondere|inviare un commento|pubblicare un commento)",
    r"(?:log in|ingelogd zijn|inloggen) om (?:te reageren|een reactie)",
    r"ihre e-?mail-adresse wird nicht veröffentlicht",
    r"tu (?:dirección de )?correo(?: electrónico)? no será publicad[oa]",
    r"(?:оставить|оставьте|написать|добавить) комментарий",
    r"ваш (?:адрес )?(?:e-?mail|email|электронной почты) не будет опубликован",
    r"комментариев (?:пока )?нет", r"нет комментариев",
    r"lämna en kommentar", r"skriv en kommentar", r"efterlad en kommentar", r"legg igjen en kommentar",
    r"jätä kommentti", r"napsat komentář", r"dodaj komentarz", r"napisz komentarz", r"yorum yaz",
    r"bir yanıt yazın",
    # the form's notes, and the thread's controls
    r"deine e-?mail-adresse wird nicht veröffentlicht",
    r"(?:erforderliche felder|pflichtfelder) sind (?:mit \* )?markiert", r"deja una respuesta",
    r"los campos obligatorios están marcados", r"les champs obligatoires sont indiqués",
    r"i campi obbligatori sono contrassegnati", r"geef een reactie", r"vereiste velden zijn gemarkeerd",
    r"os campos obrigatórios (?:estão|são) marcados", r"twój adres e-?mail nie zostanie opublikowany",
    r"comment(?:ing|s) (?:is|are|has been|have been) (?:disabled|closed|turned off)"
    r"(?: for this (?:article|story|post))?\W*$",
    r"sort by\s?:?\s?(?:newest|oldest|best|top|most popular|most liked)", r"report abuse",
    r"flag as inappropriate",
    r"обязательные поля помечены", r"отменить ответ", r"обов'язкові поля позначені",
    r"ваша електронна адреса не буде опублікована", r"wymagane pola są oznaczone",
    r"anuluj pisanie odpowiedzi", r"(?:tvoje|vaše) e-?mailová adresa nebude zveřejněna",
    r"vyžadované informace jsou označeny", r"e-?posta adresiniz yayınlanmayacak",
    r"gerekli alanlar \* ile işaretlenmişlerdir", r"din e-?postadress kommer inte (?:att )?publiceras",
    r"obligatoriska fält är märkta", r"din e-?mailadresse vil ikke blive (?:offentliggjort|publiceret)",
    r"krævede felter er markeret", r"e-?postadressen din vil ikke bli publisert",
    r"obligatoriske felt er merket", r"sähköpostiosoitettasi ei julkaista", r"pakolliset kentät on merkitty",
]), max_words=16, in_sentences=addresses_reader, weak=any_of([
    r"comments?", r"responses?", r"replies", r"reply", r"kommentare?", r"antworten",
    r"commentaires?", r"répondre", r"comentarios?", r"responder", r"comentários?", r"commenti",
    r"rispondi", r"reacties", r"reageer", r"kommentieren", r"commenter", r"comentar", r"komentarze?",
    r"skomentuj", r"odpowiedz", r"комментари(?:й|я|ев|и)", r"ответить", r"kommentarer", r"kommentoi",
    r"kommentit", r"komentáře", r"yorumlar",
]))

# The spam filter's notice under a comment form, whoever it addresses.
COMMENT_SPAM_NOTICE = PatternRule("chrome:comments", any_of([
    r"akismet", r"comment data is processed", r"kommentardaten verarbeitet",
    r"données de vos commentaires sont utilisées", r"datos de (?:tus|sus) comentarios",
]), max_words=30)

# Buttons a blog engine or a recipe card prints under a post.
SHARE_LABELS = PatternRule("chrome:share", any_of([
    r"like this", r"like loading", r"pin (?:this )?recipe", r"rate this (?:recipe|post|article)",
    r"did you make this recipe",
    r"like", r"gefällt mir", r"j'aime", r"me gusta", r"mi piace", r"vind ik leuk", r"curtir", r"нравится",
    r"(?:artikel|beitrag) bewerten", r"noter cet article", r"valora este artículo", r"avalie este artigo",
    r"vota questo articolo", r"beoordeel dit artikel", r"оцените (?:статью|материал)",
    # keeping an article for later, giving it away, copying its link
    r"save", r"save (?:for later|this (?:article|story)|article|story)", r"bookmark", r"merken",
    r"artikel merken", r"zur merkliste hinzufügen", r"merkliste", r"gefällt mir wird geladen",
    r"ajouter à (?:mes|ma liste de) favoris", r"agregar a favoritos", r"guardar artículo", r"salva articolo",
    r"zapisz", r"give this article", r"lire plus tard", r"sauvegarder", r"enregistrer",
    r"guardar(?: para después)?", r"salva", r"salvar", r"opslaan",
    r"add to favou?rites", r"zu (?:den )?favoriten hinzufügen", r"ajouter aux favoris", r"añadir a favoritos",
    r"aggiungi ai preferiti", r"toevoegen aan favorieten", r"adicionar aos favoritos",
    r"gift this article", r"share full article", r"send any friend a story",
    r"artikel verschenken", r"offrir cet article", r"regalar este artículo", r"presentear (?:matéria|artigo)",
    r"regala questo articolo", r"sauvegarder l'article", r"salvar (?:matéria|artigo)", r"read later",
    r"später lesen", r"ler depois", r"leggi dopo",
    r"copy", r"copied", r"copy (?:to clipboard|code)", r"link copied",
    r"link kopiert", r"lien copié", r"enlace copiado", r"link copiato",
    r"link gekopieerd", r"link copiado",
    # a forum post's buttons
    r"follow", r"suivre", r"zitieren", r"citer", r"citar", r"melden", r"signaler", r"denunciar",
], whole_line=True), max_words=6)

# The fields of a comment form, as their labels print.
COMMENT_FORM = PatternRule("chrome:comments", any_of([
    r"name ?\*", r"e-?mail ?\*", r"name \(required\)", r"e-?mail \(required\)",
    r"e-?mail \(wird nicht veröffentlicht\)", r"your comment", r"ihr kommentar", r"dein kommentar",
    r"votre commentaire", r"tu comentario", r"il tuo commento", r"jouw reactie", r"seu comentário",
    r"posta un commento",
], whole_line=True), max_words=6)

TAGS = PatternRule("chrome:tags", raw_pattern(
    r"^(?:tags?|labels|hidden categories|versteckte kategorien|tagged(?: with)?|filed under|categor(?:y|ies)|"
    r"posted in|topics?|schlagwörter|libellés|marcadores|etichette|"
    r"schlagworte|themen|kategorien?|étiquettes|mots-clés|catégories?|etiquetas|categorías?|"
    r"categorias?|tópicos|categori[ae]|argomenti|trefwoorden|categorieën|теги|метки|рубрики?|категори[ия])\s*:"),
    max_words=30)

# A post's category under its title or at its foot, without a colon ("Posted in News",
# "Publié dans Actualités"): only a label, so no sentence's full stop or question in it.
POSTED_IN = PatternRule("chrome:tags", raw_pattern(
    r"^\W*(?:posted in|filed under|veröffentlicht in|publié dans|publicado en|publicado em|geplaatst in|"
    r"pubblicato in|opublikowano w|опубликовано в)\s[^.!?]*$"),
    max_words=8)

#: news agencies, as credits name them ("dpa/Jane Roe", "(EFE/Name)", "aja/PAP")
_AGENCIES = "pap|afp|dpa|epa|efe|ap|reuters|ansa|anp|apa|sda|kna|epd"

CREDIT = PatternRule("chrome:credit", raw_pattern(
    r"^(?:photos?|image|picture|credits?|crédits? photos?|foto|fotos|bild|bildquelle|symbolbild|symbolfoto|"
    r"quelle|source|image source|"
    r"featured image|header image|cover (?:photo|image)|"
    r"illustration|kuva|kuvat|imagen|imágenes|fotografía|immagine|fonte|crédito|credito|zdjęcie|"
    r"фото|kép|afbeelding|bron|zdroj|kilde|bilde|källa|fuente|источник)\s*:"
    r"|(?:getty images|shutterstock|istock(?:photo)?|dpa|afp|reuters|ap photo)\W*$"
    r"|^\W*symbol(?:bild|foto)\W*$"
    rf"|^\W*(?:{_AGENCIES})\s?/\s?\w"),
    max_words=12)

# A photo caption ends with its credit ("... at the harbour. Photo: Jane Roe/Agency",
# "... (REUTERS/John Doe)"): the caption goes with it. A source named at the end of a
# paragraph ("Source: Eurostat") is the article's, unless it is a credit's "Name/Agency".
CAPTION_CREDIT = PatternRule("chrome:credit", raw_pattern(
    r"(?:foto|fotos|photos?|bild|kuva|kuvat|zdjęcie|imagen|crédits? photos?|photo credit)"
    r"\s*:\s*[^():.!?]{2,60}\)?\s*$"
    r"|(?:quelle|source|fuente|fonte|credit)\s*:\s*[^():.!?/]{2,40}/[^():.!?]{2,60}\)?\s*$"
    rf"|(?:{_AGENCIES}|getty images?|ap photo)\s*/\s*[^():.!?]{{2,40}}\)\s*$"
    r"|(?:bild|foto|photo|image|picture)s? via\W*$"),
    max_words=45)

# A figure's caption, numbered as a report or a tutorial numbers them ("Figure 3: ...",
# "Abb. 2: ...", "Abbildung: ..."): text about an image that extractors leave out with
# the image. A table's caption is not one: the table is text and stays.
FIGURE_CAPTION = PatternRule("chrome:caption", raw_pattern(
    r"^(?:figure|fig\.|abbildung|abb\.|schaubild|grafik|graphique|figura|figur|afbeelding|kuva|rycina|"
    r"ryc\.)\s*\d{1,3}[a-z]?\s*[:.–—]\s*\S"
    r"|^(?:figure|abbildung|abb\.|schaubild|figura)\s*:\s*\S"),
    max_words=80)

#: a caption's label as a broadcaster's page prints it before the caption ("Media
#: caption The minister said ..."), capitalised as a label: "Video caption standards
#: differ" opens a sentence
CAPTION_LABEL = ShapeRule("chrome:caption",
                          re.compile(r"^(?:Media|Image|Video) caption(?:\s+[A-Z\"“‘']|\s*$)"), max_words=80)

# A stock photo's credit, in the words the stock sites suggest, and a lent image's.
PHOTO_SOURCE = PatternRule("chrome:credit", raw_pattern(
    r"^\W*(?:photo|foto|image|bild|imagen|immagine|picture)s? (?:by|von|de|di|door|par|por) [^.!?]{1,60}"
    r" (?:on|auf|sur|en|su|op|via|from) (?:unsplash|pexels|pixabay|flickr|wikimedia commons)\W*$"
    r"|^\W*(?:image|photo|picture)s? courtesy(?: of)?\b"),
    max_words=14)

#: an agency credit alone: the reporter's initials and the agency ("aja/PAP")
AGENCY_CREDIT = ShapeRule("chrome:credit", re.compile(
    rf"^\W*[^\W\d_]{{2,4}}\s?/\s?(?:{_AGENCIES})\W*$", re.IGNORECASE), max_words=3)


_NEIGHBOUR_POST_RE = re.compile(
    r"^\W*(?:(?i:previous|next|older|newer) (?i:article|post|story|entry)"
    r"|(?i:vorheriger|nächster|voriger) (?i:artikel|beitrag)|(?i:article) (?i:précédent|suivant))"
    r"(?:\s*[:»›|–—-]\s*\S|\s?[A-ZÀ-Þ])")
#: the words such a link opens with: the regex is asked only after one of them
_NEIGHBOUR_POST_FIRST = frozenset({"previous", "next", "older", "newer", "vorheriger", "nächster", "voriger",
                                   "article"})


def neighbour_post(features: BlockFeatures) -> str | None:
    """A link to the post before or after this one: its label, then a separator or
    straight away the capital of the other post's headline ("Previous articleTransforming
    the harbour", "Next post: Ten years on"); "Next story time, ..." is a sentence."""
    first = features.lower_tokens[:1]
    if features.words <= 30 and first and first[0] in _NEIGHBOUR_POST_FIRST \
            and _NEIGHBOUR_POST_RE.match(features.text):
        return "chrome:nav"
    return None


_BREADCRUMB_SEP = re.compile(r"\s[»›>/|]\s|\s?[»›]\s?")


def breadcrumb(features: BlockFeatures) -> str | None:
    """``Home » Recipes » Sharing`` and friends: short segments between separators."""
    if features.words > 16 or features.ends_with_punctuation or is_table_row(features.text):
        return None
    parts = [p for p in _BREADCRUMB_SEP.split(features.text) if p.strip()]
    if len(parts) < 3 and not (len(parts) == 2 and "»" in features.text):
        return None
    if not all(len(p.split()) <= 5 for p in parts):
        return None
    # "Calories: 180kcal | Fat: 13g" is data set out in a row, not navigation.
    if sum(1 for p in parts if any(c.isdigit() for c in p)) > len(parts) / 3:
        return None
    return "chrome:nav" if "|" in features.text else "chrome:breadcrumb"


POST_META = PatternRule("chrome:post-meta", any_of([
    r"this (?:entry|post|article) was posted (?:in|on)", r"bookmark the permalink",
    r"veröffentlicht und wurde unter", r"abgelegt unter", r"suggested citation",
    r"cite this (?:article|page)", r"zitiervorschlag", r"this page was last (?:edited|modified)",
    r"affiliate[- ]links?", r"provisions-links",
    r"als amazon-partner", r"as an amazon associate", r"lien(?:s)? affilié", r"enlaces de afiliados",
    # the notice that a post carries ads or earns from its links
    # (each opens with a rarer word than "the" or "der": the first word gates the scan)
    r"this (?:post|article|page|review|video) (?:contains|may contain|includes) "
    r"(?:sponsored|advertising|paid)", r"we (?:may )?earn (?:a )?(?:small )?commission",
    r"this (?:post|article|content) (?:is|was) sponsored",
    r"(?:dieser|dieses) (?:beitrag|artikel|post|video) enthält (?:werbung|anzeigen)",
    r"(?:unbezahlte|bezahlte) werbung", r"werbung (?:da|wegen) markennennung",
    r"article sponsorisé", r"contenu sponsorisé", r"contenido patrocinado",
    # the blog engine's own paragraph under a post, which runs long
    r"rss 2\.0 feed", r"follow any responses to this entry",
    r"dieser eintrag wurde (?:am .{1,40} )?veröffentlicht", r"verschlagwortet mit",
    r"trackback (?:from|auf) (?:your|deiner|ihrer)",
]), max_words=70)

# When a post went up or changed: articles report such things too ("the minister said
# the page was last updated before the election"), so a sentence needs a date in it.
POST_DATE = PatternRule("chrome:post-meta", any_of([
    r"posted (?:on|in) .{1,60} (?:by|in|under)", r"der beitrag wurde am", r"zuletzt aktualisiert",
    r"last (?:updated|modified)(?: on)?", r"dernière mise à jour", r"última actualización",
    r"(?:updated|aktualisiert|actualizado|mis à jour)(?: am| on| le| el)?\s?:\s?(?:\w+,? ){0,2}\d+",
    r"(?:published|posted|updated) \d+ (?:minutes?|hours?|days?) ago",
    # a wiki's footer
    r"this page was last (?:edited|modified) on", r"diese seite wurde zuletzt am",
    r"dernière modification de cette page le", r"esta página se editó por última vez",
    r"questa pagina è stata modificata per l'ultima volta",
    r"posted by [^.,]{1,40} at \d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?\W*$",
    r"(?:eingestellt von|publié par|publicado por|postado por|pubblicato da) [^.,]{1,40}"
    r" (?:um|à|en|às|alle|a las) \d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?\W*$",
]), max_words=45, in_sentences=has_digits)

# The same, opening a short line without a colon ("Aktualisiert am 12.03.2024").
POST_DATE_LINE = PatternRule("chrome:post-meta", raw_pattern(
    r"^\W*(?:aktualisiert|zuletzt geändert|zuletzt bearbeitet|mis à jour|actualizado|aggiornato|atualizado|"
    r"bijgewerkt)"
    r"(?: am| le| el| il| em| op| on)? \d"
    # "Published 12:04 PM EST, Tue May 2, 2023", "Updated March 3, 2022"
    r"|^\W*(?:published|updated|posted)(?: on| at)? (?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.? \d)"),
    max_words=10)

EMBED = PatternRule("chrome:embed", any_of([
    r"um den inhalt (?:von [^ ]+ )?zu laden", r"inhalt (?:entsperren|laden|anzeigen)",
    r"externe(?:r|n)? inhalte?",
    r"wir respektieren (?:deine|ihre) privatsphäre", r"click (?:on )?the (?:button|link) (?:below )?to load",
    r"load (?:the )?(?:external )?content", r"enable javascript", r"javascript (?:is )?(?:disabled|required)",
    r"your browser does not support", r"ihr browser unterstützt", r"activez javascript",
    r"(?:audio|video) (?:is )?not supported (?:in|by) (?:your|this) browser",
    r"to view this (?:video|content)", r"please enable (?:javascript|cookies)",
    r"aktivieren sie (?:bitte )?javascript", r"javascript (?:ist )?deaktiviert", r"javascript aktivieren",
    r"javascript (?:est )?désactivé", r"votre navigateur ne (?:prend pas en charge|supporte pas)",
    r"(?:habilita|habilite|activa|active) (?:el |o )?javascript",
    r"(?:tu|su) navegador no (?:soporta|admite)", r"seu navegador não suporta",
    r"(?:abilita|attiva) javascript", r"schakel javascript in",
    r"your browser is (?:out of date|outdated|not supported)",
    r"(?:this|the) video is (?:no longer|not|currently not) available",
    r"dieses video ist nicht (?:mehr )?verfügbar",
    r"update your browser to (?:view|see|use|display|access)", r"activer (?:le )?javascript",
    # the text a web video player (video.js) prints for screen readers
    r"this is a modal window", r"modal can be closed by pressing the escape key", r"close modal dialog",
    r"beginning of dialog window", r"end of dialog window", r"video player is loading",
    r"opens captions settings dialog", r"captions off, selected", r"descriptions off, selected",
    r"subtitles off, selected", r"restore all settings to the default values",
    r"dies ist ein modales fenster",
    r"untertitel aus, ausgewählt",
]), max_words=50)

# A reading time under the headline ("Reading time: 4 minutes", "5 min read"): the
# site's estimate, set before the article in every language.
READING_TIME = PatternRule("chrome:post-meta", raw_pattern(
    r"^\W*(?:estimated reading time|reading time|read time|lesezeit|lesedauer|temps de lecture|"
    r"tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|czas czytania|время чтения|lukuaika|"
    r"lästid|læsetid|doba čtení|okuma süresi)\s*:?\s*"
    r"(?:ca\.?\s*|etwa\s*|approx\.?\s*|~\s*)?\d+"),
    max_words=8)

#: a reading time that opens with its number ("7 min read")
MINUTES_READ = ShapeRule("chrome:post-meta", re.compile(
    r"^\W*\d+\s*(?:min|minutes?|minuten|minutos|minuti)\.?\s*(?:read|lesen|lesezeit|de lecture|de lectura|"
    r"di lettura|de leitura)\W*$", re.IGNORECASE), max_words=5)


_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août"
    "|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
    "|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro"
    "|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre")

#: a blog's archive widget: a month or a year and its count of posts ("March 2021 (4)",
#: "► 2015 (8)")
ARCHIVE_COUNT = ShapeRule("chrome:nav", re.compile(
    rf"^\W*(?:(?:{_MONTH_NAMES}) )?(?:19|20)\d\d\s*\(\d+\)\W*$", re.IGNORECASE), max_words=4)

#: a post's count of shares, likes or views alone on its line ("1.2K shares")
ENGAGEMENT_COUNT = ShapeRule("chrome:share", re.compile(
    r"^\W*\d[\d.,]*\s?[kKmM]?\s+(?:shares?|likes?|views?|reads?|geteilt|teilen|aufrufe|partages|vues"
    r"|compartidos|visitas|compartilhamentos|visualizações|condivisioni|visualizzazioni)\W*$",
    re.IGNORECASE), max_words=4)


# The audio player's label above an article read aloud ("Listen to this article 4 min").
PLAYER = PatternRule("chrome:embed", any_of([
    r"listen to (?:this|the) (?:article|story)", r"(?:artikel|beitrag) (?:anhören|vorlesen lassen)",
    r"diesen artikel anhören", r"écouter (?:cet |l')article", r"escuchar (?:este |el )?artículo",
    r"escuchar (?:la )?nota",
    r"ascolta (?:l'|questo )articolo", r"ouvir (?:este |o )?artigo",
    r"listen (?:on|in) (?:spotify|apple podcasts|google podcasts|amazon music|youtube music|overcast)",
    r"luister naar (?:dit|het) artikel", r"posłuchaj (?:tego )?artykułu",
    r"прослушать (?:статью|текст)", r"слушать (?:статью|текст)",
], at_start=True), max_words=8)

# A media player's and a photo gallery's controls, one or several on a line ("Mute
# Unmute Fullscreen", "Current Time 0:00", "Image 3 of 12"). Bare words that also head an
# article's section ("Captions", "Chapters", "Download", "Transcript") are left out.
MEDIA_CONTROLS = PatternRule("chrome:embed", any_of([
    r"play video", r"video abspielen", r"lire la vidéo", r"reproducir (?:el )?v[ií]deo",
    r"riproduci (?:il )?video", r"play", r"pause", r"mute", r"unmute", r"exit full ?screen", r"full ?screen",
    r"replay",
    r"skip ad", r"ad \d+ of \d+", r"current time \d+:\d+", r"duration(?: time)? \d+:\d+",
    r"remaining time -?\d+:\d+", r"loaded: \d+(?:\.\d+)?%", r"progress: \d+%", r"tap to unmute",
    r"this video is unavailable", r"video unavailable", r"video nicht verfügbar",
    r"click to enlarge", r"zum vergrößern klicken", r"enlarge this image", r"(?:hide|show|toggle) caption",
    r"(?:next|previous) (?:slide|image|photo)", r"(?:cliquez|cliquer) pour agrandir",
    r"haga clic para ampliar", r"enlarge (?:the )?image", r"bild vergrößern",
    r"(?:image|photo|picture|bild|foto) \d+ (?:of|von|sur|de|di) \d+",
    r"(?:close|view|open) (?:the )?gallery", r"galerie (?:ansehen|öffnen|schließen)", r"voir la galerie",
    r"ver galería", r"back to (?:the )?article", r"zurück zum artikel", r"retour à l'article",
    r"volver al artículo", r"download (?:the )?pdf", r"pdf herunterladen", r"télécharger (?:le )?pdf",
    r"descargar (?:el )?pdf", r"scarica (?:il )?pdf", r"download \(pdf\)", r"show transcript",
    r"transkript anzeigen", r"audio abspielen", r"anhören", r"artikel vorlesen", r"vorlesen",
    r"bildergalerie", r"stream type live", r"playback rate", r"audio track", r"wiedergabegeschwindigkeit",
    r"vollbild(?:modus)?", r"listen(?: now)?\W+\d+:\d+(?: min)?",
    r"plein écran", r"pantalla completa", r"tela cheia", r"schermo intero", r"volledig scherm",
    r"zoom (?:in|out)", r"agrandir (?:l'image|la photo)", r"ampliar (?:la |a )?(?:imagen|imagem|foto)",
    r"ingrandisci(?: l'immagine| la foto)?", r"(?:vorheriges|nächstes) (?:bild|foto)",
    r"(?:image|photo) (?:précédente|suivante)", r"(?:imagen|foto) (?:anterior|siguiente)",
    r"(?:imagem|foto) (?:anterior|seguinte|próxima)", r"(?:immagine|foto) (?:precedente|successiva)",
    r"view (?:this )?(?:image|photo)", r"reproduzir (?:o )?v[ií]deo", r"next video",
    r"(?:autoplay|automatische wiedergabe|lecture automatique|reproducción automática|reprodução automática"
    r"|riproduzione automatica)(?: is)?(?: (?:on|off|an|aus|activée|désactivée))?",
    # the article read aloud, in the words of the player's button
    r"ouvir (?:o texto|a notícia|a matéria|esta notícia|esta matéria)",
    r"escuchar (?:el texto|la noticia|esta noticia)", r"écouter (?:le texte|cet article)",
    r"listen to (?:the )?(?:text|this page)", r"ascolta (?:il testo|la notizia)",
    # the text size buttons
    r"(?:increase|decrease|reduce|enlarge) (?:the )?(?:font|text)(?: size)?", r"(?:font|text) size",
    r"(?:aumentar|diminuir|reduzir|disminuir|reducir) (?:a |el |la )?(?:fonte|letra|texto|fuente)",
    r"(?:tamaño|tamanho) (?:de |da |do )?(?:la )?(?:letra|fuente|fonte|texto)",
    r"taille (?:du texte|de (?:la )?police)", r"(?:augmenter|diminuer|réduire) la taille(?: du texte)?",
    r"schriftgröße(?: ändern| anpassen)?", r"schrift (?:vergrößern|verkleinern|größer|kleiner)",
    r"(?:aumenta|diminuisci|riduci) (?:il )?(?:carattere|testo)", r"dimensione (?:del )?(?:carattere|testo)",
    # a page's print and PDF versions
    r"print (?:mode|version|view)", r"printer[- ]friendly(?: version| page)?", r"(?:view|open) (?:as )?pdf",
    r"druckversion", r"druckansicht", r"version imprimable", r"versión (?:para )?imprimir",
    r"versão (?:para )?(?:impressão|imprimir)", r"versione stampabile",
    # an icon's name, printed where the icon was ("Icon arrow left", "Ícone fechar")
    r"(?:ícone|icône|icono|icona|icon)(?: (?:de|da|do|du|di|del))? (?:seta|flecha|flèche|freccia|arrow"
    r"|chevron|caret|pfeil)(?: \w+){0,3}",
    r"(?:ícone|icône|icono|icona|icon)(?: (?:de|da|do|du|di|del))? (?:fechar|cerrar|fermer|chiudi|close"
    r"|schließen|link|envelope|busca|pesquisa|search|lupa|menu|e-?mail|impressora|print|play|compartilhar"
    r"|share|partager|compartir)",
    r"(?:arrow|chevron|caret) (?:left|right|up|down)(?: icon)?",
    r"(?:close|search|menu|share|print|e-?mail|link|home|user|cart|play|arrow|chevron|caret)"
    r"(?: (?:left|right|up|down))? icon",
], whole_line=True), max_words=8)

# An Instagram embed's caption line ("A post shared by Jane Roe (@janeroe)").
POST_SHARED_BY = PatternRule("chrome:embed", any_of([
    r"a post shared by", r"ein beitrag geteilt von", r"dieser beitrag wurde geteilt von",
    r"une publication partagée par", r"una publicación compartida por",
], at_start=True), max_words=12)

# Video and streams withheld by country: the player's notice, in a label-sized block.
GEO_BLOCK = PatternRule("chrome:embed", any_of([
    r"not available in your (?:region|country|location)",
    r"in (?:ihrer|deiner) region nicht verfügbar", r"in ihrem land nicht verfügbar",
    r"(?:pas|plus) disponible dans votre (?:région|pays)",
    r"no (?:está )?disponible en (?:tu|su) (?:región|país|ubicación)",
]), max_words=12)

RULES = (NAV, SHARE, SHARE_ROW, BLOG_PAGER, SHARE_BUTTON, SHARE_LABELS, READ_ALSO, RELATED, COMMENTS,
         COMMENT_SPAM_NOTICE, TAGS, POSTED_IN, FEEDBACK, PHOTO_SOURCE, COMMENT_FORM, SOURCE_NOTE,
         ERROR_REPORT, NEWS_TIP, FILE_LINK, CREDIT, CAPTION_CREDIT, FIGURE_CAPTION, CAPTION_LABEL, POST_META,
         POST_DATE, POST_DATE_LINE, READING_TIME, EMBED, PLAYER, MEDIA_CONTROLS, POST_SHARED_BY, GEO_BLOCK,
         YOU_ARE_HERE, breadcrumb, AGENCY_CREDIT, neighbour_post, teaser, MINUTES_READ, WIKI_SOURCE,
         ARCHIVE_COUNT, ENGAGEMENT_COUNT)
