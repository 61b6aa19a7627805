// Every block the kiosk's C++ code frees is zeroed first (replaces the global operator new and
// delete in the carers-kiosk program only).
//
// A carer's answers pass through many temporary strings: a JSON dump growing its buffer, a parser's
// token buffer, a vector reallocating, a copy made for a message. Wiping each by hand (secure_wipe)
// covers the copies we know of; this covers the ones we cannot see, in our code and in the C++
// libraries we use (nlohmann-json, libstdc++), so freed memory never keeps what a person typed
// after their session ends (tests/ui/test_memory_after_session.py reads the whole process).
// It does not reach C libraries that call malloc/free themselves (Mesa, libX11, HarfBuzz,
// SQLCipher: the store gives SQLite nothing personal in clear, see kiosk/store/README.md "Personal
// data never in SQLite's memory"). Aligned new/delete keep the library's own pair.
#include <malloc.h>

#include <cstdlib>
#include <new>

#include "kiosk/common/secure_wipe.h"

namespace {

void* allocate(std::size_t n) noexcept { return std::malloc(n ? n : 1); }

void release(void* p) noexcept {
    if (!p) return;
    carers::secure_wipe(p, malloc_usable_size(p));
    std::free(p);
}

} // namespace

void* operator new(std::size_t n) {
    if (void* p = allocate(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = allocate(n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }

void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
