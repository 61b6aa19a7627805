#include "kiosk/app/tour_staff_models.h"

#include <ctime>

namespace carers::app {

namespace {

// 23 November 2026 at hh:mm in the kiosk's own time zone, so the pictures show the same times
// wherever they are made.
std::int64_t on_23_november(int hour, int minute) {
    std::tm tm{};
    tm.tm_year = 2026 - 1900;
    tm.tm_mon = 10;
    tm.tm_mday = 23;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&tm));
}

constexpr std::int64_t day = 24 * 60 * 60;

}  // namespace

ui::StaffModel tour_staff_syncing() {
    ui::StaffModel m;
    m.waiting = 3;
    m.sent = 41;
    m.now_unix = on_23_november(10, 12) + day;
    m.last_sync_unix = on_23_november(9, 30);
    m.syncing = true;
    m.sync_progress = 0.4f;
    m.sync_outcome.kind = ui::StaffSyncOutcome::Kind::Sending;
    m.sync_outcome.confirmed = 2;
    m.sync_outcome.total = 5;
    m.check_outcome.kind = ui::StaffCheckOutcome::Kind::Problem;
    m.check_outcome.cause = ui::StaffFailureCause::CertificateUntrusted;
    m.check_outcome.detail = "The Carers Centre's certificate could not be verified (SSL certificate problem: "
                             "self-signed certificate), so nothing was sent.";
    m.venue = {{"venue.name", "Example Library"}, {"centre.name", "Example Carers Centre"},
               {"centre.phone", "01632 960 123"}};
    m.inactivity_seconds = 90;
    m.warning_seconds = 30;
    m.version = "0.1.0";
    // Made up: the shipped translations are complete, but the screen must fit the list.
    m.translations = {{"Polski (pl)", 951, 956, "draft, awaiting native-speaker review",
                       {"There is a problem", "Check your answers before sending them",
                        "Scan this with your phone's camera to open the website."}},
                      {"\u0627\u0644\u0639\u0631\u0628\u064a\u0629 (ar)", 956, 956, "draft, awaiting native-speaker review", {}}};
    return m;
}

ui::StaffModel tour_staff_after_run() {
    ui::StaffModel m;
    m.waiting = 2;
    m.sent = 44;
    m.now_unix = on_23_november(9, 50);
    m.last_sync_unix = on_23_november(9, 45);
    m.auto_sync = true;
    m.next_sync_unix = on_23_november(10, 0);
    m.sync_outcome.kind = ui::StaffSyncOutcome::Kind::Sent;
    m.sync_outcome.confirmed = 3;
    m.sync_outcome.rejected = 2;
    m.sync_finished_unix = on_23_november(9, 45);
    m.check_outcome.kind = ui::StaffCheckOutcome::Kind::Connected;
    m.check_outcome.centre = "Example Carers Centre";
    // The centre's own words, quoted as received.
    m.refused = {{"3f2a9c1e", "It is larger (9000000 bytes) than the centre accepts (8388608 bytes).", false},
                 {"b71d0e42", "Its bytes do not match its hash: it was damaged on the way. It stays on the kiosk.", true}};
    m.venue = {{"venue.name", "Example Library"}};
    m.version = "0.1.0";
    return m;
}

}  // namespace carers::app
