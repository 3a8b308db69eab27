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
    <name>MainWindow</name>
    <message>
        <source>Famiglie</source>
        <translation>Families</translation>
    </message>
    <message>
        <source>Nessuna famiglia.
Le famiglie che segui compariranno in questo elenco, con la fase del percorso e l&apos;implementazione.</source>
        <translation>No families yet.
The families you follow will appear in this list, with their pathway phase and implementation.</translation>
    </message>
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
