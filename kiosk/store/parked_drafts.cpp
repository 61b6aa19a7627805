#include "kiosk/store/parked_drafts.h"

#include <cstdio>

#include <sodium.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/audit_log.h"
#include "kiosk/store/resume_code.h"
#include "kiosk/store/settings.h"

namespace carers::store {

namespace {

// One salt and one cost per kiosk, fixed when the first draft is saved, so that changing the
// configured cost later cannot make saved drafts unreadable.
constexpr const char* code_kdf_setting = "drafts.code_kdf";  // "<ops>:<memory>:<salt hex>"
constexpr std::int64_t day = 24 * 60 * 60;

std::string to_hex(const std::uint8_t* p, std::size_t n) {
    std::string hex(n * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), p, n);
    hex.pop_back();
    return hex;
}

std::optional<std::vector<std::uint8_t>> from_hex(const std::string& hex) {
    std::vector<std::uint8_t> out(hex.size() / 2);
    std::size_t n = 0;
    if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &n, nullptr) != 0 || n != out.size())
        return std::nullopt;
    return out;
}

// The secret both derivations start from: the code, then (for the draft key) the word.
std::string key_material(const std::string& code, const std::string* word) {
    std::string m = code;
    if (word) m += '\n' + *word;
    return m;
}

struct CodeKdf {
    KdfLimits limits;
    KdfSalt salt{};
};

std::optional<CodeKdf> parse_code_kdf(const std::string& s) {
    unsigned long long ops = 0, mem = 0;
    char hex[2 * sizeof(KdfSalt) + 1] = {};
    if (std::sscanf(s.c_str(), "%llu:%llu:%32s", &ops, &mem, hex) != 3) return std::nullopt;
    auto salt = from_hex(hex);
    if (!salt || salt->size() != sizeof(KdfSalt)) return std::nullopt;
    CodeKdf k;
    k.limits = {ops, mem};
    std::copy(salt->begin(), salt->end(), k.salt.begin());
    return k;
}

}  // namespace

StoreResult<ParkedTicket> ParkedDrafts::save(std::string draft, std::string word, std::int64_t now) {
    auto normal = normalise_memorable_word(word);
    secure_wipe(word);
    if (!normal) {
        secure_wipe(draft);
        return store_error(StoreFailure::other, "The memorable word should be between 3 and 40 letters long.");
    }

    Settings settings(db_);
    auto existing = settings.get(code_kdf_setting);
    if (!existing) return db_.failure(existing.message());
    CodeKdf kdf;
    if (existing->has_value()) {
        auto parsed = parse_code_kdf(**existing);
        if (!parsed) return store_error(StoreFailure::database_damaged, "The saved-answers settings are damaged.");
        kdf = *parsed;
    } else {
        kdf.limits = options_.limits;
        kdf.salt = random_salt();
        auto r = settings.set(code_kdf_setting, std::to_string(kdf.limits.ops) + ":" + std::to_string(kdf.limits.memory) +
                                                    ":" + to_hex(kdf.salt.data(), kdf.salt.size()));
        if (!r) return db_.failure("Your answers could not be saved: " + r.message());
    }
    auto days = settings.get_int(setting::parked_draft_days, 14);
    if (!days) return db_.failure(days.message());

    ParkedTicket ticket;
    ticket.expires_at = now + *days * day;
    std::vector<std::uint8_t> tag;
    for (int attempt = 0; attempt < 5 && tag.empty(); ++attempt) {
        std::string code = new_resume_code();
        auto t = derive_key(key_material(code, nullptr), kdf.salt, kdf.limits);
        if (!t) return store_error(StoreFailure::other, t.message());
        std::vector<std::uint8_t> candidate(t->data(), t->data() + SecretKey::size);
        auto clash = db_.prepare("SELECT 1 FROM parked_draft WHERE tag = ?");
        if (!clash) return db_.failure(clash.message());
        auto row = clash->bind_blob(1, candidate).step();
        if (!row) return db_.failure(row.message());
        if (!*row) {
            tag = std::move(candidate);
            ticket.code = code;
        }
    }
    if (tag.empty()) return store_error(StoreFailure::other, "No free resume code could be found; please try again.");

    KdfSalt salt = random_salt();
    std::string material = key_material(ticket.code, &*normal);
    auto key = derive_key(material, salt, kdf.limits);
    secure_wipe(material);
    secure_wipe(*normal);
    if (!key) {
        secure_wipe(draft);
        return store_error(StoreFailure::other, key.message());
    }
    std::vector<std::uint8_t> nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(nonce.data(), nonce.size());
    std::vector<std::uint8_t> sealed(draft.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long sealed_len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &sealed_len, reinterpret_cast<const unsigned char*>(draft.data()),
                                               draft.size(), tag.data(), tag.size(), nullptr, nonce.data(), key->data());
    secure_wipe(draft);
    sealed.resize(static_cast<std::size_t>(sealed_len));

    auto r = db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("INSERT INTO parked_draft (tag, salt, nonce, ciphertext, created_at, expires_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
        if (!st) return st.error();
        st->bind_blob(1, tag).bind_blob(2, salt.data(), salt.size()).bind_blob(3, nonce).bind_blob(4, sealed);
        if (auto run = st->bind(5, now).bind(6, ticket.expires_at).run(); !run) return run;
        return audit(db_, AuditEvent::draft_saved, "parked", now);
    });
    if (!r) return db_.failure("Your answers could not be saved: " + r.message());
    ticket.shown_code = format_resume_code(ticket.code);
    ticket.handle = to_hex(tag.data(), tag.size());
    return ticket;
}

