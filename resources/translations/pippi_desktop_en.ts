<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="it_IT">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Informazioni su PIPPI Desktop</source>
        <translation>About PIPPI Desktop</translation>
    </message>
    <message>
        <source>Per il programma P.I.P.P.I. (Programma di Intervento Per la Prevenzione dell&apos;Istituzionalizzazione): le cartelle delle famiglie, le visite domiciliari, gli incontri di gruppo e le valutazioni «Il Mondo del Bambino», anche senza connessione.</source>
        <translation>For the P.I.P.P.I. programme (Programma di Intervento Per la Prevenzione dell&apos;Istituzionalizzazione, the Italian programme to prevent children being taken into care): family case files, home visits, group sessions and “Il Mondo del Bambino” assessments, even with no connection.</translation>
    </message>
    <message>
        <source>I dati restano su questo computer, cifrati con la tua passphrase. I nomi dei file e i registri dell&apos;applicazione non contengono dati personali.</source>
        <translation>The data stays on this computer, encrypted with your passphrase. File names and the application&apos;s logs contain no personal data.</translation>
    </message>
    <message>
        <source>&amp;Chiudi</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Versione {version}</source>
        <translation>Version {version}</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Apri un&apos;area di lavoro</source>
        <translation>Open a workspace</translation>
    </message>
    <message>
        <source>Modifiche non salvate</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Quando l&apos;area di lavoro si è bloccata c&apos;erano schede aperte con modifiche non salvate ({count}). Vuoi riaprirle per continuare?</source>
        <translation>When the workspace locked, some open forms had unsaved changes ({count}). Do you want to reopen them and carry on?</translation>
    </message>
    <message>
        <source>&amp;Riapri</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <source>&amp;Scarta le modifiche</source>
        <translation>&amp;Discard the changes</translation>
    </message>
    <message>
        <source>Decidi &amp;più tardi</source>
        <translation>Decide &amp;later</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>Valutazione</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>&amp;Sottodimensioni</source>
        <translation>&amp;Sub-dimensions</translation>
    </message>
    <message>
        <source>Sottodimensioni del triangolo</source>
        <translation>Sub-dimensions of the triangle</translation>
    </message>
    <message>
        <source>&amp;Punteggio:</source>
        <translation>&amp;Score:</translation>
    </message>
    <message>
        <source>Punteggio della sottodimensione</source>
        <translation>Score of the sub-dimension</translation>
    </message>
    <message>
        <source>Punti di &amp;forza:</source>
        <translation>&amp;Strengths:</translation>
    </message>
    <message>
        <source>Punti di forza</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>Bisogni e p&amp;reoccupazioni:</source>
        <translation>Needs and conc&amp;erns:</translation>
    </message>
    <message>
        <source>Bisogni e preoccupazioni</source>
        <translation>Needs and concerns</translation>
    </message>
    <message>
        <source>Le parole del &amp;bambino:</source>
        <translation>The c&amp;hild&apos;s words:</translation>
    </message>
    <message>
        <source>Le parole del bambino</source>
        <translation>The child&apos;s words</translation>
    </message>
    <message>
        <source>Fon&amp;ti:</source>
        <translation>Sour&amp;ces:</translation>
    </message>
    <message>
        <source>Fonti</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>D&amp;ati della valutazione</source>
        <translation>Assessment &amp;details</translation>
    </message>
    <message>
        <source>&amp;Bambino/a:</source>
        <translation>&amp;Child:</translation>
    </message>
    <message>
        <source>Bambino o bambina valutato</source>
        <translation>Child assessed</translation>
    </message>
    <message>
        <source>&amp;Momento:</source>
        <translation>&amp;Time point:</translation>
    </message>
    <message>
        <source>Momento della valutazione</source>
        <translation>Time point of the assessment</translation>
    </message>
    <message>
        <source>&amp;Nome del momento:</source>
        <translation>&amp;Name of the time point:</translation>
    </message>
    <message>
        <source>Nome del momento</source>
        <translation>Name of the time point</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Data della valutazione</source>
        <translation>Date of the assessment</translation>
    </message>
    <message>
        <source>Altri &amp;partecipanti:</source>
        <translation>Other &amp;participants:</translation>
    </message>
    <message>
        <source>Altri partecipanti</source>
        <translation>Other participants</translation>
    </message>
    <message>
        <source>N&amp;ote sulla valutazione:</source>
        <translation>N&amp;otes on the assessment:</translation>
    </message>
    <message>
        <source>Note sulla valutazione</source>
        <translation>Notes on the assessment</translation>
    </message>
    <message>
        <source>Partecipanti della famiglia</source>
        <translation>Family members taking part</translation>
    </message>
    <message>
        <source>Operatori partecipanti</source>
        <translation>Professionals taking part</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>— non ancora valutata</source>
        <translation>— not assessed yet</translation>
    </message>
    <message>
        <source>Sottodimensione</source>
        <translation>Sub-dimension</translation>
    </message>
    <message>
        <source>Punteggio</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Nuova valutazione – {child}</source>
        <translation>New assessment – {child}</translation>
    </message>
    <message>
        <source>Valutazione {point} di {child} del {date}</source>
        <translation>{point} assessment of {child} of {date}</translation>
    </message>
</context>
<context>
    <name>AssessmentsTab</name>
    <message>
        <source>Bambino/a</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Momento</source>
        <translation>Time point</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Valutate</source>
        <translation>Scored</translation>
    </message>
    <message>
        <source>{scored} su {total}</source>
        <translation>{scored} of {total}</translation>
    </message>
    <message>
        <source>Eliminare la valutazione {point} di {child} del {date}?</source>
        <translation>Delete the {point} assessment of {child} of {date}?</translation>
    </message>
    <message>
        <source>&amp;Nuova valutazione…</source>
        <translation>&amp;New assessment…</translation>
    </message>
    <message>
        <source>&amp;Modifica…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Elimina…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Stam&amp;pa il triangolo…</source>
        <translation>&amp;Print the triangle…</translation>
    </message>
    <message>
        <source>Nessuna valutazione registrata.
Premi «Nuova valutazione» per compilare il triangolo di un bambino (T0 all&apos;inizio, T1 a metà, T2 alla fine).</source>
        <translation>No assessments recorded.
Press “New assessment” to fill in a child&apos;s triangle (T0 at the start, T1 halfway, T2 at the end).</translation>
    </message>
    <message>
        <source>Valutazioni</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Scegli una valutazione nell&apos;elenco per vedere il suo triangolo.</source>
        <translation>Choose an assessment in the list to see its triangle.</translation>
    </message>
    <message>
        <source>Il triangolo della valutazione scelta, con T0, T1 e T2 dello stesso bambino. Clicca una sottodimensione per aprirla.</source>
        <translation>The triangle of the chosen assessment, with T0, T1 and T2 of the same child. Click a sub-dimension to open it.</translation>
    </message>
    <message>
        <source>Triangolo «Il Mondo del Bambino»</source>
        <translation>“The Child&apos;s World” triangle</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Scheda dell&apos;ufficio</source>
        <translation>Office card</translation>
    </message>
    <message>
        <source>La scheda contiene le chiavi pubbliche dell&apos;ufficio. Consegnala agli educatori (chiavetta o e-mail) e comunica l&apos;impronta di persona o su carta: ognuno la confronta prima di fidarsi.</source>
        <translation>The card holds the office&apos;s public keys. Give it to the educators (USB stick or e-mail) and tell them the fingerprint in person or on paper: each of them compares it before trusting the office.</translation>
    </message>
    <message>
        <source>Scheda di questo dispositivo</source>
        <translation>This device&apos;s card</translation>
    </message>
    <message>
        <source>La scheda contiene le chiavi pubbliche di questo portatile. Consegnala all&apos;ufficio e leggi l&apos;impronta all&apos;operatore, che la confronta prima di registrare il dispositivo.</source>
        <translation>The card holds this laptop&apos;s public keys. Give it to the office and read the fingerprint to the person there, who compares it before registering the device.</translation>
    </message>
    <message>
        <source>Salva la scheda</source>
        <translation>Save the card</translation>
    </message>
    <message>
        <source>Indica il file della scheda.</source>
        <translation>Give the card&apos;s file.</translation>
    </message>
    <message>
        <source>Scheda scritta in {file}.</source>
        <translation>Card written to {file}.</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <source>Fase: {phase}</source>
        <translation>Phase: {phase}</translation>
    </message>
    <message>
        <source>Eliminare la famiglia {code} con tutta la sua cartella (componenti, visite, valutazioni, micro-progettazione)?</source>
        <translation>Delete family {code} with its whole case file (members, visits, assessments, micro-project)?</translation>
    </message>
    <message>
        <source>&amp;Modifica famiglia…</source>
        <translation>&amp;Edit family…</translation>
    </message>
    <message>
        <source>Elimina famiglia…</source>
        <translation>Delete family…</translation>
    </message>
    <message>
        <source>&amp;Riepilogo</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>&amp;Visite</source>
        <translation>&amp;Visits</translation>
    </message>
    <message>
        <source>&amp;Incontri di gruppo</source>
        <translation>&amp;Group sessions</translation>
    </message>
    <message>
        <source>V&amp;alutazioni</source>
        <translation>&amp;Assessments</translation>
    </message>
    <message>
        <source>Micro-&amp;progettazione</source>
        <translation>Micro-&amp;project</translation>
    </message>
