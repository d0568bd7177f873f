# Pylon's identity-verification page, Python snippet (verbatim function), driven by JSON lines on stdin.
import hmac
import hashlib
import json
import sys

def sign_message_with_hmac(message, secret):
    secret_bytes = bytes.fromhex(secret)
    signature = hmac.new(secret_bytes, message.encode(), hashlib.sha256).hexdigest()
    return signature

for line in sys.stdin:
    pair = json.loads(line)
    print(sign_message_with_hmac(pair["email"], pair["secret"]))
