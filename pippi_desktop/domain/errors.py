"""Every error a user can meet, typed, each with its one sentence.

This is the one place where error texts live, written in Italian and marked with `N_()`: the
translations are in the gettext catalogues (`domain/i18n.py`). The command line prints
`error.message(lang)` and exits with `error.exit_code`; the GUI shows the same sentence in a
dialog. `str(error)`
is the stable code only, so an exception that reaches a log never carries personal data:
parameters are codes, counts, versions and field names, never values typed by a user.

Exit codes (a contract with external scripts): 0 success, 1 unexpected internal error,
2 usage error, 3 wrong passphrase or recovery code, 4 rejected input, 5 workspace problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from pippi_desktop.domain.i18n import N_, Lang, Message

if TYPE_CHECKING:
    from pippi_desktop.domain.record_types import FieldSpec

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_CREDENTIALS = 3
EXIT_REJECTED = 4
EXIT_WORKSPACE = 5

# A `Message` (marked with N_) is shown translated; a key of FIELD_LABELS as its label.
Param = str | int | Message


class PippiError(Exception):
    """Base of the typed errors. Subclasses set `code`, `exit_code` and `texts`."""

    code: ClassVar[str] = "internal"
    exit_code: ClassVar[int] = EXIT_INTERNAL
    texts: ClassVar[dict[str, Message]] = {
        "": N_(
            "Si è verificato un errore imprevisto. I dettagli sono nel registro dell'applicazione."
        )
    }

    def __init__(self, variant: str = "", /, **params: Param) -> None:
        self.variant = variant if variant in self.texts else ""
        self.params = params
        super().__init__(self.code if not self.variant else f"{self.code}:{self.variant}")

    def message(self, lang: Lang | None = None) -> str:
        """The sentence in `lang` (the current language when None)."""
        template = self.texts[self.variant].translated(lang)
        return template.format(**self.shown_params(lang))

    def shown_params(self, lang: Lang | None) -> dict[str, str | int]:
        """The parameters as the sentence shows them (messages and field keys translated)."""
        return {key: _localise_param(value, lang) for key, value in self.params.items()}


def _localise_param(value: Param, lang: Lang | None) -> str | int:
    if isinstance(value, Message):
        return value.translated(lang)
    if isinstance(value, str) and value in FIELD_LABELS:
        return FIELD_LABELS[value].translated(lang)
    return value


class InternalError(PippiError):
    """Something we did not foresee. The log has the details; the user gets one sentence."""


class AppFileMissing(PippiError):
    """A file shipped with the application (a resource, a migration) is not where it belongs."""

    code = "app_file_missing"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Manca un file dell'applicazione ({file}): reinstalla PIPPI Desktop."),
    }


class SelfTestFailed(PippiError):
    """A step of `pippi-desktop self-test` did not pass (printed after the step's label)."""

    code = "self_test_failed"
    texts: ClassVar[dict[str, Message]] = {
        "pdf": N_(
            "Il PDF di prova non ha i caratteri DejaVu incorporati: reinstalla PIPPI Desktop."
        ),
        "": N_(
            "Il controllo non è riuscito per un errore imprevisto; i dettagli sono nel registro "
            "dell'applicazione."
        ),
        "temp_folder": N_(
            "Non riesco a creare o a scrivere la cartella temporanea: controlla lo spazio "
            "libero e i permessi, oppure indicane un'altra con --temp-dir."
        ),
        "kdf_cost": N_(
            "La chiave non è stata protetta con il costo previsto (Argon2id {memory} MiB, "
            "{passes} passaggi)."
        ),
        "schema": N_(
            "Lo schema del database non è quello atteso (trovato {found}, atteso {expected})."
        ),
        "migrations": N_(
            "Le migrazioni dello schema non si caricano tutte ({loaded} su {expected})."
        ),
        "record_mismatch": N_(
            "Il dato scritto nell'area di lavoro non è stato riletto uguale dopo la riapertura."
        ),
        "verify": N_(
            "Il controllo d'integrità dell'area di lavoro ha trovato problemi ({checks})."
        ),
        "bundle": N_(
            "Il pacchetto di sincronizzazione di prova non ha fatto il giro completo ({detail})."
        ),
    }


# --- usage (exit 2) -----------------------------------------------------------------------


class UsageError(PippiError):
    code = "usage"
    exit_code = EXIT_USAGE
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Comando non valido: {detail}"),
        "no_passphrase": N_(
            "Manca la passphrase. Indicala con --passphrase-file FILE (prima riga del file) "
            "oppure con la variabile d'ambiente PIPPI_PASSPHRASE."
        ),
        "no_new_passphrase": N_(
            "Manca la nuova passphrase. Indicala con --new-passphrase-file FILE (prima riga del "
            "file) oppure con la variabile d'ambiente PIPPI_NEW_PASSPHRASE."
        ),
        "no_office_passphrase": N_(
            "Manca la passphrase dell'ufficio. Indicala con --office-passphrase-file FILE oppure "
            "con la variabile d'ambiente PIPPI_OFFICE_PASSPHRASE."
        ),
        "unreadable_secret_file": N_(
            "Non riesco a leggere il file indicato per la passphrase o il codice."
        ),
        "secret_too_long": N_(
            "La passphrase o il codice indicati superano {maximum} byte: controlla di aver "
            "indicato il file giusto."
        ),
    }


