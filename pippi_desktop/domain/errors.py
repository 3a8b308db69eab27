"""Every error a user can meet, typed, each with its one sentence in Italian and English.

This is the one place where error texts live. The command line prints `error.message(lang)`
and exits with `error.exit_code`; the GUI shows the same sentence in a dialog. `str(error)`
is the stable code only, so an exception that reaches a log never carries personal data:
parameters are codes, counts, versions and field names, never values typed by a user.

Exit codes (a contract with external scripts): 0 success, 1 unexpected internal error,
2 usage error, 3 wrong passphrase or recovery code, 4 rejected input, 5 workspace problem.
"""

from __future__ import annotations

from typing import ClassVar

from pippi_desktop.domain.i18n import Lang

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_CREDENTIALS = 3
EXIT_REJECTED = 4
EXIT_WORKSPACE = 5

Param = str | int | tuple[str, str]  # a (italian, english) pair is shown in the right language


class PippiError(Exception):
    """Base of the typed errors. Subclasses set `code`, `exit_code` and `texts`."""

    code: ClassVar[str] = "internal"
    exit_code: ClassVar[int] = EXIT_INTERNAL
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "Si è verificato un errore imprevisto. I dettagli sono nel registro dell'applicazione.",
            "An unexpected error occurred. The details are in the application log.",
        )
    }

    def __init__(self, variant: str = "", /, **params: Param) -> None:
        self.variant = variant if variant in self.texts else ""
        self.params = params
        super().__init__(self.code if not self.variant else f"{self.code}:{self.variant}")

    def message(self, lang: Lang = Lang.IT) -> str:
        italian, english = self.texts[self.variant]
        template = english if lang is Lang.EN else italian
        params = {key: _localise_param(value, lang) for key, value in self.params.items()}
        return template.format(**params)


def _localise_param(value: Param, lang: Lang) -> str | int:
    if isinstance(value, tuple):
        return value[1] if lang is Lang.EN else value[0]
    if isinstance(value, str) and value in FIELD_LABELS:
        italian, english = FIELD_LABELS[value]
        return english if lang is Lang.EN else italian
    return value


class InternalError(PippiError):
    """Something we did not foresee. The log has the details; the user gets one sentence."""


class AppFileMissing(PippiError):
    """A file shipped with the application (a resource, a migration) is not where it belongs."""

    code = "app_file_missing"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "Manca un file dell'applicazione ({file}): reinstalla PIPPI Desktop.",
            "A file of the application is missing ({file}): reinstall PIPPI Desktop.",
        ),
    }


class SelfTestFailed(PippiError):
    """A step of `pippi-desktop self-test` did not pass (printed after the step's label)."""

    code = "self_test_failed"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "pdf": (
            "Il PDF di prova non ha i caratteri DejaVu incorporati: reinstalla PIPPI Desktop.",
            "The test PDF lacks the embedded DejaVu fonts: reinstall PIPPI Desktop.",
        ),
        "": (
            "Il controllo non è riuscito per un errore imprevisto; i dettagli sono nel registro "
            "dell'applicazione.",
            "The check failed with an unexpected error; the details are in the application log.",
        ),
        "temp_folder": (
            "Non riesco a creare o a scrivere la cartella temporanea: controlla lo spazio "
            "libero e i permessi, oppure indicane un'altra con --temp-dir.",
            "The temporary folder cannot be created or written: check the free space and the "
            "permissions, or give another one with --temp-dir.",
        ),
        "kdf_cost": (
            "La chiave non è stata protetta con il costo previsto (Argon2id {memory} MiB, "
            "{passes} passaggi).",
            "The key was not protected with the expected cost (Argon2id {memory} MiB, "
            "{passes} passes).",
        ),
        "schema": (
            "Lo schema del database non è quello atteso (trovato {found}, atteso {expected}).",
            "The database schema is not the expected one (found {found}, expected {expected}).",
        ),
        "migrations": (
            "Le migrazioni dello schema non si caricano tutte ({loaded} su {expected}).",
            "Not all schema migrations can be loaded ({loaded} of {expected}).",
        ),
        "record_mismatch": (
            "Il dato scritto nell'area di lavoro non è stato riletto uguale dopo la riapertura.",
            "The data written into the workspace did not read back the same after reopening.",
        ),
        "verify": (
            "Il controllo d'integrità dell'area di lavoro ha trovato problemi ({checks}).",
            "The workspace integrity check found problems ({checks}).",
        ),
        "bundle": (
            "Il pacchetto di sincronizzazione di prova non ha fatto il giro completo ({detail}).",
            "The test sync bundle did not make the round trip ({detail}).",
        ),
    }