</context>
<context>
    <name>CheckCardDialog</name>
    <message>
        <source>Fidati dell&apos;ufficio</source>
        <translation>Trust the office</translation>
    </message>
    <message>
        <source>Scegli la scheda ricevuta dall&apos;ufficio e scrivi l&apos;impronta che l&apos;ufficio ti legge o ti consegna su carta. Se coincidono, i pacchetti saranno cifrati per questo ufficio, che potrà anche riaprire l&apos;area di lavoro se passphrase e codice di recupero andassero persi.</source>
        <translation>Choose the card you received from the office and type the fingerprint the office reads to you or gives you on paper. If they match, bundles will be encrypted for this office, which can also reopen the workspace if the passphrase and the recovery code are lost.</translation>
    </message>
    <message>
        <source>&amp;Fidati dell&apos;ufficio</source>
        <translation>&amp;Trust the office</translation>
    </message>
    <message>
        <source>Registra un dispositivo</source>
        <translation>Register a device</translation>
    </message>
    <message>
        <source>Scegli la scheda del portatile dell&apos;educatore e scrivi l&apos;impronta che l&apos;educatore legge dal suo schermo. Se coincidono, il dispositivo è registrato e i suoi pacchetti potranno essere importati.</source>
        <translation>Choose the card of the educator&apos;s laptop and type the fingerprint the educator reads from their screen. If they match, the device is registered and its bundles can be imported.</translation>
    </message>
    <message>
        <source>&amp;Registra il dispositivo</source>
        <translation>&amp;Register the device</translation>
    </message>
    <message>
        <source>&amp;Chiudi</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Scegli la scheda</source>
        <translation>Choose the card</translation>
    </message>
    <message>
        <source>L&apos;ufficio «{name}» è ora il tuo ufficio di fiducia.</source>
        <translation>The office “{name}” is now your trusted office.</translation>
    </message>
    <message>
        <source>Dispositivo registrato per {name}.</source>
        <translation>Device registered for {name}.</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>codice-di-recupero-PIPPI.pdf</source>
        <translation>PIPPI-recovery-code.pdf</translation>
    </message>
    <message>
        <source>Salva il codice di recupero</source>
        <translation>Save the recovery code</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>PDF salvato in {path}. Stampalo e poi cancella il file dal computer.</source>
        <translation>PDF saved in {path}. Print it, then delete the file from the computer.</translation>
    </message>
    <message>
        <source>Stampa il codice di recupero</source>
        <translation>Print the recovery code</translation>
    </message>
    <message>
        <source>Pagina inviata alla stampante.</source>
        <translation>Page sent to the printer.</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Questo non è l&apos;ultimo gruppo del codice. Controlla quello che hai annotato; puoi tornare indietro per rivederlo.</source>
        <translation>This is not the last group of the code. Check what you wrote down; you can go back to see it again.</translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message>
        <source>Conferma l&apos;eliminazione</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <source>L&apos;eliminazione resta registrata nel registro delle modifiche e arriva all&apos;ufficio con la prossima sincronizzazione.</source>
        <translation>The deletion stays recorded in the change log and reaches the office with the next sync.</translation>
    </message>
    <message>
        <source>&amp;Elimina</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>Scegli dove creare l&apos;area di lavoro</source>
        <translation>Choose where to create the workspace</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Revoca il dispositivo</source>
        <translation>Revoke the device</translation>
    </message>
    <message>
        <source>Revocare il dispositivo di {name}? I suoi prossimi pacchetti saranno rifiutati; i dati già importati restano.</source>
        <translation>Revoke {name}&apos;s device? Its next bundles will be refused; the data already imported stays.</translation>
    </message>
    <message>
        <source>&amp;Revoca</source>
        <translation>&amp;Revoke</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <source>Educatore</source>
        <translation>Educator</translation>
    </message>
    <message>
        <source>Dispositivo</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Ultimo pacchetto</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>Pacchetti mancanti</source>
        <translation>Missing bundles</translation>
    </message>
    <message>
        <source>Ultimo import</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>revocato</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>attivo (ripristinato)</source>
        <translation>active (restored)</translation>
    </message>
    <message>
        <source>attivo</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>DispositivoEditor</name>
    <message>
        <source>Dispositivo</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>&amp;Dispositivo:</source>
        <translation>&amp;Service (dispositivo):</translation>
    </message>
    <message>
        <source>Attivo &amp;dal:</source>
        <translation>Active &amp;from:</translation>
    </message>
    <message>
        <source>Attivo dal</source>
        <translation>Active from</translation>
    </message>
    <message>
        <source>Attivo &amp;fino al:</source>
        <translation>Active &amp;until:</translation>
    </message>
    <message>
        <source>Attivo fino al</source>
        <translation>Active until</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Note sul dispositivo</source>
        <translation>Notes on the service</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nuovo dispositivo – famiglia {code}</source>
        <translation>New service – family {code}</translation>
    </message>
    <message>
        <source>Dispositivo – famiglia {code}</source>
        <translation>Service – family {code}</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <source>Modifiche non salvate</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Vuoi chiudere senza salvare? Le modifiche fatte andranno perse.</source>
        <translation>Close without saving? The changes you made will be lost.</translation>
    </message>
    <message>
        <source>&amp;Chiudi senza salvare</source>
        <translation>&amp;Close without saving</translation>
    </message>
    <message>
        <source>Continua a &amp;modificare</source>
        <translation>Keep &amp;editing</translation>
    </message>
</context>
<context>
    <name>EquipeMemberEditor</name>
    <message>
        <source>Operatore dell&apos;équipe</source>
        <translation>Team member</translation>
    </message>
    <message>
        <source>&amp;Nome e cognome:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>Nome e cognome</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>&amp;Professione:</source>
        <translation>&amp;Profession:</translation>
    </message>
    <message>
        <source>Professione</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>&amp;Ente:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Ente o servizio</source>
        <translation>Organisation or service</translation>
    </message>
    <message>
        <source>Nell&apos;équipe &amp;dal:</source>
        <translation>In the team &amp;from:</translation>
    </message>
    <message>
        <source>Nell&apos;équipe dal</source>
        <translation>In the team from</translation>
    </message>
    <message>
        <source>Nell&apos;équipe &amp;fino al:</source>
        <translation>In the team &amp;until:</translation>
    </message>
    <message>
        <source>Nell&apos;équipe fino al</source>
        <translation>In the team until</translation>
    </message>
    <message>
        <source>Responsabile del caso</source>
        <translation>Case manager</translation>
    </message>
    <message>
        <source>&amp;Responsabile del caso (case manager)</source>
        <translation>&amp;Case manager</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Note sull&apos;operatore</source>
        <translation>Notes on the team member</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nuovo operatore dell&apos;équipe – famiglia {code}</source>
        <translation>New team member – family {code}</translation>
    </message>
    <message>
        <source>{name} – équipe della famiglia {code}</source>
        <translation>{name} – team of family {code}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>PIPPI Desktop – attenzione</source>
        <translation>PIPPI Desktop – warning</translation>
    </message>
    <message>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FamilyEditor</name>
    <message>
        <source>Famiglia</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>La famiglia</source>
        <translation>The family</translation>
    </message>
    <message>
        <source>&amp;Codice:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Codice della famiglia</source>
        <translation>Family code</translation>
    </message>
    <message>
        <source>assegnato automaticamente</source>
        <translation>given automatically</translation>
    </message>
    <message>
        <source>&amp;Implementazione:</source>
        <translation>&amp;Implementation:</translation>
    </message>
    <message>
        <source>Implementazione</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>&amp;Fase del percorso:</source>
        <translation>&amp;Pathway phase:</translation>
    </message>
    <message>
        <source>Fase del percorso</source>
        <translation>Pathway phase</translation>
    </message>
    <message>
        <source>Fase &amp;dal:</source>
        <translation>Phase &amp;since:</translation>
    </message>
    <message>
        <source>Data di inizio della fase</source>
        <translation>Date the phase started</translation>
    </message>
    <message>
        <source>I&amp;nizio del programma:</source>
        <translation>Programme s&amp;tart:</translation>
    </message>
    <message>
        <source>Data di inizio del programma</source>
        <translation>Programme start date</translation>
    </message>
    <message>
        <source>N&amp;ote sulla famiglia:</source>
        <translation>N&amp;otes on the family:</translation>
    </message>
    <message>
        <source>Note sulla famiglia</source>
        <translation>Notes on the family</translation>
    </message>
    <message>
        <source>Segnalazione e analisi preliminare</source>
        <translation>Referral and pre-assessment</translation>
    </message>
    <message>
        <source>Data della &amp;segnalazione:</source>
        <translation>&amp;Referral date:</translation>
    </message>
    <message>
        <source>Data della segnalazione</source>
        <translation>Referral date</translation>
    </message>
    <message>
        <source>Se&amp;gnalata da:</source>
        <translation>Referred &amp;by:</translation>
    </message>
    <message>
        <source>Chi ha segnalato la famiglia</source>
        <translation>Who referred the family</translation>
    </message>
    <message>
        <source>&amp;Esito dell&apos;analisi:</source>
        <translation>&amp;Outcome of the analysis:</translation>
    </message>
    <message>
        <source>Esito dell&apos;analisi preliminare</source>
        <translation>Outcome of the pre-assessment</translation>
    </message>
    <message>
        <source>No&amp;te dell&apos;analisi:</source>
        <translation>No&amp;tes of the analysis:</translation>
    </message>
    <message>
        <source>Note dell&apos;analisi preliminare</source>
        <translation>Pre-assessment notes</translation>
    </message>
    <message>
        <source>Conclusione</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Data di concl&amp;usione:</source>
        <translation>Closing d&amp;ate:</translation>
    </message>
    <message>
        <source>Data di conclusione</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>Esito della conc&amp;lusione:</source>
        <translation>Closing &amp;outcome:</translation>
    </message>
    <message>
        <source>Esito della conclusione (A, B o C)</source>
        <translation>Closing outcome (A, B or C)</translation>
    </message>
    <message>
        <source>Un figlio è stato allontanato da casa</source>
        <translation>A child was placed out of home</translation>
    </message>
    <message>
        <source>Un figlio è stato &amp;allontanato da casa</source>
        <translation>A child was &amp;placed out of home</translation>
    </message>
    <message>
        <source>Note della conclusio&amp;ne:</source>
        <translation>Closing &amp;notes:</translation>
    </message>
    <message>
        <source>Note della conclusione</source>
        <translation>Closing notes</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nuova famiglia</source>
        <translation>New family</translation>
    </message>
    <message>
        <source>Famiglia {code}</source>
        <translation>Family {code}</translation>
    </message>
