#include "kiosk/common/hidden_input.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace carers {

std::optional<std::string> read_hidden_line(const char* prompt, WhenNotTerminal when_not_terminal) {
    std::string line;
    line.reserve(256);
    if (!isatty(STDIN_FILENO)) {
        if (when_not_terminal == WhenNotTerminal::refuse) return std::nullopt;
        if (!std::getline(std::cin, line)) return std::nullopt;
        return line;
    }
    std::fprintf(stderr, "%s", prompt);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputc('\n', stderr);
    if (!got) return std::nullopt;
    return line;
}

}  // namespace carers
