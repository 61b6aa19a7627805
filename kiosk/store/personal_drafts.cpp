#include "kiosk/store/personal_drafts.h"

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/audit_log.h"
#include "kiosk/store/field_key.h"
#include "kiosk/store/settings.h"

namespace carers::store {

StoreResult<void> PersonalDrafts::save(const std::string& form_url, std::string draft, std::int64_t now) {
    if (!db_.field_key()) {
        secure_wipe(draft);
        return store_error(StoreFailure::other, "Your answers so far could not be saved: the store has no key for drafts.");
    }
    auto sealed = seal_field(*db_.field_key(), draft.data(), draft.size(), personal_draft_context(form_url));
    secure_wipe(draft);
    auto r = db_.transaction([&]() -> Result<void> {
        auto exists = db_.prepare("SELECT 1 FROM personal_draft WHERE form_url = ?");
        if (!exists) return exists.error();
        auto found = exists->bind(1, form_url).step();
        if (!found) return found.error();
        auto st = db_.prepare(
            "INSERT INTO personal_draft (form_url, sealed, started_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (form_url) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at");
        if (!st) return st.error();
        if (auto run = st->bind(1, form_url).bind_blob(2, sealed).bind(3, now).bind(4, now).run(); !run) return run;
        if (!*found) return audit(db_, AuditEvent::draft_saved, "personal", now);
        return {};
    });
    if (!r) return db_.failure("Your answers so far could not be saved: " + r.message());
    return {};
}

namespace {

constexpr std::int64_t day = 24 * 60 * 60;

Result<std::int64_t> keep_days(Database& db) {
    auto days = Settings(db).get_int(setting::personal_draft_days, default_personal_draft_days);
    if (days && *days < 0) return make_error("The setting drafts.personal_days must be 0 or more days.");
    return days;
}

Result<std::optional<PersonalDraft>> one(Database& db, const std::string& sql, const std::string* form_url) {
    auto days = keep_days(db);
    if (!days) return days.error();
    auto st = db.prepare(sql);
    if (!st) return st.error();
    if (form_url) st->bind(1, *form_url);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<PersonalDraft>();
    if (!db.field_key()) return make_error("The store has no key for drafts.");
    PersonalDraft d;
    d.form_url = st->text(0);
    auto opened = open_field(*db.field_key(), st->blob(1), personal_draft_context(d.form_url));
    if (!opened) return opened.error();
    d.draft = std::move(*opened);
    d.started_at = st->integer(2);
    d.updated_at = st->integer(3);
    d.expires_at = *days > 0 ? d.updated_at + *days * day : 0;
    return std::optional<PersonalDraft>(std::move(d));
}

}  // namespace

Result<std::optional<PersonalDraft>> PersonalDrafts::latest() {
    return one(db_, "SELECT form_url, sealed, started_at, updated_at FROM personal_draft ORDER BY updated_at DESC, rowid DESC LIMIT 1",
               nullptr);
}

Result<std::optional<PersonalDraft>> PersonalDrafts::load(const std::string& form_url) {
    return one(db_, "SELECT form_url, sealed, started_at, updated_at FROM personal_draft WHERE form_url = ?", &form_url);
}

Result<std::vector<std::string>> PersonalDrafts::forms() {
    auto st = db_.prepare("SELECT form_url FROM personal_draft ORDER BY updated_at DESC, rowid DESC");
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

Result<void> PersonalDrafts::remove(const std::string& form_url, const std::string& reason, std::int64_t now) {
    auto r = db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("DELETE FROM personal_draft WHERE form_url = ?");
        if (!st) return st.error();
        if (auto run = st->bind(1, form_url).run(); !run) return run;
        if (db_.changes() == 0) return {};
        return audit(db_, AuditEvent::draft_deleted, reason, now);
    });
    if (r) (void)db_.checkpoint();
    return r;
}

Result<std::int64_t> PersonalDrafts::purge_expired(std::int64_t now) {
    auto days = keep_days(db_);
    if (!days) return days.error();
    if (*days == 0) return std::int64_t{0};
    std::int64_t purged = 0;
    auto r = db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("DELETE FROM personal_draft WHERE updated_at + ? <= ?");
        if (!st) return st.error();
        if (auto run = st->bind(1, *days * day).bind(2, now).run(); !run) return run;
        purged = db_.changes();
        if (purged == 0) return {};
        return audit(db_, AuditEvent::draft_deleted, "expired-personal:" + std::to_string(purged), now);
    });
    if (!r) return r.error();
    if (purged > 0) (void)db_.checkpoint();
    return purged;
}

}  // namespace carers::store
