// Zeroing memory that held personal data, in a way the optimiser may not remove.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace carers {

// Overwrites n bytes at p with zeros; never elided (unlike a plain memset before free).
void secure_wipe(void* p, std::size_t n) noexcept;

// Zeroes the whole capacity of s (not just its size), then empties it.
void secure_wipe(std::string& s) noexcept;

template <typename T> void secure_wipe(std::vector<T>& v) noexcept {
    secure_wipe(v.data(), v.capacity() * sizeof(T));
    v.clear();
}

}  // namespace carers
