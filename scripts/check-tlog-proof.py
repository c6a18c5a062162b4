#!/usr/bin/env python3
"""Checks a c2sp.org/tlog-proof@v1 file written by `bureau audit prove`, from the C2SP specifications alone
(signed-note, tlog-checkpoint, tlog-proof, RFC 9162 §2.1.3.2) — a second implementation, in another language,
that shares no code with Bureau. Needs the `cryptography` package for Ed25519.

    scripts/check-tlog-proof.py PROOF 'name+hash+keydata'      # exit 0 valid, 1 invalid
"""
import base64, hashlib, struct, sys
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def fail(why):
    print("INVALID:", why)
    sys.exit(1)


def main(path, vkey):
    text = open(path, encoding="utf-8").read()
    name, key_hash, key_data = vkey.strip().split("+", 2)
    material = base64.b64decode(key_data)
    if material[0] != 1 or len(material) != 33:
        fail("not an Ed25519 verifier key")
    if hashlib.sha256(name.encode() + b"\n" + material).digest()[:4].hex() != key_hash:
        fail("key hash does not match")
    public = Ed25519PublicKey.from_public_bytes(material[1:])

    head, _, checkpoint = text.partition("\n\n")
    lines = head.split("\n")
    if lines[0] != "c2sp.org/tlog-proof@v1":
        fail("header")
    extra = b""
    rest = lines[1:]
    if rest and rest[0].startswith("extra "):
        extra = base64.b64decode(rest[0][6:], validate=True)
        rest = rest[1:]
    if not rest[0].startswith("index "):
        fail("index line")
    index = int(rest[0][6:])
    path_hashes = [base64.b64decode(line, validate=True) for line in rest[1:]]

    body, sep, signatures = checkpoint.rpartition("\n\n")
    if not sep:
        fail("checkpoint has no signatures")
    body += "\n"
    signed = False
    for line in signatures.strip("\n").split("\n"):
        dash, signer, blob = line.split(" ")
        blob = base64.b64decode(blob)
        if dash == "\u2014" and signer == name and blob[:4].hex() == key_hash:
            try:
                public.verify(blob[4:], body.encode())
            except Exception:
                fail("the log's signature does not verify")
            signed = True
    if not signed:
        fail("no signature by the log key")
    origin, size, root = body.split("\n")[:3]
    if origin != name:
        fail("origin is not the key's name")
    size, root = int(size), base64.b64decode(root)

    # RFC 9162 §2.1.3.2
    if index >= size:
        fail("index beyond tree")
    fn, sn = index, size - 1
    r = hashlib.sha256(b"\x00" + extra).digest()
    for p in path_hashes:
        if sn == 0:
            fail("path too long")
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    if sn != 0 or r != root:
        fail("the inclusion proof does not lead to the signed root")
    print(f"valid: index {index} in {origin} of size {size}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
