#include "kiosk/app/staff_services.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <termios.h>
#include <unistd.h>

#include "kiosk/common/secure_wipe.h"

namespace carers::app {

StaffPinCheck check_staff_pin(store::LocalStore& store, std::string pin, std::int64_t now) {
    auto r = store.staff_pin().check(std::move(pin), now);
    secure_wipe(pin);
    StaffPinCheck out;
    if (!r) {
        out.status = StaffPinCheck::Status::Error;
        out.error = r.message();
        return out;
    }
    switch (r->status) {
    case store::StaffLoginStatus::ok: out.status = StaffPinCheck::Status::Ok; break;
    case store::StaffLoginStatus::wrong_pin: out.status = StaffPinCheck::Status::Wrong; break;
    case store::StaffLoginStatus::locked: out.status = StaffPinCheck::Status::Locked; break;
    case store::StaffLoginStatus::no_pin: out.status = StaffPinCheck::Status::NoPin; break;
    }
    out.tries_left = r->tries_left;
    out.locked_until = r->locked_until;
    return out;
}

ui::StaffEntryModel staff_entry_state(store::LocalStore& store, std::int64_t now) {
    ui::StaffEntryModel m;
    auto set = store.staff_pin().is_set();
    if (!set) {
        m.status = ui::StaffEntryModel::Status::Error;
        m.error = set.message();
        return m;
    }
    if (!*set) {
        m.status = ui::StaffEntryModel::Status::NoPin;
        return m;
    }
    // The store keeps the lock in this setting (kiosk/store/staff_pin.cpp); StaffPin has no call
    // that reads it without counting a try.
    auto until = store.settings().get_int("staff.pin_locked_until", 0);
    if (until && *until > now) {
        m.status = ui::StaffEntryModel::Status::Locked;
        m.locked_minutes = std::max(1, static_cast<int>(std::ceil(static_cast<double>(*until - now) / 60.0)));
    }
    return m;
}

namespace {

bool read_secret_line(const char* prompt, std::string& out) {
    const bool tty = isatty(STDIN_FILENO);
    if (tty) std::fprintf(stderr, "%s", prompt);
    termios old{};
    if (tty) {
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    out.reserve(64);
    const bool got = static_cast<bool>(std::getline(std::cin, out));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fputc('\n', stderr);
    }
    return got;
}

}  // namespace

int set_staff_pin_from_stdin(store::LocalStore& store, std::int64_t now) {
    std::string pin, again;
    if (!read_secret_line("New staff PIN (4 to 12 digits): ", pin)) {
        std::fprintf(stderr, "carers-kiosk: no PIN was given.\n");
        return 2;
    }
    if (isatty(STDIN_FILENO)) {
        read_secret_line("The same PIN again: ", again);
        const bool same = again == pin;
        secure_wipe(again);
        if (!same) {
            secure_wipe(pin);
            std::fprintf(stderr, "carers-kiosk: the two PINs were not the same; nothing was changed.\n");
            return 2;
        }
    }
    auto set = store.staff_pin().set(std::move(pin), now);
    secure_wipe(pin);
    if (!set) {
        std::fprintf(stderr, "carers-kiosk: %s\n", set.message().c_str());
        return 2;
    }
    std::fprintf(stderr, "carers-kiosk: the staff PIN is set.\n");
    return 0;
}

std::vector<ui::TranslationCoverage> translation_coverage(const std::vector<i18n::Coverage>& coverage,
                                                          std::size_t examples) {
    std::vector<ui::TranslationCoverage> out;
    for (const auto& c : coverage) {
        if (c.language.code == "en") continue;  // the source language
        ui::TranslationCoverage t;
        t.language = c.language.native_name + " (" + c.language.code + ")";
        t.translated = c.translated;
        t.total = c.total;
        t.status = c.language.status;
        for (std::size_t i = 0; i < c.missing.size() && i < examples; ++i) {
            std::string text = c.missing[i].msgid;
            if (text.size() > 80) {
                std::size_t cut = 77;
                while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
                text = text.substr(0, cut) + "...";
            }
            t.examples.push_back(std::move(text));
        }
        out.push_back(std::move(t));
    }
    return out;
}

ui::StaffModel staff_facts(store::LocalStore& store, const KioskConfig& config, const std::string& version) {
    ui::StaffModel m;
    if (auto stats = store.outbox().stats()) {
        m.waiting = stats->waiting;
        m.sent = stats->sent_total;
    }
    // The centre's refusals: the id's first group (enough for `carers-store set-aside`) and its
    // reason. The kiosk cannot open what it sealed, so nothing personal is shown.
    if (auto refused = store.outbox().refused())
        for (const auto& r : *refused) m.refused.push_back({r.id.substr(0, 8), r.reason, r.set_aside_at != 0});
    if (auto recent = store::recent_audit(store.database(), 500))
        for (const auto& e : *recent)
            if (e.event == store::audit_event_name(store::AuditEvent::synced)) {
                m.last_sync_unix = e.at;  // written in the language on screen by the view
                break;
            }
    // The venue as kiosk.json describes it: names and numbers only, nothing secret.
    for (const auto& [key, value] : config.placeholders) m.venue.emplace_back(key, value);
    m.inactivity_seconds = config.behaviour.inactivity_seconds;
    m.warning_seconds = config.behaviour.warning_seconds;
    m.version = version;
    return m;
}

}  // namespace carers::app
