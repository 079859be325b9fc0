"""The pages the app package points at: what the bot is, privacy, terms, accessibility.

Swedish at /, /integritet, /villkor and /tillganglighet; English at /en/… or with ?lang=en.
A tenant admin reads these before approving the app, so they say what the code does: what is
stored, why, on which ground, for how long, and what is not part of the record. The
personuppgiftsansvarig, the dataskyddsombud and the accessibility contact come from settings
(PRIVACY_CONTROLLER, PRIVACY_DPO, ACCESSIBILITY_CONTACT); an empty one is said to be missing.

Static, escaped HTML with no script; framed only by the Teams and Microsoft 365 hosts.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from aiohttp import web

from bot.settings import Settings
from storage.minutes import TOKEN_TTL

# Where Teams, Outlook and the Microsoft 365 app may show the bot's pages (tabs, task modules,
# links opened in Teams): the Teams hosts of today and the Office/Outlook hosts.
FRAME_ANCESTORS = (
    "'self'",
    "https://teams.microsoft.com",
    "https://*.teams.microsoft.com",
    "https://teams.cloud.microsoft",
    "https://*.cloud.microsoft",
    "https://*.microsoft365.com",
    "https://*.office.com",
    "https://outlook.office.com",
    "https://outlook.office365.com",
    "https://*.office365.com",
    "https://*.outlook.com",
)
CSP_FRAME_ANCESTORS = "frame-ancestors " + " ".join(FRAME_ANCESTORS)
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    f"form-action 'none'; {CSP_FRAME_ANCESTORS}"
)
_HEADERS = {
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "public, max-age=300",
}

STATEMENT_DATE = "2026-12-01"  # when the accessibility statement was last reviewed

# A section: a heading and its content, each item a paragraph (str) or a bullet list.
Section = tuple[str, Sequence[str | Sequence[str]]]


@dataclass(frozen=True)
class Page:
    key: str
    path_sv: str
    path_en: str
    title_sv: str
    title_en: str
    sections: Callable[[str, Settings], list[Section]]


def _missing(lang: str, setting: str) -> str:
    if lang == "sv":
        return f"Inte angivet ännu (den som driver boten anger det med inställningen {setting})."
    return f"Not filled in yet (whoever runs the bot sets it with the setting {setting})."


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _controller(lang: str, settings: Settings) -> str:
    return _sentence(settings.controller or _missing(lang, "PRIVACY_CONTROLLER"))


def _home(lang: str, settings: Settings) -> list[Section]:
    if lang == "en":
        return [
            (
                "What it is",
                [
                    "Samverkansbot is a Microsoft Teams bot for Swedish samverkan bodies, where "
                    "municipalities (kommuner) and regions steer health and social care "
                    "together. The meeting becomes the record: members register attendance in "
                    "the meeting chat, the secretary records paragraphs (§), decisions with their "
                    "“att” clauses and assignments there, and the bot writes the minutes "
                    "(protokoll or minnesanteckningar) in Swedish protocol form.",
                    "The chair and the adjusters approve (justera) the minutes in Teams; the bot "
                    "posts them to the body's channel and answers questions such as “what was "
                    "decided about …?” with citations to the paragraphs.",
                ],
            ),
            (
                "Getting started",
                [
                    [
                        "Add the app to a team, group chat or meeting chat.",
                        "Bind the conversation to a body: body: Name (SHORT).",
                        "Open the meeting with open meeting and check in with present.",
                        "Write help for the commands, grouped by task.",
                    ]
                ],
            ),
        ]
    return [
        (
            "Vad det är",
            [
                "Samverkansbot är en bot i Microsoft Teams för samverkansorgan där kommuner och "
                "regioner styr hälso- och sjukvård och socialtjänst tillsammans. Mötet blir "
                "protokollet: ledamöterna anmäler närvaro i mötets chatt, sekreteraren för in "
                "paragrafer (§), beslut med att-satser och uppdrag där, och boten skriver "
                "protokollet (eller minnesanteckningarna) i svensk protokollsform.",
                "Ordföranden och justerarna justerar i Teams; boten publicerar protokollet i "
                "organets kanal och svarar på frågor som ”vad beslutades om …?” med hänvisning "
                "till paragraferna.",
            ],
        ),
        (
            "Kom igång",
            [
                [
                    "Lägg till appen i ett team, en gruppchatt eller en möteschatt.",
                    "Koppla chatten till ett organ: organ: Namn (KORTNAMN).",
                    "Öppna mötet med öppna mötet och anmäl närvaro med närvarande.",
                    "Skriv hjälp för kommandona, ordnade efter uppgift.",
                ]
            ],
        ),
    ]


def _privacy(lang: str, settings: Settings) -> list[Section]:
    dpo = _sentence(settings.dpo or _missing(lang, "PRIVACY_DPO"))
    if lang == "en":
        return [
            (
                "Controller and data protection officer",
                [
                    "The controller is the organisation (municipality or region, through its "
                    "board or committee) that runs the bot for the body: "
                    + _controller(lang, settings),
                    f"Its data protection officer (dataskyddsombud): {dpo}",
                ],
            ),
            (
                "What is stored",
                [
                    [
                        "Name, organisation and title of members, deputies, officials and other "
                        "participants; their role at the meeting and their attendance (present, "
                        "absent, apologies, part of the meeting).",
                        "Teams identities (Entra ID object id and Teams id) of those who check "
                        "in or write commands, so the bot can recognise them and link them to a "
                        "person of the body.",
                        "What is written to the bot as commands: paragraphs, titles, presenters, "
                        "discussion text, decisions with their att clauses, assignments, "
                        "conflicts of interest (jäv), reservations, notes, corrections and "
                        "approvals (justering).",
                        "Imported minutes: the text of files sent to the bot for import, with the "
                        "file name and checksum.",
                        "An audit trail: who changed what in the record, and when.",
                        "Technical data: conversation references (to post the minutes), ids of "
                        "handled messages (so nothing is recorded twice), messages waiting to be "
                        "sent, dialog state (a form filled in step by step), your latest question "
                        "in each chat, replaced by the next, so that “more” works, and hashes of "
                        "download links.",
                    ]
                ],
            ),
            (
                "What is not stored",
                [
                    "Chat messages that are not commands to the bot are not stored. Questions "
                    "to the bot are answered from the record and are not added to it. A message "
                    "that looks like it holds a Swedish personal identity number (personnummer) "
                    "is not stored."
                ],
            ),
            (
                "Why",
                [
                    "To keep the body's minutes or notes: attendance and quorum, paragraphs, "
                    "decisions and assignments; to let the chair and adjusters approve the "
                    "minutes in Teams; to publish them; and to answer questions about what was "
                    "decided."
                ],
            ),
            (
                "Legal ground",
                [
                    "For municipalities and regions this is normally a task carried out in the "
                    "public interest or in the exercise of official authority (GDPR art. 6.1 e), "
                    "and keeping public records is a legal obligation (art. 6.1 c) under the "
                    "Archives Act (arkivlagen, 1990:782). The controller makes and documents "
                    "this assessment for its own body."
                ],
            ),
            (
                "How long",
                [
                    "Minutes, notes and what they consist of (attendance, paragraphs, decisions, "
                    "assignments, corrections, approvals and the audit trail), and imported "
                    "minutes, are official records (allmänna handlingar) when held by a public "
                    "authority. They are kept under the Archives Act and disposed of (gallring) "
                    "only as the body's records management plan (dokumenthanteringsplan) says. "
                    "The bot disposes of nothing on its own.",
                ],
            ),
            (
                "What is not part of the record",
                [
                    [
                        f"Download links work for {TOKEN_TTL.days} days; only a hash of each is "
                        "stored.",
                        "Dialog state, latest questions, ids of handled messages, the outbox of sent messages and "
                        "conversation references are operational data, not part of the record. "
                        "The bot does not delete them automatically today; whoever runs it "
                        "clears them under its routines for operational data.",
                    ]
                ],
            ),
            (
                "Your rights",
                [
                    "You may ask for information about and a copy of your personal data, and "
                    "have wrong data corrected. Erasure and restriction do not apply to official "
                    "records that must be kept under the Archives Act. Contact the controller or "
                    "its data protection officer. You may complain to the Swedish Authority for "
                    "Privacy Protection (Integritetsskyddsmyndigheten, IMY), imy.se.",
                    "Messages in Teams are processed by Microsoft under the organisation's "
                    "agreement with Microsoft; the bot's own data is in the database run by "
                    "whoever runs the bot.",
                ],
            ),
        ]
    return [
        (
            "Personuppgiftsansvarig och dataskyddsombud",
            [
                "Personuppgiftsansvarig är den organisation (kommun eller region, genom nämnd "
                "eller styrelse) som driver boten för samverkansorganet: "
                + _controller(lang, settings),
                f"Dataskyddsombud: {dpo}",
            ],
        ),
        (
            "Vad som lagras",
            [
                [
                    "Namn, organisation och titel på ledamöter, ersättare, tjänstepersoner och "
                    "andra deltagare, deras roll på mötet och deras närvaro (närvarande, "
                    "frånvarande, återbud, del av mötet).",
                    "Teams-identiteter (objekt-id i Entra ID och Teams-id) för dem som anmäler "
                    "närvaro eller skriver kommandon, så att boten känner igen dem och kan "
                    "koppla dem till en person i organet.",
                    "Det som skrivs till boten som kommandon: paragrafer, rubriker, föredragande, "
                    "diskussionstext, beslut med att-satser, uppdrag, jäv, reservationer, "
                    "protokollsanteckningar, rättelser och justeringar.",
                    "Importerade protokoll: texten i filer som skickas till boten för import, "
                    "med filens namn och kontrollsumma.",
                    "En ändringslogg: vem som ändrade vad i registret, och när.",
                    "Teknisk data: referenser till konversationer (för att kunna posta "
                    "protokollet), id:n för behandlade meddelanden (så att inget registreras två "
                    "gånger), meddelanden som väntar på att skickas, dialogtillstånd (ett "
                    "formulär som fylls i steg för steg), din senaste fråga i varje chatt, som "
                    "ersätts av nästa, så att ”fler” fungerar, och hashvärden för "
                    "nedladdningslänkar.",
                ]
            ],
        ),
        (
            "Vad som inte lagras",
            [
                "Chattmeddelanden som inte är kommandon till boten sparas inte. Frågor till "
                "boten besvaras ur registret och läggs inte till i det. Ett meddelande som ser "
                "ut att innehålla ett personnummer sparas inte."
            ],
        ),
        (
            "Varför",
            [
                "För att föra organets protokoll eller minnesanteckningar: närvaro och "
                "beslutförhet, paragrafer, beslut och uppdrag; för att ordföranden och "
                "justerarna ska kunna justera i Teams; för att publicera protokollet; och för "
                "att svara på frågor om vad som beslutats."
            ],
        ),
        (
            "Rättslig grund",
            [
                "För kommuner och regioner är behandlingen normalt en uppgift av allmänt "
                "intresse eller ett led i myndighetsutövning (dataskyddsförordningen artikel "
                "6.1 e), och att bevara allmänna handlingar är en rättslig förpliktelse "
                "(artikel 6.1 c) enligt arkivlagen (1990:782). Den personuppgiftsansvariga gör "
                "och dokumenterar bedömningen för sitt organ."
            ],
        ),
        (
            "Hur länge",
            [
                "Protokoll och minnesanteckningar och det de består av (närvaro, paragrafer, "
                "beslut, uppdrag, rättelser, justering och ändringsloggen) samt importerade "
                "protokoll är allmänna handlingar när de förvaras hos en myndighet. De bevaras "
                "enligt arkivlagen och gallras bara enligt det som organets "
                "dokumenthanteringsplan säger. Boten gallrar ingenting på egen hand.",
            ],
        ),
        (
            "Det som inte hör till handlingen",
            [
                [
                    f"Nedladdningslänkar gäller i {TOKEN_TTL.days} dagar; bara ett hashvärde av varje "
                    "länk sparas.",
                    "Dialogtillstånd, senaste frågor, id:n för behandlade meddelanden, utkorgen med skickade "
                    "meddelanden och konversationsreferenser är driftdata, inte en del av "
                    "protokollet. Boten tar i dag inte bort dem automatiskt; den som driver "
                    "boten rensar dem enligt sina rutiner för driftdata.",
                ]
            ],
        ),
        (
            "Dina rättigheter",
            [
                "Du kan begära information om och en kopia av dina personuppgifter, och få fel "
                "rättade. Radering och begränsning gäller inte allmänna handlingar som ska "
                "bevaras enligt arkivlagen. Kontakta den personuppgiftsansvariga eller "
                "dataskyddsombudet. Du kan klaga hos Integritetsskyddsmyndigheten (IMY), "
                "imy.se.",
                "Meddelanden i Teams behandlas av Microsoft enligt organisationens avtal med "
                "Microsoft; botens egna uppgifter finns i den databas som den som driver boten "
                "har.",
            ],
        ),
    ]


def _terms(lang: str, settings: Settings) -> list[Section]:
    provider = _controller(lang, settings)
    if lang == "en":
        return [
            (
                "Use",
                [
                    f"The service is provided by the organisation that runs the bot: {provider} "
                    "It is used under that organisation's rules for IT and Teams.",
                    "Samverkansbot helps the secretary and the members keep the record. The "
                    "approved (justerat) minutes are the document that counts. Answers to "
                    "questions cite the paragraphs they come from: check the minutes before you "
                    "quote them.",
                ],
            ),
            (
                "What you write",
                [
                    [
                        "Write only what belongs in the minutes. Do not write sensitive personal "
                        "data about individuals (for example about health) in the chat.",
                        "A paragraph covered by secrecy is marked with “confidential” "
                        "(sekretess); it is left out of the public version and of answers to "
                        "non-members.",
                    ]
                ],
            ),
            (
                "Changes and availability",
                [
                    "The service is provided as it is, without a promise of availability. "
                    "Changes to these terms are published on this page."
                ],
            ),
        ]
    return [
        (
            "Användning",
            [
                f"Tjänsten tillhandahålls av den organisation som driver boten: {provider} Den "
                "används enligt organisationens regler för IT och Teams.",
                "Samverkansbot hjälper sekreteraren och ledamöterna att föra protokollet. Det "
                "justerade protokollet är den handling som gäller. Svar på frågor hänvisar till "
                "paragraferna de kommer från: kontrollera mot protokollet innan du citerar.",
            ],
        ),
        (
            "Det du skriver",
            [
                [
                    "Skriv bara det som hör till protokollet. Skriv inte känsliga "
                    "personuppgifter om enskilda (till exempel om hälsa) i chatten.",
                    "En paragraf som omfattas av sekretess markeras med ”sekretess”; den "
                    "utelämnas i den offentliga versionen och i svar till den som inte är "
                    "ledamot.",
                ]
            ],
        ),
        (
            "Ändringar och tillgänglighet för drift",
            [
                "Tjänsten tillhandahålls i befintligt skick, utan löfte om tillgänglighet. "
                "Ändringar av villkoren publiceras på den här sidan."
            ],
        ),
    ]


def _accessibility(lang: str, settings: Settings) -> list[Section]:
    provider = _controller(lang, settings)
    contact = _sentence(settings.accessibility_contact or _missing(lang, "ACCESSIBILITY_CONTACT"))
    if lang == "en":
        return [
            (
                "Accessibility statement",
                [
                    f"{provider} The organisation that runs Samverkansbot is responsible for "
                    "this service. We want as many people as possible to be able to use it. This "
                    "statement describes how Samverkansbot complies with the Swedish Act on "
                    "accessibility to digital public services (lagen (2018:1937) om "
                    "tillgänglighet till digital offentlig service, the DOS Act), the known "
                    "problems, and how to report shortcomings."
                ],
            ),
            (
                "How accessible the service is",
                [
                    "The service partly complies with the DOS Act, because of the shortcomings "
                    "below."
                ],
            ),
            (
                "Content that is not accessible",
                [
                    [
                        "The PDF of the minutes is not tagged: a screen reader reads its text "
                        "but not its headings and lists (WCAG 2.1, 1.3.1). The same minutes are "
                        "available as Word (DOCX), web page (HTML) and text, with real "
                        "headings and lists.",
                        "Cards and messages are shown by Microsoft Teams; how they work with a "
                        "keyboard and screen reader is decided by Teams.",
                    ]
                ],
            ),
            (
                "If you cannot use part of the service",
                [
                    "Ask the body's secretary for the minutes in another format, or contact: "
                    + contact
                ],
            ),
            (
                "Report shortcomings",
                [f"Tell us about problems you find: {contact}"],
            ),
            (
                "Supervision",
                [
                    "The Agency for Digital Government (Myndigheten för digital förvaltning, "
                    "Digg) supervises the DOS Act. If you are not satisfied with how we handle "
                    "your report, you can contact Digg (digg.se)."
                ],
            ),
            (
                "How we tested",
                [
                    "These pages are plain HTML with a language attribute, headings and text "
                    "links, without scripts; automatic tests check that they answer and carry "
                    "their language. No external audit has been made. The statement was last "
                    f"reviewed on {STATEMENT_DATE}."
                ],
            ),
        ]
    return [
        (
            "Tillgänglighetsredogörelse",
            [
                f"{provider} Den organisation som driver Samverkansbot står bakom den här "
                "tjänsten. Vi vill att så många som möjligt ska kunna använda den. Här beskriver "
                "vi hur Samverkansbot uppfyller lagen (2018:1937) om tillgänglighet till digital "
                "offentlig service (DOS-lagen), kända tillgänglighetsproblem och hur du kan "
                "rapportera brister."
            ],
        ),
        (
            "Hur tillgänglig är tjänsten?",
            ["Tjänsten är delvis förenlig med DOS-lagen, på grund av bristerna nedan."],
        ),
        (
            "Innehåll som inte är tillgängligt",
            [
                [
                    "PDF-versionen av protokollet är inte taggad: en skärmläsare läser texten "
                    "men inte rubriker och listor (WCAG 2.1, 1.3.1). Samma protokoll finns som "
                    "Word (DOCX), webbsida (HTML) och text, med riktiga rubriker och listor.",
                    "Kort och meddelanden visas av Microsoft Teams; hur de fungerar med "
                    "tangentbord och skärmläsare avgörs av Teams.",
                ]
            ],
        ),
        (
            "Om du inte kan använda delar av tjänsten",
            [
                "Be organets sekreterare om protokollet i ett annat format, eller kontakta: "
                + contact
            ],
        ),
        ("Rapportera brister", [f"Berätta för oss om problem du hittar: {contact}"]),
        (
            "Tillsyn",
            [
                "Myndigheten för digital förvaltning (Digg) har tillsyn över DOS-lagen. Om du "
                "inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och "
                "påtala det (digg.se)."
            ],
        ),
        (
            "Hur vi testat",
            [
                "Sidorna är enkel HTML med språkattribut, rubriker och textlänkar, utan skript; "
                "automatiska tester kontrollerar att de svarar och anger sitt språk. Ingen "
                "extern granskning är gjord. Redogörelsen sågs senast över "
                f"{STATEMENT_DATE}."
            ],
        ),
    ]


PAGES: tuple[Page, ...] = (
    Page("home", "/", "/en/", "Samverkansbot", "Samverkansbot", _home),
    Page(
        "privacy",
        "/integritet",
        "/en/privacy",
        "Integritet och personuppgifter",
        "Privacy and personal data",
        _privacy,
    ),
    Page("terms", "/villkor", "/en/terms", "Användarvillkor", "Terms of use", _terms),
    Page(
        "accessibility",
        "/tillganglighet",
        "/en/accessibility",
        "Tillgänglighetsredogörelse",
        "Accessibility statement",
        _accessibility,
    ),
)

_STYLE = (
    "body{font-family:system-ui,'Segoe UI',sans-serif;line-height:1.5;max-width:46rem;"
    "margin:2rem auto;padding:0 1rem;color:#1b1b1b}nav a{margin-right:1rem}"
    "a{color:#1F5C99}h1{font-size:1.7rem}h2{font-size:1.2rem;margin-top:1.6rem}"
)


def render_page(page: Page, lang: str, settings: Settings) -> str:
    esc = html.escape
    title = page.title_en if lang == "en" else page.title_sv
    nav = " ".join(
        f'<a href="{esc(p.path_en if lang == "en" else p.path_sv)}">'
        f"{esc(p.title_en if lang == 'en' else p.title_sv)}</a>"
        for p in PAGES
    )
    other = (
        f'<a href="{esc(page.path_sv)}" lang="sv" hreflang="sv">På svenska</a>'
        if lang == "en"
        else f'<a href="{esc(page.path_en)}" lang="en" hreflang="en">In English</a>'
    )
    body: list[str] = []
    for heading, items in page.sections(lang, settings):
        body.append(f"<h2>{esc(heading)}</h2>")
        for item in items:
            if isinstance(item, str):
                body.append(f"<p>{esc(item)}</p>")
            else:
                body.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in item) + "</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} – Samverkansbot</title>\n<style>{_STYLE}</style>\n</head>\n"
        f'<body>\n<header><nav aria-label="{"Pages" if lang == "en" else "Sidor"}">{nav}</nav>'
        f"<p>{other}</p></header>\n<main>\n<h1>{esc(title)}</h1>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _handler(page: Page, lang: str, settings: Settings) -> Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        chosen = "en" if lang == "en" or request.query.get("lang", "").lower() == "en" else "sv"
        return web.Response(
            text=render_page(page, chosen, settings),
            content_type="text/html",
            charset="utf-8",
            headers=_HEADERS,
        )

    return handle


def page_paths() -> list[str]:
    """Every path the pages answer on, Swedish and English."""
    return [path for p in PAGES for path in (p.path_sv, p.path_en)]


def setup(app: web.Application, settings: Settings) -> None:
    for page in PAGES:
        app.router.add_get(page.path_sv, _handler(page, "sv", settings))
        app.router.add_get(page.path_en, _handler(page, "en", settings))
    app.router.add_get("/en", _handler(PAGES[0], "en", settings))
