#include "kiosk/app/staff_sync.h"

#include <nlohmann/json.hpp>

#include "sync/protocol/kiosk_sync_config.h"

namespace carers::app {

namespace {

// kiosk.json's "centre" section also holds what the home screen shows (phone, email, web,
// opening hours); the sync reader accepts only the keys it knows, so it is given just those.
std::string sync_sections(const std::string& config_json) {
    nlohmann::json j = nlohmann::json::parse(config_json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return config_json;
    nlohmann::json out = nlohmann::json::object();
    if (j.contains("sync")) out["sync"] = j["sync"];
    if (j.contains("centre") && j["centre"].is_object()) {
        nlohmann::json centre = nlohmann::json::object();
        for (const char* key : {"name", "sealing_public_key"})
            if (j["centre"].contains(key)) centre[key] = j["centre"][key];
        out["centre"] = centre;
    }
    return out.dump();
}

}  // namespace

StaffSync::StaffSync(std::filesystem::path database, store::SecretKey key, const std::string& config_json,
                     std::filesystem::path config_dir)
    : database_(std::move(database)), key_(key) {
    if (config_json.empty()) {
        problem_ = "Sync is not set up: this kiosk has no settings file (kiosk.json).";
        return;
    }
    auto parsed = sync::parse_kiosk_sync_config(sync_sections(config_json), config_dir);
    if (!parsed) {
        problem_ = "Sync is not set up: " + parsed.message();
        return;
    }
    settings_ = parsed->sync;
}

std::string StaffSync::start() {
    if (!settings_) return problem_;
    if (!sync_.start({database_, key_}, *settings_)) return "A sync is already running.";
    return {};
}

bool StaffSync::poll(ui::StaffModel& m) {
    const bool was_syncing = m.syncing;
    m.syncing = sync_.running();
    if (m.syncing) {
        const sync::SyncProgress p = sync_.progress();
        const std::int64_t done = p.confirmed + p.rejected;
        m.sync_progress = p.total > 0 ? static_cast<float>(done) / static_cast<float>(p.total) : 0.f;
        m.sync_message = p.status;
    }
    if (auto r = sync_.take_result()) {
        m.syncing = false;
        m.sync_progress = 1.f;
        m.sync_message = r->message;
        return true;
    }
    return was_syncing && !m.syncing;
}

}  // namespace carers::app