# --- usage (exit 2) -----------------------------------------------------------------------


class UsageError(PippiError):
    code = "usage"
    exit_code = EXIT_USAGE
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": ("Comando non valido: {detail}", "Invalid command: {detail}"),
        "no_passphrase": (
            "Manca la passphrase. Indicala con --passphrase-file FILE (prima riga del file) "
            "oppure con la variabile d'ambiente PIPPI_PASSPHRASE.",
            "The passphrase is missing. Give it with --passphrase-file FILE (first line of the "
            "file) or with the environment variable PIPPI_PASSPHRASE.",
        ),
        "no_new_passphrase": (
            "Manca la nuova passphrase. Indicala con --new-passphrase-file FILE (prima riga del "
            "file) oppure con la variabile d'ambiente PIPPI_NEW_PASSPHRASE.",
            "The new passphrase is missing. Give it with --new-passphrase-file FILE (first line "
            "of the file) or with the environment variable PIPPI_NEW_PASSPHRASE.",
        ),
        "no_office_passphrase": (
            "Manca la passphrase dell'ufficio. Indicala con --office-passphrase-file FILE oppure "
            "con la variabile d'ambiente PIPPI_OFFICE_PASSPHRASE.",
            "The office passphrase is missing. Give it with --office-passphrase-file FILE or "
            "with the environment variable PIPPI_OFFICE_PASSPHRASE.",
        ),
        "unreadable_secret_file": (
            "Non riesco a leggere il file indicato per la passphrase o il codice.",
            "The file given for the passphrase or the code cannot be read.",
        ),
    }


# --- credentials (exit 3) -----------------------------------------------------------------


class WrongPassphrase(PippiError):
    code = "wrong_passphrase"
    exit_code = EXIT_CREDENTIALS
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "La passphrase non è corretta. Controlla le maiuscole e riprova.",
            "The passphrase is not correct. Check upper and lower case and try again.",
        ),
        "office": (
            "La passphrase dell'area di lavoro dell'ufficio non è corretta.",
            "The passphrase of the office workspace is not correct.",
        ),
    }


class WrongRecoveryCode(PippiError):
    code = "wrong_recovery_code"
    exit_code = EXIT_CREDENTIALS
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "Il codice di recupero non è corretto per questa area di lavoro.",
            "The recovery code is not correct for this workspace.",
        ),
        "mistyped": (
            "Il codice di recupero contiene un errore di battitura: ricontrolla i gruppi di "
            "caratteri.",
            "The recovery code contains a typing mistake: check the groups of characters again.",
        ),
    }


class EscrowUnavailable(PippiError):
    """The office key cannot open this workspace: it holds no escrow slot for that office."""

    code = "escrow_unavailable"
    exit_code = EXIT_CREDENTIALS
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "Questa area di lavoro non conserva una copia della chiave per questo ufficio: si "
            "può aprire solo con la passphrase o con il codice di recupero.",
            "This workspace keeps no copy of its key for this office: it opens only with the "
            "passphrase or the recovery code.",
        ),
    }


# --- rejected input (exit 4) --------------------------------------------------------------


class RejectedInput(PippiError):
    """Base for input we refuse: a weak passphrase, a record, a file, a bundle."""

    code = "rejected_input"
    exit_code = EXIT_REJECTED
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": ("I dati forniti non sono validi.", "The data given is not valid."),
    }


class WeakPassphrase(RejectedInput):
    code = "weak_passphrase"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "too_short": (
            "La passphrase è troppo corta: servono almeno {minimum} caratteri. Una frase di "
            "alcune parole è facile da ricordare e difficile da indovinare.",
            "The passphrase is too short: it needs at least {minimum} characters. A sentence of "
            "a few words is easy to remember and hard to guess.",
        ),
        "common": (
            "La passphrase è tra quelle usate più spesso e verrebbe indovinata subito: "
            "scegline un'altra.",
            "The passphrase is one of the most used ones and would be guessed at once: choose "
            "another.",
        ),
        "repetitive": (
            "La passphrase ripete sempre gli stessi caratteri o una sequenza da tastiera: "
            "scegline una più varia.",
            "The passphrase repeats the same characters or a keyboard sequence: choose a more "
            "varied one.",
        ),
        "mismatch": (
            "Le due passphrase inserite non coincidono.",
            "The two passphrases entered do not match.",
        ),
        "same_as_old": (
            "La nuova passphrase è uguale a quella attuale.",
            "The new passphrase is the same as the current one.",
        ),
    }


