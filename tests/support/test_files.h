// Files for tests: reading fixtures from the source tree and a fresh temporary folder per test.
#pragma once

#include <filesystem>
#include <string>

namespace carers::test {

// The text of a file below the repository root, e.g. "assets/forms/am-i-a-carer.json".
std::string read_source_file(const std::string& relative_path);
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);
// Whether `needle` occurs anywhere in the bytes of the file (binary-safe).
bool file_contains(const std::filesystem::path& path, const std::string& needle);

// A new empty folder under the system temp dir, removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace carers::test