# --- credentials (exit 3) -----------------------------------------------------------------


class WrongPassphrase(PippiError):
    code = "wrong_passphrase"
    exit_code = EXIT_CREDENTIALS
    texts: ClassVar[dict[str, Message]] = {
        "": N_("La passphrase non è corretta. Controlla le maiuscole e riprova."),
        "office": N_("La passphrase dell'area di lavoro dell'ufficio non è corretta."),
    }


class WrongRecoveryCode(PippiError):
    code = "wrong_recovery_code"
    exit_code = EXIT_CREDENTIALS
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Il codice di recupero non è corretto per questa area di lavoro."),
        "mistyped": N_(
            "Il codice di recupero contiene un errore di battitura: ricontrolla i gruppi di "
            "caratteri."
        ),
    }


class EscrowUnavailable(PippiError):
    """The office key cannot open this workspace: it holds no escrow slot for that office."""

    code = "escrow_unavailable"
    exit_code = EXIT_CREDENTIALS
    texts: ClassVar[dict[str, Message]] = {
        "": N_(
            "Questa area di lavoro non conserva una copia della chiave per questo ufficio: si "
            "può aprire solo con la passphrase o con il codice di recupero."
        ),
    }


# --- rejected input (exit 4) --------------------------------------------------------------


class RejectedInput(PippiError):
    """Base for input we refuse: a weak passphrase, a record, a file, a bundle."""

    code = "rejected_input"
    exit_code = EXIT_REJECTED
    texts: ClassVar[dict[str, Message]] = {
        "": N_("I dati forniti non sono validi."),
    }


class WeakPassphrase(RejectedInput):
    code = "weak_passphrase"
    texts: ClassVar[dict[str, Message]] = {
        "too_short": N_(
            "La passphrase è troppo corta: servono almeno {minimum} caratteri. Una frase di "
            "alcune parole è facile da ricordare e difficile da indovinare."
        ),
        "common": N_(
            "La passphrase è tra quelle usate più spesso e verrebbe indovinata subito: "
            "scegline un'altra."
        ),
        "repetitive": N_(
            "La passphrase ripete sempre gli stessi caratteri o una sequenza da tastiera: "
            "scegline una più varia."
        ),
        "mismatch": N_("Le due passphrase inserite non coincidono."),
        "same_as_old": N_("La nuova passphrase è uguale a quella attuale."),
    }


