// KioskModel: everything the views read for one frame. The app owns all of it and builds a fresh
// model each frame; views never keep pointers into it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/engine/form_session.h"
#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/placeholders.h"

namespace carers::ui {

enum class Screen {
    Attract,     // idle: "Do you look after someone?" in each language
    Start,       // language, text size, contrast, read aloud
    Home,        // the journeys and help near you
    Form,        // a journey in progress
    StaffEntry,  // the PIN pad
    Staff,       // the staff screen
    StoreError,  // the store could not be opened: a screen for staff, nothing for carers
    SaveForLater,   // "Save and come back later": choose a word, saving, the resume code
    ContinueSaved,  // "Continue a saved form": resume code and memorable word
};

struct JourneyCard {
    std::string form_id;  // e.g. "am-i-a-carer"
    std::string title;
    std::string summary;
    int minutes = 0;
};

// A QR code as a square of dark (true) and light modules, row by row.
struct QrCode {
    int size = 0;
    std::vector<std::uint8_t> modules;  // size * size, 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)] != 0; }
};

struct DisplayChoices {
    std::string language = "en";
    int text_size = 100;  // per cent: 100, 150, 200
    bool high_contrast = false;
    bool read_aloud = false;
    bool read_aloud_available = false;  // a voice for this language is installed
};

struct StaffEntryModel {
    enum class Status { Ready, WrongPin, Locked, NoPin, Error } status = Status::Ready;
    int tries_left = 0;
    int locked_minutes = 0;  // whole minutes left of a lock, rounded up
    std::string error;       // a sentence for staff when the store failed
};

// A submission the Carers Centre refused: its id's first characters and the centre's reason.
// Nothing personal: the kiosk cannot open what it sealed.
struct RefusedSubmission {
    std::string short_id;   // enough for `carers-store set-aside`
    std::string reason;     // the centre's sentence (English: it comes from the centre)
    bool set_aside = false; // staff took it out of the sending queue
};

// How much of one language is translated (kiosk/i18n/coverage.h, as `carers-i18n report` says it).
struct TranslationCoverage {
    std::string language;  // its own name and code, e.g. "Polski (pl)"
    std::size_t translated = 0;
    std::size_t total = 0;
    std::string status;                 // the PO file's X-Translation-Status, e.g. a draft
    std::vector<std::string> examples;  // a few of the strings shown in English instead
};

// Why sync is not set up on this kiosk (nothing is sent, on its own or by "Sync now").
enum class StaffSetUpProblem {
    Unknown,          // no store or no sync service at all
    NoSettingsFile,   // kiosk.json is missing: the kiosk was never enrolled
    SettingsInvalid,  // kiosk.json's sync settings could not be used (`detail` says how, for IT support)
};

// Why a sync or a connection check failed, as the sync layer classified it (sync/transport/
// failure_cause.h); the staff screen says in words what to do about each. The raw technical text
// follows only after a label saying it is for IT support.
enum class StaffFailureCause {
    None,
    NotHttps,                // the centre's address in the settings is not https://
    AddressNotFound,         // the centre's name could not be looked up
    ConnectionRefused,       // nothing answered at the address: refused, or no route to it
    TimedOut,                // no answer in time
    CertificateUntrusted,    // the certificate did not verify against the trusted CA
    CertificateWrongName,    // it verified, but names another host than the address
    PinMismatch,             // it verified, but its key is not the pinned one
    SecureConnectionFailed,  // the TLS handshake failed
    ConnectionBroken,        // the connection dropped mid-way
    CentreBusy,              // HTTP 429 or 5xx (`http_status`)
    UnexpectedAnswer,        // another HTTP status (`http_status`, 0 when not one), or a reply far too large
    NotACentre,              // something answered that is not a Carers Centre (a Wi-Fi sign-in page)
    ReceiptKeyChanged,       // the centre signs with another key than the kiosk's settings hold
    ReceiptInvalid,          // a receipt did not verify: nothing was deleted
    OutboxProblem,           // the kiosk's own outbox could not be read or updated
    Other,
};

// A sync run's outcome, or why "Sync now" did not start one, as facts; the staff screen writes it
// in the language on screen (kiosk/ui/staff_sync_text.h). `detail` is the centre's own words for
// the refusals, else the technical cause in English (shown only as "for IT support").
struct StaffSyncOutcome {
    enum class Kind {
        None, Sending, NothingToSend, Sent, Cancelled, CentrePause, GaveUp, DeviceRefused, BatchRefused, Failed,
        NotSetUp,        // "Sync now" with no sync set up (`set_up` says why)
        AlreadyRunning,  // "Sync now" while a run was going
    };
    Kind kind = Kind::None;
    std::int64_t confirmed = 0;
    std::int64_t rejected = 0;
    std::int64_t total = 0;  // Sending: in this run so far
    int attempts = 0;
    long retry_after_s = -1;
    int http_status = 0;
    StaffFailureCause cause = StaffFailureCause::None;  // GaveUp, CentrePause, Failed
    StaffSetUpProblem set_up = StaffSetUpProblem::Unknown;  // NotSetUp
    std::string detail;
};

// "Check connection"'s outcome as facts.
struct StaffCheckOutcome {
    enum class Kind { None, Connected, Problem, NotSetUp };
    Kind kind = Kind::None;
    std::string centre;  // Connected: the centre's name
    StaffFailureCause cause = StaffFailureCause::None;      // Problem
    int http_status = 0;                                    // Problem: the centre's answer, when it gave one
    StaffSetUpProblem set_up = StaffSetUpProblem::Unknown;  // NotSetUp
    std::string detail;  // Problem, NotSetUp: what went wrong (English, technical, for IT support)
};

// Everything the staff screen shows is facts; it writes the words in the language on screen.
struct StaffModel {
    std::int64_t waiting = 0;         // sealed submissions in the outbox
    std::int64_t sent = 0;            // receipts verified by the centre
    std::int64_t last_sync_unix = 0;  // the last sync that worked (0: never)
    bool syncing = false;
    float sync_progress = 0;          // 0..1 while syncing
    bool auto_sync = false;           // the kiosk sends on its own
    bool checking = false;            // "Check connection" is under way
    StaffSyncOutcome sync_outcome;    // the last run's outcome, or why "Sync now" did not start
    StaffCheckOutcome check_outcome;
    std::int64_t now_unix = 0;             // when these were read
    std::int64_t sync_finished_unix = 0;   // 0 before the first run
    std::int64_t next_sync_unix = 0;       // 0 when none is due (the next follows a submission)
    std::vector<RefusedSubmission> refused;
    std::vector<std::pair<std::string, std::string>> venue;  // kiosk.json key ("centre.phone") and value
    double inactivity_seconds = 0;  // idle time before the warning (0: not known)
    double warning_seconds = 0;     // and the warning's countdown
    std::string version;
    std::vector<TranslationCoverage> translations;  // every language but English
};

// "Save and come back later" (kiosk mode), as the app last heard from the store.
struct SaveForLaterModel {
    enum class Stage {
        ChooseWord,  // the word box and the keyboard
        Saving,      // the store is sealing the draft (Argon2id): nothing to tap
        Saved,       // the store said so: the code to write down
        Failed,      // not saved; the answers are still in the form
    } stage = Stage::ChooseWord;
    enum class Problem { None, BadWord, NotSaved } problem = Problem::None;
    std::string shown_code;  // Saved: "4CHK-79XT"
    int days = 0;            // Saved: how many days the code lasts
    std::string detail;      // NotSaved: the store's sentence, for staff
};

// "Continue a saved form" (kiosk mode).
struct ContinueSavedModel {
    enum class Status {
        Ready,         // nothing tried yet
        Opening,       // the store is trying the code and word: nothing to tap
        NotACode,      // not 8 characters of the code's alphabet: nothing was tried
        NotAWord,      // no word, or a word too short or long: nothing was tried
        WrongWord,     // `words_left` tries remain
        Deleted,       // that was the fifth wrong word: the saved form is gone
        NoSuchCode,    // never made, expired or deleted
        TooManyCodes,  // the kiosk-wide limit: try again in `minutes`
        CannotOpen,    // opened, but this kiosk's forms cannot take it (a newer form)
        Failed,        // the store failed: `detail` for staff
    } status = Status::Ready;
    int words_left = 0;
    int minutes = 0;
    int days = 0;  // how long a saved form is kept (for the "not found" help)
    std::string detail;
};

// Personal mode: a form saved on this device, offered on the home screen.
struct PersonalDraftOffer {
    std::string form_id;  // empty: nothing to offer
    std::string title;
    // The saved answers were tried and could not be put back (the form changed since, or the
    // copy is damaged): say so and offer Start again instead of Carry on.
    bool cannot_open = false;
};

// Why the store could not be opened (kiosk/store/store_failure.h's kinds), for the store error
// screen's advice to staff in the language on screen.
enum class StoreProblem { KeyMissing, KeyRefused, KeyWrong, DatabaseDamaged, DiskFull, DiskError, NewerSchema, NoEncryption, InUse, Other };

struct KioskModel {
    Screen screen = Screen::Attract;
    // The languages shipped, English first; the current one drives every string.
    std::vector<const i18n::Catalog*> languages;
    DisplayChoices display;

