// Pylon's identity-verification page, Node.js snippet (verbatim body), driven by JSON lines on stdin.
const { createHmac } = require("node:crypto");
const lines = require("node:fs").readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);
for (const line of lines) {
  const { secret, email } = JSON.parse(line);
  const secretBytes = Buffer.from(secret, "hex");
  const verificationHash = createHmac("sha256", secretBytes)
    .update(email)
    .digest("hex");
  process.stdout.write(verificationHash + "\n");
}
