#include "kiosk/store/settings.h"

#include <charconv>

namespace carers::store {

Result<std::optional<std::string>> Settings::get(const std::string& name) {
    auto st = db_.prepare("SELECT value FROM settings WHERE key = ?");
    if (!st) return st.error();
    st->bind(1, name);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>();
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