class InvalidRecord(RejectedInput):
    """A record that breaks a rule; `field` names the field (a key of FIELD_LABELS)."""

    code = "invalid_record"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": ("Il campo «{field}» non è valido.", "The field “{field}” is not valid."),
        "required": ("Il campo «{field}» è obbligatorio.", "The field “{field}” is required."),
        "too_long": (
            "Il campo «{field}» è troppo lungo (al massimo {maximum} caratteri).",
            "The field “{field}” is too long (at most {maximum} characters).",
        ),
        "future_date": (
            "La data del campo «{field}» non può essere nel futuro.",
            "The date in “{field}” cannot be in the future.",
        ),
        "bad_date": (
            "La data del campo «{field}» non è valida (formato gg/mm/aaaa).",
            "The date in “{field}” is not valid (format dd/mm/yyyy).",
        ),
        "implausible_date": (
            "La data del campo «{field}» non è plausibile.",
            "The date in “{field}” is not plausible.",
        ),
        "date_order": (
            "La data del campo «{field}» viene prima della data di inizio.",
            "The date in “{field}” comes before the start date.",
        ),
        "not_in_list": (
            "Il valore del campo «{field}» non è tra quelli previsti.",
            "The value of “{field}” is not one of the allowed values.",
        ),
        "out_of_scale": (
            "Il punteggio del campo «{field}» è fuori dalla scala ({minimum}–{maximum}).",
            "The score in “{field}” is outside the scale ({minimum}–{maximum}).",
        ),
        "out_of_range": (
            "Il valore del campo «{field}» è fuori dall'intervallo ammesso ({minimum}–{maximum}).",
            "The value of “{field}” is outside the allowed range ({minimum}–{maximum}).",
        ),
        "not_in_family": (
            "Il campo «{field}» indica una persona che non fa parte di questa famiglia.",
            "The field “{field}” names a person who is not part of this family.",
        ),
        "not_a_child": (
            "Il campo «{field}» deve indicare un figlio o una figlia della famiglia.",
            "The field “{field}” must name a child of the family.",
        ),
        "duplicate": (
            "Il valore del campo «{field}» è già usato.",
            "The value of “{field}” is already used.",
        ),
        "deleted": (
            "Il record è stato eliminato e non si può più modificare.",
            "The record has been deleted and can no longer be changed.",
        ),
    }


class UnknownRecord(RejectedInput):
    code = "unknown_record"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": ("Il record indicato non esiste.", "The record given does not exist."),
        "family": (
            "Nessuna famiglia con il codice indicato in questa area di lavoro.",
            "No family with the code given in this workspace.",
        ),
        "visit": (
            "Nessuna visita con l'identificativo indicato per questa famiglia.",
            "No visit with the id given for this family.",
        ),
        "assessment": (
            "Nessuna valutazione con l'identificativo indicato per questa famiglia.",
            "No assessment with the id given for this family.",
        ),
        "group_session": (
            "Nessun incontro di gruppo con l'identificativo indicato.",
            "No group session with the id given.",
        ),
        "device": (
            "Nessun dispositivo registrato con l'identificativo indicato.",
            "No registered device with the id given.",
        ),
        "no_visit": (
            "Questa famiglia non ha ancora visite registrate.",
            "This family has no recorded visits yet.",
        ),
        "no_assessment": (
            "Questa famiglia non ha ancora valutazioni registrate.",
            "This family has no recorded assessments yet.",
        ),
    }


