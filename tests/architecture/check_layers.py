#!/usr/bin/env python3
"""The folders are the architecture: checks every #include against the layer rules.

app -> ui -> engine; store and sync never include ui; only the store and the centre's storage
include SQLCipher; only sync's transport includes curl; only app touches GLFW and ImGui backends.
Exits non-zero listing each include that breaks a rule, with file and line.
"""
import os
import re
import sys

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))

# For each source folder: project folders it may include (prefix match) and system headers it
# must not include. Folders not listed may include anything of the project.
RULES = {
    "kiosk/common": {"allow": ["kiosk/common"], "deny": ["imgui", "GLFW", "sqlite3", "curl", "sodium", "nlohmann"]},
    "kiosk/engine": {"allow": ["kiosk/common", "kiosk/engine"], "deny": ["imgui", "GLFW", "sqlite3", "curl", "sodium"]},
    "kiosk/i18n": {"allow": ["kiosk/common", "kiosk/i18n"], "deny": ["imgui", "GLFW", "sqlite3", "curl"]},
    "kiosk/store": {"allow": ["kiosk/common", "kiosk/engine", "kiosk/store"], "deny": ["imgui", "GLFW", "curl"]},
    "kiosk/ui": {"allow": ["kiosk/common", "kiosk/engine", "kiosk/i18n", "kiosk/ui"],
                 "deny": ["GLFW", "sqlite3", "curl", "imgui_impl_"]},
    "sync": {"allow": ["kiosk/common", "kiosk/engine", "kiosk/store", "sync"], "deny": ["imgui", "GLFW"]},
    "tools": {"allow": ["kiosk/common", "kiosk/engine", "kiosk/i18n", "kiosk/store", "sync", "tools"],
              "deny": ["imgui", "GLFW"]},
}
# System headers only certain folders may include.
ONLY = {
    "sqlite3.h": ["kiosk/store"],
    "curl/curl.h": ["sync/transport"],
    "GLFW/glfw3.h": ["kiosk/app"],
    "imgui_impl_glfw.h": ["kiosk/app"],
    "imgui_impl_opengl3.h": ["kiosk/app"],
}

include_re = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def rule_for(rel):
    best = None
    for folder in RULES:
        if rel.startswith(folder + "/") and (best is None or len(folder) > len(best)):
            best = folder
    return best


def main():
    problems = []
    checked = 0
    for top in ("kiosk", "sync", "tools"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                if not name.endswith((".h", ".hpp", ".cpp", ".cc")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                folder = rule_for(rel)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for lineno, line in enumerate(f, 1):
                        m = include_re.match(line)
                        if not m:
                            continue
                        checked += 1
                        header = m.group(2)
                        where = f"{rel}:{lineno}: #include {header}"
                        project = header.split("/")[0] in ("kiosk", "sync", "tools", "tests")
                        if folder and project and not any(header.startswith(a + "/") for a in RULES[folder]["allow"]):
                            problems.append(f"{where} — {folder} may not depend on {header.rsplit('/', 1)[0]}")
                        if folder and not project and any(d in header for d in RULES[folder]["deny"]):
                            problems.append(f"{where} — {folder} may not use {header}")
                        if header in ONLY and not any(rel.startswith(o + "/") for o in ONLY[header]):
                            problems.append(f"{where} — only {', '.join(ONLY[header])} may include {header}")
    if checked == 0:
        print("no includes found: wrong root?", root)
        return 2
    for p in problems:
        print(p)
    print(f"{checked} includes checked, {len(problems)} against the layer rules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
