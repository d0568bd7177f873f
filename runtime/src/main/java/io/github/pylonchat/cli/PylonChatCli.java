package io.github.pylonchat.cli;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatEnvironment;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.EmailHasher;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.JwtSigner;
import io.github.pylonchat.PylonChatWidget;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime jar's command line: compute or check {@code email_hash} values, sign an identity token
 * or explain one, with the secret from {@code PYLON_IDENTITY_SECRET} or
 * {@code PYLON_IDENTITY_SECRET_FILE} (never from arguments, so it does not land in shell history or
 * process lists) and, for tokens, the app id from {@code PYLON_APP_ID}. For {@code hash} and
 * {@code verify} the secret is the hex identity secret; for {@code jwt} and {@code decode} it is
 * Pylon's JWT secret, read as text.
 *
 * <pre>
 * java -jar pylon-chat-runtime.jar hash user@example.com     # prints the hash
 * java -jar pylon-chat-runtime.jar verify user@example.com 1ece38fa...   # exit 0 match, 1 no match
 * java -jar pylon-chat-runtime.jar jwt user@example.com --name "Ada"     # prints a token
 * java -jar pylon-chat-runtime.jar decode eyJhbGciOi...      # exit 0 acceptable, 1 not
 * </pre>
 *
 * Exit codes: 0 success, match or an acceptable token; 1 no match, or a token Pylon would not
 * accept; 2 bad usage or a missing or bad setting.
 */
public final class PylonChatCli {
  static final int OK = 0;
  static final int NO_MATCH = 1;
  static final int USAGE = 2;

