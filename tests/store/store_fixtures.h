// What several store tests share: a centre key pair, a store in a temp folder with fast KDF
// limits, and helpers to read what is really on disk.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include <array>
#include <filesystem>
#include <memory>
#include <string>

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
