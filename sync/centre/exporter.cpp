#include "sync/centre/exporter.h"

#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

#include "kiosk/common/secure_wipe.h"
#include "sync/protocol/sealed_payload.h"

namespace carers::sync {

using nlohmann::json;

namespace {

constexpr const char* flag_system = "https://carers-kiosk.example.org/fhir/CodeSystem/submission-flags";

struct Opened {
    const StoredSubmission* meta;
    SealedPayload payload;
    json response;
};

std::string iso_time(std::int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// A CSV field, quoted, with a leading quote mark when a spreadsheet would take it for a formula.
std::string csv_field(const std::string& v) {
    std::string s = v;
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s = "'" + s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += "\"\"";
        else out += c;
    }
    return out + "\"";
}

std::string answer_text(const json& answer) {
    for (const auto& [key, value] : answer.items()) {
        if (key.rfind("value", 0) != 0) continue;
        if (value.is_string()) return value.get<std::string>();
        if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
        if (value.is_number()) return value.dump();
        if (value.is_object()) {  // Coding, Quantity, Reference...
            for (const char* k : {"code", "display", "value", "reference"})
                if (auto it = value.find(k); it != value.end()) return it->is_string() ? it->get<std::string>() : it->dump();
            return value.dump();
        }
    }
    return "";
}

// Every (linkId, answer) in a QuestionnaireResponse, depth first (answers may nest items too).
void collect_answers(const json& items, std::vector<std::pair<std::string, std::string>>& out) {
    if (!items.is_array()) return;
    for (const auto& item : items) {
        if (!item.is_object()) continue;
        std::string link = item.value("linkId", "");
        if (auto answers = item.find("answer"); answers != item.end() && answers->is_array())
            for (const auto& a : *answers) {
                if (!a.is_object()) continue;
                out.emplace_back(link, answer_text(a));
                if (auto nested = a.find("item"); nested != a.end()) collect_answers(*nested, out);
            }
        if (auto nested = item.find("item"); nested != item.end()) collect_answers(*nested, out);
    }
}

void write_csv(const std::vector<Opened>& rows, std::ostream& out) {
    out << "submission_id,urgent,kind,reference,language,form_url,form_version,created_at,received_at,device_id,"
           "link_id,answer\r\n";
    for (const auto& r : rows) {
        std::vector<std::pair<std::string, std::string>> answers;
        collect_answers(r.response.value("item", json::array()), answers);
        if (answers.empty()) answers.emplace_back("", "");
        for (const auto& [link, value] : answers) {
            const auto& m = *r.meta;
            out << csv_field(m.id) << ',' << (r.payload.urgent ? "yes" : "no") << ',' << csv_field(m.kind) << ','
                << csv_field(r.payload.reference) << ',' << csv_field(r.payload.language) << ','
                << csv_field(m.form_url) << ',' << csv_field(m.form_version) << ',' << iso_time(m.created_at) << ','
                << iso_time(m.received_at) << ',' << csv_field(m.device_id) << ',' << csv_field(link) << ','
                << csv_field(value) << "\r\n";
        }
    }
}

void write_json(const std::vector<Opened>& rows, std::ostream& out) {
    json list = json::array();
    for (const auto& r : rows) {
        const auto& m = *r.meta;
        list.push_back({{"id", m.id},
                        {"urgent", r.payload.urgent},
                        {"kind", m.kind},
                        {"reference", r.payload.reference},
                        {"language", r.payload.language},
                        {"form_url", m.form_url},
                        {"form_version", m.form_version},
                        {"created_at", iso_time(m.created_at)},
                        {"received_at", iso_time(m.received_at)},
                        {"device_id", m.device_id},
                        {"response", r.response}});
    }
    out << list.dump(2) << "\n";
}

void write_fhir(const std::vector<Opened>& rows, std::ostream& out) {
    json entries = json::array();
    for (const auto& r : rows) {
        const auto& m = *r.meta;
        json qr = r.response;
        qr["id"] = m.id;
        if (!qr.contains("identifier")) qr["identifier"] = {{"system", "urn:ietf:rfc:3986"}, {"value", "urn:uuid:" + m.id}};
        if (!r.payload.language.empty() && !qr.contains("language")) qr["language"] = r.payload.language;
        if (!qr.contains("meta") || !qr["meta"].is_object()) qr["meta"] = json::object();
        if (!qr["meta"].contains("tag") || !qr["meta"]["tag"].is_array()) qr["meta"]["tag"] = json::array();
        if (r.payload.urgent)
            qr["meta"]["tag"].push_back({{"system", flag_system}, {"code", "urgent"}, {"display", "Urgent (safeguarding)"}});
        if (!r.payload.reference.empty())
            qr["meta"]["tag"].push_back({{"system", flag_system}, {"code", "reference"}, {"display", r.payload.reference}});
        if (qr["meta"]["tag"].empty()) qr["meta"].erase("tag");
        if (qr["meta"].empty()) qr.erase("meta");
        entries.push_back({{"fullUrl", "urn:uuid:" + m.id}, {"resource", std::move(qr)}});
    }
    json bundle{{"resourceType", "Bundle"},
                {"type", "collection"},
                {"timestamp", iso_time(static_cast<std::int64_t>(std::time(nullptr)))},
                {"total", rows.size()},
                {"entry", std::move(entries)}};
    bundle.erase("total");  // only searchset/history bundles may carry total (FHIR bdl-1)
    out << bundle.dump(2) << "\n";
}

}  // namespace

Result<ExportFormat> parse_export_format(const std::string& name) {
    if (name == "csv") return ExportFormat::Csv;
    if (name == "json") return ExportFormat::Json;
    if (name == "fhir") return ExportFormat::Fhir;
    return make_error("The export format must be csv, json or fhir.");
}

Result<ExportSummary> export_submissions(CentreStore& store, const SealingKeys& keys, ExportFormat format,
                                         std::ostream& out, SubmissionSelection which) {
    auto all = store.submissions(which);
    if (!all) return all.error();
    ExportSummary summary;
    std::vector<Opened> rows;
    std::array<std::uint8_t, 32> sk{};
    std::copy(keys.secret_key.data(), keys.secret_key.data() + 32, sk.begin());
    for (const auto& s : *all) {
        auto plain = store::open_sealed(s.sealed, keys.public_key, sk);
        if (!plain) {
            summary.unreadable.push_back(s.id);
            continue;
        }
        auto payload = decode_sealed_payload(*plain);
        secure_wipe(*plain);
        if (!payload) {
            summary.unreadable.push_back(s.id);
            continue;
        }
        json response = json::parse(payload->response_json, nullptr, false);
        secure_wipe(payload->response_json);
        if (response.is_discarded()) {
            summary.unreadable.push_back(s.id);
            continue;
        }
        rows.push_back(Opened{&s, std::move(*payload), std::move(response)});
    }
    secure_wipe(sk.data(), sk.size());
    std::stable_sort(rows.begin(), rows.end(), [](const Opened& a, const Opened& b) {
        if (a.payload.urgent != b.payload.urgent) return a.payload.urgent;
        if (a.meta->received_at != b.meta->received_at) return a.meta->received_at < b.meta->received_at;
        return a.meta->id < b.meta->id;
    });
    for (const auto& r : rows) {
        summary.urgent += r.payload.urgent ? 1 : 0;
        summary.ids.push_back(r.meta->id);
    }
    summary.exported = rows.size();
    switch (format) {
    case ExportFormat::Csv: write_csv(rows, out); break;
    case ExportFormat::Json: write_json(rows, out); break;
    case ExportFormat::Fhir: write_fhir(rows, out); break;
    }
    if (!out) return make_error("The export could not be written (disk full?).");
    return summary;
}

}  // namespace carers::sync
