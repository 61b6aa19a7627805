// StoreFailure: what kind of thing went wrong with the store, so the app can choose a staff
// screen and an exit code, while the sentence in the Result tells a person what to do.
//
// Exit codes (documented in kiosk/store/README.md; stable, scripts may rely on them):
//   10 key_missing        no key found for an existing database
//   11 key_refused        a key source is unsafe or malformed (mode, owner, length)
//   12 key_wrong          the key or passphrase does not open this database
//   13 database_damaged   corrupt, truncated, missing while its key record remains, not a database
//   14 disk_full          no space left (or the file-size limit reached)
//   15 disk_error         cannot read, write, create or open files
//   16 newer_schema       written by a newer version of Carers Kiosk
//   17 no_encryption      built against plain SQLite instead of SQLCipher
//   18 in_use             another program holds the database locked
//   19 other              anything else (a bug; the sentence says more)
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "kiosk/common/result.h"

namespace carers::store {

enum class StoreFailure {
    none = 0,
    key_missing = 10,
    key_refused = 11,
    key_wrong = 12,
    database_damaged = 13,
    disk_full = 14,
    disk_error = 15,
    newer_schema = 16,
    no_encryption = 17,
    in_use = 18,
    other = 19,
};

// The process exit code for a failure (0 for none).
inline int exit_code(StoreFailure f) { return static_cast<int>(f); }

// A short stable name, e.g. "disk-full", for logs and the staff screen's heading.
const char* failure_name(StoreFailure f);

struct StoreError {
    StoreFailure failure;
    std::string message;  // one sentence for staff; no personal data
};

// A Result<T> that also says which kind of failure it is. It is a Result<T>, so callers that
// only want the sentence can treat it as one. An Error without a kind counts as `other`.
template <typename T> class [[nodiscard]] StoreResult : public Result<T> {
public:
    StoreResult()
        requires std::is_void_v<T>
    = default;
    template <typename U = T>
        requires(!std::is_void_v<U>)
    StoreResult(U value) : Result<T>(std::move(value)) {}
    StoreResult(StoreError e) : Result<T>(make_error(std::move(e.message))), failure_(e.failure) {}
    StoreResult(Error e) : Result<T>(std::move(e)), failure_(StoreFailure::other) {}
    StoreResult(Result<T> r)
        requires(!std::is_void_v<T>)
        : Result<T>(std::move(r)), failure_(this->ok() ? StoreFailure::none : StoreFailure::other) {}

    StoreFailure failure() const { return this->ok() ? StoreFailure::none : failure_; }
    int exit_code() const { return store::exit_code(failure()); }
    StoreError store_error() const { return StoreError{failure(), this->message()}; }

private:
    StoreFailure failure_ = StoreFailure::none;
};

inline StoreError store_error(StoreFailure f, std::string message) { return StoreError{f, std::move(message)}; }

}  // namespace carers::store