class InvalidRecord(RejectedInput):
    """A record that breaks a rule. `params["field"]` is the field's key, what code and tests
    compare (the GUI shows the message under that field's widget).

    A field of a record is named by the label its spec declares: raise
    `InvalidRecord.of(spec.field("date"), "future_date")`. Keys that are no record field (the
    workspace's name, the passphrase) are labelled by FIELD_LABELS.
    """

    code = "invalid_record"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Il campo «{field}» non è valido."),
        "required": N_("Il campo «{field}» è obbligatorio."),
        "too_long": N_("Il campo «{field}» è troppo lungo (al massimo {maximum} caratteri)."),
        "future_date": N_("La data del campo «{field}» non può essere nel futuro."),
        "bad_date": N_("La data del campo «{field}» non è valida (formato gg/mm/aaaa)."),
        "implausible_date": N_("La data del campo «{field}» non è plausibile."),
        "date_order": N_("La data del campo «{field}» viene prima della data di inizio."),
        "not_in_list": N_("Il valore del campo «{field}» non è tra quelli previsti."),
        "out_of_scale": N_(
            "Il punteggio del campo «{field}» è fuori dalla scala ({minimum}–{maximum})."
        ),
        "out_of_range": N_(
            "Il valore del campo «{field}» è fuori dall'intervallo ammesso ({minimum}–{maximum})."
        ),
        "not_in_family": N_(
            "Il campo «{field}» indica una persona che non fa parte di questa famiglia."
        ),
        "not_a_child": N_(
            "Il campo «{field}» deve indicare un figlio o una figlia della famiglia."
        ),
        "duplicate": N_("Il valore del campo «{field}» è già usato."),
        "deleted": N_("Il record è stato eliminato e non si può più modificare."),
    }

    @classmethod
    def of(cls, field: FieldSpec, variant: str = "", /, **params: Param) -> InvalidRecord:
        """The error of a record's field, named in the message by the field's label."""
        return cls(variant, field=field.name, label=field.full_label, **params)

    def shown_params(self, lang: Lang | None) -> dict[str, str | int]:
        shown = super().shown_params(lang)
        if "label" in shown:
            shown["field"] = shown["label"]
        return shown


class UnknownRecord(RejectedInput):
    code = "unknown_record"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Il record indicato non esiste."),
        "family": N_("Nessuna famiglia con il codice indicato in questa area di lavoro."),
        "visit": N_("Nessuna visita con l'identificativo indicato per questa famiglia."),
        "assessment": N_("Nessuna valutazione con l'identificativo indicato per questa famiglia."),
        "group_session": N_("Nessun incontro di gruppo con l'identificativo indicato."),
        "device": N_("Nessun dispositivo registrato con l'identificativo indicato."),
        "no_visit": N_("Questa famiglia non ha ancora visite registrate."),
        "no_assessment": N_("Questa famiglia non ha ancora valutazioni registrate."),
    }


class InvalidFile(RejectedInput):
    """A file given to us (catalogue, card, backup) that we cannot accept."""

    code = "invalid_file"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Il file indicato non è valido."),
        "missing": N_("Il file indicato non esiste."),
        "unreadable": N_("Il file indicato non si può leggere."),
        "not_a_backup": N_("Il file indicato non è un backup di PIPPI Desktop o è danneggiato."),
        "backup_tampered": N_(
            "Il backup è stato modificato o è danneggiato (il suo sigillo non corrisponde): non "
            "è stato ripristinato e nessuna cartella è stata creata."
        ),
        "backup_old_format": N_(
            "Questo backup è stato scritto da una versione precedente di PIPPI Desktop, senza "
            "sigillo contro le modifiche. Per ripristinarlo comunque, dopo un controllo completo "
            "di ogni pagina del database, aggiungi --accept-old-format."
        ),
        "catalogue": N_("Il catalogo non è valido: {detail}"),
        "catalogue_version_exists": N_(
            "Questa versione del catalogo è già caricata con un contenuto diverso: aumenta il "
            "numero di versione."
        ),
        "questionnaire": N_("Il questionario non è valido: {detail}"),
        "card": N_("Il file indicato non è una scheda di PIPPI Desktop valida."),
        "output_exists": N_("Il file di destinazione esiste già: scegli un altro nome."),
        "output_unwritable": N_("Non riesco a scrivere nella destinazione indicata."),
        "office_card_expected": N_(
            "Il file indicato è una scheda di dispositivo: qui serve la scheda dell'ufficio."
        ),
        "device_card_expected": N_(
            "Il file indicato è la scheda di un ufficio: qui serve la scheda di un dispositivo."
        ),
        "device_key_conflict": N_(
            "Questo dispositivo è già registrato con chiavi diverse: la scheda non viene accettata."
        ),
    }


