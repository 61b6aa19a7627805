// gzip (RFC 1952) compression of request bodies, with zlib.
#pragma once

#include <string>

namespace carers::sync {

// The gzip encoding of `data` at `level` (1 fastest .. 9 smallest).
std::string gzip_compress(const std::string& data, int level);

}  // namespace carers::sync
