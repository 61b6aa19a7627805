#include "kiosk/store/store_failure.h"

namespace carers::store {

const char* failure_name(StoreFailure f) {
    switch (f) {
    case StoreFailure::none: return "none";
    case StoreFailure::key_missing: return "key-missing";
    case StoreFailure::key_refused: return "key-refused";
    case StoreFailure::key_wrong: return "key-wrong";
    case StoreFailure::database_damaged: return "database-damaged";
    case StoreFailure::disk_full: return "disk-full";
    case StoreFailure::disk_error: return "disk-error";
    case StoreFailure::newer_schema: return "newer-schema";
    case StoreFailure::no_encryption: return "no-encryption";
    case StoreFailure::in_use: return "in-use";
    case StoreFailure::other: return "other";
    }
    return "other";
}

}  // namespace carers::store
