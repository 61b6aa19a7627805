#include "kiosk/store/staff_pin.h"

#include <sodium.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/audit_log.h"
#include "kiosk/store/settings.h"

namespace carers::store {

namespace {
constexpr const char* hash_setting = "staff.pin_hash";
constexpr const char* failures_setting = "staff.pin_failures";
constexpr const char* locked_setting = "staff.pin_locked_until";

bool all_digits(const std::string& s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
}  // namespace

Result<void> StaffPin::set(std::string pin, std::int64_t now) {
    if (sodium_init() < 0) std::abort();
    bool good = pin.size() >= 4 && pin.size() <= 12 && all_digits(pin);
    if (!good) {
        secure_wipe(pin);
        return make_error("A staff PIN is 4 to 12 digits.");
    }
    char hash[crypto_pwhash_STRBYTES];
    int rc = crypto_pwhash_str_alg(hash, pin.data(), pin.size(), options_.limits.ops,
                                   static_cast<std::size_t>(options_.limits.memory), crypto_pwhash_ALG_ARGON2ID13);
    secure_wipe(pin);
    if (rc != 0) return make_error("There was not enough memory to protect the PIN.");
    Settings s(db_);
    return db_.transaction([&]() -> Result<void> {
        if (auto r = s.set(hash_setting, hash); !r) return r;
        if (auto r = s.remove(failures_setting); !r) return r;
        if (auto r = s.remove(locked_setting); !r) return r;
        return audit(db_, "staff-pin-set", "", now);
    });
}

Result<bool> StaffPin::is_set() {
    auto h = Settings(db_).get(hash_setting);
    if (!h) return h.error();
    return h->has_value();
}

Result<StaffLogin> StaffPin::check(std::string pin, std::int64_t now) {
    if (sodium_init() < 0) std::abort();
    Settings s(db_);
    StaffLogin out;
    auto hash = s.get(hash_setting);
    auto failures = s.get_int(failures_setting, 0);
    auto locked_until = s.get_int(locked_setting, 0);
    if (!hash || !failures || !locked_until) {
        secure_wipe(pin);
        return make_error(!hash ? hash.message() : !failures ? failures.message() : locked_until.message());
    }
    if (!hash->has_value()) {
        secure_wipe(pin);
        return out;
    }
    if (*locked_until > now) {
        secure_wipe(pin);
        out.status = StaffLoginStatus::locked;
        out.locked_until = *locked_until;
        if (auto a = audit(db_, AuditEvent::staff_login_failed, "locked", now); !a) return a.error();
        return out;
    }
    bool right = crypto_pwhash_str_verify((*hash)->c_str(), pin.data(), pin.size()) == 0;
    secure_wipe(pin);
    std::int64_t failed = right ? 0 : (*locked_until != 0 ? 0 : *failures) + 1;  // a lock that ran out starts afresh
    auto r = db_.transaction([&]() -> Result<void> {
        if (right) {
            if (auto e = s.remove(failures_setting); !e) return e;
            if (auto e = s.remove(locked_setting); !e) return e;
            return audit(db_, AuditEvent::staff_login_ok, "pin", now);
        }
        if (auto e = s.set_int(failures_setting, failed); !e) return e;
        if (failed >= options_.max_tries) {
            if (auto e = s.set_int(locked_setting, now + options_.lock_seconds); !e) return e;
        } else if (auto e = s.remove(locked_setting); !e) {
            return e;
        }
        return audit(db_, AuditEvent::staff_login_failed, "pin", now);
    });
    if (!r) return r.error();
    if (right) {
        out.status = StaffLoginStatus::ok;
    } else if (failed >= options_.max_tries) {
        out.status = StaffLoginStatus::locked;
        out.locked_until = now + options_.lock_seconds;
    } else {
        out.status = StaffLoginStatus::wrong_pin;
        out.tries_left = options_.max_tries - static_cast<int>(failed);
    }
    return out;
}

}  // namespace carers::store
