// main.c: the crypto benchmark program: Mbed TLS 2.28 (from the mbedtls-sys-auto package, see
// ../README; configuration in bench_config.h) running N rounds of: SHA-256, SHA-512 and HMAC over
// 128 KiB, AES-256-GCM and ChaCha20-Poly1305 sealing and opening 64 KiB, AES-128-CBC through the
// cipher layer, HKDF, base64, ECDSA P-256 and P-384 signatures (deterministic, RFC 6979) and their
// verification, X25519 key agreement, and RSA-1024 (a key generated once per run) with PKCS#1 v1.5
// signatures and OAEP encryption. Randomness comes from a CTR_DRBG seeded by the program itself.
// Every output is checked where it can be (tags verify, plaintexts come back, signatures verify)
// and hashed into the checksum.
#include <string.h>

#include "../../bench.h"
#include "mbedtls/base64.h"
#include "mbedtls/chachapoly.h"
#include "mbedtls/cipher.h"
#include "mbedtls/ctr_drbg.h"
#include "mbedtls/ecdh.h"
#include "mbedtls/ecdsa.h"
#include "mbedtls/gcm.h"
#include "mbedtls/hkdf.h"
#include "mbedtls/md.h"
#include "mbedtls/rsa.h"
#include "mbedtls/sha256.h"
#include "mbedtls/sha512.h"

enum { DATA = 128 * 1024, SEAL = 64 * 1024 };

static unsigned char data[DATA], sealed[DATA + 64], opened[DATA + 64];
static uint64_t checksum;
static mbedtls_ctr_drbg_context drbg;

static void ok(int rc, const char *what) {
    if (rc != 0) {
        fprintf(stderr, "self-check failed: %s: -0x%04x\n", what, (unsigned)-rc);
        exit(1);
    }
}

static void mix_bytes(const unsigned char *p, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ULL;
    checksum = mix(checksum, h);
}

// The "entropy" the DRBG is seeded with: the program's own generator, so every run is the same.
static int entropy(void *state, unsigned char *out, size_t len) {
    for (size_t i = 0; i < len; i++) out[i] = (unsigned char)rng_next(state);
    return 0;
}

static int random_bytes(void *ctx, unsigned char *out, size_t len) { return mbedtls_ctr_drbg_random(ctx, out, len); }

static void hashes(void) {
    unsigned char digest[64];
    ok(mbedtls_sha256_ret(data, DATA, digest, 0), "sha256");
    mix_bytes(digest, 32);
    ok(mbedtls_sha512_ret(data, DATA, digest, 0), "sha512");
    mix_bytes(digest, 64);
    ok(mbedtls_sha512_ret(data, DATA / 2, digest, 1), "sha384");
    mix_bytes(digest, 48);
    const mbedtls_md_info_t *sha256 = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
    ok(mbedtls_md_hmac(sha256, data, 32, data + 32, DATA / 2, digest), "hmac");
    mix_bytes(digest, 32);
    unsigned char okm[96];
    ok(mbedtls_hkdf(sha256, data, 16, data + 16, 64, (const unsigned char *)"bench", 5, okm, sizeof okm), "hkdf");
    mix_bytes(okm, sizeof okm);
}

