#include <catch2/catch_test_macros.hpp>

#include "kiosk/app/qr_code.h"

using carers::app::make_qr_code;

namespace {
// The 7x7 finder pattern in a corner: a dark ring, a light ring, a dark 3x3 centre.
bool finder_at(const carers::ui::QrCode& q, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (q.dark(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    return true;
}
}  // namespace

TEST_CASE("a web address becomes a QR code with its three finder patterns") {
    auto q = make_qr_code("https://anytown-carers.example.org");
    REQUIRE(q.size >= 21);
    REQUIRE(q.modules.size() == static_cast<std::size_t>(q.size * q.size));
    CHECK(finder_at(q, 0, 0));
    CHECK(finder_at(q, q.size - 7, 0));
    CHECK(finder_at(q, 0, q.size - 7));
}

TEST_CASE("no address, no QR code") { CHECK(make_qr_code("").size == 0); }
