#include "kiosk/i18n/locale_dir.h"

#include <algorithm>
#include <fstream>

namespace carers::i18n {

Result<std::string> read_text_file(const std::filesystem::path& path) {
    constexpr std::uintmax_t limit = 8 * 1024 * 1024;
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return make_error("Cannot open " + path.filename().string() + ".");
    if (size > limit) return make_error(path.filename().string() + " is larger than 8 MB; it was not loaded.");
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("Cannot open " + path.filename().string() + ".");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

LoadedLocales load_locales(const std::filesystem::path& dir) {
    LoadedLocales out;
    out.icu_setup_ms.emplace_back("built-in " + out.languages.english().language().code,
                                  out.languages.english().values().setup_ms());
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".po") files.push_back(entry.path());
    if (ec) out.problems.push_back("Cannot read the translations folder " + dir.string() + "; showing English only.");
    std::sort(files.begin(), files.end());

    for (const auto& path : files) {
        const std::string name = path.filename().string();
        auto text = read_text_file(path);
        if (!text) {
            out.problems.push_back(text.message());
            continue;
        }
        auto po = parse_po(text.value(), name);
        if (!po) {
            out.problems.push_back(po.message());
            continue;
        }
        auto catalog = Catalog::from_po(po.value());
        if (!catalog) {
            out.problems.push_back(name + ": " + catalog.message());
            continue;
        }
        out.icu_setup_ms.emplace_back(catalog.value().language().code, catalog.value().values().setup_ms());
        out.languages.add(std::move(catalog.value()));
    }

    if (auto text = read_text_file(dir / template_file_name)) {
        if (auto pot = parse_po(text.value(), template_file_name))
            out.template_file = std::move(pot.value());
        else
            out.problems.push_back(pot.message());
    } else if (!ec) {
        out.problems.push_back(text.message());
    }
    for (const auto& c : out.languages.all()) out.coverage.push_back(coverage(out.template_file, c));
    return out;
}

}  // namespace carers::i18n
