// What the store tests share: a store's folder with its options and the centre's keys
// (StoreFolder), opening with a failed test instead of a crash, the helpers that hand keys to
// child processes and tools, and ways to read what is really in the database.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/database.h"
#include "kiosk/store/local_store.h"
#include "kiosk/store/sealed_box.h"
#include "tests/support/test_files.h"

namespace carers::store::test_fixtures {

struct CentreKeys {
    CentrePublicKey pk;
    std::array<std::uint8_t, 32> sk;
    CentreKeys() {
        if (sodium_init() < 0) std::abort();
        crypto_box_keypair(pk.data(), sk.data());
    }
};

inline std::unique_ptr<Database> open_ok(const std::filesystem::path& p, const SecretKey& k, const OpenOptions& o = {}) {
    auto db = Database::open(p, k, o);
    INFO((db.ok() ? "" : db.message()));
    REQUIRE(db.ok());
    return std::move(db.value());
}

// A store with a key file, in `dir`, with the cheapest Argon2id limits (tests only).
inline StoreOptions fast_options(const std::filesystem::path& dir) {
    StoreOptions o;
    o.key.database = dir / "kiosk.db";
    o.key.key_file = dir / "kiosk.key";
    o.key.passphrase_limits = KdfLimits::test_minimum();
    o.parked.limits = KdfLimits::test_minimum();
    o.staff_pin.limits = KdfLimits::test_minimum();
    return o;
}

inline std::unique_ptr<LocalStore> open_store_ok(const StoreOptions& o, std::int64_t now = 1'700'000'000,
                                                 const PassphraseProvider& ask = {}) {
    auto s = LocalStore::open(o, ask, now);
    INFO((s.ok() ? "" : s.message()));
    REQUIRE(s.ok());
    return std::move(s.value());
}

// What most store tests start with: a temporary folder, a store's options in it (a key file, the
// cheapest Argon2id limits) and the centre's key pair. A Catch2 fixture:
//     TEST_CASE_METHOD(StoreFolder, "a sentence") {
//         { auto s = open(100); ... }   // opened, used, closed
//         auto again = open(200);       // options may be changed in between
//     }
struct StoreFolder {
    test::TempDir dir;
    CentreKeys centre;
    StoreOptions options = fast_options(dir.path());

    std::unique_ptr<LocalStore> open(std::int64_t now = 1'700'000'000, const PassphraseProvider& ask = {}) const {
        return open_store_ok(options, now, ask);
    }
};

// Lower-case hex, as the child process and carers-store take keys on their command lines.
inline std::string to_hex(const std::uint8_t* p, std::size_t n) {
    std::string h(n * 2 + 1, '\0');
    sodium_bin2hex(h.data(), h.size(), p, n);
    h.pop_back();
    return h;
}
template <std::size_t N> std::string to_hex(const std::array<std::uint8_t, N>& bytes) { return to_hex(bytes.data(), N); }

// A key's 32 bytes, to compare keys or write them to a file.
inline std::string key_bytes(const SecretKey& k) { return std::string(reinterpret_cast<const char*>(k.data()), SecretKey::size); }

// A staff member who types these passphrases in turn, then cancels.
inline PassphraseProvider typed_passphrases(std::vector<std::string> list) {
    auto shared = std::make_shared<std::vector<std::string>>(std::move(list));
    auto next = std::make_shared<std::size_t>(0);
    return [shared, next](const PassphraseRequest&) -> std::optional<std::string> {
        if (*next >= shared->size()) return std::nullopt;
        return (*shared)[(*next)++];
    };
}

// Whether the newest 1,000 audit entries hold this event with this subject.
inline bool audited(Database& db, const std::string& event, const std::string& subject) {
    auto log = recent_audit(db, 1000);
    REQUIRE(log.ok());
    for (const auto& e : *log)
        if (e.event == event && e.subject == subject) return true;
    return false;
}

// Every text and blob cell of every table, joined: what someone with the database key could read.
inline std::string everything_readable(Database& db) {
    std::string all;
    auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
    REQUIRE(tables.ok());
    std::vector<std::string> names;
    while (tables->step().value()) names.push_back(tables->text(0));
    for (const auto& t : names) {
        auto rows = db.prepare("SELECT * FROM \"" + t + "\"");
        REQUIRE(rows.ok());
        while (rows->step().value())
            for (int c = 0; c < rows->column_count(); ++c) {
                auto b = rows->blob(c);
                all.append(b.begin(), b.end());
                all += '\x1f';
            }
    }
    return all;
}

}  // namespace carers::store::test_fixtures