class InvalidAnswers(RejectedInput):
    """Answers that do not fit their questionnaire's definition (nothing is scored or saved)."""

    code = "invalid_answers"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Le risposte non corrispondono al questionario."),
        "unknown_item": N_(
            "Le risposte indicano una domanda che il questionario «{questionnaire}» non ha."
        ),
        "not_an_option": N_(
            "La risposta alla domanda «{item}» non è tra le opzioni del questionario."
        ),
    }


class FingerprintMismatch(RejectedInput):
    """The fingerprint typed in does not match the card: nothing is trusted or registered."""

    code = "fingerprint_mismatch"
    texts: ClassVar[dict[str, Message]] = {
        "": N_(
            "L'impronta indicata non corrisponde a quella della scheda: la scheda non è stata "
            "accettata e nulla è cambiato. Confronta di nuovo l'impronta di persona."
        ),
    }


class BundleRejected(RejectedInput):
    """A sync bundle refused by the import pipeline; the variant is the stable reason code."""

    code = "bundle_rejected"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Il pacchetto è stato rifiutato: nulla è cambiato."),
        "not_a_bundle": N_(
            "Il file non è un pacchetto di PIPPI Desktop oppure è danneggiato (per esempio "
            "copiato solo in parte): nulla è cambiato."
        ),
        "too_large": N_(
            "Il file è troppo grande per essere un pacchetto (al massimo {maximum} MiB): non è "
            "stato aperto e nulla è cambiato."
        ),
        "unsupported_version": N_(
            "Il pacchetto è stato creato da una versione di PIPPI Desktop più recente o non "
            "compatibile: aggiorna l'applicazione dell'ufficio. Nulla è cambiato."
        ),
        "wrong_recipient": N_(
            "Il pacchetto è destinato a un altro ufficio e non può essere importato qui: nulla è "
            "cambiato."
        ),
        "unknown_device": N_(
            "Il pacchetto viene da un dispositivo non registrato: registra prima la sua scheda. "
            "Nulla è cambiato."
        ),
        "revoked_device": N_(
            "Il pacchetto viene da un dispositivo revocato e non viene importato: nulla è cambiato."
        ),
        "bad_signature": N_(
            "La firma del pacchetto non è valida: è stato alterato oppure non viene dal "
            "dispositivo che dichiara. Nulla è cambiato."
        ),
        "digest_mismatch": N_(
            "Il contenuto del pacchetto non corrisponde al suo indice firmato: è stato alterato. "
            "Nulla è cambiato."
        ),
        "invalid_operation": N_(
            "Il pacchetto contiene una modifica non valida, quindi non è stato importato nulla."
        ),
        "rollback_detected": N_(
            "Il dispositivo ha riusato numeri di pacchetto o di modifica già ricevuti con un "
            "contenuto diverso: probabilmente è stato riportato a una copia vecchia senza usare "
            "il ripristino. Nulla è cambiato; contatta l'assistenza."
        ),
    }

    @property
    def reason(self) -> str:
        return self.variant or "not_a_bundle"


# --- workspace problems (exit 5) ----------------------------------------------------------


class WorkspaceProblem(PippiError):
    code = "workspace_problem"
    exit_code = EXIT_WORKSPACE
    texts: ClassVar[dict[str, Message]] = {
        "": N_("L'area di lavoro non è utilizzabile."),
    }


class WorkspaceNotFound(WorkspaceProblem):
    code = "workspace_not_found"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("L'area di lavoro indicata non esiste. Controlla il percorso."),
    }


class NotAWorkspace(WorkspaceProblem):
    code = "not_a_workspace"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("Il percorso indicato non è un'area di lavoro di PIPPI Desktop."),
    }


