#include "kiosk/common/secure_wipe.h"

#include <string.h>  // explicit_bzero (glibc)

namespace carers {

void secure_wipe(void* p, std::size_t n) noexcept {
    if (p != nullptr && n > 0) explicit_bzero(p, n);
}

void secure_wipe(std::string& s) noexcept {
    // Short strings live inside the object (SSO); capacity() covers both cases.
    secure_wipe(s.data(), s.capacity());
    s.clear();
}

}  // namespace carers
