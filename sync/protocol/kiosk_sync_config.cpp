#include "sync/protocol/kiosk_sync_config.h"

#include <fstream>
#include <set>
#include <sstream>

#include "sync/protocol/encoding.h"
#include "sync/protocol/json_fields.h"

namespace carers::sync {

using nlohmann::json;

namespace {

Result<void> only_known_keys(const json& section, const char* name, const std::set<std::string>& known) {
    for (const auto& [key, value] : section.items())
        if (!known.count(key))
            return make_error(std::string("The kiosk config's \"") + name + "\" section has an unknown key \"" +
                              key + "\".");
    return {};
}

Result<std::array<std::uint8_t, 32>> key32(const json& section, const char* key, const std::string& where) {
    auto text = get_string(section, key, where);
    if (!text) return text.error();
    auto bytes = base64_decode(*text);
    if (!bytes || bytes->size() != 32)
        return make_error(where + ": \"" + key + "\" must be a 32-byte key in base64.");
    std::array<std::uint8_t, 32> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

template <typename T>
Result<void> read_number(const json& s, const char* key, T& into, std::int64_t min, std::int64_t max,
                         const std::string& where) {
    auto v = get_int_or(s, key, static_cast<std::int64_t>(into), where);
    if (!v) return v.error();
    if (*v < min || *v > max)
        return make_error(where + ": \"" + key + "\" must be between " + std::to_string(min) + " and " +
                          std::to_string(max) + ".");
    into = static_cast<T>(*v);
    return {};
}

bool valid_pin(const std::string& pin) {
    // One or more "sha256//<44 base64 chars>" separated by ';', as CURLOPT_PINNEDPUBLICKEY takes.
    std::stringstream ss(pin);
    std::string part;
    int n = 0;
    while (std::getline(ss, part, ';')) {
        if (part.rfind("sha256//", 0) != 0) return false;
        auto bytes = base64_decode(part.substr(8));
        if (!bytes || bytes->size() != 32) return false;
        ++n;
    }
    return n > 0;
}

}  // namespace

Result<KioskSyncConfig> parse_kiosk_sync_config(const std::string& text, const std::filesystem::path& dir) {
    auto parsed = parse_json(text, "The kiosk config");
    if (!parsed) return parsed.error();
    const json& root = *parsed;
    if (!root.is_object()) return make_error("The kiosk config must be a JSON object.");
    auto sync_it = root.find("sync");
    auto centre_it = root.find("centre");
    if (sync_it == root.end() || !sync_it->is_object())
        return make_error("The kiosk config has no \"sync\" section.");
    if (centre_it == root.end() || !centre_it->is_object())
        return make_error("The kiosk config has no \"centre\" section.");
    const json& s = *sync_it;
    const json& c = *centre_it;
    const std::string sw = "The kiosk config's \"sync\" section";
    const std::string cw = "The kiosk config's \"centre\" section";

    if (auto r = only_known_keys(s, "sync",
                                 {"url", "ca_file", "pin", "receipt_public_key", "device_id", "batch_max_count",
                                  "batch_max_bytes", "connect_timeout_ms", "request_timeout_ms", "stall_timeout_ms",
                                  "gzip", "max_attempts", "backoff_base_ms", "backoff_max_ms", "max_wait_ms",
                                  "auto_sync_minutes"});
        !r)
        return r.error();
    // "centre" is shared with the app (phone, email, opening hours...): only "sync" is ours alone.

    KioskSyncConfig cfg;
    SyncSettings& out = cfg.sync;
    auto url = get_string(s, "url", sw);
    if (!url) return url.error();
    if (url->rfind("https://", 0) != 0 || url->size() <= 8)
        return make_error(sw + ": \"url\" must start with https:// (submissions never travel unencrypted).");
    out.url = *url;
    while (!out.url.empty() && out.url.back() == '/') out.url.pop_back();

    auto ca = get_string_or(s, "ca_file", "", sw);
    if (!ca) return ca.error();
    if (!ca->empty()) {
        std::filesystem::path p(*ca);
        out.ca_file = (p.is_absolute() ? p : dir / p).lexically_normal().string();
    }
    auto pin = get_string_or(s, "pin", "", sw);
    if (!pin) return pin.error();
    if (!pin->empty() && !valid_pin(*pin))
        return make_error(sw + ": \"pin\" must be \"sha256//\" followed by the base64 SHA-256 of the centre's public key.");
    out.pin = *pin;
    auto rk = key32(s, "receipt_public_key", sw);
    if (!rk) return rk.error();
    out.receipt_public_key = *rk;
    auto device = get_string(s, "device_id", sw);
    if (!device) return device.error();
    if (!is_device_id(*device))
        return make_error(sw + ": \"device_id\" must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'.");
    out.device_id = *device;

    for (auto r : {read_number(s, "batch_max_count", out.batch_max_count, 1, 1000, sw),
                   read_number(s, "batch_max_bytes", out.batch_max_bytes, 4096, 32 * 1024 * 1024, sw),
                   read_number(s, "connect_timeout_ms", out.connect_timeout_ms, 100, 600'000, sw),
                   read_number(s, "request_timeout_ms", out.request_timeout_ms, 100, 3'600'000, sw),
                   read_number(s, "stall_timeout_ms", out.stall_timeout_ms, 1000, 600'000, sw),
                   read_number(s, "max_attempts", out.max_attempts, 1, 100, sw),
                   read_number(s, "backoff_base_ms", out.backoff_base_ms, 1, 3'600'000, sw),
                   read_number(s, "backoff_max_ms", out.backoff_max_ms, 1, 86'400'000, sw),
                   read_number(s, "max_wait_ms", out.max_wait_ms, 0, 86'400'000, sw),
                   read_number(s, "auto_sync_minutes", out.auto_sync_minutes, 0, 1440, sw)})
        if (!r) return r.error();
    auto gzip = get_bool_or(s, "gzip", out.gzip, sw);
    if (!gzip) return gzip.error();
    out.gzip = *gzip;

    auto name = get_string_or(c, "name", "", cw);
    if (!name) return name.error();
    cfg.centre.name = *name;
    auto sk = key32(c, "sealing_public_key", cw);
    if (!sk) return sk.error();
    cfg.centre.sealing_public_key = *sk;
    return cfg;
}

Result<KioskSyncConfig> load_kiosk_sync_config(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("The kiosk config " + path.string() + " cannot be read.");
    std::ostringstream ss;
    ss << in.rdbuf();
    auto r = parse_kiosk_sync_config(ss.str(), path.parent_path());
    if (!r) return make_error(r.message() + " (" + path.string() + ")");
    return r;
}

}  // namespace carers::sync