static void aead(void) {
    unsigned char key[32], iv[12], tag[16], aad[20];
    memcpy(key, data + 100, 32);
    memcpy(iv, data + 200, 12);
    memcpy(aad, data + 300, 20);
    mbedtls_gcm_context gcm;
    mbedtls_gcm_init(&gcm);
    ok(mbedtls_gcm_setkey(&gcm, MBEDTLS_CIPHER_ID_AES, key, 256), "gcm setkey");
    ok(mbedtls_gcm_crypt_and_tag(&gcm, MBEDTLS_GCM_ENCRYPT, SEAL, iv, 12, aad, 20, data, sealed, 16, tag), "gcm seal");
    mix_bytes(tag, 16);
    ok(mbedtls_gcm_auth_decrypt(&gcm, SEAL, iv, 12, aad, 20, tag, 16, sealed, opened), "gcm open");
    if (memcmp(opened, data, SEAL) != 0) bench_fail("gcm round trip");
    mbedtls_gcm_free(&gcm);

    mbedtls_chachapoly_context chacha;
    mbedtls_chachapoly_init(&chacha);
    ok(mbedtls_chachapoly_setkey(&chacha, key), "chachapoly setkey");
    ok(mbedtls_chachapoly_encrypt_and_tag(&chacha, SEAL, iv, aad, 20, data, sealed, tag), "chachapoly seal");
    mix_bytes(tag, 16);
    ok(mbedtls_chachapoly_auth_decrypt(&chacha, SEAL, iv, aad, 20, tag, sealed, opened), "chachapoly open");
    if (memcmp(opened, data, SEAL) != 0) bench_fail("chachapoly round trip");
    mbedtls_chachapoly_free(&chacha);

    mbedtls_cipher_context_t cbc;
    mbedtls_cipher_init(&cbc);
    ok(mbedtls_cipher_setup(&cbc, mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_CBC)), "cbc setup");
    ok(mbedtls_cipher_setkey(&cbc, key, 128, MBEDTLS_ENCRYPT), "cbc setkey");
    size_t sealed_len;
    ok(mbedtls_cipher_crypt(&cbc, iv, 16, data, SEAL / 4 + 5, sealed, &sealed_len), "cbc encrypt");
    mix_bytes(sealed, sealed_len);
    ok(mbedtls_cipher_setkey(&cbc, key, 128, MBEDTLS_DECRYPT), "cbc setkey");
    size_t opened_len;
    ok(mbedtls_cipher_crypt(&cbc, iv, 16, sealed, sealed_len, opened, &opened_len), "cbc decrypt");
    if (opened_len != SEAL / 4 + 5 || memcmp(opened, data, opened_len) != 0) bench_fail("cbc round trip");
    mbedtls_cipher_free(&cbc);

    unsigned char text[4096];
    size_t text_len;
    ok(mbedtls_base64_encode(text, sizeof text, &text_len, data, 3000), "base64 encode");
    size_t back_len;
    ok(mbedtls_base64_decode(opened, DATA, &back_len, text, text_len), "base64 decode");
    if (back_len != 3000 || memcmp(opened, data, 3000) != 0) bench_fail("base64 round trip");
    mix_bytes(text, text_len);
}

static void ecdsa(mbedtls_ecp_group_id curve, int signatures) {
    mbedtls_ecdsa_context key;
    mbedtls_ecdsa_init(&key);
    ok(mbedtls_ecdsa_genkey(&key, curve, random_bytes, &drbg), "ecdsa genkey");
    for (int i = 0; i < signatures; i++) {
        unsigned char hash[32], signature[MBEDTLS_ECDSA_MAX_LEN];
        size_t signature_len;
        ok(mbedtls_sha256_ret(data + 1000 * i, 1000, hash, 0), "sha256");
        ok(mbedtls_ecdsa_write_signature(&key, MBEDTLS_MD_SHA256, hash, 32, signature, &signature_len, random_bytes, &drbg),
           "ecdsa sign");
        ok(mbedtls_ecdsa_read_signature(&key, hash, 32, signature, signature_len), "ecdsa verify");
        mix_bytes(signature, signature_len);
        hash[0] ^= 1;
        if (mbedtls_ecdsa_read_signature(&key, hash, 32, signature, signature_len) == 0) bench_fail("ecdsa: bad hash verified");
    }
    mbedtls_ecdsa_free(&key);
}

