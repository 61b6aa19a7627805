// Exporting what the centre holds for its case-management system (carers-centre export): each
// submission is opened with the centre's sealing key, urgent (safeguarding) ones first and
// flagged, then written as CSV, JSON or a FHIR Bundle of QuestionnaireResponses.
//
// The output holds personal data in the clear; the tool writes it to a file only its owner can
// read, and staff must keep it on encrypted storage.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "sync/centre/centre_directory.h"
#include "sync/centre/centre_store.h"

namespace carers::sync {

enum class ExportFormat { Csv, Json, Fhir };
Result<ExportFormat> parse_export_format(const std::string& name);

struct ExportSummary {
    std::size_t exported = 0;
    std::size_t urgent = 0;
    std::vector<std::string> ids;         // what was written, in the order written
    std::vector<std::string> unreadable;  // ids that would not open or parse (listed, not exported)
};

// Writes the selected submissions to `out`. It does not note them as exported: the caller does
// (CentreStore::mark_exported) once the output is safely stored.
Result<ExportSummary> export_submissions(CentreStore& store, const SealingKeys& keys, ExportFormat format,
                                         std::ostream& out, SubmissionSelection which = SubmissionSelection::All);

}  // namespace carers::sync
