#include "kiosk/engine/form_lint.h"

#include <algorithm>
#include <cctype>

namespace carers::engine {

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Conventions of this kiosk's forms that the parser does not need but people do.
void check_conventions(const Questionnaire& q, std::vector<Diagnostic>& out) {
    auto warn = [&](const Item& it, std::string m) {
        out.push_back({Severity::Warning, it.json_path, "Item '" + it.link_id + "'", std::move(m)});
    };
    struct Hint {
        std::string_view suffix;
        std::string_view what;
        InputKind kind;
    };
    constexpr Hint hints[] = {{"postcode", "a postcode", InputKind::Postcode},
                              {"phone", "a phone number", InputKind::UkPhone},
                              {"email", "an email address", InputKind::Email},
                              {"nhs-number", "an NHS number", InputKind::NhsNumber},
                              {"dob", "a date of birth", InputKind::DateOfBirth}};
    for (const Item* it : q.all_items()) {
        // Result pages and hints are where "eligible" would creep in, so every text is read.
        bool eligibility = lower(it->text).find("eligib") != std::string::npos;
        for (const AnswerOption& o : it->answer_options)
            eligibility |= lower(display_text(o.value)).find("eligib") != std::string::npos;
        if (eligibility)
            warn(*it, "talks about eligibility; only the council decides that, so the kiosk never "
                      "should.");
        if (!is_question(it->type)) continue;
        for (const Hint& h : hints)
            if (ends_with(it->link_id, h.suffix) && it->input_kind == InputKind::None)
                warn(*it, "looks like " + std::string(h.what) +
                              " but has no input-kind extension, so the kiosk cannot give "
                              "the specific message for it (add input-kind '" + to_code(h.kind) + "').");
    }
    if (q.url.empty())
        out.push_back({Severity::Warning, "url", "The form",
                       "has no url, so responses cannot say which form they answer."});
    if (q.version.empty())
        out.push_back({Severity::Warning, "version", "The form",
                       "has no version, so a saved draft cannot tell an old form from a new one."});
}

}  // namespace

std::vector<Diagnostic> lint_questionnaire(std::string_view json_text) {
    ParseOutcome parsed = parse_with_diagnostics(json_text);
    std::vector<Diagnostic> out = std::move(parsed.diagnostics);
    if (parsed.questionnaire) check_conventions(*parsed.questionnaire, out);
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.severity == Severity::Error && b.severity == Severity::Warning;
    });
    return out;
}

}  // namespace carers::engine
