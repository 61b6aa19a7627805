#pragma once
// Reading a secret (passphrase, PIN) typed at a terminal without echoing it. Shared by the
// kiosk and the staff tools so there is one place that restores the terminal and keeps the
// typed line in a buffer the caller can wipe.
#include <optional>
#include <string>

namespace carers {

enum class WhenNotTerminal {
    refuse,     // e.g. a kiosk started by systemd: no one is there to type
    read_line,  // e.g. a staff script piping the secret in
};

// Prints `prompt` on stderr, reads one line from stdin with echo off, and returns it (nullopt at
// end of input, or when stdin is not a terminal and `when_not_terminal` is refuse). The returned
// string has room reserved up front so the secret is not left behind in a freed smaller buffer;
// the caller wipes it with secure_wipe when done.
std::optional<std::string> read_hidden_line(const char* prompt, WhenNotTerminal when_not_terminal);

}  // namespace carers
