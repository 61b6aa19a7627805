#include "kiosk/store/settings.h"

#include <charconv>
#include <cstring>

#include <sodium.h>

#include "kiosk/store/field_key.h"

namespace carers::store {

bool is_secret_setting(const std::string& name) {
    for (const char* secret : secret_settings)
        if (name == secret) return true;
    return false;
}

namespace {

std::string setting_context(const std::string& name) { return "setting:" + name; }

Result<std::string> seal_setting(Database& db, const std::string& name, const std::string& value) {
    if (!db.field_key()) return make_error("This database has no key for secret settings, so " + name + " cannot be kept in it.");
    auto sealed = seal_field(*db.field_key(), value.data(), value.size(), setting_context(name));
    std::string hex(sealed.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), sealed.data(), sealed.size());
    hex.pop_back();
    return sealed_setting_prefix + hex;
}

Result<std::string> open_setting(Database& db, const std::string& name, const std::string& stored) {
    const std::size_t prefix = std::strlen(sealed_setting_prefix);
    if (!db.field_key()) return make_error("This database has no key for secret settings, so " + name + " cannot be read.");
    if (stored.compare(0, prefix, sealed_setting_prefix) != 0)
        return make_error("The setting " + name + " should be sealed but is not.");
    std::vector<std::uint8_t> sealed((stored.size() - prefix) / 2);
    std::size_t n = 0;
    if (sodium_hex2bin(sealed.data(), sealed.size(), stored.data() + prefix, stored.size() - prefix, nullptr, &n, nullptr) != 0 ||
        n != sealed.size())
        return make_error("The setting " + name + " is damaged.");
    return open_field(*db.field_key(), sealed, setting_context(name));
}

}  // namespace

Result<std::optional<std::string>> Settings::get(const std::string& name) {
    auto st = db_.prepare("SELECT value FROM settings WHERE key = ?");
    if (!st) return st.error();
    st->bind(1, name);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>();
    if (is_secret_setting(name)) {
        auto opened = open_setting(db_, name, st->text(0));
        if (!opened) return opened.error();
        return std::optional<std::string>(std::move(*opened));
    }
    return std::optional<std::string>(st->text(0));
}

Result<std::int64_t> Settings::get_int(const std::string& name, std::int64_t fallback) {
    auto v = get(name);
    if (!v) return v.error();
    if (!v->has_value()) return fallback;
    const std::string& s = **v;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size())
        return make_error("The setting " + name + " should be a whole number but is \"" + s + "\".");
    return n;
}

Result<void> Settings::set(const std::string& name, const std::string& value) {
    auto st = db_.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!st) return st.error();
    if (is_secret_setting(name)) {
        auto sealed = seal_setting(db_, name, value);
        if (!sealed) return sealed.error();
        return st->bind(1, name).bind(2, *sealed).run();
    }
    return st->bind(1, name).bind(2, value).run();
}

Result<void> Settings::set_int(const std::string& name, std::int64_t value) { return set(name, std::to_string(value)); }

Result<void> Settings::remove(const std::string& name) {
    auto st = db_.prepare("DELETE FROM settings WHERE key = ?");
    if (!st) return st.error();
    return st->bind(1, name).run();
}

Result<std::vector<std::string>> Settings::names() {
    auto st = db_.prepare("SELECT key FROM settings ORDER BY key");
    if (!st) return st.error();
    std::vector<std::string> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(st->text(0));
    }
    return out;
}

Result<std::optional<std::string>> get_setting(Database& db, const std::string& key) { return Settings(db).get(key); }

Result<void> put_setting(Database& db, const std::string& key, const std::string& value) {
    return Settings(db).set(key, value);
}

Result<void> erase_setting(Database& db, const std::string& key) { return Settings(db).remove(key); }

}  // namespace carers::store
