#pragma once
// Starting another program as a child process (posix_spawn: no shell, no PATH search). Shared by
// the tests that run the staff tools and servers as real processes and by the benchmarks that
// run a real Carers Centre, so there is one place that sets up the child's standard streams.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/common/result.h"

namespace carers {

// Where a child's standard output and standard error go.
struct ChildOutput {
    enum class To { null_device, file, inherit };
    To to = To::null_device;
    std::filesystem::path file; // To::file: both streams into it, created or truncated, mode 0600
};

// Starts `args[0]` (a path) with `args` as its arguments, stdin from /dev/null, output as asked.
// Returns the child's pid (the caller reaps it), or a sentence saying why it did not start.
// Refuses an empty `args`.
Result<pid_t> spawn_process(const std::vector<std::string>& args, const ChildOutput& output = {});

// A TCP port on 127.0.0.1 that was free a moment ago (for a server started as a process).
int free_loopback_port();

} // namespace carers
