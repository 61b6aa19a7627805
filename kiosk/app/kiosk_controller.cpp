#include "kiosk/app/kiosk_controller.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/engine/response_writer.h"

namespace carers::app {

namespace {

// The order journeys appear on the home screen: the gentle one first.
int journey_rank(const std::string& id) {
    static const char* order[] = {"am-i-a-carer", "carers-self-review", "emergency-card"};
    for (int i = 0; i < 3; ++i)
        if (id == order[i]) return i;
    return 3;
}

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

std::vector<LoadedForm> load_forms(const std::string& dir, const std::function<void(const std::string&)>& problem) {
    std::vector<LoadedForm> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        // Read at most a little over the engine's limit: the parser then refuses it by size.
        std::string buf(engine::max_form_bytes + 1, '\0');
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        buf.resize(static_cast<std::size_t>(in.gcount()));
        auto q = engine::parse_questionnaire(buf);
        if (!q) {
            problem(entry.path().filename().string() + ": " + q.message());
            continue;
        }
        out.push_back({entry.path().stem().string(), q.value()});
    }
    if (ec) problem("Cannot read the forms folder " + dir + ".");
    std::sort(out.begin(), out.end(), [](const LoadedForm& a, const LoadedForm& b) {
        return std::make_pair(journey_rank(a.id), a.id) < std::make_pair(journey_rank(b.id), b.id);
    });
    return out;
}

KioskController::KioskController(std::vector<LoadedForm> forms, KioskConfig config, store::Database* db, Clock clock)
    : forms_(std::move(forms)), config_(std::move(config)), db_(db), clock_(std::move(clock)) {
    for (const auto& f : forms_) {
        const auto& q = *f.questionnaire;
        journeys_.push_back({f.id, q.title.empty() ? f.id : q.title, "", q.estimated_minutes.value_or(0)});
    }
    if (!config_.sealing_public_key.empty())
        if (auto k = store::parse_centre_public_key(config_.sealing_public_key)) centre_key_ = k.value();
}

ui::KioskModel KioskController::model() const {
    ui::KioskModel m;
    m.journeys = &journeys_;
    m.session = session_.get();
    m.placeholders = &config_.placeholders;
    m.notice = notice_;
    return m;
}

void KioskController::wipe_session() {
    if (session_) session_->wipe();
    session_.reset();
    ui_state_.wipe();
    form_id_.clear();
    notice_.clear();
}

void KioskController::apply(const ui::Intents& intents) {
    using K = ui::Intent::Kind;
    for (const ui::Intent& in : intents) {
        switch (in.kind) {
        case K::OpenForm:
            for (const auto& f : forms_)
                if (f.id == in.form_id) {
                    wipe_session();
                    form_id_ = f.id;
                    session_ = std::make_unique<engine::FormSession>(f.questionnaire);
                }
            break;
        case K::Answer:
            if (session_) (void)session_->answer(in.ref, in.values);
            break;
        case K::Next:
            if (session_ && session_->next() == engine::Nav::Completed) on_completed();
            break;
        case K::Back:
            if (session_) (void)session_->back();
            break;
        case K::StartAgain:
        case K::FinishAndClear: wipe_session(); break;
        }
    }
}

void KioskController::on_completed() {
    if (!db_ || !centre_key_) {
        notice_ = "This kiosk is not set up to send answers to the Carers Centre yet, so nothing was saved.";
        return;
    }
    const auto& q = session_->questionnaire();
    // The payload the centre opens: the response plus what it needs to triage it.
    nlohmann::json payload = {{"response", session_->response(iso8601(clock_()))},
                              {"urgent", session_->urgent()},
                              {"language", "en"}};
    std::string text = payload.dump();
    engine::wipe_json(payload);
    store::Outbox outbox(*db_);
    auto saved = outbox.submit({q.url, q.version, kind_of_form(form_id_), std::move(text)}, *centre_key_, clock_());
    notice_ = saved ? "Your answers have been saved and will be sent to the Carers Centre."
                    : "Sorry, your answers could not be saved. Please tell a member of staff. " + saved.message();
}

}  // namespace carers::app
