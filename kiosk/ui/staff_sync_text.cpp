#include "kiosk/ui/staff_sync_text.h"

#include <ctime>

#include "kiosk/i18n/translatable.h"
#include "kiosk/ui/message_values.h"
#include "kiosk/ui/placeholders.h"
#include "kiosk/ui/staff_failure_text.h"

namespace carers::ui {

namespace {

// The centre's own words, quoted and labelled as theirs.
std::string centre_words_text(const i18n::Catalog& c, const std::string& words) {
    return fill_placeholders(c.tr("The centre's words: \u201c{{reason}}\u201d"), {{"reason", words}});
}

// Appends the centre's own words when it gave any.
std::string with_centre_words(const i18n::Catalog& c, std::string sentence, const std::string& words) {
    if (words.empty()) return sentence;
    return sentence + " " + centre_words_text(c, words);
}

}  // namespace

std::string staff_time_text(const i18n::Catalog& catalog, std::int64_t at, std::int64_t now) {
    std::time_t a = static_cast<std::time_t>(at), n = static_cast<std::time_t>(now);
    std::tm ta{}, tn{};
    localtime_r(&a, &ta);
    localtime_r(&n, &tn);
    const std::string time = catalog.values().time_of_day(ta.tm_hour, ta.tm_min);
    if (ta.tm_year == tn.tm_year && ta.tm_yday == tn.tm_yday) return time;
    return fill_placeholders(catalog.tr("{{date}}, {{time}}"),
                             {{"date", catalog.values().date(ta.tm_year + 1900, ta.tm_mon + 1, ta.tm_mday)}, {"time", time}});
}

std::string sync_outcome_text(const i18n::Catalog& c, const StaffSyncOutcome& o) {
    using Kind = StaffSyncOutcome::Kind;
    switch (o.kind) {
    case Kind::None: return {};
    case Kind::Sending:
        return fill_placeholders(c.tr("Sent {{done}} of {{total}}."),
                                 {{"done", count_text(c, static_cast<long>(o.confirmed))}, {"total", count_text(c, static_cast<long>(o.total))}});
    case Kind::NothingToSend: return c.tr("Nothing to send: the outbox is empty.");
    case Kind::Sent: {
        std::string s = with_count(
            c,
            c.tr_plural("Sent {{n}} submission; the Carers Centre confirmed receipt of it.",
                        "Sent {{n}} submissions; the Carers Centre confirmed receipt of each.", static_cast<long>(o.confirmed)),
            static_cast<long>(o.confirmed));
        if (o.rejected > 0)
            s += " " + with_count(c,
                                  c.tr_plural("{{n}} submission was refused by the centre and kept on this kiosk.",
                                              "{{n}} submissions were refused by the centre and kept on this kiosk.",
                                              static_cast<long>(o.rejected)),
                                  static_cast<long>(o.rejected));
        return s;
    }
    case Kind::Cancelled: return c.tr("Sending was cancelled; nothing is lost.");
    case Kind::CentrePause:
        return with_cause(c,
                          with_count(c,
                                     c.tr_plural("The Carers Centre asked for a pause of {{n}} second; the kiosk will try again then.",
                                                 "The Carers Centre asked for a pause of {{n}} seconds; the kiosk will try again then.",
                                                 o.retry_after_s),
                                     o.retry_after_s),
                          o.cause, o.http_status, o.detail);
    case Kind::GaveUp:
        return with_cause(c,
                          with_count(c,
                                     c.tr_plural("The Carers Centre could not be reached; gave up for now after {{n}} attempt.",
                                                 "The Carers Centre could not be reached; gave up for now after {{n}} attempts.",
                                                 o.attempts),
                                     o.attempts),
                          o.cause, o.http_status, o.detail);
    case Kind::DeviceRefused:
        return with_centre_words(
            c, c.tr("The Carers Centre refused this kiosk: it may not be enrolled, or was revoked. Nothing was stored or deleted."),
            o.detail);
    case Kind::BatchRefused:
        return with_centre_words(c,
                                 fill_placeholders(c.tr("The Carers Centre refused the batch (HTTP {{status}}). Nothing was deleted."),
                                                   {{"status", std::to_string(o.http_status)}}),
                                 o.detail);
    case Kind::Failed: return with_cause(c, c.tr("Sending failed; a person must act."), o.cause, o.http_status, o.detail);
    case Kind::NotSetUp: return with_cause(c, set_up_problem_text(c, o.set_up), StaffFailureCause::None, 0, o.detail);
    case Kind::AlreadyRunning: return c.tr("A sync is already running.");
    }
    return {};
}

std::string check_outcome_text(const i18n::Catalog& c, const StaffCheckOutcome& o) {
    switch (o.kind) {
    case StaffCheckOutcome::Kind::None: return {};
    case StaffCheckOutcome::Kind::Connected:
        return fill_placeholders(c.tr("Connected to {{centre}}: trusted, receipts will verify."), {{"centre", o.centre}});
    case StaffCheckOutcome::Kind::Problem:
        return with_cause(c, c.tr("The connection check failed."), o.cause, o.http_status, o.detail);
    case StaffCheckOutcome::Kind::NotSetUp:
        return with_cause(c, set_up_problem_text(c, o.set_up), StaffFailureCause::None, 0, o.detail);
    }
    return {};
}

std::string refusal_reason_text(const i18n::Catalog& c, const std::string& reason) {
    // The kiosk's own sentences (sync/client/sync_client.cpp writes them when the centre gave none).
    static const char* const own[] = {
        i18n::translatable("The centre refused it."),
        i18n::translatable("The centre did not confirm it."),
        i18n::translatable("The centre refused it as too large."),
    };
    for (const char* s : own)
        if (reason == s) return c.tr(s);
    return centre_words_text(c, reason);
}

}  // namespace carers::ui
