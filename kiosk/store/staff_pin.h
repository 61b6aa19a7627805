// The staff PIN that opens staff mode, kept only as an Argon2id hash (crypto_pwhash_str) in the
// settings. Five wrong PINs lock staff entry for five minutes; the count and the lock survive a
// restart. Every try is audited (staff-login-ok / staff-login-failed), never the PIN itself.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"
#include "kiosk/store/key_derivation.h"

namespace carers::store {

enum class StaffLoginStatus {
    ok,
    wrong_pin,  // `tries_left` more before the lock
    locked,     // too many wrong PINs: try again at `locked_until`
    no_pin,     // no PIN has been set yet
};

struct StaffLogin {
    StaffLoginStatus status = StaffLoginStatus::no_pin;
    int tries_left = 0;
    std::int64_t locked_until = 0;
};

struct StaffPinOptions {
    KdfLimits limits = KdfLimits::interactive();
    int max_tries = 5;
    std::int64_t lock_seconds = 5 * 60;
};

class StaffPin {
public:
    explicit StaffPin(Database& db, StaffPinOptions options = {}) : db_(db), options_(options) {}

    // Sets (or replaces) the PIN: 4 to 12 digits. Zeroes `pin`.
    Result<void> set(std::string pin, std::int64_t now);
    Result<bool> is_set();
    // Checks a PIN typed at the PIN pad. Zeroes `pin`.
    Result<StaffLogin> check(std::string pin, std::int64_t now);

private:
    Database& db_;
    StaffPinOptions options_;
};

}  // namespace carers::store
