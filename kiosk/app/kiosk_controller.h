// KioskController: the app's state and the one place intents are carried out.
//
// It owns which screen is showing, the carer's display choices, the session in progress, the
// UI's typed-text state, the inactivity timer and the staff state. Views only read it through
// ui::KioskModel. Clocks are passed in, so timeouts and PIN locks are tested without waiting.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/form_loader.h"
#include "kiosk/app/inactivity_timer.h"
#include "kiosk/app/kiosk_config.h"
#include "kiosk/app/parked_draft_jobs.h"
#include "kiosk/engine/form_session.h"
#include "kiosk/i18n/catalog.h"
#include "kiosk/store/outbox.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/kiosk_model.h"
#include "kiosk/ui/ui_state.h"

namespace carers::app {

struct KioskClock {
    std::function<double()> steady;        // seconds, for timeouts and animation
    std::function<std::int64_t()> unix;    // seconds since 1970, for records and PIN locks
};

// The outcome of a staff PIN check (the store keeps the hash, the count and the lock).
struct StaffPinCheck {
    enum class Status { Ok, Wrong, Locked, NoPin, Error } status = Status::NoPin;
    int tries_left = 0;
    std::int64_t locked_until = 0;  // unix seconds
    std::string error;              // Error: a sentence for staff
};
// Checks a PIN typed at the pad; must zero `pin`.
using StaffPinChecker = std::function<StaffPinCheck(std::string pin, std::int64_t now)>;

// What the staff screen shows, read from the store when it opens (not every frame).
using StaffFacts = std::function<ui::StaffModel()>;

class KioskController {
public:
    KioskController(std::vector<LoadedForm> forms, KioskConfig config, store::Database* db, KioskClock clock,
                    std::vector<i18n::Catalog> languages = {});

    void set_staff_pin_checker(StaffPinChecker checker) { check_pin_ = std::move(checker); }
    void set_staff_facts(StaffFacts facts) { staff_facts_ = std::move(facts); }
    // What the PIN pad says when it opens (locked, no PIN set), asked each time it opens.
    void set_staff_entry_state(std::function<ui::StaffEntryModel(std::int64_t now)> state) {
        staff_entry_state_ = std::move(state);
    }
    // "Sync now": `start` begins a run (or says why it cannot: Kind::None when it started);
    // `poll` copies progress, the last result and the next automatic run into the staff model,
    // and is true when they changed.
    void set_sync(std::function<ui::StaffSyncOutcome()> start, std::function<bool(ui::StaffModel&)> poll) {
        start_sync_ = std::move(start);
        poll_sync_ = std::move(poll);
    }
    // "Check connection" (its outcome reaches the staff model through `poll`), and what to tell
    // when a submission has entered the outbox (the kiosk sends it on its own soon after).
    void set_connection_check(std::function<void()> check) { check_connection_ = std::move(check); }
    void set_on_submitted(std::function<void()> hook) { on_submitted_ = std::move(hook); }
    // Whether reading aloud can be heard (voices installed and a sound device that works); the
    // Listen buttons and the read-aloud choice show only while it is. A change redraws.
    void set_read_aloud_available(bool available);
    // Kiosk mode (the default): "Save and come back later" parks a draft through `jobs` (null: not
    // offered). Personal mode (a carer's own device): the draft is kept in the store as the carer
    // goes and offered at the next start; no resume codes. Both need the store (db).
    void set_parked_draft_jobs(ParkedDraftJobs* jobs) { parking_ = jobs; }
    void set_personal_mode(bool personal);
    bool personal_mode() const { return personal_mode_; }
    // Each language's translation coverage, shown on the staff screen.
    void set_translations(std::vector<ui::TranslationCoverage> t) { translations_ = std::move(t); }
    // The language each new person starts in (a wipe goes back to it).
    void set_default_language(std::string code);
    // The store failed to open: only the staff error screen is shown.
    void show_store_error(ui::StoreProblem problem, std::string sentence, std::string code);

    ui::KioskModel model() const;
    ui::UiState& ui_state() { return ui_state_; }
    const i18n::Catalog& catalog() const;
    const ui::DisplayChoices& display() const { return display_; }
    ui::Screen screen() const { return screen_; }

    // Carries out what was asked, then zeroes any personal data the intents carried.
    void apply(ui::Intents& intents);
    // A touch or a key (the inactivity timer restarts, unless its warning is showing).
    void note_input();
    // Moves the inactivity timer on: shows the warning, updates its countdown, clears the session.
    // True when what is on screen changed.
    bool tick();
    // When tick() next has something to do (steady seconds); infinity when nothing is pending.
    double next_deadline() const;