static void x25519(void) {
    mbedtls_ecdh_context alice, bob;
    mbedtls_ecdh_init(&alice);
    mbedtls_ecdh_init(&bob);
    ok(mbedtls_ecdh_setup(&alice, MBEDTLS_ECP_DP_CURVE25519), "ecdh setup");
    ok(mbedtls_ecdh_setup(&bob, MBEDTLS_ECP_DP_CURVE25519), "ecdh setup");
    unsigned char a_public[64], b_public[64], a_secret[32], b_secret[32];
    size_t a_len, b_len, a_secret_len, b_secret_len;
    ok(mbedtls_ecdh_make_params(&alice, &a_len, a_public, sizeof a_public, random_bytes, &drbg), "ecdh params");
    ok(mbedtls_ecdh_read_params(&bob, &(const unsigned char *){a_public}, a_public + a_len), "ecdh read params");
    ok(mbedtls_ecdh_make_public(&bob, &b_len, b_public, sizeof b_public, random_bytes, &drbg), "ecdh public");
    ok(mbedtls_ecdh_read_public(&alice, b_public, b_len), "ecdh read public");
    ok(mbedtls_ecdh_calc_secret(&alice, &a_secret_len, a_secret, 32, random_bytes, &drbg), "ecdh secret");
    ok(mbedtls_ecdh_calc_secret(&bob, &b_secret_len, b_secret, 32, random_bytes, &drbg), "ecdh secret");
    if (a_secret_len != b_secret_len || memcmp(a_secret, b_secret, a_secret_len) != 0) bench_fail("x25519 secrets differ");
    mix_bytes(a_secret, a_secret_len);
    mbedtls_ecdh_free(&alice);
    mbedtls_ecdh_free(&bob);
}

static void rsa(mbedtls_rsa_context *key) {
    unsigned char hash[32], signature[128], message[40], decrypted[128];
    ok(mbedtls_sha256_ret(data, 4096, hash, 0), "sha256");
    ok(mbedtls_rsa_pkcs1_sign(key, random_bytes, &drbg, MBEDTLS_RSA_PRIVATE, MBEDTLS_MD_SHA256, 32, hash, signature), "rsa sign");
    ok(mbedtls_rsa_pkcs1_verify(key, NULL, NULL, MBEDTLS_RSA_PUBLIC, MBEDTLS_MD_SHA256, 32, hash, signature), "rsa verify");
    mix_bytes(signature, sizeof signature);
    memcpy(message, data + 5000, sizeof message);
    ok(mbedtls_rsa_rsaes_oaep_encrypt(key, random_bytes, &drbg, MBEDTLS_RSA_PUBLIC, NULL, 0, sizeof message, message, signature),
       "oaep encrypt");
    size_t len;
    ok(mbedtls_rsa_rsaes_oaep_decrypt(key, random_bytes, &drbg, MBEDTLS_RSA_PRIVATE, NULL, 0, &len, signature, decrypted,
                                      sizeof decrypted),
       "oaep decrypt");
    if (len != sizeof message || memcmp(decrypted, message, len) != 0) bench_fail("oaep round trip");
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 1);
    Rng seed = rng_new(0xc0ffee);
    mbedtls_ctr_drbg_init(&drbg);
    ok(mbedtls_ctr_drbg_seed(&drbg, entropy, &seed, (const unsigned char *)"hayate", 6), "drbg seed");
    mbedtls_rsa_context rsa_key;
    mbedtls_rsa_init(&rsa_key, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
    ok(mbedtls_rsa_gen_key(&rsa_key, random_bytes, &drbg, 1024, 65537), "rsa genkey");
    for (uint32_t round = 0; round < n; round++) {
        for (size_t at = 0; at < DATA; at += MBEDTLS_CTR_DRBG_MAX_REQUEST)
            ok(mbedtls_ctr_drbg_random(&drbg, data + at, MBEDTLS_CTR_DRBG_MAX_REQUEST), "drbg");
        hashes();
        aead();
        ecdsa(MBEDTLS_ECP_DP_SECP256R1, 4);
        ecdsa(MBEDTLS_ECP_DP_SECP384R1, 2);
        x25519();
        rsa(&rsa_key);
    }
    mbedtls_rsa_free(&rsa_key);
    mbedtls_ctr_drbg_free(&drbg);
    bench_checksum(checksum);
    return 0;
}
