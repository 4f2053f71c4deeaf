import type { Locale } from '../core/locale.js';

type Text = { readonly sv: string; readonly en: string };

/** Usage text for every command, with an example each. */
export const HELP: Readonly<Record<string, Text>> = {
  main: {
    sv: `uppfoljning – individbaserad systematisk uppföljning från kommandoraden

Användning: uppfoljning <kommando> [flaggor]

Kommandon:
  init       skriv en planmall, eller utkast till plan och mappning ur en export (--from)
  validate   kontrollera en export (CSV, Excel .xlsx eller JSON) mot planen, rad för rad
  compile    sammanställ en export till en sammanställning (JSON)
  merge      slå ihop flera sammanställningar (t.ex. flera kommuners)
  report     skriv en rapport som HTML, PDF, Markdown, CSV eller diagramspecifikationer
  schema     skriv JSON Schema för klientuppgifterna som planen kräver

Allmänna flaggor:
  --lang en  engelska texter (svenska är standard)
  --help     hjälp för ett kommando, med exempel

Exempel:
  uppfoljning init --out plan.json
  uppfoljning validate --plan plan.json --mapping mappning.json export.csv
  uppfoljning compile --plan plan.json --mapping mappning.json export.csv --out sammanstallning.json
  uppfoljning report sammanstallning.json --format html --out rapport.html

Slutkoder: 0 klart, 1 fel i uppgifterna, 2 fel i kommandot eller filerna.`,
    en: `uppfoljning – individual-based systematic follow-up from the command line

Usage: uppfoljning <command> [options]

Commands:
  init       write a plan template, or draft plan and mapping from an export (--from)
  validate   check an export (CSV, Excel .xlsx or JSON) against the plan, row by row
  compile    compile an export into a compilation (JSON)
  merge      merge several compilations (e.g. several municipalities')
  report     write a report as HTML, PDF, Markdown, CSV or chart specifications
  schema     write the JSON Schema of the client records the plan implies

Common options:
  --lang en  English texts (Swedish is the default)
  --help     help for a command, with an example

Examples:
  uppfoljning init --out plan.json
  uppfoljning validate --plan plan.json --mapping mapping.json export.csv
  uppfoljning compile --plan plan.json --mapping mapping.json export.csv --out compilation.json
  uppfoljning report compilation.json --format html --out report.html

Exit codes: 0 done, 1 problems in the data, 2 problems with the command or the files.`,
  },
  init: {
    sv: `uppfoljning init – skriv en mall för en ny uppföljningsplan (JSON), eller utkast utifrån en export

Användning: uppfoljning init [--out plan.json] [--force]
            uppfoljning init --from EXPORT.csv|EXPORT.xlsx [--sheet BLAD] [--out KATALOG] [--force]

  --out FIL       filen att skriva (standard: plan.json)
  --from EXPORT   läs exportens rubriker och första rader och skriv plan.json,
                  mappning.json och att-besluta.md i KATALOG (standard: .):
                  utkast som validate läser, och det som återstår att besluta.
                  Personnummer visas aldrig. En Excel-fil: första bladet, eller --sheet.
  --force         skriv över befintliga filer

Exempel:
  uppfoljning init --out plan.json
  uppfoljning init --from klienter.csv --out uppfoljning/`,
    en: `uppfoljning init – write a template for a new follow-up plan (JSON), or drafts from an export

Usage: uppfoljning init [--out plan.json] [--force]
       uppfoljning init --from EXPORT.csv|EXPORT.xlsx [--sheet SHEET] [--out DIR] [--force]

  --out FILE      the file to write (default: plan.json)
  --from EXPORT   read the export's header and first rows and write plan.json,
                  mapping.json and to-decide.md in DIR (default: .): drafts
                  that validate reads, and what is left to decide. Identity
                  numbers are never shown. An Excel file: its first sheet, or --sheet.
  --force         overwrite existing files

Example:
  uppfoljning init --out plan.json
  uppfoljning init --from clients.csv --out follow-up/`,
  },
  validate: {
    sv: `uppfoljning validate – kontrollera en export mot planen

Användning: uppfoljning validate --plan PLAN [--mapping MAPPNING] [--during HÄNDELSER.csv] EXPORT

  EXPORT            en CSV- eller Excel-fil (.xlsx) med en rad per klient, eller JSON med klientposter
  --plan FIL        uppföljningsplanen (JSON)
  --mapping FIL     vilken kolumn som är vilket fält, omkodningar, separator, teckenkodning
  --during FIL      händelser under insatsen, en rad per händelse (CSV eller .xlsx)
  --sheet BLAD      exportens blad i en Excel-fil, med namn eller nummer (standard: första bladet)
  --during-sheet BLAD  händelsefilens blad, likadant
  --progress        visa förlopp (visas alltid i en terminal)
  --pseudonym-key-file FIL   nyckeln som gör personnummer till pseudonymer (hex eller base64, minst 32 byte)
  --pseudonym-key-env NAMN   samma nyckel ur en miljövariabel

Varje felaktig rad listas med radnummer, kolumn och orsak. Inget tas bort i tysthet.
En Excel-fil läses med samma mappning: felen anger blad och rad (blad "Klienter" rad 4),
datumceller blir datum och tal läses som Excel lagrar dem, även tal skrivna som text (3,5).
En kolumn som mappningen kallar identityNumber (person- eller samordningsnummer) kontrolleras
och ger åldern vid insatsens start; med en nyckel blir klient-id en pseudonym. Numret lämnar
aldrig importen: det finns inte i sammanställningen och inget felmeddelande visar det.

Exempel:
  uppfoljning validate --plan plan.json --mapping mappning.json --during prov.csv klienter.csv
  uppfoljning validate --plan plan.json --mapping mappning.json --sheet Klienter export.xlsx`,
    en: `uppfoljning validate – check an export against the plan

Usage: uppfoljning validate --plan PLAN [--mapping MAPPING] [--during EVENTS.csv] EXPORT

  EXPORT            a CSV or Excel file (.xlsx) with one row per client, or JSON with client records
  --plan FILE       the follow-up plan (JSON)
  --mapping FILE    which column holds which field, recodings, separator, encoding
  --during FILE     events during the intervention, one row per event (CSV or .xlsx)
  --sheet SHEET     the export's sheet in an Excel file, by name or number (default: the first sheet)
  --during-sheet SHEET  the events file's sheet, likewise
  --progress        show progress (always shown in a terminal)
  --pseudonym-key-file FILE  the key that turns identity numbers into pseudonyms (hex or base64, 32 bytes or more)
  --pseudonym-key-env NAME   the same key from an environment variable

Every bad row is listed with its line number, column and reason. Nothing is dropped silently.
An Excel file is read with the same mapping: problems name the sheet and row (sheet "Klienter"
row 4), date cells become dates and numbers are read as Excel stores them, also when typed as text (3,5).
A column the mapping calls identityNumber (personnummer or samordningsnummer) is checked and
gives the age at the start of the intervention; with a key the client id becomes a pseudonym.
The number never leaves the import: it is not in the compilation and no message shows it.

Example:
  uppfoljning validate --plan plan.json --mapping mapping.json --during tests.csv clients.csv
  uppfoljning validate --plan plan.json --mapping mapping.json --sheet Clients export.xlsx`,
  },
  compile: {
    sv: `uppfoljning compile – sammanställ en export (steg 5)

Användning: uppfoljning compile --plan PLAN [--mapping M] [--during H.csv] EXPORT --out SAMMANSTÄLLNING.json

  --out FIL          sammanställningen att skriva (JSON, utan uppgifter om enskilda)
  --skip-invalid     sammanställ de giltiga raderna även om andra har fel (felen listas och räknas)
  --sheet BLAD       exportens blad i en Excel-fil (.xlsx), med namn eller nummer (standard: första)
  --during-sheet BLAD  händelsefilens blad
  --pseudonym-key-file FIL   nyckeln som gör personnummer till pseudonymer (hex eller base64, minst 32 byte)
  --pseudonym-key-env NAMN   samma nyckel ur en miljövariabel

Utan --skip-invalid skrivs ingenting om någon rad har fel.

Exempel:
  uppfoljning compile --plan plan.json --mapping mappning.json klienter.csv --out sammanstallning.json`,
    en: `uppfoljning compile – compile an export (step 5)

Usage: uppfoljning compile --plan PLAN [--mapping M] [--during E.csv] EXPORT --out COMPILATION.json

  --out FILE         the compilation to write (JSON, no data about individuals)
  --skip-invalid     compile the valid rows even if others have problems (the problems are listed and counted)
  --sheet SHEET      the export's sheet in an Excel file (.xlsx), by name or number (default: the first)
  --during-sheet SHEET  the events file's sheet
  --pseudonym-key-file FILE  the key that turns identity numbers into pseudonyms (hex or base64, 32 bytes or more)
  --pseudonym-key-env NAME   the same key from an environment variable

Without --skip-invalid nothing is written if any row has a problem.

Example:
  uppfoljning compile --plan plan.json --mapping mapping.json clients.csv --out compilation.json`,
  },
  merge: {
    sv: `uppfoljning merge – slå ihop sammanställningar av samma plan

Användning: uppfoljning merge SAMMANSTÄLLNING.json... --out SAMMANSLAGEN.json

Varje enhet (kommun) hålls isär som ett värde i enhetsdimensionen, så att
rapporten kan visa varje bidragsgivare bredvid totalen.

Flaggor:
  --pool              lägg ihop alla enheter till en (den gemensamma, eller "Alla enheter")
  --pool-unit KOD     lägg ihop alla enheter till enheten KOD (t.ex. länet)
  --pool-label TEXT   namnet på den sammanlagda enheten (med --pool-unit)
  --distinct          vägra samma enhet och period i två sammanställningar
                      (varje fil är en egen bidragsgivare; annars adderas de)

Exempel:
  uppfoljning merge ostersund.json krokom.json --out lanet.json
  uppfoljning merge ostersund.json krokom.json --pool-unit jamtland --pool-label "Jämtlands län" --out lanet.json`,
    en: `uppfoljning merge – merge compilations of the same plan

Usage: uppfoljning merge COMPILATION.json... --out MERGED.json

Each unit (municipality) is kept apart as a value of the unit dimension, so
the report can show each contributor beside the total.

Options:
  --pool              sum every unit into one (the one they share, or "All units")
  --pool-unit CODE    sum every unit into the unit CODE (e.g. the county)
  --pool-label TEXT   the name of the summed unit (with --pool-unit)
  --distinct          refuse the same unit and period in two compilations
                      (each file is another contributor; otherwise they add up)

Example:
  uppfoljning merge ostersund.json krokom.json --out county.json
  uppfoljning merge ostersund.json krokom.json --pool-unit jamtland --pool-label "Jämtlands län" --out county.json`,
  },
  report: {
    sv: `uppfoljning report – skriv en rapport från en sammanställning

Användning: uppfoljning report SAMMANSTÄLLNING.json --format html|pdf|md|text|csv|vega --out FIL|MAPP

  --format html   en fristående HTML-fil med diagram (standard)
  --format pdf    samma rapport som PDF (A4), utskriven av en Chromium, Chrome eller Edge
                  som redan finns på datorn (--chromium SÖKVÄG, eller CHROMIUM_PATH/CHROME_PATH)
  --format md     Markdown
  --format text   ren text med linjerade tabeller (utan --out: till skärmen)
  --format csv    en CSV-fil per tabell i mappen --out
  --format vega   diagrammens Vega-Lite-specifikationer, en JSON-fil per diagram i mappen --out
  --k N           gräns för små tal: antal 1 till N−1 visas inte (standard 5)
  --by LISTA      nedbrytningar, t.ex. gender,ageBand
  --audience published|internal
                  published (standard): små tal skyddas; internal: enhetens egen
                  reflektion, inga tal döljs och rapporten märks "får inte publiceras"
  --plan FIL      planen: rapportens huvud får frågeställning, målgrupp och period (rapportdatum är dagens)
  --smileys       pilotens gubbar bredvid måluppfyllelsens fyra nivåer (html, pdf, md, vega)
  --chromium SÖKVÄG
                  webbläsaren som skriver PDF (annars CHROMIUM_PATH, CHROME_PATH eller vanliga sökvägar)

Exempel:
  uppfoljning report sammanstallning.json --format html --out rapport.html
  uppfoljning report sammanstallning.json --format pdf --out rapport.pdf
  uppfoljning report sammanstallning.json --format text`,
    en: `uppfoljning report – write a report from a compilation

Usage: uppfoljning report COMPILATION.json --format html|pdf|md|text|csv|vega --out FILE|DIR

  --format html   one self-contained HTML file with charts (default)
  --format pdf    the same report as a PDF (A4), printed by a Chromium, Chrome or Edge
                  already on the computer (--chromium PATH, or CHROMIUM_PATH/CHROME_PATH)
  --format md     Markdown
  --format text   plain text with aligned tables (without --out: to the screen)
  --format csv    one CSV file per table in the folder --out
  --format vega   the charts' Vega-Lite specifications, one JSON file per chart in the folder --out
  --k N           small-cell threshold: counts 1 to N−1 are not shown (default 5)
  --by LIST       breakdowns, e.g. gender,ageBand
  --audience published|internal
                  published (default): small counts protected; internal: the unit's own
                  reflection meeting, no count hidden, marked "must not be published"
  --plan FILE     the plan: the report's header gets its question, target group and period (the report date is today's)
  --smileys       the pilot's smileys beside the four goal-attainment levels (html, pdf, md, vega)
  --chromium PATH
                  the browser that writes the PDF (else CHROMIUM_PATH, CHROME_PATH or common paths)

Example:
  uppfoljning report compilation.json --format html --out report.html --lang en
  uppfoljning report compilation.json --format pdf --out report.pdf --lang en
  uppfoljning report compilation.json --format text --lang en`,
  },
  schema: {
    sv: `uppfoljning schema – JSON Schema för klientuppgifterna som planen kräver (för formulär i värdsystem)

Användning: uppfoljning schema --plan PLAN [--out schema.json]

Exempel:
  uppfoljning schema --plan plan.json --out klientpost.schema.json`,
    en: `uppfoljning schema – the JSON Schema of the client records the plan implies (for host-system forms)

Usage: uppfoljning schema --plan PLAN [--out schema.json]

Example:
  uppfoljning schema --plan plan.json --out record.schema.json --lang en`,
  },
};

/** The help text of a command. */
export const help = (command: string, locale: Locale): string => (HELP[command] ?? HELP.main!)[locale];