    // Ends the session now: answers and typed text zeroed, display choices back to the defaults.
    void wipe_session();
    bool in_session() const { return session_ != nullptr; }
    engine::FormSession* session() { return session_.get(); }  // tests and the tour
    bool quit_requested() const { return quit_; }
    // True once after a wipe (the app then forgets text it laid out for that person).
    bool take_wiped() {
        const bool w = wiped_;
        wiped_ = false;
        return w;
    }
    // True once after the display choices changed (fonts or colours to rebuild).
    bool take_display_change();

    // For the screenshot tour and tests: go straight to a screen or page.
    void show(ui::Screen s) { screen_ = s; }
    engine::FormSession* open_form(const std::string& form_id);
    void set_staff_entry(ui::StaffEntryModel m) { staff_entry_ = std::move(m); }
    void set_warning_for_tour(std::optional<int> seconds) { tour_warning_ = seconds; }
    void set_staff_for_tour(ui::StaffModel m) { staff_ = std::move(m); }
    void set_notice(ui::KioskModel::Notice notice) { notice_ = notice; }
    void set_save_for_later_for_tour(ui::SaveForLaterModel m) { save_later_ = std::move(m); }
    void set_continue_saved_for_tour(ui::ContinueSavedModel m) { continue_ = std::move(m); }
    void set_personal_offer_for_tour(ui::PersonalDraftOffer o) { personal_offer_ = std::move(o); }
    void set_personal_not_kept_for_tour() { personal_not_kept_ = true; }
    // The tour has no store: its form pages and home screen show the saved-forms buttons anyway.
    void offer_saved_forms_for_tour() { tour_saved_forms_ = true; }

private:
    // [saved forms] kiosk_controller_drafts.cpp
    bool apply_draft_intent(ui::Intent& in);
    void park_draft(std::string& word);
    void resume_draft(std::string& code, std::string& word);
    bool poll_parking();
    void on_parked(ParkOutcome& r);
    void on_resumed(ResumeJobOutcome& r);
    bool restore_into_new_session(const std::string& draft_text);
    bool open_personal_draft(const std::string& form_id);
    bool can_save_for_later() const;
    int parked_days() const;
    void keep_personal_draft();
    void refresh_personal_offer();
    void after_navigation();
    void forget_finished_draft();

    void on_completed();
    void submit_pin(std::string& pin);
    void reset_display();
    void go_to(ui::Screen s);

    std::vector<LoadedForm> forms_;
    std::vector<ui::JourneyCard> journeys_;
    KioskConfig config_;
    store::Database* db_;
    KioskClock clock_;
    std::vector<i18n::Catalog> languages_;
    std::optional<store::CentrePublicKey> centre_key_;
    ui::QrCode help_qr_;

    ui::Screen screen_ = ui::Screen::Attract;
    ui::Screen before_staff_ = ui::Screen::Attract;
    ui::DisplayChoices display_;
    std::string default_language_ = "en";
    bool display_changed_ = false;
    bool read_aloud_available_ = false;
    bool redraw_ = false;  // something views show changed outside apply() (tick() reports it)
    InactivityTimer timer_;
    std::optional<int> shown_countdown_;
    std::optional<int> tour_warning_;

    std::string form_id_;
    std::unique_ptr<engine::FormSession> session_;
    ui::UiState ui_state_;
    ui::KioskModel::Notice notice_ = ui::KioskModel::Notice::None;
    std::string notice_detail_;

    bool personal_mode_ = false;
    ParkedDraftJobs* parking_ = nullptr;
    ui::SaveForLaterModel save_later_;
    ui::ContinueSavedModel continue_;
    ui::PersonalDraftOffer personal_offer_;
    std::string resumed_handle_;    // the parked draft this session came from (deleted once sent)
    std::string saved_position_;    // personal mode: the page last saved, so a save follows each move
    bool personal_not_kept_ = false; // personal mode: the last save failed (told on the form)
    bool tour_saved_forms_ = false;

    StaffPinChecker check_pin_;
    StaffFacts staff_facts_;
    std::function<ui::StaffEntryModel(std::int64_t)> staff_entry_state_;
    std::function<ui::StaffSyncOutcome()> start_sync_;
    std::function<bool(ui::StaffModel&)> poll_sync_;
    std::function<void()> check_connection_;
    std::function<void()> on_submitted_;
    ui::StaffEntryModel staff_entry_;
    ui::StaffModel staff_;
    std::vector<ui::TranslationCoverage> translations_;
    ui::StoreProblem store_problem_ = ui::StoreProblem::Other;
    std::string store_error_, store_error_code_;
    bool quit_ = false;
    bool wiped_ = false;
};

using ui::wipe_intents;

}  // namespace carers::app
