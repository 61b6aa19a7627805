#include "tests/support/tool_process.h"

#include <catch2/catch_test_macros.hpp>

#include <csignal>
#include <cstdlib>
#include <sys/wait.h>

#include "tests/support/test_files.h"

namespace carers::test {

pid_t spawn_tool(const std::vector<std::string>& args, const std::filesystem::path& output) {
    ChildOutput to;
    if (!output.empty())
        to = {ChildOutput::To::file, output};
    else if (std::getenv("CARERS_TEST_CHILD_OUTPUT"))
        to.to = ChildOutput::To::inherit;
    auto pid = spawn_process(args, to);
    INFO((pid ? args.front() : pid.message()));
    REQUIRE(pid.ok());
    return *pid;
}

int kill_and_reap(pid_t pid, int signal) {
    ::kill(pid, signal);
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

int wait_for_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ToolRun run_tool(const std::vector<std::string>& args, const std::filesystem::path& scratch) {
    auto log = scratch / "tool-output.txt";
    int code = wait_for_exit(spawn_tool(args, log));
    return ToolRun{code, read_file(log)};
}

}  // namespace carers::test