Result<void> ParkedDrafts::delete_row(const std::vector<std::uint8_t>& tag, const char* reason, std::int64_t now) {
    auto r = db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("DELETE FROM parked_draft WHERE tag = ?");
        if (!st) return st.error();
        if (auto run = st->bind_blob(1, tag).run(); !run) return run;
        if (db_.changes() == 0) return {};
        return audit(db_, AuditEvent::draft_deleted, reason, now);
    });
    if (r) (void)db_.checkpoint();
    return r;
}

StoreResult<ResumeOutcome> ParkedDrafts::resume(std::string_view typed_code, std::string word, std::int64_t now) {
    ResumeOutcome out;
    auto code = normalise_resume_code(typed_code);
    auto normal = normalise_memorable_word(word);
    secure_wipe(word);
    if (!code) {
        out.status = ResumeStatus::not_a_code;
        return out;
    }
    if (!normal) {
        out.status = ResumeStatus::not_a_word;
        return out;
    }
    // Wipes the normalised word on every way out.
    struct Wipe {
        std::optional<std::string>& w;
        ~Wipe() {
            if (w) secure_wipe(*w);
        }
    } wipe{normal};

    auto limit = guess_limit();
    auto blocked = limit.blocked_until(now);
    if (!blocked) return db_.failure(blocked.message());
    if (*blocked) {
        out.status = ResumeStatus::too_many_codes;
        out.retry_at = **blocked;
        return out;
    }
    // Counts the code that matched nothing; the one that reaches the limit is refused too.
    auto unknown_code = [&]() -> StoreResult<ResumeOutcome> {
        auto now_blocked = limit.record_unknown_code(now);
        if (!now_blocked) return db_.failure(now_blocked.message());
        if (*now_blocked) {
            out.status = ResumeStatus::too_many_codes;
            out.retry_at = **now_blocked;
        }
        return out;
    };

    auto setting_value = Settings(db_).get(code_kdf_setting);
    if (!setting_value) return db_.failure(setting_value.message());
    if (!setting_value->has_value()) return unknown_code();  // no draft was ever saved here
    auto kdf = parse_code_kdf(**setting_value);
    if (!kdf) return store_error(StoreFailure::database_damaged, "The saved-answers settings are damaged.");

    auto t = derive_key(key_material(*code, nullptr), kdf->salt, kdf->limits);
    if (!t) return store_error(StoreFailure::other, t.message());
    std::vector<std::uint8_t> tag(t->data(), t->data() + SecretKey::size);

    auto st = db_.prepare("SELECT salt, nonce, ciphertext, expires_at, wrong_words FROM parked_draft WHERE tag = ?");
    if (!st) return db_.failure(st.message());
    auto row = st->bind_blob(1, tag).step();
    if (!row) return db_.failure(row.message());
    if (!*row) return unknown_code();
    auto salt_bytes = st->blob(0);
    auto nonce = st->blob(1);
    auto sealed = st->blob(2);
    out.expires_at = st->integer(3);
    int wrong = static_cast<int>(st->integer(4));
    if (out.expires_at <= now) {
        if (auto d = delete_row(tag, "expired", now); !d) return db_.failure(d.message());
        return unknown_code();
    }
    if (salt_bytes.size() != sizeof(KdfSalt) || nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        sealed.size() < crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return store_error(StoreFailure::database_damaged, "These saved answers are damaged and cannot be opened.");
    KdfSalt salt;
    std::copy(salt_bytes.begin(), salt_bytes.end(), salt.begin());

    std::string material = key_material(*code, &*normal);
    auto key = derive_key(material, salt, kdf->limits);
    secure_wipe(material);
    if (!key) return store_error(StoreFailure::other, key.message());
    std::string plain(sealed.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long plain_len = 0;
    bool opened = crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &plain_len,
                                                              nullptr, sealed.data(), sealed.size(), tag.data(),
                                                              tag.size(), nonce.data(), key->data()) == 0;
    if (!opened) {
        secure_wipe(plain);
        ++wrong;
        if (wrong >= options_.max_wrong_words) {
            if (auto d = delete_row(tag, "wrong-words", now); !d) return db_.failure(d.message());
            out.status = ResumeStatus::deleted;
            return out;
        }
        auto up = db_.prepare("UPDATE parked_draft SET wrong_words = ? WHERE tag = ?");
        if (!up) return db_.failure(up.message());
        if (auto run = up->bind(1, static_cast<std::int64_t>(wrong)).bind_blob(2, tag).run(); !run)
            return db_.failure(run.message());
        out.status = ResumeStatus::wrong_word;
        out.words_left = options_.max_wrong_words - wrong;
        return out;
    }
    plain.resize(static_cast<std::size_t>(plain_len));
    auto r = db_.transaction([&]() -> Result<void> {
        auto up = db_.prepare("UPDATE parked_draft SET wrong_words = 0 WHERE tag = ?");
        if (!up) return up.error();
        if (auto run = up->bind_blob(1, tag).run(); !run) return run;
        return audit(db_, AuditEvent::draft_resumed, "parked", now);
    });
    if (!r) {
        secure_wipe(plain);
        return db_.failure(r.message());
    }
    out.status = ResumeStatus::opened;
    out.draft = std::move(plain);
    out.handle = to_hex(tag.data(), tag.size());
    return out;
}

Result<void> ParkedDrafts::remove(const std::string& handle, const std::string& reason, std::int64_t now) {
    auto tag = from_hex(handle);
    if (!tag || tag->size() != SecretKey::size) return make_error("That is not a saved-answers handle.");
    const char* why = reason == "finished"    ? "finished"
                      : reason == "abandoned" ? "abandoned"
                                              : "discarded";
    return delete_row(*tag, why, now);
}

Result<std::int64_t> ParkedDrafts::purge_expired(std::int64_t now) {
    std::int64_t purged = 0;
    auto r = db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("DELETE FROM parked_draft WHERE expires_at <= ?");
        if (!st) return st.error();
        if (auto run = st->bind(1, now).run(); !run) return run;
        purged = db_.changes();
        if (purged == 0) return {};
        return audit(db_, AuditEvent::draft_deleted, "expired:" + std::to_string(purged), now);
    });
    if (!r) return r.error();
    if (purged > 0) (void)db_.checkpoint();
    return purged;
}

Result<std::int64_t> ParkedDrafts::count() {
    auto st = db_.prepare("SELECT count(*) FROM parked_draft");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return st->integer(0);
}

}  // namespace carers::store
