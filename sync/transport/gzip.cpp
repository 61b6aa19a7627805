#include "sync/transport/gzip.h"

#include <cassert>
#include <cstring>

#include <zlib.h>

namespace carers::sync {

std::string gzip_compress(const std::string& data, int level) {
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    // windowBits 15 + 16 asks zlib for a gzip header and trailer rather than a zlib one.
    int rc = deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    assert(rc == Z_OK && "zlib could not start (out of memory)");
    (void)rc;
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    rc = deflate(&zs, Z_FINISH);
    assert(rc == Z_STREAM_END && "deflateBound was too small");
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

}  // namespace carers::sync