</context>
<context>
    <name>FamilyListModel</name>
    <message>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Cognomi</source>
        <translation>Surnames</translation>
    </message>
    <message>
        <source>Fase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Implementazione</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>Componenti</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Figli</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Visite</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Ultima visita</source>
        <translation>Last visit</translation>
    </message>
</context>
<context>
    <name>FamilyListPane</name>
    <message>
        <source>Tutte le fasi</source>
        <translation>All phases</translation>
    </message>
    <message>
        <source>Tutte le implementazioni</source>
        <translation>All implementations</translation>
    </message>
    <message>
        <source>Nessuna famiglia in questa area di lavoro.
Premi «Nuova famiglia» per aggiungere la prima: il codice viene assegnato da solo.</source>
        <translation>No families in this workspace.
Press “New family” to add the first one: its code is given automatically.</translation>
    </message>
    <message>
        <source>Nessuna famiglia trovata con questa ricerca e questi filtri.
Prova con meno lettere, oppure azzera ricerca e filtri.</source>
        <translation>No family matches this search and these filters.
Try fewer letters, or clear the search and filters.</translation>
    </message>
    <message>
        <source>1 famiglia</source>
        <translation>1 family</translation>
    </message>
    <message>
        <source>{count} famiglie</source>
        <translation>{count} families</translation>
    </message>
    <message>
        <source>Famiglie</source>
        <translation>Families</translation>
    </message>
    <message>
        <source>Cerca per codice o per nome…</source>
        <translation>Search by code or name…</translation>
    </message>
    <message>
        <source>Cerca una famiglia</source>
        <translation>Search for a family</translation>
    </message>
    <message>
        <source>&amp;Fase:</source>
        <translation>&amp;Phase:</translation>
    </message>
    <message>
        <source>Filtra per fase</source>
        <translation>Filter by phase</translation>
    </message>
    <message>
        <source>&amp;Implementazione:</source>
        <translation>&amp;Implementation:</translation>
    </message>
    <message>
        <source>Filtra per implementazione</source>
        <translation>Filter by implementation</translation>
    </message>
    <message>
        <source>Elenco delle famiglie</source>
        <translation>List of families</translation>
    </message>
    <message>
        <source>&amp;Nuova famiglia…</source>
        <translation>&amp;New family…</translation>
    </message>
    <message>
        <source>&amp;Azzera ricerca e filtri</source>
        <translation>&amp;Clear search and filters</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Il codice di recupero non verrà più mostrato</source>
        <translation>The recovery code will not be shown again</translation>
    </message>
    <message>
        <source>L&apos;area di lavoro è già stata creata. Se chiudi adesso il codice di recupero non verrà più mostrato: senza il codice, se dimentichi la passphrase i dati non si possono più aprire. Chiudere comunque?</source>
        <translation>The workspace has already been created. If you close now the recovery code will not be shown again: without the code, if you forget the passphrase the data can never be opened again. Close anyway?</translation>
    </message>
    <message>
        <source>Chiudi comunque</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <source>Torna al codice</source>
        <translation>Back to the code</translation>
    </message>
    <message>
        <source>PIPPI Desktop – primo avvio</source>
        <translation>PIPPI Desktop – first start</translation>
    </message>
    <message>
        <source>&lt; &amp;Indietro</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Avanti &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Crea l&apos;area di lavoro</source>
        <translation>&amp;Create the workspace</translation>
    </message>
    <message>
        <source>&amp;Inizia</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Aiuto</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>GroupSessionEditor</name>
    <message>
        <source>Incontro di gruppo</source>
        <translation>Group session</translation>
    </message>
    <message>
        <source>&amp;Gruppo:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>Tipo di gruppo</source>
        <translation>Kind of group</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Data dell&apos;incontro</source>
        <translation>Date of the session</translation>
    </message>
    <message>
        <source>&amp;Ora di inizio:</source>
        <translation>&amp;Start time:</translation>
    </message>
    <message>
        <source>Ora di inizio</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>D&amp;urata:</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <source>Durata in minuti</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Tema:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>Tema dell&apos;incontro</source>
        <translation>Topic of the session</translation>
    </message>
    <message>
        <source>&amp;Luogo:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>Luogo dell&apos;incontro</source>
        <translation>Place of the session</translation>
    </message>
    <message>
        <source>&amp;Conduttori:</source>
        <translation>&amp;Facilitators:</translation>
    </message>
    <message>
        <source>Conduttori, uno per riga</source>
        <translation>Facilitators, one per line</translation>
    </message>
    <message>
        <source>uno per riga</source>
        <translation>one per line</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Note sull&apos;incontro</source>
        <translation>Notes on the session</translation>
    </message>
    <message>
        <source>Presenze</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Le persone invitate, di qualsiasi famiglia. Per ciascuna scegli presente, assente o assente giustificato.</source>
        <translation>The people invited, from any family. For each, choose present, absent or excused.</translation>
    </message>
    <message>
        <source>Presenze all&apos;incontro</source>
        <translation>Attendance at the session</translation>
    </message>
    <message>
        <source>&amp;Invita persone…</source>
        <translation>&amp;Invite people…</translation>
    </message>
    <message>
        <source>&amp;Togli dall&apos;elenco</source>
        <translation>&amp;Remove from the list</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Presenza di {name}</source>
        <translation>Attendance of {name}</translation>
    </message>
    <message>
        <source>Famiglia</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Presenza</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Nuovo incontro di gruppo</source>
        <translation>New group session</translation>
    </message>
    <message>
        <source>Incontro di gruppo del {date}</source>
        <translation>Group session of {date}</translation>
    </message>
</context>
<context>
    <name>GroupSessionsTab</name>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Gruppo</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Presenze della famiglia</source>
        <translation>Family attendance</translation>
    </message>
    <message>
        <source>&amp;Nuovo incontro…</source>
        <translation>&amp;New session…</translation>
    </message>
    <message>
        <source>&amp;Modifica…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Elimina…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Stam&amp;pa il registro…</source>
        <translation>&amp;Print the register…</translation>
    </message>
    <message>
        <source>Nessun incontro di gruppo per questa famiglia.
Premi «Nuovo incontro» per registrarne uno e segnare le presenze (anche di altre famiglie).</source>
        <translation>No group sessions for this family.
