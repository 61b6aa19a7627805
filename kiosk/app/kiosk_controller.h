// KioskController: the app's state and the one place intents are carried out.
//
// It owns the loaded forms, the session in progress, the UI's typed-text state and the store. Views
// only read it through ui::KioskModel.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_config.h"
#include "kiosk/engine/form_session.h"
#include "kiosk/store/outbox.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/kiosk_screen.h"
#include "kiosk/ui/ui_state.h"

namespace carers::app {

struct LoadedForm {
    std::string id;  // file name without .json
    std::shared_ptr<const engine::Questionnaire> questionnaire;
};

// Reads every *.json form in `dir`, in journey order; a form that cannot be loaded is reported
// through `problem` (file name and sentence, no personal data) and skipped.
std::vector<LoadedForm> load_forms(const std::string& dir, const std::function<void(const std::string&)>& problem);

class KioskController {
public:
    using Clock = std::function<std::int64_t()>;  // unix seconds

    KioskController(std::vector<LoadedForm> forms, KioskConfig config, store::Database* db, Clock clock);

    ui::KioskModel model() const;
    ui::UiState& ui_state() { return ui_state_; }
    void apply(const ui::Intents& intents);

    // Ends the session now: answers and typed text zeroed, back to the home screen.
    void wipe_session();
    bool in_session() const { return session_ != nullptr; }

private:
    void on_completed();

    std::vector<LoadedForm> forms_;
    std::vector<ui::JourneyCard> journeys_;
    KioskConfig config_;
    store::Database* db_;
    Clock clock_;
    std::optional<store::CentrePublicKey> centre_key_;

    std::string form_id_;
    std::unique_ptr<engine::FormSession> session_;
    ui::UiState ui_state_;
    std::string notice_;
};

}  // namespace carers::app