class InvalidFile(RejectedInput):
    """A file given to us (catalogue, card, backup) that we cannot accept."""

    code = "invalid_file"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": ("Il file indicato non è valido.", "The file given is not valid."),
        "missing": ("Il file indicato non esiste.", "The file given does not exist."),
        "unreadable": ("Il file indicato non si può leggere.", "The file given cannot be read."),
        "not_a_backup": (
            "Il file indicato non è un backup di PIPPI Desktop o è danneggiato.",
            "The file given is not a PIPPI Desktop backup, or it is damaged.",
        ),
        "catalogue": (
            "Il catalogo non è valido: {detail}",
            "The catalogue is not valid: {detail}",
        ),
        "catalogue_version_exists": (
            "Questa versione del catalogo è già caricata con un contenuto diverso: aumenta il "
            "numero di versione.",
            "This catalogue version is already loaded with different content: raise the version "
            "number.",
        ),
        "card": (
            "Il file indicato non è una scheda di PIPPI Desktop valida.",
            "The file given is not a valid PIPPI Desktop card.",
        ),
        "output_exists": (
            "Il file di destinazione esiste già: scegli un altro nome.",
            "The output file already exists: choose another name.",
        ),
        "output_unwritable": (
            "Non riesco a scrivere nella destinazione indicata.",
            "The destination given cannot be written.",
        ),
        "office_card_expected": (
            "Il file indicato è una scheda di dispositivo: qui serve la scheda dell'ufficio.",
            "The file given is a device card: the office card is needed here.",
        ),
        "device_card_expected": (
            "Il file indicato è la scheda di un ufficio: qui serve la scheda di un dispositivo.",
            "The file given is an office card: a device card is needed here.",
        ),
        "device_key_conflict": (
            "Questo dispositivo è già registrato con chiavi diverse: la scheda non viene accettata.",
            "This device is already registered with different keys: the card is not accepted.",
        ),
    }


class FingerprintMismatch(RejectedInput):
    """The fingerprint typed in does not match the card: nothing is trusted or registered."""

    code = "fingerprint_mismatch"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "L'impronta indicata non corrisponde a quella della scheda: la scheda non è stata "
            "accettata e nulla è cambiato. Confronta di nuovo l'impronta di persona.",
            "The fingerprint given does not match the card: the card was not accepted and "
            "nothing changed. Compare the fingerprint again in person.",
        ),
    }


class BundleRejected(RejectedInput):
    """A sync bundle refused by the import pipeline; the variant is the stable reason code."""

    code = "bundle_rejected"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "Il pacchetto è stato rifiutato: nulla è cambiato.",
            "The bundle was refused: nothing changed.",
        ),
        "not_a_bundle": (
            "Il file non è un pacchetto di PIPPI Desktop oppure è danneggiato (per esempio "
            "copiato solo in parte): nulla è cambiato.",
            "The file is not a PIPPI Desktop bundle, or it is damaged (for example only partly "
            "copied): nothing changed.",
        ),
        "too_large": (
            "Il file è troppo grande per essere un pacchetto (al massimo {maximum} MiB): non è "
            "stato aperto e nulla è cambiato.",
            "The file is too large to be a bundle (at most {maximum} MiB): it was not opened and "
            "nothing changed.",
        ),
        "unsupported_version": (
            "Il pacchetto è stato creato da una versione di PIPPI Desktop più recente o non "
            "compatibile: aggiorna l'applicazione dell'ufficio. Nulla è cambiato.",
            "The bundle was made by a newer or incompatible version of PIPPI Desktop: update the "
            "office application. Nothing changed.",
        ),
        "wrong_recipient": (
            "Il pacchetto è destinato a un altro ufficio e non può essere importato qui: nulla è "
            "cambiato.",
            "The bundle is meant for another office and cannot be imported here: nothing changed.",
        ),
        "unknown_device": (
            "Il pacchetto viene da un dispositivo non registrato: registra prima la sua scheda. "
            "Nulla è cambiato.",
            "The bundle comes from a device that is not registered: register its card first. "
            "Nothing changed.",
        ),
        "revoked_device": (
            "Il pacchetto viene da un dispositivo revocato e non viene importato: nulla è "
            "cambiato.",
            "The bundle comes from a revoked device and is not imported: nothing changed.",
        ),
        "bad_signature": (
            "La firma del pacchetto non è valida: è stato alterato oppure non viene dal "
            "dispositivo che dichiara. Nulla è cambiato.",
            "The bundle's signature is not valid: it was altered or does not come from the "
            "device it names. Nothing changed.",
        ),
        "digest_mismatch": (
            "Il contenuto del pacchetto non corrisponde al suo indice firmato: è stato alterato. "
            "Nulla è cambiato.",
            "The bundle's content does not match its signed index: it was altered. Nothing "
            "changed.",
        ),
        "invalid_operation": (
            "Il pacchetto contiene una modifica non valida, quindi non è stato importato nulla.",
            "The bundle holds an invalid change, so nothing was imported.",
        ),
        "rollback_detected": (
            "Il dispositivo ha riusato numeri di pacchetto o di modifica già ricevuti con un "
            "contenuto diverso: probabilmente è stato riportato a una copia vecchia senza usare "
            "il ripristino. Nulla è cambiato; contatta l'assistenza.",
            "The device reused bundle or change numbers already received with different "
            "content: it was probably put back to an old copy without using restore. Nothing "
            "changed; contact support.",
        ),
    }

    @property
    def reason(self) -> str:
        return self.variant or "not_a_bundle"