Press “New session” to record one and mark who attended (other families too).</translation>
    </message>
    <message>
        <source>Incontri di gruppo</source>
        <translation>Group sessions</translation>
    </message>
    <message>
        <source>Dettagli dell&apos;incontro scelto</source>
        <translation>Details of the chosen session</translation>
    </message>
    <message>
        <source>{kind} del {date}</source>
        <translation>{kind} of {date}</translation>
    </message>
    <message>
        <source>Luogo</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Conduttori</source>
        <translation>Facilitators</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Eliminare l&apos;incontro «{topic}» del {date}? Sparisce con le presenze di tutte le famiglie invitate.</source>
        <translation>Delete the session “{topic}” of {date}? It disappears with the attendance of every family invited.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Scegli i pacchetti</source>
        <translation>Choose the bundles</translation>
    </message>
    <message>
        <source>Pacchetti PIPPI (*.pippi);;Tutti i file (*)</source>
        <translation>PIPPI bundles (*.pippi);;All files (*)</translation>
    </message>
    <message>
        <source>Anteprima: nulla è stato cambiato. Pacchetti che si possono importare: {ok}; rifiutati: {refused}.</source>
        <translation>Preview: nothing was changed. Bundles that can be imported: {ok}; refused: {refused}.</translation>
    </message>
    <message>
        <source>Pacchetti importati: {ok}; rifiutati: {refused}.</source>
        <translation>Bundles imported: {ok}; refused: {refused}.</translation>
    </message>
    <message>
        <source>Mancano ancora i pacchetti n. {seqs}.</source>
        <translation>Bundles no. {seqs} are still missing.</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <source>Pacchetto</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Famiglia</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Nuovi</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Aggiornati</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Eliminati</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Conflitti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Dettagli</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>importato</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>già importato</source>
        <translation>already imported</translation>
    </message>
    <message>
        <source>rifiutato</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>si può importare</source>
        <translation>can be imported</translation>
    </message>
    <message>
        <source>(senza famiglia)</source>
        <translation>(no family)</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invita persone all&apos;incontro</source>
        <translation>Invite people to the session</translation>
    </message>
    <message>
        <source>&amp;Cerca la famiglia per codice o per nome:</source>
        <translation>&amp;Find the family by code or name:</translation>
    </message>
    <message>
        <source>Cerca una famiglia</source>
        <translation>Search for a family</translation>
    </message>
    <message>
        <source>&amp;Famiglie:</source>
        <translation>&amp;Families:</translation>
    </message>
    <message>
        <source>Famiglie trovate</source>
        <translation>Families found</translation>
    </message>
    <message>
        <source>Da &amp;invitare:</source>
        <translation>To &amp;invite:</translation>
    </message>
    <message>
        <source>Componenti da invitare</source>
        <translation>Members to invite</translation>
    </message>
    <message>
        <source>&amp;Invita</source>
        <translation>&amp;Invite</translation>
    </message>
    <message>
        <source>C&amp;hiudi</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Tutti i componenti della famiglia {code} sono già nell&apos;elenco.</source>
        <translation>Every member of family {code} is already on the list.</translation>
    </message>
    <message>
        <source>Invitate {count} persone della famiglia {code}.</source>
        <translation>Invited {count} people of family {code}.</translation>
    </message>
    <message>
        <source>Scegli una famiglia, spunta le persone da invitare e premi «Invita».</source>
        <translation>Choose a family, tick the people to invite and press “Invite”.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Nessuna famiglia aperta.
Scegli una famiglia nell&apos;elenco a sinistra per vedere la sua cartella: riepilogo, visite, incontri di gruppo, valutazioni e micro-progettazione.</source>
        <translation>No family open.
