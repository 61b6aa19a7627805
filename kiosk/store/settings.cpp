#include "kiosk/store/settings.h"

namespace carers::store {

Result<std::optional<std::string>> get_setting(Database& db, const std::string& key) {
    auto st = db.prepare("SELECT value FROM settings WHERE key = ?");
    if (!st) return st.error();
    st->bind(1, key);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(st->text(0));
}

Result<void> put_setting(Database& db, const std::string& key, const std::string& value) {
    auto st = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st) return st.error();
    return st->bind(1, key).bind(2, value).run();
}

Result<void> erase_setting(Database& db, const std::string& key) {
    auto st = db.prepare("DELETE FROM settings WHERE key = ?");
    if (!st) return st.error();
    return st->bind(1, key).run();
}

}  // namespace carers::store
