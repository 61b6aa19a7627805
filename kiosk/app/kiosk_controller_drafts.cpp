// KioskController, saved forms: "Save and come back later" and "Continue a saved form" in kiosk
// mode (parked drafts, sealed off the UI thread by ParkedDraftJobs), and the draft kept as the
// carer goes in personal mode (PersonalDrafts, saved after each move to another page).
//
// Rules kept here, not in the views: only forms that end with Send (uses_check_answers) can be
// parked; nothing is shown as saved unless the store said so; a failure keeps the answers; a
// parked draft is deleted once the form it came from is sent (or parked again under a new code).
#include <cmath>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/common/secure_wipe.h"
#include "kiosk/engine/draft.h"
#include "kiosk/engine/response_writer.h"
#include "kiosk/store/memorable_word.h"
#include "kiosk/store/personal_drafts.h"
#include "kiosk/store/resume_code.h"
#include "kiosk/store/settings.h"
#include "kiosk/ui/question_view.h"

namespace carers::app {

namespace {

constexpr std::int64_t day_seconds = 24 * 60 * 60;

// The session's state as text for the store; the JSON copy is zeroed.
std::string draft_text(const engine::FormSession& session) {
    nlohmann::json j = engine::save_draft(session);
    std::string text = j.dump();
    engine::wipe_json(j);
    return text;
}

} // namespace

void KioskController::set_personal_mode(bool personal) {
    personal_mode_ = personal;
    refresh_personal_offer();
}

bool KioskController::can_save_for_later() const {
    if (!tour_saved_forms_ && (personal_mode_ || !parking_ || !db_)) return false;
    if (!session_ || session_->complete()) return false;
    if (!engine::uses_check_answers(session_->questionnaire()))
        return false; // "Am I a carer?" keeps nothing
    return session_->view() != engine::View::Confirmation;
}

int KioskController::parked_days() const {
    if (!db_) return 14;
    auto days = store::Settings(*db_).get_int(store::setting::parked_draft_days, 14);
    return days ? static_cast<int>(*days) : 14;
}

bool KioskController::apply_draft_intent(ui::Intent& in) {
    using K = ui::Intent::Kind;
    switch (in.kind) {
    case K::SaveForLater:
        if (screen_ != ui::Screen::Form || !can_save_for_later()) return true;
        save_later_ = {};
        secure_wipe(ui_state_.memorable_word);
        go_to(ui::Screen::SaveForLater);
        // The word box has the keyboard at once: choosing the word is all there is to do here.
        ui_state_.focus = "save-later:word";
        ui_state_.keyboard = ui::KeyboardState{};
        return true;
    case K::ParkDraft:
        park_draft(in.text);
        return true;
    case K::OpenContinueSaved:
        if (personal_mode_ || !parking_ || !db_) return true;
        continue_ = {};
        continue_.days = parked_days();
        secure_wipe(ui_state_.resume_code);
        secure_wipe(ui_state_.memorable_word);
        go_to(ui::Screen::ContinueSaved);
        ui_state_.focus = "continue:code";
        ui_state_.keyboard = ui::KeyboardState{};
        ui_state_.keyboard.base = ui_state_.keyboard.layout = ui::KeyboardLayout::ResumeCode;
        return true;
    case K::ResumeDraft: {
        std::string word = in.parts.empty() ? std::string() : std::move(in.parts.front());
        resume_draft(in.text, word);
        secure_wipe(word);
        return true;
    }
    case K::OpenForm:
        // Personal mode: a form with answers saved on this device opens with them.
        return personal_mode_ && db_ && open_personal_draft(in.form_id);
    case K::CarryOnDraft:
        if (!personal_mode_ || !db_ || personal_offer_.form_id.empty()) return true;
        if (!open_personal_draft(personal_offer_.form_id)) open_form(personal_offer_.form_id);
        return true;
    case K::DiscardDraft: {
        if (!personal_mode_ || !db_) return true;
        const ui::PersonalDraftOffer discarded = personal_offer_;
        for (const auto& f : forms_)
            if (f.id == discarded.form_id)
                (void)store::PersonalDrafts(*db_).remove(f.questionnaire->url, "discarded",
                                                         clock_.unix());
        refresh_personal_offer();
        // Answers that could not be opened: "Start again" is the way on, to the form's beginning.
        if (discarded.cannot_open) open_form(discarded.form_id);
        return true;
    }
    default:
        return false;
    }
}

void KioskController::park_draft(std::string& word) {
    using Stage = ui::SaveForLaterModel::Stage;
    const bool choosing =
        save_later_.stage == Stage::ChooseWord || save_later_.stage == Stage::Failed;
    if (screen_ != ui::Screen::SaveForLater || !choosing || !session_ || !parking_) {
        secure_wipe(word);
        return;
    }
    if (auto normal = store::normalise_memorable_word(word)) {
        secure_wipe(*normal);
    } else {
        secure_wipe(word);
        save_later_.problem = ui::SaveForLaterModel::Problem::BadWord;
        return;
    }
    // The word goes to the job; the box and the intent are zeroed.
    std::string typed = std::move(word);
    secure_wipe(word);
    secure_wipe(ui_state_.memorable_word);
    ui_state_.focus.clear();
    save_later_.problem = ui::SaveForLaterModel::Problem::None;
    const bool started = parking_->park(draft_text(*session_), std::move(typed), clock_.unix());
    secure_wipe(typed);  // a short word moved from stays in the string's own buffer
    if (!started) {
        save_later_.stage = Stage::Failed;
        save_later_.problem = ui::SaveForLaterModel::Problem::NotSaved;
        save_later_.detail = "Another save was still running.";
        return;
    }
    save_later_.stage = Stage::Saving;
}

void KioskController::resume_draft(std::string& code, std::string& word) {
    using Status = ui::ContinueSavedModel::Status;
    if (screen_ != ui::Screen::ContinueSaved || continue_.status == Status::Opening || !parking_) {
        secure_wipe(word);
        return;
    }
    // Checked here first, so the carer hears at once and no try is counted.
    if (!store::normalise_resume_code(code)) {
        continue_.status = Status::NotACode;
        secure_wipe(word);
        return;
    }
    if (auto normal = store::normalise_memorable_word(word)) {
        secure_wipe(*normal);
    } else {
        continue_.status = Status::NotAWord;
        secure_wipe(word);
        return;
    }
    const bool started = parking_->resume(code, std::move(word), clock_.unix());
    secure_wipe(word);
    if (!started) return;
    ui_state_.focus.clear();
    continue_.status = Status::Opening;
}

bool KioskController::poll_parking() {
    if (!parking_) return false;
    auto done = parking_->take();
    if (!done) return false;
    if (auto* parked = std::get_if<ParkOutcome>(&*done)) on_parked(*parked);
    if (auto* resumed = std::get_if<ResumeJobOutcome>(&*done)) on_resumed(*resumed);
    return true;
}

void KioskController::on_parked(ParkOutcome& r) {
    using Stage = ui::SaveForLaterModel::Stage;
    // The carer left meanwhile (Finish and clear, the timeout, staff mode): the code was never
    // shown, so nobody could open the draft again. It is deleted now rather than kept unopened
    // for days: "Finish and clear" means nothing of theirs stays behind.
    if (screen_ != ui::Screen::SaveForLater || save_later_.stage != Stage::Saving) {
        if (r.ticket) {
            if (db_)
                (void)store::ParkedDrafts(*db_).remove(r.ticket->handle, "abandoned",
                                                       clock_.unix());
            secure_wipe(r.ticket->code);
            secure_wipe(r.ticket->shown_code);
        }
        return;
    }
    if (!r.ticket) {
        save_later_.stage = Stage::Failed;
        save_later_.problem = ui::SaveForLaterModel::Problem::NotSaved;
        save_later_.detail = r.error;
        return;
    }
    // Saved under a new code: the draft this session was resumed from is not needed any more.
    if (!resumed_handle_.empty() && db_)
        (void)store::ParkedDrafts(*db_).remove(resumed_handle_, "finished", clock_.unix());
    secure_wipe(resumed_handle_);
    // Parked and sealed: the answers leave the screen now; only the code is shown.
    wipe_session();
    save_later_.stage = Stage::Saved;
    save_later_.shown_code = r.ticket->shown_code;
    save_later_.days = static_cast<int>(std::max<std::int64_t>(
        1, (r.ticket->expires_at - clock_.unix() + day_seconds - 1) / day_seconds));
    secure_wipe(r.ticket->code);
    secure_wipe(r.ticket->shown_code);
}

void KioskController::on_resumed(ResumeJobOutcome& r) {
    using Status = ui::ContinueSavedModel::Status;
    const bool waiting =
        screen_ == ui::Screen::ContinueSaved && continue_.status == Status::Opening;
    if (!waiting) {
        if (r.outcome) secure_wipe(r.outcome->draft);
        return;
    }
    if (!r.outcome) {
        continue_.status = Status::Failed;
        continue_.detail = r.error;
        return;
    }
    store::ResumeOutcome& o = *r.outcome;
    secure_wipe(ui_state_.memorable_word);
    switch (o.status) {
    case store::ResumeStatus::opened:
        if (restore_into_new_session(o.draft)) {
            resumed_handle_ = o.handle;
            continue_ = {};
        } else {
            continue_.status = Status::CannotOpen;
        }
        break;
    case store::ResumeStatus::wrong_word:
        continue_.status = Status::WrongWord;
        continue_.words_left = o.words_left;
        ui_state_.focus = "continue:word";
        ui_state_.keyboard = ui::KeyboardState{};
        break;
    case store::ResumeStatus::deleted:
        continue_.status = Status::Deleted;
        secure_wipe(ui_state_.resume_code);
        break;
    case store::ResumeStatus::no_such_code:
        continue_.status = Status::NoSuchCode;
        break;
    case store::ResumeStatus::not_a_code:
        continue_.status = Status::NotACode;
        break;
    case store::ResumeStatus::not_a_word:
        continue_.status = Status::NotAWord;
        break;
    case store::ResumeStatus::too_many_codes:
        continue_.status = Status::TooManyCodes;
        continue_.minutes = std::max(
            1, static_cast<int>(std::ceil(static_cast<double>(o.retry_at - clock_.unix()) / 60.0)));
        break;
    }
    secure_wipe(o.draft);
    secure_wipe(o.handle);
}

bool KioskController::open_personal_draft(const std::string& form_id) {
    for (const auto& f : forms_) {
        if (f.id != form_id) continue;
        auto saved = store::PersonalDrafts(*db_).load(f.questionnaire->url);
        if (!saved || !*saved) return false; // nothing saved: the form opens empty
        const bool restored = restore_into_new_session((*saved)->draft);
        secure_wipe((*saved)->draft);
        if (restored) return true;
        // Saved on this device but not put back (the form changed since, or the copy is damaged).
        // The carer is told rather than given an empty form in silence, and the copy is kept
        // until they choose Start again: nothing of theirs is deleted without being asked, and a
        // kiosk whose form files are put right can still open it. (The purge after
        // drafts.personal_days deletes it if nobody ever does.)
        const auto& q = *f.questionnaire;
        personal_offer_ = {f.id, q.title.empty() ? f.id : q.title, true};
        go_to(ui::Screen::Home);
        return true;
    }
    return false;
}

bool KioskController::restore_into_new_session(const std::string& draft_text) {
    nlohmann::json draft = nlohmann::json::parse(draft_text, nullptr, false);
    if (draft.is_discarded()) return false;
    bool restored = false;
    const ui::Screen before = screen_;
    for (const auto& f : forms_) {
        if (!open_form(f.id)) continue;
        if (engine::restore_draft(*session_, draft)) {
            restored = true;
            break;
        }
    }
    engine::wipe_json(draft);
    if (!restored) {
        if (session_) session_->wipe();
        session_.reset();
        form_id_.clear();
        screen_ = before;
        return false;
    }
    saved_position_.clear();
    return true;
}

void KioskController::keep_personal_draft() {
    if (!personal_mode_ || !db_ || !session_ || session_->complete() ||
        session_->store().all().empty())
        return;
    auto saved = store::PersonalDrafts(*db_).save(session_->questionnaire().url,
                                                  draft_text(*session_), clock_.unix());
    // A failed save does not stop the carer (the answers are still on screen): the form says,
    // without blocking, that they are not being kept. The next move to another page tries again
    // (not every tap: a locked database makes each try wait for its busy timeout).
    personal_not_kept_ = !saved;
}

void KioskController::after_navigation() {
    if (!personal_mode_ || !session_) return;
    const engine::Page page = session_->current_page();
    const std::string position =
        std::to_string(static_cast<int>(session_->view())) + ":" +
        (page.anchor.item ? ui::occurrence_id(page.anchor) : std::string()) + ":" +
        std::to_string(page.kind == engine::PageKind::AddAnother);
    if (position == saved_position_) return;
    saved_position_ = position;
    keep_personal_draft();
}

void KioskController::refresh_personal_offer() {
    personal_offer_ = {};
    if (!personal_mode_ || !db_) return;
    // Names only, most recent first: the answers stay in the store until the carer carries on.
    auto forms = store::PersonalDrafts(*db_).forms();
    if (!forms) return;
    for (const std::string& url : *forms)
        for (const auto& f : forms_)
            if (f.questionnaire->url == url) {
                const auto& q = *f.questionnaire;
                personal_offer_ = {f.id, q.title.empty() ? f.id : q.title};
                return;
            }
}

void KioskController::forget_finished_draft() {
    if (!db_ || !session_) return;
    if (!resumed_handle_.empty()) {
        (void)store::ParkedDrafts(*db_).remove(resumed_handle_, "finished", clock_.unix());
        secure_wipe(resumed_handle_);
    }
    if (personal_mode_) {
        (void)store::PersonalDrafts(*db_).remove(session_->questionnaire().url, "finished",
                                                 clock_.unix());
        personal_offer_ = {};
    }
}

} // namespace carers::app
