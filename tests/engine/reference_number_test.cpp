#include <catch2/catch_test_macros.hpp>

#include <set>

#include "kiosk/engine/reference_number.h"

using namespace carers::engine;

TEST_CASE("a reference is nine characters in threes from an alphabet without look-alikes") {
    std::string r = make_reference({0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(r.size() == 11);
    CHECK(r.substr(0, 8) == "234-567-");
    CHECK(r[3] == '-');
    CHECK(r.find_first_of("01IO") == std::string::npos);
    CHECK(normalise_reference(r) == r);
}

TEST_CASE("the same random bytes give the same reference, and different ones differ") {
    CHECK(make_reference({9, 8, 7, 6, 5, 4, 3, 2}) == make_reference({9, 8, 7, 6, 5, 4, 3, 2}));
    std::set<std::string> seen;
    for (std::uint8_t i = 0; i < 32; ++i) seen.insert(make_reference({i, 0, 0, 0, 0, 0, 0, 0}));
    CHECK(seen.size() == 32);
}

TEST_CASE("a reference typed in lower case with spaces is read back") {
    std::string r = make_reference({31, 30, 29, 28, 27, 26, 25, 24});
    std::string typed;
    for (char c : r)
        if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c))), typed += ' ';
    CHECK(normalise_reference(typed) == r);
}

TEST_CASE("every single mistyped character is caught by the check character") {
    const std::string r = make_reference({3, 14, 15, 9, 26, 5, 3, 5});
    std::string plain;
    for (char c : r)
        if (c != '-') plain += c;
    int caught = 0, tried = 0;
    for (std::size_t i = 0; i < plain.size(); ++i)
        for (char c : reference_alphabet) {
            if (c == plain[i]) continue;
            std::string wrong = plain;
            wrong[i] = c;
            ++tried;
            if (!normalise_reference(wrong)) ++caught;
        }
    CHECK(caught == tried);
}

TEST_CASE("swapping two different neighbours is caught, except 2 and Z") {
    int missed = 0, tried = 0;
    for (std::uint8_t a = 0; a < 32; ++a)
        for (std::uint8_t b = 0; b < 32; ++b) {
            if (a == b) continue;
            for (std::size_t at : {0u, 3u, 6u}) {  // the swap lands on doubled and undoubled places
                std::array<std::uint8_t, 8> bytes{5, 9, 13, 17, 21, 25, 29, 3};
                bytes[at] = a;
                bytes[at + 1] = b;
                std::string body;
                for (char c : make_reference(bytes))
                    if (c != '-') body += c;
                std::swap(body[at], body[at + 1]);
                ++tried;
                if (normalise_reference(body)) {
                    ++missed;
                    CHECK(((a == 0 && b == 31) || (a == 31 && b == 0)));
                }
            }
        }
    CHECK(tried == 32 * 31 * 3);
    CHECK(missed == 2 * 3);
}

TEST_CASE("what is not a reference is refused") {
    CHECK_FALSE(normalise_reference(""));
    CHECK_FALSE(normalise_reference("ABC-DEF-GH"));
    CHECK_FALSE(normalise_reference("ABC-DEF-GHJK"));
    CHECK_FALSE(normalise_reference("0BC-DEF-GHJ"));
}
