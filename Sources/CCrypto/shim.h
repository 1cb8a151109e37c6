// The part of OpenSSL's libcrypto redress uses: the EVP message-digest API (SHA-256).
#include <openssl/evp.h>
