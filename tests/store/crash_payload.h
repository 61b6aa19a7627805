// The submissions the crash and disk-full children save: plaintext fixed by (run, n), so the
// parent can check every byte the centre would read back.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace carers::store::test_fixtures {

inline std::string crash_payload(int run, int n) {
    std::uint64_t x = static_cast<std::uint64_t>(run) * 1000003u + static_cast<std::uint64_t>(n) + 1;
    auto next = [&x] {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<unsigned>(x >> 33);
    };
    std::size_t length = 500 + next() % 2500;
    std::string pad;
    for (std::size_t i = 0; i < length; ++i) pad += static_cast<char>('a' + next() % 26);
    return "{\"resourceType\":\"QuestionnaireResponse\",\"run\":" + std::to_string(run) + ",\"n\":" + std::to_string(n) +
           ",\"pad\":\"" + pad + "\"}";
}

// (run, n) read back from a payload, or false when it is not one.
inline bool parse_crash_payload(const std::string& text, int& run, int& n) {
    return std::sscanf(text.c_str(), "{\"resourceType\":\"QuestionnaireResponse\",\"run\":%d,\"n\":%d,", &run, &n) == 2 &&
           text == crash_payload(run, n);
}

}  // namespace carers::store::test_fixtures
