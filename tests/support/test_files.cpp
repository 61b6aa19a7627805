#include "tests/support/test_files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace carers::test {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string read_source_file(const std::string& relative_path) {
    return read_file(std::filesystem::path(CARERS_SOURCE_DIR) / relative_path);
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

bool file_contains(const std::filesystem::path& path, const std::string& needle) {
    if (!std::filesystem::exists(path)) return false;
    return read_file(path).find(needle) != std::string::npos;
}

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "carers-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace carers::test
