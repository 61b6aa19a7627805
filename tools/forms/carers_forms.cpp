// carers-forms: staff and CI tool for form files.
//
//   carers-forms lint FILE...   print every problem in each FILE with its JSON path; exit 1 if
//                               any file has an error, 0 otherwise (warnings alone pass)
//
// Output, one line per problem, like a compiler's:
//   assets/forms/x.json: error: item[3].enableWhen[0].question: Item 'b' depends on question ...
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "kiosk/engine/form_lint.h"

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: carers-forms lint [--no-warnings] FILE...\n"
                 "Checks FHIR Questionnaire files against what the Carers Kiosk form engine\n"
                 "supports, printing every problem with its JSON path.\n");
    return 2;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    // One byte past the limit is enough for the engine to say the file is too large.
    out.assign(carers::engine::max_form_bytes + 1, '\0');
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<std::size_t>(in.gcount()));
    return !in.bad();
}

int lint(const std::vector<std::string>& files, bool warnings) {
    using carers::engine::Severity;
    int files_with_errors = 0;
    for (const std::string& file : files) {
        std::string text;
        if (!read_file(file, text)) {
            std::printf("%s: error: cannot be read.\n", file.c_str());
            ++files_with_errors;
            continue;
        }
        int errors = 0, warned = 0;
        for (const auto& d : carers::engine::lint_questionnaire(text)) {
            const bool error = d.severity == Severity::Error;
            if (error) ++errors;
            else ++warned;
            if (!error && !warnings) continue;
            const std::string where = d.path.empty() ? "" : d.path + ": ";
            std::printf("%s: %s: %s%s %s\n", file.c_str(), error ? "error" : "warning", where.c_str(),
                        d.subject.c_str(), d.message.c_str());
        }
        std::printf("%s: %d error%s, %d warning%s\n", file.c_str(), errors, errors == 1 ? "" : "s",
                    warned, warned == 1 ? "" : "s");
        if (errors) ++files_with_errors;
    }
    return files_with_errors ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] != "lint") return usage();
    bool warnings = true;
    std::vector<std::string> files;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--no-warnings") warnings = false;
        else if (args[i] == "--help" || args[i] == "-h") return usage();
        else files.push_back(args[i]);
    }
    if (files.empty()) return usage();
    return lint(files, warnings);
}
