#include "kiosk/app/staff_sync_outcome.h"

namespace carers::app {

ui::StaffFailureCause staff_failure_cause(sync::FailureCause c) {
    using S = sync::FailureCause;
    using U = ui::StaffFailureCause;
    switch (c) {
    case S::None: return U::None;
    case S::NotHttps: return U::NotHttps;
    case S::AddressNotFound: return U::AddressNotFound;
    case S::ConnectionRefused: return U::ConnectionRefused;
    case S::TimedOut: return U::TimedOut;
    case S::CertificateUntrusted: return U::CertificateUntrusted;
    case S::CertificateWrongName: return U::CertificateWrongName;
    case S::PinMismatch: return U::PinMismatch;
    case S::SecureConnectionFailed: return U::SecureConnectionFailed;
    case S::ConnectionBroken: return U::ConnectionBroken;
    case S::CentreBusy: return U::CentreBusy;
    case S::UnexpectedAnswer: return U::UnexpectedAnswer;
    case S::NotACentre: return U::NotACentre;
    case S::ReceiptKeyChanged: return U::ReceiptKeyChanged;
    case S::ReceiptInvalid: return U::ReceiptInvalid;
    case S::OutboxProblem: return U::OutboxProblem;
    case S::Other: return U::Other;
    }
    return U::Other;
}

ui::StoreProblem store_problem(store::StoreFailure f) {
    using F = store::StoreFailure;
    using P = ui::StoreProblem;
    switch (f) {
    case F::key_missing: return P::KeyMissing;
    case F::key_refused: return P::KeyRefused;
    case F::key_wrong: return P::KeyWrong;
    case F::database_damaged: return P::DatabaseDamaged;
    case F::disk_full: return P::DiskFull;
    case F::disk_error: return P::DiskError;
    case F::newer_schema: return P::NewerSchema;
    case F::no_encryption: return P::NoEncryption;
    case F::in_use: return P::InUse;
    case F::none:
    case F::other: return P::Other;
    }
    return P::Other;
}

ui::StaffSyncOutcome staff_sync_outcome(const sync::SyncOutcome& o) {
    using K = ui::StaffSyncOutcome::Kind;
    ui::StaffSyncOutcome out;
    switch (o.kind) {
    case sync::SyncOutcomeKind::NothingToSend: out.kind = K::NothingToSend; break;
    case sync::SyncOutcomeKind::Sent: out.kind = K::Sent; break;
    case sync::SyncOutcomeKind::Cancelled: out.kind = K::Cancelled; break;
    case sync::SyncOutcomeKind::CentrePause: out.kind = K::CentrePause; break;
    case sync::SyncOutcomeKind::GaveUp: out.kind = K::GaveUp; break;
    case sync::SyncOutcomeKind::DeviceRefused: out.kind = K::DeviceRefused; break;
    case sync::SyncOutcomeKind::BatchRefused: out.kind = K::BatchRefused; break;
    case sync::SyncOutcomeKind::Failed: out.kind = K::Failed; break;
    }
    out.confirmed = o.confirmed;
    out.rejected = o.rejected;
    out.attempts = o.attempts;
    out.retry_after_s = o.retry_after_s;
    out.http_status = o.http_status;
    out.cause = staff_failure_cause(o.cause);
    out.detail = o.detail;
    return out;
}

ui::StaffCheckOutcome staff_check_problem(const sync::CentreCheckFailure& failure, const std::string& message) {
    ui::StaffCheckOutcome o;
    o.kind = ui::StaffCheckOutcome::Kind::Problem;
    o.cause = staff_failure_cause(failure.cause == sync::FailureCause::None ? sync::FailureCause::Other : failure.cause);
    o.http_status = failure.http_status;
    o.detail = message;
    return o;
}

}  // namespace carers::app
