// Verifies pylon-chat's identity tokens with Node's jsonwebtoken, independently of the library.
// Reads JSON lines on stdin: {token, secret, aud, now, claims, hexToken?, secretIsHex?}, and writes
// one line per input line: "ok", or what is wrong. For each line:
//  - token must verify with the secret's text (HS256 only, audience aud, at the time now) and its
//    payload must be exactly claims;
//  - hexToken (the same claims signed with the hex-DECODED secret) must NOT verify with the text;
//  - when the secret is hex, token must NOT verify with the hex-decoded secret.
const jwt = require("jsonwebtoken");
const { isDeepStrictEqual } = require("node:util");

function rejected(token, key, now) {
  try {
    jwt.verify(token, key, { algorithms: ["HS256"], clockTimestamp: now });
    return false;
  } catch (e) {
    return e.message === "invalid signature";
  }
}

const lines = require("node:fs").readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);
for (const line of lines) {
  const { token, secret, aud, now, claims, hexToken, secretIsHex } = JSON.parse(line);
  let answer = "ok";
  try {
    const payload = jwt.verify(token, secret, { algorithms: ["HS256"], audience: aud, clockTimestamp: now });
    const header = jwt.decode(token, { complete: true }).header;
    if (!isDeepStrictEqual(header, { alg: "HS256", typ: "JWT" })) {
      answer = "header is " + JSON.stringify(header);
    } else if (!isDeepStrictEqual(payload, claims)) {
      answer = "claims differ: " + JSON.stringify(payload) + " instead of " + JSON.stringify(claims);
    } else if (hexToken !== undefined && !rejected(hexToken, secret, now)) {
      answer = "a token signed with the hex-decoded secret verified with its text";
    } else if (secretIsHex && !rejected(token, Buffer.from(secret, "hex"), now)) {
      answer = "the token verified with the hex-decoded secret";
    }
  } catch (e) {
    answer = "does not verify: " + e.name + ": " + e.message;
  }
  process.stdout.write(answer + "\n");
}