class WorkspaceDamaged(WorkspaceProblem):
    code = "workspace_damaged"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("L'area di lavoro è danneggiata. Ripristinala da un backup."),
        "keyslots": N_(
            "Il file delle chiavi dell'area di lavoro (keyslots.json) è danneggiato o è stato "
            "modificato. Ripristinalo da un backup."
        ),
        "database": N_(
            "Il database dell'area di lavoro (workspace.db) è danneggiato o manca. Ripristinalo "
            "da un backup."
        ),
        "audit": N_(
            "Il registro delle attività è stato alterato: una voce manca o è stata modificata."
        ),
    }


class WorkspaceInUse(WorkspaceProblem):
    code = "workspace_in_use"
    texts: ClassVar[dict[str, Message]] = {
        "": N_(
            "L'area di lavoro è già aperta da un altro programma o da un'altra finestra. "
            "Chiudila e riprova."
        ),
    }


class SchemaTooNew(WorkspaceProblem):
    code = "schema_too_new"
    texts: ClassVar[dict[str, Message]] = {
        "": N_(
            "L'area di lavoro è stata creata da una versione più recente di PIPPI Desktop "
            "(schema {found}, questa versione arriva a {supported}). Aggiorna l'applicazione."
        ),
    }


class WorkspaceLocked(WorkspaceProblem):
    code = "workspace_locked"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("L'area di lavoro è bloccata. Sbloccala con la passphrase."),
    }


class TargetNotEmpty(WorkspaceProblem):
    code = "target_not_empty"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("La cartella indicata non è vuota: scegli una cartella nuova o vuota."),
        "workspace": N_(
            "Nella cartella indicata c'è già un'area di lavoro: scegli un'altra destinazione."
        ),
        "parent_missing": N_("La cartella che dovrebbe contenere l'area di lavoro non esiste."),
    }


class CannotWrite(WorkspaceProblem):
    """A write failed for a cause outside the application: full disk, read-only media."""

    code = "cannot_write"
    texts: ClassVar[dict[str, Message]] = {
        "": N_(
            "Errore di scrittura sul disco (supporto rimosso o guasto?): l'operazione è stata "
            "annullata e i file temporanei rimossi."
        ),
        "disk_full": N_(
            "Il disco è pieno (o il file supera la dimensione ammessa): l'operazione è stata "
            "annullata e i file temporanei rimossi. Libera spazio e riprova."
        ),
        "read_only": N_(
            "La destinazione è su un supporto di sola lettura: l'operazione è stata annullata. "
            "Scegli una cartella in cui si può scrivere."
        ),
        "no_permission": N_(
            "Non hai il permesso di scrivere nella destinazione: l'operazione è stata annullata. "
            "Scegli una cartella in cui si può scrivere."
        ),
        "workspace_read_only": N_(
            "L'area di lavoro è su un supporto di sola lettura (o in una cartella senza permesso "
            "di scrittura): si può consultare ma non modificare. Copiala sul computer per "
            "lavorarci."
        ),
        "read_only_unclean": N_(
            "L'area di lavoro non è stata chiusa correttamente ed è su un supporto di sola "
            "lettura: copiala sul computer e aprila da lì."
        ),
    }


class SyncNotSetUp(WorkspaceProblem):
    code = "sync_not_set_up"
    texts: ClassVar[dict[str, Message]] = {
        "": N_("La sincronizzazione non è ancora configurata in questa area di lavoro."),
        "no_office": N_(
            "Questa area di lavoro non ha ancora un ufficio di fiducia: importa prima la scheda "
            "dell'ufficio (trust-office)."
        ),
    }


class WrongRole(WorkspaceProblem):
    code = "wrong_role"
    texts: ClassVar[dict[str, Message]] = {
        "office_only": N_("Questa operazione si fa nell'area di lavoro dell'ufficio d'Ambito."),
        "educator_only": N_("Questa operazione si fa nell'area di lavoro di un educatore."),
    }


# Keys of InvalidRecord(field=…) that are no field of a record: the workspace and the device.
# Record fields are named by their spec's label (`InvalidRecord.of`, `record_types`).
FIELD_LABELS: dict[str, Message] = {
    "passphrase": N_("passphrase"),
    "name": N_("nome"),  # the workspace's name
    "role": N_("ruolo"),  # the workspace's role (educator or office)
    "educator": N_("educatore/educatrice"),  # the educator named on a device card
}
