#include "kiosk/app/kiosk_controller.h"

#include <array>
#include <cmath>
#include <ctime>
#include <limits>

#include <sodium.h>

#include "kiosk/app/qr_code.h"
#include "kiosk/common/secure_wipe.h"
#include "kiosk/engine/response_writer.h"
#include "kiosk/ui/kiosk_screen.h"

namespace carers::app {

namespace {

std::string kind_of_form(const std::string& id) {
    if (id == "carers-self-review") return "self-review";
    return id;
}

std::string iso8601(std::int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

KioskController::KioskController(std::vector<LoadedForm> forms, KioskConfig config, store::Database* db, KioskClock clock,
                                 std::vector<i18n::Catalog> languages)
    : forms_(std::move(forms)),
      config_(std::move(config)),
      db_(db),
      clock_(std::move(clock)),
      languages_(std::move(languages)),
      timer_({config_.behaviour.inactivity_seconds, config_.behaviour.warning_seconds}) {
    if (languages_.empty()) languages_.emplace_back();  // English
    for (const auto& f : forms_) {
        const auto& q = *f.questionnaire;
        journeys_.push_back({f.id, q.title.empty() ? f.id : q.title, "", q.estimated_minutes.value_or(0)});
    }
    if (!config_.sealing_public_key.empty())
        if (auto k = store::parse_centre_public_key(config_.sealing_public_key)) centre_key_ = k.value();
    if (auto it = config_.placeholders.find("centre.web"); it != config_.placeholders.end()) help_qr_ = make_qr_code(it->second);
    timer_.more_time(clock_.steady());
}

const i18n::Catalog& KioskController::catalog() const {
    for (const auto& c : languages_)
        if (c.language().code == display_.language) return c;
    return languages_.front();
}

ui::KioskModel KioskController::model() const {
    ui::KioskModel m;
    m.screen = screen_;
    for (const auto& c : languages_) m.languages.push_back(&c);
    m.display = display_;
    m.display.read_aloud_available = read_aloud_available_;
    m.journeys = &journeys_;
    m.session = screen_ == ui::Screen::Form ? session_.get() : nullptr;
    m.placeholders = &config_.placeholders;
    m.help_qr = help_qr_.size > 0 ? &help_qr_ : nullptr;
    m.notice = notice_;
    m.notice_detail = notice_detail_;
    m.seconds_until_clear = tour_warning_ ? tour_warning_ : shown_countdown_;
    m.attract_period = config_.behaviour.attract_seconds;
    m.can_save_for_later = screen_ == ui::Screen::Form && can_save_for_later();
    m.can_continue_saved = tour_saved_forms_ || (!personal_mode_ && parking_ && db_);
    m.save_for_later = save_later_;
    m.continue_saved = continue_;
    m.personal_draft = personal_offer_;
    m.personal_not_kept = screen_ == ui::Screen::Form && personal_not_kept_;
    m.staff_entry = staff_entry_;
    m.staff = staff_;
    m.store_problem = store_problem_;
    m.store_error = store_error_;
    m.store_error_code = store_error_code_;
    return m;
}

void KioskController::set_read_aloud_available(bool available) {
    if (available == read_aloud_available_) return;
    read_aloud_available_ = available;
    if (!available) display_.read_aloud = false;
    redraw_ = true;
}

void KioskController::show_store_error(ui::StoreProblem problem, std::string sentence, std::string code) {
    store_problem_ = problem;
    store_error_ = std::move(sentence);
    store_error_code_ = std::move(code);
    screen_ = ui::Screen::StoreError;
}

engine::FormSession* KioskController::open_form(const std::string& form_id) {
    for (const auto& f : forms_)
        if (f.id == form_id) {
            keep_personal_draft();
            if (session_) session_->wipe();
            secure_wipe(resumed_handle_);
            saved_position_.clear();
            personal_not_kept_ = false;
            ui_state_.wipe();
            form_id_ = f.id;
            notice_ = ui::KioskModel::Notice::None;
            session_ = std::make_unique<engine::FormSession>(f.questionnaire);
            // Today, for "a date of birth must be in the past" (the engine has no clock).
            const std::time_t now = static_cast<std::time_t>(clock_.unix());
            std::tm tm{};
            localtime_r(&now, &tm);
            session_->set_today(engine::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
            screen_ = ui::Screen::Form;
            return session_.get();
        }
    return nullptr;
}

void KioskController::go_to(ui::Screen s) {
    screen_ = s;
    ui_state_.page_key.clear();
    ui_state_.focus.clear();
}

void KioskController::set_default_language(std::string code) {
    default_language_ = std::move(code);
    if (display_.language != default_language_) {
        display_.language = default_language_;
        display_changed_ = true;
    }
}

void KioskController::reset_display() {
    ui::DisplayChoices defaults;
    defaults.language = default_language_;
    if (display_.language != defaults.language || display_.text_size != defaults.text_size ||
        display_.high_contrast != defaults.high_contrast)
        display_changed_ = true;
    display_ = defaults;
}

bool KioskController::take_display_change() {
    const bool changed = display_changed_;
    display_changed_ = false;
    return changed;
}

void KioskController::wipe_session() {
    keep_personal_draft();  // personal mode: what was typed on this page is kept too
    if (session_) session_->wipe();
    session_.reset();
    ui_state_.wipe();
    ui::forget_imgui_state();
    form_id_.clear();
    notice_ = ui::KioskModel::Notice::None;
    secure_wipe(notice_detail_);
    shown_countdown_.reset();
    secure_wipe(save_later_.shown_code);  // with the word, it opens the saved answers
    save_later_ = {};
    continue_ = {};
    secure_wipe(resumed_handle_);
    saved_position_.clear();
    personal_not_kept_ = false;
    refresh_personal_offer();
    wiped_ = true;
}

void KioskController::note_input() {
    if (screen_ == ui::Screen::Attract || screen_ == ui::Screen::StoreError) return;
    timer_.touch(clock_.steady());
}

bool KioskController::tick() {
    if (poll_parking()) return true;  // a save or an opening has ended: show how it went
    // A run started or ended (automatic runs too), or a connection check answered: the staff
    // screen's counts, last sync and refused list are read again and it is drawn again.
    // Or something views show changed outside apply() (set_read_aloud_available).
    bool staff_changed = redraw_;
    redraw_ = false;
    if (poll_sync_ && poll_sync_(staff_) && screen_ == ui::Screen::Staff) {
        if (staff_facts_) {
            staff_ = staff_facts_();
            staff_.translations = translations_;
            poll_sync_(staff_);
        }
        staff_changed = true;
    }
    if (screen_ == ui::Screen::Attract || screen_ == ui::Screen::StoreError) {
        const bool changed = shown_countdown_.has_value();
        shown_countdown_.reset();
        return changed || staff_changed;
    }
    const double now = clock_.steady();
    switch (timer_.state(now)) {
    case InactivityTimer::State::Active: {
        const bool changed = shown_countdown_.has_value();
        shown_countdown_.reset();
        return changed || staff_changed;
    }
    case InactivityTimer::State::Warning: {
        const auto left = timer_.seconds_left(now);
        const bool changed = left != shown_countdown_;
        shown_countdown_ = left;
        if (changed && !ui_state_.focus.empty()) ui_state_.focus.clear();  // the keyboard goes with the page
        return changed || staff_changed;
    }
    case InactivityTimer::State::Expired:
        wipe_session();
        staff_ = {};
        staff_entry_ = {};
        reset_display();
        go_to(ui::Screen::Attract);
        return true;
    }
    return false;
}

double KioskController::next_deadline() const {
    // While a save or an opening runs, look for its end often (the job also wakes the loop).
    if (parking_ && parking_->running()) return clock_.steady() + 0.05;
    if (screen_ == ui::Screen::Attract || screen_ == ui::Screen::StoreError) return std::numeric_limits<double>::infinity();
    return timer_.next_change(clock_.steady());
}

void KioskController::apply(ui::Intents& intents) {
    using K = ui::Intent::Kind;
    const double now = clock_.steady();
    for (ui::Intent& in : intents) {
        // Moving to another page or view puts the keyboard away.
        if (in.kind == K::Next || in.kind == K::Back || in.kind == K::AddAnother || in.kind == K::ShowTaskList ||
            in.kind == K::OpenSection || in.kind == K::Change || in.kind == K::Submit || in.kind == K::RemoveRepetition)
            ui_state_.focus.clear();
        if (apply_draft_intent(in)) continue;
        switch (in.kind) {
        case K::OpenForm: open_form(in.form_id); break;
        case K::Answer:
            // Moved, not copied: the engine keeps the only copy (and zeroes it on a wipe).
            if (session_) (void)session_->answer(in.ref, std::move(in.values));
            break;
        case K::AnswerText:
            if (session_) (void)session_->answer_text(in.ref, in.text);
            break;
        case K::AnswerDate:
            if (session_ && in.parts.size() == 3) {
                engine::DateFields fields{std::move(in.parts[0]), std::move(in.parts[1]), std::move(in.parts[2])};
                (void)session_->answer_date(in.ref, fields);
                secure_wipe(fields.day);
                secure_wipe(fields.month);
                secure_wipe(fields.year);
            }
            break;
        case K::ToggleOption:
            if (session_ && !in.values.empty()) (void)session_->toggle_option(in.ref, in.values.front());
            break;
        case K::Next:
            if (session_ && session_->next() == engine::Nav::Completed) on_completed();
            break;
        case K::Back:
            if (session_) (void)session_->back();
            break;
        case K::AddAnother:
            if (session_) (void)session_->add_another();
            break;
        case K::RemoveRepetition:
            if (session_ && in.ref.item && session_->remove_repetition(*in.ref.item, in.ref.reps, in.number))
                ui_state_.forget_typed();
            break;
        case K::ShowTaskList:
            if (session_) (void)session_->show_task_list();
            break;
        case K::OpenSection:
            if (session_ && in.ref.item) (void)session_->open_section(*in.ref.item);
            break;
        case K::Change:
            if (session_) (void)session_->change(in.ref);
            break;
        case K::Submit:
            if (session_) {
                // The reference number's randomness: the engine has none of its own.
                std::array<std::uint8_t, 8> bytes{};
                randombytes_buf(bytes.data(), bytes.size());
                if (session_->submit(bytes) == engine::Nav::Completed) on_completed();
            }
            break;
        case K::StartAgain:
            wipe_session();
            go_to(ui::Screen::Home);
            break;
        case K::FinishAndClear:
            wipe_session();
            reset_display();
            go_to(ui::Screen::Attract);
            break;
        case K::Wake:
            timer_.more_time(now);
            go_to(ui::Screen::Start);
            break;
        case K::ChooseLanguage:
            for (const auto& c : languages_)
                if (c.language().code == in.text && display_.language != in.text) {
                    display_.language = in.text;
                    display_changed_ = true;  // another script may need other glyphs
                }
            break;
        case K::SetTextSize:
            if ((in.number == 100 || in.number == 150 || in.number == 200) && in.number != display_.text_size) {
                display_.text_size = in.number;
                display_changed_ = true;
            }
            break;
        case K::SetHighContrast:
            if (display_.high_contrast != (in.number != 0)) {
                display_.high_contrast = in.number != 0;
                display_changed_ = true;
            }
            break;
        case K::SetReadAloud: display_.read_aloud = in.number != 0 && read_aloud_available_; break;
        case K::GoHome:
            // From the language and display choices: back to the form a person was filling in,
            // with every answer kept, else on to the journeys.
            go_to(session_ ? ui::Screen::Form : ui::Screen::Home);
            break;
        case K::GoStart: go_to(ui::Screen::Start); break;
        case K::Listen: break;  // speech is the app's (PageReader), not the controller's
        case K::MoreTime:
            timer_.more_time(now);
            shown_countdown_.reset();
            break;
        case K::OpenStaffEntry:
            if (screen_ == ui::Screen::Staff || screen_ == ui::Screen::StaffEntry || screen_ == ui::Screen::StoreError) break;
            before_staff_ = screen_;
            staff_entry_ = staff_entry_state_ ? staff_entry_state_(clock_.unix()) : ui::StaffEntryModel{};
            if (!check_pin_) staff_entry_.status = ui::StaffEntryModel::Status::NoPin;  // no store, no PIN
            secure_wipe(ui_state_.pin);
            timer_.more_time(now);
            screen_ = ui::Screen::StaffEntry;
            break;
        case K::SubmitPin: submit_pin(in.text); break;
        case K::CloseStaff:
            secure_wipe(ui_state_.pin);
            if (screen_ == ui::Screen::StaffEntry && before_staff_ != ui::Screen::Attract) {
                // Cancelled: back to where the person was (a carer who held the corner by chance).
                screen_ = before_staff_;
            } else {
                staff_ = {};
                go_to(ui::Screen::Attract);
            }
            break;
        case K::SyncNow: {
            if (screen_ != ui::Screen::Staff) break;
            ui::StaffSyncOutcome refused;
            refused.kind = ui::StaffSyncOutcome::Kind::NotSetUp;  // no store, so no sync service
            if (start_sync_) refused = start_sync_();
            if (refused.kind != ui::StaffSyncOutcome::Kind::None) staff_.sync_outcome = refused;
            if (poll_sync_) poll_sync_(staff_);
            break;
        }
        case K::CheckConnection:
            if (screen_ != ui::Screen::Staff) break;
            if (check_connection_) check_connection_();
            else staff_.check_outcome.kind = ui::StaffCheckOutcome::Kind::NotSetUp;
            if (poll_sync_) poll_sync_(staff_);
            break;
        case K::LeaveKioskMode:
            if (screen_ == ui::Screen::Staff || screen_ == ui::Screen::StoreError) quit_ = true;
            break;
        default: break;  // saved forms: apply_draft_intent
        }
    }
    ui::wipe_intents(intents);
    if (screen_ == ui::Screen::Form) after_navigation();
}

void KioskController::submit_pin(std::string& pin) {
    StaffPinCheck r;
    if (check_pin_) {
        r = check_pin_(std::move(pin), clock_.unix());
    } else {
        r.status = StaffPinCheck::Status::NoPin;
    }
    secure_wipe(pin);
    using S = ui::StaffEntryModel::Status;
    staff_entry_ = {};
    switch (r.status) {
    case StaffPinCheck::Status::Ok:
        // Staff mode: whatever a carer left open is cleared first.
        wipe_session();
        reset_display();
        staff_ = staff_facts_ ? staff_facts_() : ui::StaffModel{};
        if (poll_sync_) poll_sync_(staff_);
        staff_.translations = translations_;
        go_to(ui::Screen::Staff);
        return;
    case StaffPinCheck::Status::Wrong:
        staff_entry_.status = S::WrongPin;
        staff_entry_.tries_left = r.tries_left;
        break;
    case StaffPinCheck::Status::Locked: {
        staff_entry_.status = S::Locked;
        const double left = static_cast<double>(r.locked_until - clock_.unix());
        staff_entry_.locked_minutes = std::max(1, static_cast<int>(std::ceil(left / 60.0)));
        break;
    }
    case StaffPinCheck::Status::NoPin: staff_entry_.status = S::NoPin; break;
    case StaffPinCheck::Status::Error:
        staff_entry_.status = S::Error;
        staff_entry_.error = r.error;
        break;
    }
}

void KioskController::on_completed() {
    if (!db_ || !centre_key_) {
        notice_ = ui::KioskModel::Notice::NotEnrolled;
        return;
    }
    const auto& q = session_->questionnaire();
    // The payload the centre opens: the response plus what it needs to triage it.
    nlohmann::json payload = {{"response", session_->response(iso8601(clock_.unix()))},
                              {"urgent", session_->urgent()},
                              {"language", display_.language}};
    std::string text = payload.dump();
    engine::wipe_json(payload);
    store::Outbox outbox(*db_);
    auto saved = outbox.submit({q.url, q.version, kind_of_form(form_id_), std::move(text)}, *centre_key_, clock_.unix());
    if (saved) {
        notice_ = ui::KioskModel::Notice::Saved;
        if (on_submitted_) on_submitted_();
        forget_finished_draft();  // sent: a saved copy of the answers would only be a risk
    } else {
        notice_ = ui::KioskModel::Notice::SaveFailed;
        notice_detail_ = saved.message();
    }
}

}  // namespace carers::app