    const std::vector<JourneyCard>* journeys = nullptr;
    const engine::FormSession* session = nullptr;  // set on Screen::Form
    const Placeholders* placeholders = nullptr;    // venue and centre details from kiosk.json
    const QrCode* help_qr = nullptr;               // the centre's web address, when it has one
    // A message for the person about what happened to their answers.
    enum class Notice { None, Saved, NotEnrolled, SaveFailed } notice = Notice::None;
    std::string notice_detail;  // SaveFailed: the store's sentence, for staff

    // Inactivity: while set, the warning with its countdown covers the screen.
    std::optional<int> seconds_until_clear;
    double attract_period = 6.0;  // seconds each language's lines stay on the attract screen

    // Saved forms. Kiosk mode: "Save and come back later" on this form's pages, and "Continue a
    // saved form" on the home screen. Personal mode: the draft kept as the carer goes.
    bool can_save_for_later = false;
    bool can_continue_saved = false;
    SaveForLaterModel save_for_later;
    ContinueSavedModel continue_saved;
    PersonalDraftOffer personal_draft;
    // Personal mode: the last save of the form in progress failed (the carer can carry on; their
    // answers are only on screen until a save works again).
    bool personal_not_kept = false;

    StaffEntryModel staff_entry;
    StaffModel staff;
    StoreProblem store_problem = StoreProblem::Other;  // Screen::StoreError: what went wrong
    std::string store_error;       // and the store's sentence (English, for IT support)
    std::string store_error_code;  // and its stable name and exit code, e.g. "disk-full (14)"
};

}  // namespace carers::ui
