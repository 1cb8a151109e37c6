// The part of zlib redress uses: crc32 (for zip members, at the speed of zlib's braided or
// vectorised code rather than a table in Swift) and raw deflate for the evidence bundle.
#include <zlib.h>