# --- workspace problems (exit 5) ----------------------------------------------------------


class WorkspaceProblem(PippiError):
    code = "workspace_problem"
    exit_code = EXIT_WORKSPACE
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": ("L'area di lavoro non è utilizzabile.", "The workspace cannot be used."),
    }


class WorkspaceNotFound(WorkspaceProblem):
    code = "workspace_not_found"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "L'area di lavoro indicata non esiste. Controlla il percorso.",
            "The workspace given does not exist. Check the path.",
        ),
    }


class NotAWorkspace(WorkspaceProblem):
    code = "not_a_workspace"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "Il percorso indicato non è un'area di lavoro di PIPPI Desktop.",
            "The path given is not a PIPPI Desktop workspace.",
        ),
    }


class WorkspaceDamaged(WorkspaceProblem):
    code = "workspace_damaged"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "L'area di lavoro è danneggiata. Ripristinala da un backup.",
            "The workspace is damaged. Restore it from a backup.",
        ),
        "keyslots": (
            "Il file delle chiavi dell'area di lavoro (keyslots.json) è danneggiato o è stato "
            "modificato. Ripristinalo da un backup.",
            "The workspace key file (keyslots.json) is damaged or was modified. Restore it from "
            "a backup.",
        ),
        "database": (
            "Il database dell'area di lavoro (workspace.db) è danneggiato o manca. Ripristinalo "
            "da un backup.",
            "The workspace database (workspace.db) is damaged or missing. Restore it from a "
            "backup.",
        ),
        "audit": (
            "Il registro delle attività è stato alterato: una voce manca o è stata modificata.",
            "The activity log has been tampered with: an entry is missing or was changed.",
        ),
    }


class WorkspaceInUse(WorkspaceProblem):
    code = "workspace_in_use"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "L'area di lavoro è già aperta da un altro programma o da un'altra finestra. "
            "Chiudila e riprova.",
            "The workspace is already open in another program or window. Close it and try again.",
        ),
    }


class SchemaTooNew(WorkspaceProblem):
    code = "schema_too_new"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "L'area di lavoro è stata creata da una versione più recente di PIPPI Desktop "
            "(schema {found}, questa versione arriva a {supported}). Aggiorna l'applicazione.",
            "The workspace was written by a newer version of PIPPI Desktop (schema {found}, "
            "this version supports up to {supported}). Update the application.",
        ),
    }


class WorkspaceLocked(WorkspaceProblem):
    code = "workspace_locked"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "L'area di lavoro è bloccata. Sbloccala con la passphrase.",
            "The workspace is locked. Unlock it with the passphrase.",
        ),
    }


class TargetNotEmpty(WorkspaceProblem):
    code = "target_not_empty"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "La cartella indicata non è vuota: scegli una cartella nuova o vuota.",
            "The folder given is not empty: choose a new or empty folder.",
        ),
        "workspace": (
            "Nella cartella indicata c'è già un'area di lavoro: scegli un'altra destinazione.",
            "The folder given already holds a workspace: choose another destination.",
        ),
        "parent_missing": (
            "La cartella che dovrebbe contenere l'area di lavoro non esiste.",
            "The folder that should contain the workspace does not exist.",
        ),
    }


class SyncNotSetUp(WorkspaceProblem):
    code = "sync_not_set_up"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "": (
            "La sincronizzazione non è ancora configurata in questa area di lavoro.",
            "Synchronisation is not set up in this workspace yet.",
        ),
        "no_office": (
            "Questa area di lavoro non ha ancora un ufficio di fiducia: importa prima la scheda "
            "dell'ufficio (trust-office).",
            "This workspace has no trusted office yet: import the office card first "
            "(trust-office).",
        ),
    }


class WrongRole(WorkspaceProblem):
    code = "wrong_role"
    texts: ClassVar[dict[str, tuple[str, str]]] = {
        "office_only": (
            "Questa operazione si fa nell'area di lavoro dell'ufficio d'Ambito.",
            "This operation is done in the Ambito office workspace.",
        ),
        "educator_only": (
            "Questa operazione si fa nell'area di lavoro di un educatore.",
            "This operation is done in an educator's workspace.",
        ),
    }