Choose a family in the list on the left to see its case file: summary, visits, group sessions, assessments and micro-planning.</translation>
    </message>
    <message>
        <source>L&apos;area di lavoro è bloccata</source>
        <translation>The workspace is locked</translation>
    </message>
    <message>
        <source>I dati sono cifrati e non si vedono. Le modifiche non salvate sono state conservate e ti verranno riproposte. Inserisci la passphrase per continuare.</source>
        <translation>The data is encrypted and hidden. Unsaved changes have been kept and will be offered back to you. Enter the passphrase to continue.</translation>
    </message>
    <message>
        <source>&amp;Sblocca…</source>
        <translation>&amp;Unlock…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>F&amp;amiglia</source>
        <translation>F&amp;amily</translation>
    </message>
    <message>
        <source>S&amp;tampa</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>&amp;Sincronizzazione</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>&amp;Aiuto</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Barra degli strumenti</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>&amp;Nuova area di lavoro…</source>
        <translation>&amp;New workspace…</translation>
    </message>
    <message>
        <source>Crea una nuova area di lavoro cifrata</source>
        <translation>Create a new encrypted workspace</translation>
    </message>
    <message>
        <source>&amp;Apri area di lavoro…</source>
        <translation>&amp;Open workspace…</translation>
    </message>
    <message>
        <source>Apri un&apos;altra area di lavoro</source>
        <translation>Open another workspace</translation>
    </message>
    <message>
        <source>&amp;Blocca</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Blocca l&apos;area di lavoro: i dati spariscono dallo schermo finché non reinserisci la passphrase (Ctrl+L)</source>
        <translation>Lock the workspace: the data disappears from the screen until you enter the passphrase again (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Nuova famiglia…</source>
        <translation>&amp;New family…</translation>
    </message>
    <message>
        <source>Aggiungi una famiglia all&apos;elenco (Ctrl+N)</source>
        <translation>Add a family to the list (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Cerca una famiglia</source>
        <translation>&amp;Find a family</translation>
    </message>
    <message>
        <source>Porta il cursore nella ricerca dell&apos;elenco (Ctrl+F)</source>
        <translation>Move to the search box of the list (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Preferenze…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Lingua e blocco automatico</source>
        <translation>Language and automatic locking</translation>
    </message>
    <message>
        <source>&amp;Esci</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Chiudi PIPPI Desktop</source>
        <translation>Close PIPPI Desktop</translation>
    </message>
    <message>
        <source>Scheda della &amp;visita…</source>
        <translation>&amp;Visit sheet…</translation>
    </message>
    <message>
        <source>La scheda della visita scelta in «Visite» (l&apos;ultima, se non ne hai scelta una), con gli accordi e le firme</source>
        <translation>The sheet of the visit chosen in &quot;Visits&quot; (the latest, if you chose none), with what was agreed and the signatures</translation>
    </message>
    <message>
        <source>&amp;Triangolo della valutazione…</source>
        <translation>Assessment &amp;triangle…</translation>
    </message>
    <message>
        <source>La valutazione scelta in «Valutazioni», con il triangolo disegnato e T0, T1 e T2 sovrapposti</source>
        <translation>The assessment chosen in &quot;Assessments&quot;, with the triangle drawn and T0, T1 and T2 overlaid</translation>
    </message>
    <message>
        <source>Registro delle &amp;presenze…</source>
        <translation>&amp;Attendance register…</translation>
    </message>
    <message>
        <source>Il registro dell&apos;incontro di gruppo scelto in «Incontri di gruppo», con la colonna per le firme</source>
        <translation>The register of the group session chosen in &quot;Group sessions&quot;, with a column for signatures</translation>
    </message>
    <message>
        <source>&amp;Relazione di percorso della famiglia…</source>
        <translation>Family &amp;progress report…</translation>
    </message>
    <message>
        <source>Fasi, dispositivi, visite per mese, triangoli a confronto e micro-progettazione</source>
        <translation>Phases, dispositivi, visits per month, triangles compared and the micro-project</translation>
    </message>
    <message>
        <source>Triangolo da &amp;compilare a mano…</source>
        <translation>&amp;Blank triangle form…</translation>
    </message>
    <message>
        <source>Tutte le sottodimensioni con le caselle dei punteggi e le righe per scrivere</source>
        <translation>Every sub-dimension with score boxes and lines to write on</translation>
    </message>
    <message>
        <source>&amp;Invia all&apos;ufficio…</source>
        <translation>&amp;Send to the office…</translation>
    </message>
    <message>
        <source>Scrivi il pacchetto delle modifiche per l&apos;ufficio d&apos;Ambito, su una chiavetta o in una cartella</source>
        <translation>Write the bundle of changes for the Ambito office, onto a USB stick or into a folder</translation>
    </message>
    <message>
        <source>&amp;Importa pacchetti…</source>
        <translation>&amp;Import bundles…</translation>
    </message>
    <message>
        <source>Importa i pacchetti ricevuti dagli educatori, con un&apos;anteprima di cosa cambia</source>
        <translation>Import the bundles received from the educators, with a preview of what changes</translation>
    </message>
    <message>
        <source>&amp;Dispositivi…</source>
        <translation>&amp;Devices…</translation>
    </message>
    <message>
        <source>I portatili registrati: ultimo pacchetto, pacchetti mancanti, revoca</source>
        <translation>The registered laptops: last bundle, missing bundles, revocation</translation>
    </message>
    <message>
        <source>&amp;Collega l&apos;ufficio…</source>
        <translation>&amp;Connect the office…</translation>
    </message>
    <message>
        <source>Leggi la scheda dell&apos;ufficio e confronta l&apos;impronta letta di persona</source>
        <translation>Read the office card and compare the fingerprint read out in person</translation>
    </message>
    <message>
        <source>Scheda di &amp;questo portatile…</source>
        <translation>Card of &amp;this laptop…</translation>
    </message>
    <message>
        <source>Scrivi la scheda di questo portatile da consegnare all&apos;ufficio</source>
        <translation>Write this laptop&apos;s card to hand to the office</translation>
    </message>
    <message>
        <source>Scheda dell&apos;&amp;ufficio…</source>
        <translation>&amp;Office card…</translation>
    </message>
    <message>
        <source>Scrivi la scheda dell&apos;ufficio da consegnare agli educatori</source>
        <translation>Write the office card to hand to the educators</translation>
    </message>
    <message>
        <source>&amp;Registra un portatile…</source>
        <translation>&amp;Register a laptop…</translation>
    </message>
    <message>
        <source>Leggi la scheda di un portatile e confronta l&apos;impronta letta di persona</source>
        <translation>Read a laptop&apos;s card and compare the fingerprint read out in person</translation>
    </message>
    <message>
        <source>&amp;Informazioni su PIPPI Desktop</source>
        <translation>&amp;About PIPPI Desktop</translation>
    </message>
    <message>
        <source>Versione e scopo dell&apos;applicazione</source>
        <translation>Version and purpose of the application</translation>
    </message>
    <message>
        <source>Educatore/educatrice domiciliare</source>
        <translation>Home educator</translation>
    </message>
    <message>
        <source>Ufficio d&apos;Ambito</source>
        <translation>Ambito office</translation>
    </message>
    <message>
        <source>{name} – PIPPI Desktop</source>
        <translation>{name} – PIPPI Desktop</translation>
    </message>
    <message>
        <source>Area di lavoro: {name}</source>
        <translation>Workspace: {name}</translation>
    </message>
    <message>
        <source>Sbloccata</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Area di lavoro bloccata: {folder}</source>
        <translation>Workspace locked: {folder}</translation>
    </message>
    <message>
        <source>Nessuna area di lavoro aperta</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <source>Bloccata</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>MicroProjectEditor</name>
    <message>
        <source>Obiettivo della micro-progettazione</source>
        <translation>Micro-project objective</translation>
    </message>
    <message>
        <source>&amp;Per:</source>
        <translation>&amp;For:</translation>
    </message>
    <message>
        <source>Per chi è l&apos;obiettivo</source>
        <translation>Who the objective is for</translation>
    </message>
    <message>
        <source>&amp;Sottodimensione:</source>
        <translation>&amp;Sub-dimension:</translation>
    </message>
    <message>
        <source>Sottodimensione del triangolo</source>
        <translation>Sub-dimension of the triangle</translation>
    </message>
    <message>
        <source>&amp;Obiettivo:</source>
        <translation>&amp;Objective:</translation>
    </message>
    <message>
        <source>Obiettivo</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>&amp;Risultati attesi:</source>
        <translation>&amp;Expected results:</translation>
    </message>
    <message>
        <source>Risultati attesi</source>
        <translation>Expected results</translation>
    </message>
    <message>
        <source>&amp;Azioni:</source>
        <translation>&amp;Actions:</translation>
    </message>
    <message>
        <source>Azioni</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Chi fa che cosa</source>
        <translation>Who does what</translation>
    </message>
    <message>
        <source>Dalla famiglia:</source>
        <translation>From the family:</translation>
    </message>
    <message>
        <source>Responsabili della famiglia</source>
        <translation>Family members responsible</translation>
    </message>
    <message>
        <source>Dall&apos;équipe:</source>
        <translation>From the team:</translation>
    </message>
    <message>
        <source>Responsabili dell&apos;équipe</source>
        <translation>Team members responsible</translation>
    </message>
    <message>
        <source>Al&amp;tri:</source>
        <translation>O&amp;thers:</translation>
    </message>
    <message>
        <source>Altri responsabili</source>
        <translation>Other people responsible</translation>
    </message>
    <message>
        <source>S&amp;cadenza:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Verifica</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>&amp;Esito:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>Esito della verifica</source>
        <translation>Outcome of the check</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>Note della verifica</source>
        <translation>Notes of the check</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tutta la famiglia</source>
        <translation>The whole family</translation>
    </message>
    <message>
        <source>Nuovo obiettivo – famiglia {code}</source>
        <translation>New objective – family {code}</translation>
    </message>
    <message>
        <source>Obiettivo della micro-progettazione – famiglia {code}</source>
        <translation>Micro-project objective – family {code}</translation>
    </message>
</context>
<context>
    <name>MicroProjectTab</name>
    <message>
        <source>Per</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Sottodimensione</source>
        <translation>Sub-dimension</translation>
    </message>
    <message>
        <source>Obiettivo</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Verifica</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Famiglia</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>&amp;Nuovo obiettivo…</source>
        <translation>&amp;New objective…</translation>
    </message>
    <message>
        <source>&amp;Modifica…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Elimina…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Nessun obiettivo nella micro-progettazione.
Premi «Nuovo obiettivo» e scegli la sottodimensione del triangolo su cui lavorare.</source>
        <translation>No objectives in the micro-project.
Press “New objective” and choose the sub-dimension of the triangle to work on.</translation>
    </message>
    <message>
        <source>Obiettivi della micro-progettazione</source>
        <translation>Objectives of the micro-project</translation>
    </message>
    <message>
        <source>Dettagli dell&apos;obiettivo scelto</source>
        <translation>Details of the chosen objective</translation>
    </message>
    <message>
        <source>Risultati attesi</source>
        <translation>Expected results</translation>
    </message>
    <message>
        <source>Azioni</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Chi fa che cosa</source>
        <translation>Who does what</translation>
    </message>
    <message>
        <source>Eliminare l&apos;obiettivo «{objective}»?</source>
        <translation>Delete the objective “{objective}”?</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>La passphrase protegge i dati delle famiglie: senza di essa nessuno può leggerli, nemmeno chi trova o ruba il portatile. Usa almeno 10 caratteri: meglio una frase di quattro o più parole che ricorderai facilmente, per esempio «il treno delle sette passa sul ponte». Non usare password comuni (come «password123») né sequenze di tasti (come «qwertyuiop»).</source>
        <translation>The passphrase protects the families&apos; data: without it nobody can read it, not even someone who finds or steals the laptop. Use at least 10 characters: better a sentence of four or more words that you will easily remember, for example “the seven o&apos;clock train crosses the bridge”. Do not use common passwords (like “password123”) or runs of keys (like “qwertyuiop”).</translation>
    </message>
    <message>
        <source>&amp;Nuova passphrase:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <source>Nuova passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Robustezza:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Robustezza della passphrase</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <source>Non accettabile</source>
        <translation>Not acceptable</translation>
    </message>
    <message>
        <source>Sufficiente</source>
        <translation>Sufficient</translation>
    </message>
    <message>
        <source>Discreta</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Buona</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Ottima</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>Ancora vuota</source>
        <translation>Still empty</translation>
    </message>
    <message>
        <source>&amp;Ripeti la passphrase:</source>
        <translation>&amp;Repeat the passphrase:</translation>
    </message>
    <message>
        <source>Ripeti la nuova passphrase</source>
        <translation>Repeat the new passphrase</translation>
    </message>
    <message>
        <source>&amp;Mostra i caratteri</source>
        <translation>&amp;Show the characters</translation>
    </message>
    <message>
        <source>Mostra la passphrase mentre la scrivi (fallo solo se nessuno guarda lo schermo)</source>
        <translation>Show the passphrase while you type it (only when nobody is looking at the screen)</translation>
    </message>
    <message>
        <source>Attenzione: il blocco delle maiuscole (Bloc Maiusc) sembra attivo.</source>
        <translation>Careful: Caps Lock seems to be on.</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Componente della famiglia</source>
        <translation>Family member</translation>
    </message>
    <message>
        <source>&amp;Nome:</source>
        <translation>&amp;Given name:</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Cognome:</source>
        <translation>&amp;Family name:</translation>
    </message>
    <message>
        <source>Cognome</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>&amp;Ruolo nella famiglia:</source>
        <translation>&amp;Role in the family:</translation>
    </message>
    <message>
        <source>Ruolo nella famiglia</source>
        <translation>Role in the family</translation>
    </message>
    <message>
        <source>&amp;Data di nascita:</source>
        <translation>&amp;Birth date:</translation>
    </message>
    <message>
        <source>Data di nascita</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>&amp;Sesso:</source>
        <translation>&amp;Sex:</translation>
    </message>
    <message>
        <source>Sesso</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Sc&amp;uola:</source>
        <translation>Sc&amp;hool:</translation>
    </message>
    <message>
        <source>Scuola frequentata</source>
        <translation>School attended</translation>
    </message>
    <message>
        <source>C&amp;lasse:</source>
        <translation>C&amp;lass:</translation>
    </message>
    <message>
        <source>Classe o sezione</source>
        <translation>Class or section</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Note sul componente</source>
        <translation>Notes on the family member</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nuovo componente – famiglia {code}</source>
        <translation>New family member – family {code}</translation>
    </message>
    <message>
        <source>{name} – famiglia {code}</source>
        <translation>{name} – family {code}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferenze</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>&amp;Lingua:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Lingua dell&apos;applicazione</source>
        <translation>Language of the application</translation>
    </message>
    <message>
        <source>&amp;Blocco automatico dopo:</source>
        <translation>&amp;Lock automatically after:</translation>
    </message>
    <message>
        <source>Minuti di inattività prima del blocco automatico</source>
        <translation>Idle minutes before the automatic lock</translation>
    </message>
    <message>
        <source> minuti di inattività</source>
        <translation> idle minutes</translation>
    </message>
    <message>
        <source>Quando nessuno usa il computer per questo tempo, l&apos;area di lavoro si blocca da sola; le modifiche non salvate sono conservate.</source>
        <translation>When nobody uses the computer for this long, the workspace locks itself; unsaved changes are kept.</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Documenti PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Salva il PDF</source>
        <translation>Save the PDF</translation>
    </message>
    <message>
        <source>Preparazione del PDF…</source>
        <translation>Preparing the PDF…</translation>
    </message>
    <message>
        <source>PDF salvato in {path}</source>
        <translation>PDF saved in {path}</translation>
    </message>
</context>
<context>
    <name>RecordListTab</name>
    <message>
        <source>Elenco</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Dettagli della riga scelta</source>
        <translation>Details of the chosen row</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recupera l&apos;accesso</source>
        <translation>Recover access</translation>
    </message>
    <message>
        <source>Se hai dimenticato la passphrase puoi sceglierne una nuova con il codice di recupero che ti è stato mostrato quando hai creato l&apos;area di lavoro: 8 gruppi di 4 caratteri separati da trattini. I dati non cambiano.</source>
        <translation>If you have forgotten the passphrase you can choose a new one with the recovery code you were shown when you created the workspace: 8 groups of 4 characters separated by hyphens. The data does not change.</translation>
    </message>
    <message>
        <source>&amp;Codice di recupero:</source>
        <translation>Recovery &amp;code:</translation>
    </message>
    <message>
        <source>Codice di recupero</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Impostazione della nuova passphrase in corso…</source>
        <translation>Setting the new passphrase…</translation>
    </message>
    <message>
        <source>Operazione in corso</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Imposta la nuova passphrase</source>
        <translation>&amp;Set the new passphrase</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>PIPPI Desktop – codice di recupero</source>
        <translation>PIPPI Desktop – recovery code</translation>
    </message>
    <message>
        <source>Area di lavoro: {name}
Creata il {date}</source>
        <translation>Workspace: {name}
Created on {date}</translation>
    </message>
    <message>
        <source>Questo codice serve solo se dimentichi la passphrase: con il codice puoi sceglierne una nuova (pulsante «Ho dimenticato la passphrase» nella finestra di sblocco).</source>
        <translation>You need this code only if you forget the passphrase: with the code you can choose a new one (the “I forgot the passphrase” button in the unlock window).</translation>
    </message>
    <message>
        <source>Chi ha questo codice può aprire l&apos;area di lavoro e leggere i dati delle famiglie. Conserva questo foglio in un posto sicuro e chiuso, lontano dal portatile. Non fotografarlo, non inviarlo per e-mail e non salvarlo sul portatile stesso.</source>
        <translation>Whoever has this code can open the workspace and read the families&apos; data. Keep this sheet in a safe, locked place, away from the laptop. Do not photograph it, do not e-mail it and do not save it on the laptop itself.</translation>
    </message>
    <message>
        <source>Maiuscole, spazi e trattini non contano; la lettera O si legge come zero e le lettere I e L come uno.</source>
        <translation>Upper or lower case, spaces and hyphens do not matter; the letter O reads as zero and the letters I and L as one.</translation>
    </message>
    <message>
        <source>Codice di recupero</source>
        <translation>Recovery code</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Scegli la cartella o la chiavetta</source>
        <translation>Choose the folder or the USB stick</translation>
    </message>
    <message>
        <source>La cartella indicata non esiste o non è raggiungibile.</source>
        <translation>The folder given does not exist or cannot be reached.</translation>
    </message>
    <message>
        <source>Nessuna modifica nuova da inviare: nessun file è stato scritto.</source>
        <translation>No new change to send: no file was written.</translation>
    </message>
    <message>
        <source>Pacchetto n. {seq} scritto ({count} modifiche):
{file}
È cifrato per l&apos;ufficio: portalo o invialo come allegato.</source>
        <translation>Bundle no. {seq} written ({count} changes):
{file}
It is encrypted for the office: take it there or send it as an attachment.</translation>
    </message>
    <message>
        <source>Restano {count} modifiche per il prossimo pacchetto.</source>
        <translation>{count} changes are left for the next bundle.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Scegli la cartella dell&apos;area di lavoro</source>
        <translation>Choose the workspace folder</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ruolo</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Nascita</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Scuola</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Professione</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>Ente</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Dispositivo</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Dal</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Al</source>
        <translation>To</translation>
    </message>
    <message>
        <source>{name} (responsabile del caso)</source>
        <translation>{name} (case manager)</translation>
    </message>
    <message>
        <source>Implementazione: {name}</source>
        <translation>Implementation: {name}</translation>
    </message>
    <message>
        <source>Segnalazione: {when}</source>
        <translation>Referral: {when}</translation>
    </message>
    <message>
        <source>Analisi preliminare: {outcome}</source>
        <translation>Pre-assessment: {outcome}</translation>
    </message>
    <message>
        <source>Inizio: {date}</source>
        <translation>Start: {date}</translation>
    </message>
    <message>
        <source>Conclusione: {date} {variant}</source>
        <translation>Closing: {date} {variant}</translation>
    </message>
    <message>
        <source>un figlio è stato allontanato da casa</source>
        <translation>a child was placed out of home</translation>
    </message>
    <message>
        <source>Nessun componente registrato. Premi «Aggiungi…» per inserire genitori e figli.</source>
        <translation>No family members recorded. Press “Add…” to enter parents and children.</translation>
    </message>
    <message>
        <source>Nessun operatore. Premi «Aggiungi…» per comporre l&apos;équipe multidisciplinare.</source>
        <translation>No team members. Press “Add…” to form the multidisciplinary team.</translation>
    </message>
    <message>
        <source>Nessun dispositivo attivato. Premi «Aggiungi…» per registrarne uno.</source>
        <translation>No service in place. Press “Add…” to record one.</translation>
    </message>
    <message>
        <source>Eliminare {name} dai componenti della famiglia?</source>
        <translation>Remove {name} from the family members?</translation>
    </message>
    <message>
        <source>Togliere {name} dall&apos;équipe?</source>
        <translation>Remove {name} from the team?</translation>
    </message>
    <message>
        <source>Eliminare il dispositivo «{kind}»?</source>
        <translation>Delete the service “{kind}”?</translation>
    </message>
    <message>
        <source>Componenti della famiglia</source>
        <translation>Family members</translation>
    </message>
    <message>
        <source>Aggiungi…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Aggiungi un componente</source>
        <translation>Add a family member</translation>
    </message>
    <message>
        <source>Modifica…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Modifica un componente</source>
        <translation>Edit a family member</translation>
    </message>
    <message>
        <source>Elimina…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Elimina un componente</source>
        <translation>Delete a family member</translation>
    </message>
    <message>
        <source>Équipe multidisciplinare</source>
        <translation>Multidisciplinary team</translation>
    </message>
    <message>
        <source>Aggiungi un operatore dell&apos;équipe</source>
        <translation>Add a team member</translation>
    </message>
    <message>
        <source>Modifica un operatore dell&apos;équipe</source>
        <translation>Edit a team member</translation>
    </message>
    <message>
        <source>Elimina un operatore dell&apos;équipe</source>
        <translation>Delete a team member</translation>
    </message>
    <message>
        <source>Dispositivi</source>
        <translation>Services (dispositivi)</translation>
    </message>
    <message>
        <source>Aggiungi un dispositivo</source>
        <translation>Add a service</translation>
    </message>
    <message>
        <source>Modifica un dispositivo</source>
        <translation>Edit a service</translation>
    </message>
    <message>
        <source>Elimina un dispositivo</source>
        <translation>Delete a service</translation>
    </message>
    <message>
        <source>Dispositivi attivati</source>
        <translation>Services in place</translation>
    </message>
    <message>
        <source>Percorso</source>
        <translation>Pathway</translation>
    </message>
    <message>
        <source>Cambia &amp;fase…</source>
        <translation>Change &amp;phase…</translation>
    </message>
    <message>
        <source>Fasi del percorso</source>
        <translation>Phases of the pathway</translation>
    </message>
</context>
<context>
    <name>SyncCardDialog</name>
    <message>
        <source>Scheda per la fiducia</source>
        <translation>Trust card</translation>
    </message>
    <message>
        <source>&amp;File della scheda:</source>
        <translation>Card &amp;file:</translation>
    </message>
    <message>
        <source>File della scheda</source>
        <translation>Card file</translation>
    </message>
    <message>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Scrivi la scheda</source>
        <translation>&amp;Write the card</translation>
    </message>
    <message>
        <source>Impronta da confrontare di persona:</source>
        <translation>Fingerprint to compare in person:</translation>
    </message>
    <message>
        <source>&amp;Chiudi</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>SyncCheckCardDialog</name>
    <message>
        <source>Confronta l&apos;impronta</source>
        <translation>Compare the fingerprint</translation>
    </message>
    <message>
        <source>&amp;Scheda:</source>
        <translation>&amp;Card:</translation>
    </message>
    <message>
        <source>File della scheda</source>
        <translation>Card file</translation>
    </message>
    <message>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Nome:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Impronta della scheda:</source>
        <translation>The card&apos;s fingerprint:</translation>
    </message>
    <message>
        <source>&amp;Impronta letta di persona:</source>
        <translation>Fingerprint &amp;read in person:</translation>
    </message>
    <message>
        <source>Impronta letta di persona</source>
        <translation>Fingerprint read in person</translation>
    </message>
    <message>
        <source>&amp;Educatore o educatrice:</source>
        <translation>&amp;Educator:</translation>
    </message>
    <message>
        <source>Nome dell&apos;educatore o dell&apos;educatrice</source>
        <translation>The educator&apos;s name</translation>
    </message>
    <message>
        <source>Operazione in corso</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncDevicesDialog</name>
    <message>
        <source>Dispositivi registrati</source>
        <translation>Registered devices</translation>
    </message>
    <message>
        <source>I portatili degli educatori registrati da questo ufficio, con l&apos;ultimo pacchetto ricevuto e quelli che mancano. Un dispositivo revocato non può più inviare pacchetti; i dati già importati restano.</source>
        <translation>The educators&apos; laptops registered by this office, with the last bundle received and the ones missing. A revoked device can no longer send bundles; the data already imported stays.</translation>
    </message>
    <message>
        <source>A&amp;ggiorna</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>&amp;Revoca…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>&amp;Chiudi</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>SyncImportDialog</name>
    <message>
        <source>Importa pacchetti</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>Scegli i pacchetti ricevuti dagli educatori. L&apos;anteprima mostra che cosa cambierebbe per ogni famiglia senza cambiare nulla; un pacchetto rifiutato non cambia nulla e ne viene detto il motivo.</source>
        <translation>Choose the bundles received from the educators. The preview shows what would change for each family without changing anything; a refused bundle changes nothing and the reason is given.</translation>
    </message>
    <message>
        <source>Pacchetti scelti</source>
        <translation>Bundles chosen</translation>
    </message>
    <message>
        <source>&amp;Aggiungi file…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <source>&amp;Togli</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Risultato per pacchetto e per famiglia</source>
        <translation>Result per bundle and per family</translation>
    </message>
    <message>
        <source>Lettura dei pacchetti in corso…</source>
        <translation>Reading the bundles…</translation>
    </message>
    <message>
        <source>Operazione in corso</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <source>&amp;Chiudi</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Anteprima</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>&amp;Importa</source>
        <translation>&amp;Import</translation>
    </message>
</context>
<context>
    <name>SyncSendDialog</name>
    <message>
        <source>Invia all&apos;ufficio</source>
        <translation>Send to the office</translation>
    </message>
    <message>
        <source>Il pacchetto contiene le modifiche non ancora inviate, firmate e cifrate per l&apos;ufficio: chi trova la chiavetta non può leggerlo. Il nome del file non contiene dati personali.</source>
        <translation>The bundle holds the changes not sent yet, signed and encrypted for the office: whoever finds the USB stick cannot read it. The file name holds no personal data.</translation>
    </message>
    <message>
        <source>&amp;Cartella o chiavetta:</source>
        <translation>&amp;Folder or USB stick:</translation>
    </message>
    <message>
        <source>Cartella di destinazione</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Scrittura e verifica del pacchetto in corso…</source>
        <translation>Writing and checking the bundle…</translation>
    </message>
    <message>
        <source>Operazione in corso</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <source>&amp;Chiudi</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Scrivi il pacchetto</source>
        <translation>&amp;Write the bundle</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Questa area di lavoro non ha ancora un ufficio di fiducia: prima importa la scheda dell&apos;ufficio e confronta l&apos;impronta.</source>
        <translation>This workspace has no trusted office yet: first import the office card and compare the fingerprint.</translation>
    </message>
    <message>
        <source>Ufficio: {office}. Modifiche da inviare: {count}.</source>
        <translation>Office: {office}. Changes to send: {count}.</translation>
    </message>
    <message>
        <source>Ultimo pacchetto: n. {seq}, del {when}.</source>
        <translation>Last bundle: no. {seq}, of {when}.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>{count} modifiche da inviare</source>
        <translation>{count} changes to send</translation>
    </message>
    <message>
        <source>ultimo pacchetto {day}</source>
        <translation>last bundle {day}</translation>
    </message>
</context>
<context>
    <name>TriangleView</name>
    <message>
        <source>sottodimensione con obiettivi nella micro-progettazione</source>
        <translation>sub-dimension with micro-project objectives</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Sblocca l&apos;area di lavoro</source>
        <translation>Unlock the workspace</translation>
    </message>
    <message>
        <source>Inserisci la passphrase per aprire l&apos;area di lavoro.</source>
        <translation>Enter the passphrase to open the workspace.</translation>
    </message>
    <message>
        <source>Area di lavoro:</source>
        <translation>Workspace:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase dell&apos;area di lavoro</source>
        <translation>Workspace passphrase</translation>
    </message>
    <message>
        <source>La frase segreta scelta quando è stata creata l&apos;area di lavoro</source>
        <translation>The secret sentence chosen when the workspace was created</translation>
    </message>
    <message>
        <source>Attenzione: il blocco delle maiuscole (Bloc Maiusc) sembra attivo.</source>
        <translation>Careful: Caps Lock seems to be on.</translation>
    </message>
    <message>
        <source>Sblocco in corso: può richiedere qualche secondo…</source>
        <translation>Unlocking: this can take a few seconds…</translation>
    </message>
    <message>
        <source>Sblocco in corso</source>
        <translation>Unlocking</translation>
    </message>
    <message>
        <source>&amp;Ho dimenticato la passphrase…</source>
        <translation>&amp;I forgot the passphrase…</translation>
    </message>
    <message>
        <source>Scegli una nuova passphrase con il codice di recupero</source>
        <translation>Choose a new passphrase with the recovery code</translation>
    </message>
    <message>
        <source>&amp;Altra area di lavoro…</source>
        <translation>&amp;Another workspace…</translation>
    </message>
    <message>
        <source>Apri o crea un&apos;altra area di lavoro</source>
        <translation>Open or create another workspace</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>S&amp;blocca</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Troppi tentativi sbagliati di seguito ({count}). Per sicurezza puoi riprovare tra {time}. Se non ricordi la passphrase usa il codice di recupero.</source>
        <translation>Too many wrong attempts in a row ({count}). For safety you can try again in {time}. If you do not remember the passphrase, use the recovery code.</translation>
    </message>
    <message>
        <source>Scrivi la passphrase.</source>
        <translation>Type the passphrase.</translation>
    </message>
    <message>
        <source>Area di lavoro: {folder}</source>
        <translation>Workspace: {folder}</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Nuova visita – famiglia {code}</source>
        <translation>New visit – family {code}</translation>
    </message>
    <message>
        <source>Visita del {date} – famiglia {code}</source>
        <translation>Visit of {date} – family {code}</translation>
    </message>
    <message>
        <source>Visita</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Data della visita</source>
        <translation>Date of the visit</translation>
    </message>
    <message>
        <source>&amp;Ora di inizio:</source>
        <translation>&amp;Start time:</translation>
    </message>
    <message>
        <source>Ora di inizio</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>D&amp;urata:</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <source>Durata in minuti</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Luogo:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>Luogo della visita</source>
        <translation>Place of the visit</translation>
    </message>
    <message>
        <source>&amp;Educatore/educatrice:</source>
        <translation>&amp;Educator:</translation>
    </message>
    <message>
        <source>Educatore o educatrice</source>
        <translation>Educator</translation>
    </message>
    <message>
        <source>Presenti della famiglia</source>
        <translation>Family members present</translation>
    </message>
    <message>
        <source>Operatori dell&apos;équipe presenti</source>
        <translation>Team members present</translation>
    </message>
    <message>
        <source>&amp;Attività svolte:</source>
        <translation>&amp;Activities:</translation>
    </message>
    <message>
        <source>Attività svolte</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>&amp;Note della visita:</source>
        <translation>&amp;Notes of the visit:</translation>
    </message>
    <message>
        <source>Note della visita</source>
        <translation>Notes of the visit</translation>
    </message>
    <message>
        <source>Obiettivi della micro-progettazione lavorati</source>
        <translation>Micro-project objectives worked on</translation>
    </message>
    <message>
        <source>Obiettivi lavorati</source>
        <translation>Objectives worked on</translation>
    </message>
    <message>
        <source>Prossimo appuntamento</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <source>Da&amp;ta:</source>
        <translation>Da&amp;te:</translation>
    </message>
    <message>
        <source>Data del prossimo appuntamento</source>
        <translation>Date of the next appointment</translation>
    </message>
    <message>
        <source>O&amp;ra:</source>
        <translation>Ti&amp;me:</translation>
    </message>
    <message>
        <source>Ora del prossimo appuntamento</source>
        <translation>Time of the next appointment</translation>
    </message>
    <message>
        <source>Not&amp;e:</source>
        <translation>Not&amp;es:</translation>
    </message>
    <message>
        <source>Note sul prossimo appuntamento</source>
        <translation>Notes on the next appointment</translation>
    </message>
    <message>
        <source>Ctrl+S salva · Esc chiude</source>
        <translation>Ctrl+S saves · Esc closes</translation>
    </message>
    <message>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Ora</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Durata</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Luogo</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Presenti</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Attività</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>&amp;Nuova visita…</source>
        <translation>&amp;New visit…</translation>
    </message>
    <message>
        <source>&amp;Modifica…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Elimina…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Stam&amp;pa la scheda…</source>
        <translation>&amp;Print the sheet…</translation>
    </message>
    <message>
        <source>Nessuna visita registrata.
Premi «Nuova visita» per registrare la prima: data, presenti, attività e note.</source>
        <translation>No visits recorded.
Press “New visit” to record the first one: date, who was there, activities and notes.</translation>
    </message>
    <message>
        <source>Visite domiciliari</source>
        <translation>Home visits</translation>
    </message>
    <message>
        <source>Dettagli della visita scelta</source>
        <translation>Details of the chosen visit</translation>
    </message>
    <message>
        <source>Visita del {date}</source>
        <translation>Visit of {date}</translation>
    </message>
    <message>
        <source>Attività svolte</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Obiettivi lavorati</source>
        <translation>Objectives worked on</translation>
    </message>
    <message>
        <source>Prossimo appuntamento</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <source>Eliminare la visita del {date}?</source>
        <translation>Delete the visit of {date}?</translation>
    </message>
</context>
<context>
    <name>WizardCodePage</name>
    <message>
        <source>Il codice di recupero</source>
        <translation>The recovery code</translation>
    </message>
    <message>
        <source>Se dimentichi la passphrase, è l&apos;unico modo per riaprire l&apos;area di lavoro.</source>
        <translation>If you forget the passphrase, it is the only way to open the workspace again.</translation>
    </message>
    <message>
        <source>Codice di recupero</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Scrivilo su carta, oppure salvalo come PDF e stampalo, e conservalo in un posto sicuro lontano dal portatile (per esempio in ufficio, in un armadio chiuso). Chi ha questo codice può aprire l&apos;area di lavoro. Dopo questa procedura non verrà più mostrato.</source>
        <translation>Write it on paper, or save it as a PDF and print it, and keep it in a safe place away from the laptop (for example in a locked cupboard at the office). Whoever has this code can open the workspace. After this procedure it will not be shown again.</translation>
    </message>
    <message>
        <source>Salva come &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>Salva una pagina con il codice e le istruzioni, da stampare e conservare</source>
        <translation>Save a page with the code and the instructions, to print and keep</translation>
    </message>
    <message>
        <source>&amp;Stampa…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Stampa una pagina con il codice e le istruzioni</source>
        <translation>Print a page with the code and the instructions</translation>
    </message>
</context>
<context>
    <name>WizardConfirmPage</name>
    <message>
        <source>Conferma il codice di recupero</source>
        <translation>Confirm the recovery code</translation>
    </message>
    <message>
        <source>Per essere sicuri che tu l&apos;abbia conservato prima di continuare.</source>
        <translation>To be sure you have kept it before going on.</translation>
    </message>
    <message>
        <source>Scrivi l&apos;ultimo gruppo di quattro caratteri del codice di recupero, quello dopo l&apos;ultimo trattino. Se non l&apos;hai annotato, torna indietro e fallo ora.</source>
        <translation>Type the last group of four characters of the recovery code, the one after the last hyphen. If you have not written it down, go back and do it now.</translation>
    </message>
    <message>
        <source>&amp;Ultimo gruppo:</source>
        <translation>&amp;Last group:</translation>
    </message>
    <message>
        <source>Ultimo gruppo del codice di recupero</source>
        <translation>Last group of the recovery code</translation>
    </message>
</context>
<context>
    <name>WizardDetailsPage</name>
    <message>
        <source>La nuova area di lavoro</source>
        <translation>The new workspace</translation>
    </message>
    <message>
        <source>Chi la userà, con quale nome e in quale cartella salvarla.</source>
        <translation>Who will use it, its name and the folder to save it in.</translation>
    </message>
    <message>
        <source>Ruolo:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>&amp;Educatore o educatrice domiciliare</source>
        <translation>&amp;Home educator</translation>
    </message>
    <message>
        <source>Ruolo: educatore o educatrice domiciliare</source>
        <translation>Role: home educator</translation>
    </message>
    <message>
        <source>&amp;Ufficio d&apos;Ambito (referente territoriale, coach, amministrazione)</source>
        <translation>Ambito &amp;office (local coordinator, coach, administration)</translation>
    </message>
    <message>
        <source>Ruolo: ufficio d&apos;Ambito</source>
        <translation>Role: Ambito office</translation>
    </message>
    <message>
        <source>&amp;Nome:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Per esempio: Educativa domiciliare – Ambito Valle Sud</source>
        <translation>For example: Home education – Ambito Valle Sud</translation>
    </message>
    <message>
        <source>Nome dell&apos;area di lavoro</source>
        <translation>Name of the workspace</translation>
    </message>
    <message>
        <source>Compare nel titolo della finestra e sulle schede stampate. Non scrivere nomi di famiglie o di bambini.</source>
        <translation>It appears in the window title and on printed sheets. Do not write names of families or children.</translation>
    </message>
    <message>
        <source>&amp;Cartella:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Cartella della nuova area di lavoro</source>
        <translation>Folder of the new workspace</translation>
    </message>
    <message>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Scegli in quale cartella creare l&apos;area di lavoro</source>
        <translation>Choose the folder to create the workspace in</translation>
    </message>
    <message>
        <source>I dati saranno salvati qui, cifrati. Scegli una cartella del tuo computer, non una chiavetta USB né una cartella condivisa.</source>
        <translation>The data will be saved here, encrypted. Choose a folder on your computer, not a USB stick or a shared folder.</translation>
    </message>
</context>
<context>
    <name>WizardPassphrasePage</name>
    <message>
        <source>La passphrase</source>
        <translation>The passphrase</translation>
    </message>
    <message>
        <source>La chiederemo ogni volta che apri PIPPI Desktop e dopo ogni blocco.</source>
        <translation>You will be asked for it every time you open PIPPI Desktop and after every lock.</translation>
    </message>
    <message>
        <source>Creazione dell&apos;area di lavoro in corso: può richiedere qualche secondo…</source>
        <translation>Creating the workspace: this can take a few seconds…</translation>
    </message>
    <message>
        <source>Creazione in corso</source>
        <translation>Creating</translation>
    </message>
</context>
<context>
    <name>WizardStartPage</name>
    <message>
        <source>Benvenuto in PIPPI Desktop</source>
        <translation>Welcome to PIPPI Desktop</translation>
    </message>
    <message>
        <source>I dati delle famiglie restano su questo computer, cifrati in un&apos;area di lavoro protetta da una passphrase.</source>
        <translation>The families&apos; data stays on this computer, encrypted in a workspace protected by a passphrase.</translation>
    </message>
    <message>
        <source>&amp;Crea una nuova area di lavoro</source>
        <translation>&amp;Create a new workspace</translation>
    </message>
    <message>
        <source>Crea una nuova area di lavoro</source>
        <translation>Create a new workspace</translation>
    </message>
    <message>
        <source>Per chi comincia a usare PIPPI Desktop su questo computer.</source>
        <translation>For those starting to use PIPPI Desktop on this computer.</translation>
    </message>
    <message>
        <source>&amp;Apri un&apos;area di lavoro esistente</source>
        <translation>&amp;Open an existing workspace</translation>
    </message>
    <message>
        <source>Apri un&apos;area di lavoro esistente</source>
        <translation>Open an existing workspace</translation>
    </message>
    <message>
        <source>Per esempio una cartella copiata da un altro computer o ripristinata da un backup.</source>
        <translation>For example a folder copied from another computer or restored from a backup.</translation>
    </message>
    <message>
        <source>Ca&amp;rtella:</source>
        <translation>Fo&amp;lder:</translation>
    </message>
    <message>
        <source>Cartella dell&apos;area di lavoro da aprire</source>
        <translation>Folder of the workspace to open</translation>
    </message>
    <message>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Scegli la cartella dell&apos;area di lavoro (finisce con .pippiws)</source>
        <translation>Choose the workspace folder (its name ends in .pippiws)</translation>
    </message>
</context>
</TS>