  private static final List<String> JWT_OPTIONS = List.of("--name", "--account-external-id", "--contact-external-id");
  private static final String SHORT_USAGE = "usage: hash EMAIL... | verify EMAIL HASH | jwt EMAIL [--name N]"
      + " [--account-external-id A] [--contact-external-id C] | decode TOKEN; --help for more";
  private static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar pylon-chat-runtime.jar hash EMAIL...",
      "       java -jar pylon-chat-runtime.jar verify EMAIL HASH",
      "       java -jar pylon-chat-runtime.jar jwt EMAIL [--name N] [--account-external-id A] [--contact-external-id C]",
      "       java -jar pylon-chat-runtime.jar decode TOKEN",
      "",
      "  hash    print Pylon's email_hash of each EMAIL, one lowercase hex hash per line",
      "  verify  exit 0 if HASH is the email_hash of EMAIL, 1 if not",
      "  jwt     print an identity token (HS256 JWT) for EMAIL and the app id, valid for "
          + TokenReport.describe(JwtSigner.DEFAULT_LIFETIME.getSeconds()),
      "  decode  print TOKEN's header and claims and check them as Pylon does (algorithm, crit, signature,",
      "          aud, email, iat, nbf, exp, lifetime); exit 0 if acceptable, 1 if not",
      "",
      "The secret is read from " + IdentitySecret.ENV_SECRET + " or from the file named by "
          + IdentitySecret.ENV_SECRET_FILE + ": the hex identity secret for hash and verify, Pylon's JWT",
      "secret (used as given) for jwt and decode, which also need the app id in " + PylonChatWidget.ENV_APP_ID + ".");

  private PylonChatCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, Clock.systemUTC()));
  }

  /** Runs the command line against {@code env}, at {@code clock}'s time; returns the exit status. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
    if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
      out.println(USAGE_TEXT);
      return OK;
    }
    String command = args.length == 0 ? "" : args[0];
    List<String> operands = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    try {
      return switch (command) {
        case "hash", "verify" -> hashOrVerify(command, operands, env, out);
        case "jwt" -> jwt(operands, env, clock, out);
        case "decode" -> decode(operands, env, clock, out);
        // not echoed: a mistyped invocation may have the secret in this position
        default -> throw new UsageException(command.isEmpty() ? "no command given"
            : "unknown command (expected hash, verify, jwt or decode)");
      };
    } catch (UsageException e) {
      err.println("pylon-chat: " + e.getMessage() + " (" + SHORT_USAGE + ")");
      return USAGE;
    } catch (ChatConfigurationException | IllegalArgumentException e) {
      err.println("pylon-chat: " + e.getMessage());
      return USAGE;
    }
  }

  private static int hashOrVerify(String command, List<String> operands, Map<String, String> env, PrintStream out)
      throws UsageException {
    boolean hash = command.equals("hash");
    if (hash && operands.isEmpty()) {
      throw new UsageException("hash needs at least one EMAIL");
    }
    if (!hash && operands.size() != 2) {
      throw new UsageException("verify needs exactly EMAIL and HASH, got " + operands.size() + " argument(s)");
    }
    if (operands.stream().anyMatch(String::isBlank)) {
      throw new UsageException("an EMAIL or HASH argument is empty");
    }
    EmailHasher hasher = ChatEnvironment.of(env).identitySecret().hasher();
    if (hash) {
      operands.forEach(email -> out.println(hasher.hash(email)));
      return OK;
    }
    String email = operands.get(0);
    if (hasher.verify(email, operands.get(1).strip())) {
      out.println("match");
      return OK;
    }
    out.println("no match: the email_hash of that email with this secret is " + hasher.hash(email));
    return NO_MATCH;
  }

  private static int jwt(List<String> operands, Map<String, String> env, Clock clock, PrintStream out)
      throws UsageException {
    Map<String, String> options = new HashMap<>();
    String email = null;
    for (int i = 0; i < operands.size(); i++) {
      String operand = operands.get(i);
      if (JWT_OPTIONS.contains(operand)) {
        if (i + 1 == operands.size()) {
          throw new UsageException(operand + " needs a value");
        }
        if (options.put(operand, operands.get(++i)) != null) {
          throw new UsageException(operand + " is given twice");
        }
      } else if (operand.startsWith("--")) {
        // not echoed, as an unknown command is not
        throw new UsageException("unknown option (expected " + String.join(", ", JWT_OPTIONS) + ")");
      } else if (email != null) {
        throw new UsageException("jwt signs one EMAIL, got more");
      } else {
        email = operand;
      }
    }
    if (email == null || email.isBlank()) {
      throw new UsageException("jwt needs an EMAIL");
    }
    ChatProfile profile = new ChatProfile(email, options.get("--name"), null, null,
        options.get("--account-external-id"), options.get("--contact-external-id"));
    out.println(signer(env, clock).sign(profile));
    return OK;
  }

  private static int decode(List<String> operands, Map<String, String> env, Clock clock, PrintStream out)
      throws UsageException {
    if (operands.size() != 1 || operands.get(0).isBlank()) {
      throw new UsageException("decode needs exactly one TOKEN, got " + operands.size() + " argument(s)");
    }
    String token = operands.get(0);
    TokenReport.Decoded decoded;
    try {
      decoded = TokenReport.decode(token);
    } catch (StrictJson.Malformed e) {
      out.println("not a token: " + e.getMessage());
      return NO_MATCH;
    }
    TokenReport.print(decoded, out);
    if (!TokenReport.isHs256(decoded, out)) {
      return NO_MATCH;
    }
    JwtSigner signer = signer(env, clock);
    return TokenReport.check(token, decoded, signer, clock.instant(), out) ? OK : NO_MATCH;
  }

  /** The signer for the app id and JWT secret of {@code env}, errors named after the variables. */
  private static JwtSigner signer(Map<String, String> env, Clock clock) {
    ChatEnvironment environment = ChatEnvironment.of(env);
    String appId = environment.appId();
    return environment.jwtSecret().signer(appId, JwtSigner.DEFAULT_LIFETIME, clock);
  }

  /** The arguments are not a command this tool knows; the message never repeats an unknown argument. */
  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
