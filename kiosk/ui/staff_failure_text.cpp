#include "kiosk/ui/staff_failure_text.h"

#include "kiosk/i18n/translatable.h"
#include "kiosk/ui/placeholders.h"

namespace carers::ui {

namespace {

std::string with_status(const i18n::Catalog& c, const char* msgid, int http_status) {
    // A status code is a code, not a quantity: never grouped or localised.
    return fill_placeholders(c.tr(msgid), {{"status", std::to_string(http_status)}});
}

}  // namespace

std::string failure_cause_text(const i18n::Catalog& c, StaffFailureCause cause, int http_status) {
    using C = StaffFailureCause;
    switch (cause) {
    case C::None: return {};
    case C::NotHttps:
        return c.tr("The centre's address in this kiosk's settings does not start with https://, so nothing was sent. "
                    "Ask IT support to correct the settings.");
    case C::AddressNotFound:
        return c.tr("The centre's address could not be found. Check that this kiosk is connected to the internet; if it "
                    "is, ask IT support to check the address in the settings.");
    case C::ConnectionRefused:
        return c.tr("Nothing answered at the centre's address: its server may be down, or the network may block it. Try "
                    "again later; if this goes on, tell the Carers Centre.");
    case C::TimedOut:
        return c.tr("The centre did not answer in time. Check the network connection and try again later.");
    case C::CertificateUntrusted:
        return c.tr("The centre's security certificate is not trusted by this kiosk, so nothing was sent. Ask IT support "
                    "to check the centre's certificate and the kiosk's settings.");
    case C::CertificateWrongName:
        return c.tr("The centre's security certificate is for a different name from the address in this kiosk's "
                    "settings, so nothing was sent. Ask IT support to check the address.");
    case C::PinMismatch:
        return c.tr("The centre's security key is not the one this kiosk expects, so nothing was sent. Someone may be "
                    "intercepting the connection, or the centre changed its key: tell IT support.");
    case C::SecureConnectionFailed:
        return c.tr("A secure connection to the centre could not be made. Try again later; if this goes on, tell IT "
                    "support.");
    case C::ConnectionBroken:
        return c.tr("The connection to the centre broke off. Nothing is lost; try again later.");
    case C::CentreBusy:
        return with_status(c, i18n::translatable("The centre is busy or has a problem (HTTP {{status}}). Try again later; if this goes on, "
                              "tell the Carers Centre."),
                           http_status);
    case C::UnexpectedAnswer:
        if (http_status > 0)
            return with_status(c, i18n::translatable("The centre's address gave an unexpected answer (HTTP {{status}}). Ask IT support to "
                                  "check the address in the settings."),
                               http_status);
        return c.tr("The centre gave an answer this kiosk did not expect. Ask IT support to check the address in the "
                    "settings.");
    case C::NotACentre:
        return c.tr("Something that is not the Carers Centre answered, such as a Wi-Fi sign-in page. Check the network "
                    "connection, or ask IT support to check the address.");
    case C::ReceiptKeyChanged:
        return c.tr("The centre signs its receipts with a different key from the one in this kiosk's settings, so "
                    "nothing could leave the kiosk. Was the centre set up again? Ask IT support to enrol this kiosk "
                    "again.");
    case C::ReceiptInvalid:
        return c.tr("The centre's receipt could not be verified, so nothing was deleted from this kiosk. Tell IT "
                    "support.");
    case C::OutboxProblem:
        return c.tr("This kiosk's outbox could not be read or updated. Restart the kiosk; if this happens again, tell IT "
                    "support.");
    case C::Other: return c.tr("Something unexpected went wrong. Tell IT support.");
    }
    return {};
}

std::string set_up_problem_text(const i18n::Catalog& c, StaffSetUpProblem problem) {
    switch (problem) {
    case StaffSetUpProblem::Unknown: return c.tr("Sync is not set up on this kiosk.");
    case StaffSetUpProblem::NoSettingsFile:
        return c.tr("Sync is not set up: this kiosk has no settings file (kiosk.json). Ask IT support to enrol it.");
    case StaffSetUpProblem::SettingsInvalid:
        return c.tr("Sync is not set up: this kiosk's settings file (kiosk.json) has a problem. Ask IT support to "
                    "correct it.");
    }
    return {};
}

std::string store_problem_text(const i18n::Catalog& c, StoreProblem problem) {
    using P = StoreProblem;
    switch (problem) {
    case P::KeyMissing:
        return c.tr("This kiosk's database key cannot be found, so its data cannot be opened. Tell IT support; do not "
                    "delete anything.");
    case P::KeyRefused:
        return c.tr("This kiosk's database key is kept unsafely or is damaged, so it was not used. Tell IT support.");
    case P::KeyWrong: return c.tr("The key or passphrase does not open this kiosk's database. Tell IT support.");
    case P::DatabaseDamaged:
        return c.tr("This kiosk's database is damaged and cannot be opened. Tell IT support; do not delete anything.");
    case P::DiskFull: return c.tr("This kiosk's disk is full. Tell IT support so that space can be freed.");
    case P::DiskError: return c.tr("This kiosk cannot read or write its files. Tell IT support.");
    case P::NewerSchema:
        return c.tr("This kiosk's data was written by a newer version of Carers Kiosk. Ask IT support to update the "
                    "kiosk.");
    case P::NoEncryption:
        return c.tr("This kiosk was built without encryption, so it will not store anything. Tell IT support.");
    case P::InUse:
        return c.tr("Another program is using this kiosk's database. Restart the kiosk; if this goes on, tell IT "
                    "support.");
    case P::Other: return failure_cause_text(c, StaffFailureCause::Other, 0);
    }
    return {};
}

std::string pin_check_failed_text(const i18n::Catalog& c, const std::string& detail) {
    return with_cause(c, c.tr("The PIN could not be checked because this kiosk's storage failed. Tell IT support."),
                      StaffFailureCause::None, 0, detail);
}

std::string with_cause(const i18n::Catalog& c, std::string sentence, StaffFailureCause cause, int http_status,
                       const std::string& detail) {
    const std::string advice = failure_cause_text(c, cause, http_status);
    if (!advice.empty()) sentence += (sentence.empty() ? "" : " ") + advice;
    const std::string technical = it_support_text(c, detail);
    if (!technical.empty()) sentence += (sentence.empty() ? "" : " ") + technical;
    return sentence;
}

std::string it_support_text(const i18n::Catalog& c, const std::string& detail) {
    if (detail.empty()) return {};
    return fill_placeholders(c.tr("For IT support: {{detail}}"), {{"detail", "\u2068" + detail + "\u2069"}});
}

}  // namespace carers::ui
