# Every third-party library, found once, from Debian's packages (tools/debian-packages.txt).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)

# SQLCipher only, never libsqlite3 as well: with both linked, PRAGMA key can be silently
# ignored and the file written in plaintext (shared/research/stack.md §5.5).
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher>=3.46)  # its .pc carries the SQLite version; 3.46 = SQLCipher 4.6
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(ICU_UC REQUIRED IMPORTED_TARGET icu-uc)  # memorable words: NFKC_Casefold

if(KIOSK_BUILD_GUI)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)          # pulls in stb
  find_package(glfw3 3.3 REQUIRED)
  set(OpenGL_GL_PREFERENCE GLVND)
  find_package(OpenGL REQUIRED)
endif()

# Sync: libcurl (kiosk client, sync/transport only), cpp-httplib (Debian builds it as a shared
# library; its .pc carries the OpenSSL/zlib/brotli defines it was compiled with), OpenSSL (TLS
# certificates for the centre), zlib (gzip request bodies).
find_package(CURL 7.80 REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(ZLIB REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
