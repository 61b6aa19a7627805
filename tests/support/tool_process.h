// Staff tools and servers run as real processes by the tests: started, waited for, or killed
// with a signal (SIGKILL stands in for a crash). Shared by the sync and store tool tests; the
// starting itself is kiosk/common/child_process's, shared with the benchmarks.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/common/child_process.h"

namespace carers::test {

// Starts `args[0]` with `args`, stdin from /dev/null. Its stdout and stderr go together to
// `output` when given, else to /dev/null (or to the test's own when CARERS_TEST_CHILD_OUTPUT is
// set, for debugging). Fails the test when the program cannot be started.
pid_t spawn_tool(const std::vector<std::string>& args, const std::filesystem::path& output = {});

// Sends `signal` and reaps the child; returns its wait status.
int kill_and_reap(pid_t pid, int signal);

// Waits for the child to end by itself; returns its exit code, or -1 when a signal ended it.
int wait_for_exit(pid_t pid);

struct ToolRun {
    int exit_code = -1;  // -1: ended by a signal
    std::string out;     // stdout and stderr together
};
// Runs a tool to the end; its output is kept in `scratch`/tool-output.txt while it runs.
ToolRun run_tool(const std::vector<std::string>& args, const std::filesystem::path& scratch);

using carers::free_loopback_port;

}  // namespace carers::test
