#!/usr/bin/env python3
"""Checks that every error a person can read is in the catalogs (issue 23).

A person reads the message of an error they can act on (INVALID_ARGUMENT, NOT_FOUND, ABORTED,
FAILED_PRECONDITION, ...) and each field violation's description. Such a text is either
  - a Phrase(...) (a catalog key with arguments, rendered in the reader's language), or
  - a plain literal whose English is an `error.` key without arguments in lib/catalogs/en.txt
    (MessageCatalogs::Translate finds it by its English), or
  - a name (a variable or a call) carrying one of those.
Built English (absl::StrCat, StrFormat, `+` on a literal) is refused: it cannot be translated.

Errors only an operator reads (start-up configuration, migrations, catalog files) live in the
files listed in OPERATOR_FILES and are not checked.
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PEOPLE_CODES = ("Aborted|InvalidArgument|FailedPrecondition|NotFound|AlreadyExists|PermissionDenied|"
                "OutOfRange|ResourceExhausted|Unauthenticated")
CALL = re.compile(r"\b(?:absl::(?:" + PEOPLE_CODES + r")Error|(?:errors|\w*errors_?)\.Add)\s*\(")
OPERATOR_FILES = {
    "lib/messages.cc",           # catalog files, read at start-up
    "server/main.cc",
    "server/notification/mime_message.cc",
    "server/notification/smtp_mailer.cc",
    "server/notification/mysql_email_outbox.cc",  # the notifier's own lease
    "lib/phrase.cc",             # a malformed phrase is a programming error
    "server/app/metrics_endpoint.cc",
    "server/db/database_nodes.cc",
    "server/db/mysql_migrator.cc",
    "server/identity/secret_sealer.cc",  # the secrets key file, read at start-up
}
COMPOSED = re.compile(r"absl::(StrCat|StrFormat|Substitute|StrJoin)\b|\"\s*\+|\+\s*\"")


def arguments(text, start):
    """Splits the call's arguments at top-level commas; returns (args, end)."""
    depth, i, args, begin = 1, start, [], start
    while i < len(text) and depth:
        c = text[i]
        if c == '"' or c == "'":
            i += 1
            while text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 1:
            args.append(text[begin:i])
            begin = i + 1
        i += 1
    args.append(text[begin:i - 1])
    return [a.strip() for a in args], i


def literal(arg):
    """The value of a string literal (adjacent pieces joined), or None."""
    pieces = re.findall(r'"((?:[^"\\]|\\.)*)"', arg)
    if not pieces or re.sub(r'"((?:[^"\\]|\\.)*)"', "", arg).strip():
        return None
    return "".join(pieces).encode().decode("unicode_escape")


def english_errors():
    texts = set()
    for line in (ROOT / "lib/catalogs/en.txt").read_text().splitlines():
        m = re.match(r"(error\.[\w.]+)\s*=\s*(.*)$", line)
        if m and "{" not in m.group(2):
            texts.add(m.group(2).replace("''", "'"))
    return texts


def keys_twice():
    """Keys a catalog defines more than once (the server refuses such a catalog at start-up)."""
    problems = []
    for catalog in sorted((ROOT / "lib/catalogs").glob("*.txt")):
        seen = set()
        for number, line in enumerate(catalog.read_text().splitlines(), 1):
            m = re.match(r"([a-z0-9_.]+)\s*=", line)
            if m and m.group(1) in seen:
                problems.append(f"lib/catalogs/{catalog.name}:{number}: {m.group(1)} twice")
            elif m:
                seen.add(m.group(1))
    return problems


def main():
    known = english_errors()
    files = subprocess.run(["git", "ls-files", "server/*.cc", "lib/*.cc"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    problems = keys_twice()
    for name in files:
        if name in OPERATOR_FILES:
            continue
        text = (ROOT / name).read_text()
        for call in CALL.finditer(text):
            args, _ = arguments(text, call.end())
            message = args[-1]
            line = text.count("\n", 0, call.start()) + 1
            where = f"{name}:{line}"
            if message.startswith("Phrase(") or message.startswith("cim::Phrase("):
                continue
            if COMPOSED.search(message):
                problems.append(f"{where}: built in English, use a Phrase: {' '.join(message.split())[:90]}")
                continue
            value = literal(message)
            if value is not None and value not in known:
                problems.append(f"{where}: \"{value}\" is no error. text in lib/catalogs/en.txt")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"ci/check-error-texts: {len(problems)} problems with the texts people read",
              file=sys.stderr)
        return 1
    print("ci/check-error-texts: every error a person reads is in the catalogs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
