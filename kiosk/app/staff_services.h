// What staff mode reads and does through the store: checking the PIN (an Argon2id hash in the
// store's settings, five tries then a five-minute lock, every try audited), setting it from the
// command line, and the facts the staff screen shows.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/app/kiosk_config.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/i18n/coverage.h"
#include "kiosk/store/local_store.h"

namespace carers::app {

// Checks a PIN typed at the pad; zeroes it.
StaffPinCheck check_staff_pin(store::LocalStore& store, std::string pin, std::int64_t now);

// What the PIN pad should say before any PIN is typed: locked (a lock survives restarts), no PIN
// set, or ready.
ui::StaffEntryModel staff_entry_state(store::LocalStore& store, std::int64_t now);

// --set-staff-pin: reads 4-12 digits from standard input (twice, without echo, at a terminal)
// and stores their hash. Returns the exit code; messages go to stderr.
int set_staff_pin_from_stdin(store::LocalStore& store, std::int64_t now);

// Submissions waiting and sent, the last sync that worked (from the audit log), and the venue's
// settings as label and value.
ui::StaffModel staff_facts(store::LocalStore& store, const KioskConfig& config, const std::string& version);

// What the staff screen says about each shipped language but English: strings translated of the
// template's, the file's status (a draft), and up to `examples` of the strings shown in English
// instead (the same coverage `carers-i18n report` prints).
std::vector<ui::TranslationCoverage> translation_coverage(const std::vector<i18n::Coverage>& coverage,
                                                          std::size_t examples = 3);

}  // namespace carers::app
