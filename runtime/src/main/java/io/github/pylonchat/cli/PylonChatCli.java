package io.github.pylonchat.cli;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatEnvironment;
import io.github.pylonchat.EmailHasher;
import io.github.pylonchat.IdentitySecret;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The runtime jar's command line: compute or check {@code email_hash} values with the secret from
 * {@code PYLON_IDENTITY_SECRET} or {@code PYLON_IDENTITY_SECRET_FILE} (never from arguments, so it
 * does not land in shell history or process lists).
 *
 * <pre>
 * java -jar pylon-chat-runtime.jar hash user@example.com     # prints the hash
 * java -jar pylon-chat-runtime.jar verify user@example.com 1ece38fa...   # exit 0 match, 1 no match
 * </pre>
 *
 * Exit codes: 0 success or match, 1 no match, 2 bad usage or a missing or bad secret.
 */
public final class PylonChatCli {
  static final int OK = 0;
  static final int NO_MATCH = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar pylon-chat-runtime.jar hash EMAIL...",
      "       java -jar pylon-chat-runtime.jar verify EMAIL HASH",
      "",
      "  hash    print Pylon's email_hash of each EMAIL, one lowercase hex hash per line",
      "  verify  exit 0 if HASH is the email_hash of EMAIL, 1 if not",
      "",
      "The identity secret is read from " + IdentitySecret.ENV_SECRET + " or from the file named by "
          + IdentitySecret.ENV_SECRET_FILE + ".");

  private PylonChatCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs the command line against {@code env}; returns the exit status. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
      out.println(USAGE_TEXT);
      return OK;
    }
    String command = args.length == 0 ? "" : args[0];
    List<String> operands = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    boolean hash = command.equals("hash") && !operands.isEmpty();
    boolean verify = command.equals("verify") && operands.size() == 2;
    if (!hash && !verify) {
      err.println("pylon-chat: " + usageProblem(command, operands.size())
          + " (usage: hash EMAIL... | verify EMAIL HASH; --help for more)");
      return USAGE;
    }
    if (operands.stream().anyMatch(String::isBlank)) {
      err.println("pylon-chat: an EMAIL or HASH argument is empty");
      return USAGE;
    }
    EmailHasher hasher;
    try {
      hasher = ChatEnvironment.of(env).identitySecret().hasher();
    } catch (ChatConfigurationException e) {
      err.println("pylon-chat: " + e.getMessage());
      return USAGE;
    }
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

  private static String usageProblem(String command, int operands) {
    return switch (command) {
      case "" -> "no command given";
      case "hash" -> "hash needs at least one EMAIL";
      case "verify" -> "verify needs exactly EMAIL and HASH, got " + operands + " argument(s)";
      // not echoed: a mistyped invocation may have the secret in this position
      default -> "unknown command (expected hash or verify)";
    };
  }
}