# Field names appear in messages by key; the key is what code and tests compare, the label is
# what people read. Unknown keys are shown as they are.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "passphrase": ("passphrase", "passphrase"),
    "name": ("nome", "name"),
    "role": ("ruolo", "role"),
    # the family
    "family": ("famiglia", "family"),
    "family_id": ("famiglia", "family"),
    "code": ("codice famiglia", "family code"),
    "stats_code": ("codice statistico", "statistics code"),
    "implementation": ("implementazione", "implementation"),
    "phase": ("fase del percorso", "pathway phase"),
    "referral_date": ("data della segnalazione", "referral date"),
    "referral_source": ("fonte della segnalazione", "referral source"),
    "preassessment_outcome": ("esito dell'analisi preliminare", "pre-assessment outcome"),
    "preassessment_notes": ("note dell'analisi preliminare", "pre-assessment notes"),
    "start_date": ("data di inizio", "start date"),
    "end_date": ("data di fine", "end date"),
    "conclusion_date": ("data di conclusione", "closing date"),
    "conclusion_variant": ("esito della conclusione", "closing outcome"),
    "child_placed_out": ("allontanamento di un figlio", "child placed out of home"),
    "conclusion_notes": ("note della conclusione", "closing notes"),
    "notes": ("note", "notes"),
    # people and équipe
    "person": ("persona", "person"),
    "person_id": ("persona", "person"),
    "given_name": ("nome", "given name"),
    "family_name": ("cognome", "family name"),
    "birth_date": ("data di nascita", "birth date"),
    "sex": ("sesso", "sex"),
    "school": ("scuola", "school"),
    "school_class": ("classe", "class"),
    "equipe_member": ("componente dell'équipe", "team member"),
    "profession": ("professione", "profession"),
    "organisation": ("ente", "organisation"),
    "case_manager": ("responsabile del caso", "case manager"),
    "kind": ("tipo", "kind"),
    # visits and groups
    "visit": ("visita", "visit"),
    "date": ("data", "date"),
    "start_time": ("ora di inizio", "start time"),
    "duration_minutes": ("durata (minuti)", "duration (minutes)"),
    "place": ("luogo", "place"),
    "educator": ("educatore/educatrice", "educator"),
    "present_people": ("presenti della famiglia", "family members present"),
    "present_equipe": ("operatori presenti", "professionals present"),
    "activities": ("attività svolte", "activities"),
    "objectives": ("obiettivi lavorati", "objectives worked on"),
    "next_date": ("data del prossimo appuntamento", "next appointment date"),
    "next_time": ("ora del prossimo appuntamento", "next appointment time"),
    "next_notes": ("note sul prossimo appuntamento", "next appointment notes"),
    "group_session": ("incontro di gruppo", "group session"),
    "session_id": ("incontro di gruppo", "group session"),
    "topic": ("tema", "topic"),
    "facilitators": ("conduttori", "facilitators"),
    "status": ("presenza", "attendance"),
    # assessments and micro-projects
    "assessment": ("valutazione", "assessment"),
    "assessment_id": ("valutazione", "assessment"),
    "child_id": ("bambino/a", "child"),
    "time_point": ("momento della valutazione", "time point"),
    "extra_label": ("nome del momento", "time point label"),
    "participants_people": ("partecipanti della famiglia", "family participants"),
    "participants_equipe": ("operatori partecipanti", "professionals taking part"),
    "participants_other": ("altri partecipanti", "other participants"),
    "catalogue_id": ("catalogo", "catalogue"),
    "catalogue_version": ("versione del catalogo", "catalogue version"),
    "version": ("versione", "version"),
    "content": ("contenuto", "content"),
    "digest": ("impronta", "digest"),
    "subdimension": ("sottodimensione", "sub-dimension"),
    "score": ("punteggio", "score"),
    "not_assessable": ("non valutabile", "not assessable"),
    "strengths": ("punti di forza", "strengths"),
    "needs": ("bisogni e preoccupazioni", "needs and concerns"),
    "child_words": ("le parole del bambino", "the child's words"),
    "sources": ("fonti", "sources"),
    "microproject_item": ("obiettivo della micro-progettazione", "micro-project objective"),
    "objective": ("obiettivo", "objective"),
    "expected_results": ("risultati attesi", "expected results"),
    "actions": ("azioni", "actions"),
    "responsible_people": ("responsabili della famiglia", "responsible family members"),
    "responsible_equipe": ("responsabili dell'équipe", "responsible professionals"),
    "responsible_other": ("altri responsabili", "other responsible people"),
    "deadline": ("scadenza", "deadline"),
    "verification_status": ("verifica", "verification"),
    "verification_notes": ("note della verifica", "verification notes"),
}
