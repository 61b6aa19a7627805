// Runs store_test_child with its stdout on a pipe (read line by line) and stderr in a file.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace carers::store::test_fixtures {

class ChildProcess {
public:
    // `extra_env` entries ("NAME=value") are added to this process's environment for the child.
    // Its stdin is `stdin_file`, or, when that is empty, a pipe that send() writes to.
    ChildProcess(const std::vector<std::string>& args, const std::filesystem::path& stderr_file,
                 const std::vector<std::string>& extra_env = {}, const std::filesystem::path& stdin_file = "/dev/null") {
        int fds[2];
        REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        int in[2] = {-1, -1};
        if (stdin_file.empty()) {
            REQUIRE(pipe2(in, O_CLOEXEC) == 0);
            posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, stdin_file.c_str(), O_RDONLY, 0);
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (const auto& e : extra_env) envp.push_back(const_cast<char*>(e.c_str()));
        for (char** e = environ; *e; ++e) envp.push_back(*e);
        envp.push_back(nullptr);
        int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        out_ = fds[0];
        if (in[0] >= 0) close(in[0]);
        in_ = in[1];
        REQUIRE(rc == 0);
    }
    ~ChildProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (out_ >= 0) close(out_);
        if (in_ >= 0) close(in_);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Reads until `text` has appeared in the output, the child closed it, or `ms` passed.
    bool wait_for(const std::string& text, int ms) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (output_.find(text) == std::string::npos) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
            if (left <= 0) return false;
            pollfd p{out_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            char buf[4096];
            ssize_t n = read(out_, buf, sizeof buf);
            if (n <= 0) return output_.find(text) != std::string::npos;
            output_.append(buf, static_cast<std::size_t>(n));
        }
        return true;
    }

    void send(const std::string& line) {
        std::string l = line + "\n";
        REQUIRE(write(in_, l.data(), l.size()) == static_cast<ssize_t>(l.size()));
    }
    void close_stdin() {
        if (in_ >= 0) close(in_);
        in_ = -1;
    }

    // SIGKILLs the child (if still running), reaps it and reads what it printed. Returns the
    // wait status.
    int kill_and_collect() {
        kill(pid_, SIGKILL);
        return collect();
    }
    // Waits for the child to end by itself and reads everything it printed.
    int collect() {
        close_stdin();
        char buf[4096];
        ssize_t n;
        while ((n = read(out_, buf, sizeof buf)) > 0) output_.append(buf, static_cast<std::size_t>(n));
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return status;
    }

    const std::string& output() const { return output_; }
    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        std::istringstream in(output_);
        std::string line;
        while (std::getline(in, line)) out.push_back(line);
        return out;
    }

private:
    pid_t pid_ = -1;
    int out_ = -1;
    int in_ = -1;
    std::string output_;
};

}  // namespace carers::store::test_fixtures
