// Searching this process's own writable memory for a marker, as someone who reads a running
// kiosk's memory (or its core dump, or its pages in swap) could: heap, freed heap, stacks, data.
//
// The marker is held masked (every byte XOR 0x5A), so the scanner and the test never hold it in
// clear except in the buffers the test hands to the code under test and wipes afterwards; any
// clear copy found is one the code under test left behind.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <fcntl.h>
#include <sodium.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace carers::store::test_fixtures {

class MaskedMarker {
public:
    static constexpr std::uint8_t mask = 0x5A;

    // `prefix` followed by 24 random hex digits, made masked digit by digit.
    explicit MaskedMarker(std::string_view prefix) {
        for (char c : prefix) masked_.push_back(static_cast<std::uint8_t>(c) ^ mask);
        unsigned char r[12];
        randombytes_buf(r, sizeof r);
        for (unsigned char b : r)
            for (int nibble : {b >> 4, b & 0xf})
                masked_.push_back(static_cast<std::uint8_t>("0123456789abcdef"[nibble]) ^ mask);
        sodium_memzero(r, sizeof r);
    }

    // Appends the marker in clear to `out` (reserve first: a reallocation would leave a copy).
    void append_to(std::string& out) const {
        for (std::uint8_t m : masked_) out.push_back(static_cast<char>(m ^ mask));
    }
    bool occurs_in(const char* p, std::size_t n) const {
        if (n < masked_.size()) return false;
        for (std::size_t i = 0; i + masked_.size() <= n; ++i) {
            std::size_t j = 0;
            while (j < masked_.size() && (static_cast<std::uint8_t>(p[i + j]) ^ mask) == masked_[j]) ++j;
            if (j == masked_.size()) return true;
        }
        return false;
    }
    bool occurs_in(const std::string& s) const { return occurs_in(s.data(), s.size()); }
    std::size_t size() const { return masked_.size(); }

private:
    std::vector<std::uint8_t> masked_;
};

struct MemoryScan {
    std::vector<std::string> found;   // "start-end perms name" of each region holding the marker
    std::size_t bytes_scanned = 0;
    std::size_t regions_skipped = 0;  // larger than max_region (sanitizer shadow memory)
};

// Every writable mapping of this process read through /proc/self/mem and searched for `marker`.
// Mappings over `max_region` bytes are skipped: under AddressSanitizer these are its shadow memory
// (terabytes reserved, holding no copies of data), and counted in the result.
inline MemoryScan scan_own_memory(const MaskedMarker& marker, std::size_t max_region = std::size_t{1} << 30) {
    MemoryScan scan;
    constexpr std::size_t chunk = std::size_t{1} << 20;
    // The read buffer is a mapping of its own, left out of the scan, and wiped after each read.
    void* buffer = mmap(nullptr, chunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(buffer != MAP_FAILED);
    auto* buf = static_cast<char*>(buffer);
    const auto buf_start = reinterpret_cast<std::uintptr_t>(buffer);
    int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    REQUIRE(mem >= 0);
    std::vector<std::string> lines;
    {
        std::ifstream maps("/proc/self/maps");
        for (std::string line; std::getline(maps, line);) lines.push_back(line);
    }
    for (const std::string& line : lines) {
        std::istringstream in(line);
        std::string range, perms, offset, dev, inode, name;
        in >> range >> perms >> offset >> dev >> inode;
        std::getline(in, name);
        if (perms.size() < 2 || perms[0] != 'r' || perms[1] != 'w') continue;
        if (name.find("[vvar") != std::string::npos || name.find("[vsyscall]") != std::string::npos) continue;
        std::uintptr_t start = std::stoull(range.substr(0, range.find('-')), nullptr, 16);
        std::uintptr_t end = std::stoull(range.substr(range.find('-') + 1), nullptr, 16);
        if (start == buf_start) continue;
        if (end - start > max_region) {
            ++scan.regions_skipped;
            continue;
        }
        // Chunks overlap by the marker's length, so a marker across a chunk boundary is found.
        for (std::uintptr_t at = start; at < end;) {
            std::size_t want = std::min<std::uintptr_t>(chunk, end - at);
            ssize_t got = pread(mem, buf, want, static_cast<off_t>(at));
            if (got <= 0) break;  // an unreadable guard page: skip the rest of this mapping
            scan.bytes_scanned += static_cast<std::size_t>(got);
            bool hit = marker.occurs_in(buf, static_cast<std::size_t>(got));
            sodium_memzero(buf, static_cast<std::size_t>(got));
            if (hit) {
                scan.found.push_back(range + " " + perms + name);
                break;
            }
            if (static_cast<std::size_t>(got) < want || at + static_cast<std::size_t>(got) >= end) break;
            at += static_cast<std::size_t>(got) - std::min<std::size_t>(static_cast<std::size_t>(got) - 1, marker.size());
        }
    }
    ::close(mem);
    munmap(buffer, chunk);
    return scan;
}

}  // namespace carers::store::test_fixtures
