package io.github.pylonchat.benchmarks;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.EmailHasher;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.JwtSecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.benchmarks.model.Member;
import io.github.pylonchat.freemarker.PylonChatDirective;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A shop's product page (about 5 KB of HTML from a layout macro, of which 1 KB is the widget) in versions that differ only
 * in how the chat widget is written: with {@code <@pylonChat/>}, by hand from precomputed values
 * (the floor), and by hand hashing on every render (naive). All three render the same page. In JWT
 * mode, the tag signs a new token on every render and the floor copies one signed beforehand.
 *
 * <pre>{@code
 * LayoutPages pages = new LayoutPages();
 * pages.render(LayoutPages.Variant.TAG, writer);
 * }</pre>
 */
public final class LayoutPages {
  /** The Pylon app id the pages use. */
  public static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";

  /** How the page writes the chat widget. */
  public enum Variant {
    /** {@code <@pylonChat/>} in the layout. */
    TAG("page-tag.ftlh"),
    /** Written by hand from values computed once and already escaped. */
    FLOOR("page-floor.ftlh"),
    /** Written by hand with {@code ?js_string}, hashing with a new {@code Mac} per render. */
    NAIVE("page-naive.ftlh"),
    /** {@code <@pylonChat/>} with a widget in JWT mode: a token signed per render. */
    TAG_JWT("page-tag.ftlh"),
    /** Written by hand from values computed once and already escaped, a token among them. */
    FLOOR_JWT("page-floor-jwt.ftlh");

    private final String templateName;

    Variant(String templateName) {
      this.templateName = templateName;
    }

    private boolean jwt() {
      return this == TAG_JWT || this == FLOOR_JWT;
    }
  }

  // The floor copies its values unescaped, which is only right for text that needs no escaping.
  private static final Pattern NEEDS_NO_ESCAPING = Pattern.compile("[A-Za-z0-9 @._-]+");

  private final Map<Variant, Template> templates = new EnumMap<>(Variant.class);
  private final Map<String, Object> model = model();

  /** Loads the templates and builds the data model of a signed-in member; tokens are dated by the system clock. */
  public LayoutPages() throws IOException {
    this(Clock.systemUTC());
  }

  /** The pages with tokens dated by {@code clock}. */
  LayoutPages(Clock clock) throws IOException {
    Configuration cfg = configuration(widget());
    Configuration jwtCfg = configuration(jwtWidget(clock));
    for (Variant variant : Variant.values()) {
      templates.put(variant, (variant.jwt() ? jwtCfg : cfg).getTemplate(variant.templateName));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> chat = new HashMap<>((Map<String, Object>) model.get("chat"));
    chat.put("jwt", JwtSecret.ofText(TokenBenchmark.JWT_SECRET).signer(APP_ID, TokenBenchmark.LIFETIME, clock)
        .sign(ChatIdentities.profileOf(model.get("currentUser"))));
    model.put("chat", chat);
  }

  private static Configuration configuration(PylonChatWidget widget) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassForTemplateLoading(LayoutPages.class, "templates");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    PylonChatDirective.install(cfg, widget);
    return cfg;
  }

  /** The widget every variant of the page (in every template engine) is compared with. */
  static PylonChatWidget widget() {
    return PylonChatWidget.builder().appId(APP_ID).identitySecret(IdentitySecret.ofHex(HashingBenchmark.SECRET_HEX)).build();
  }

  /** The widget in JWT mode, with tokens valid for 10 minutes from {@code clock}'s now. */
  static PylonChatWidget jwtWidget(Clock clock) {
    return PylonChatWidget.builder().appId(APP_ID).jwtSecret(JwtSecret.ofText(TokenBenchmark.JWT_SECRET))
        .tokenLifetime(TokenBenchmark.LIFETIME).clock(clock).build();
  }

  /**
   * The data model of the shop page for a signed-in member: {@code currentUser} and
   * {@code cspNonce} for the tag, {@code chat} (precomputed, already escaped values) for the
   * floor, {@code pylonAppId} and {@code hmac} for the naive page, and the shop's content.
   */
  static Map<String, Object> model() {
    Map<String, Object> model = new HashMap<>();
    Member member = new Member(4711, "ada.lovelace@example.com", "Ada Lovelace", "acme-analytical-engines");
    EmailHasher hasher = IdentitySecret.ofHex(HashingBenchmark.SECRET_HEX).hasher();
    model.put("currentUser", member);
    model.put("cspNonce", "rAnd0mN0nce+2u8Qx7vK1w==");
    model.put("csrfToken", "5f0c6b1e-8a47-4d0f-b0f5-4e7a9d2c3b1a");
    model.put("pylonAppId", APP_ID);
    model.put("hmac", new NaiveEmailHash(HexFormat.of().parseHex(HashingBenchmark.SECRET_HEX)));
    model.put("chat", Map.of(
        "appId", needsNoEscaping(APP_ID),
        "email", needsNoEscaping(member.getEmail()),
        "name", needsNoEscaping(member.getDisplayName()),
        "accountId", needsNoEscaping(member.getTeamId()),
        "emailHash", hasher.hash(member.getEmail())));
    model.put("site", Map.of(
        "name", "Tea & Biscuits",
        "description", "Loose-leaf teas, biscuits and everything for a proper afternoon tea.",
        "assetBase", "https://static.tea-and-biscuits.example",
        "assetVersion", "3f9a1c",
        "year", "2025"));
    model.put("navigation", List.of(
        link("/", "Home", false), link("/new", "New arrivals", true), link("/teas", "Teas", false),
        link("/biscuits", "Biscuits", false), link("/gifts", "Gifts", false), link("/help", "Help", false)));
    model.put("footerLinks", List.of(
        link("/about", "About us", false), link("/shipping", "Shipping & returns", false),
        link("/privacy", "Privacy", false), link("/terms", "Terms", false), link("/contact", "Contact", false)));
    model.put("intro", "Fresh from this season's harvest: first-flush Darjeeling, hand-rolled oolongs"
        + " and the biscuits that go with them. Free delivery on orders over €40.");
    List<Map<String, Object>> products = new ArrayList<>();
    String[] names = {"Darjeeling First Flush", "Assam \"Breakfast\" Blend", "Earl Grey & Bergamot", "Ginger Snaps"};
    for (int i = 0; i < names.length; i++) {
      products.add(Map.of(
          "slug", names[i].toLowerCase().replaceAll("[^a-z]+", "-"),
          "name", names[i],
          "summary", "Packed by hand in a resealable tin; enough for about 40 cups.",
          "price", "€" + (8 + i) + ".50",
          "sku", "TB-" + (1000 + i),
          "inStock", i != 2));
    }
    model.put("products", products);
    return model;
  }

  /** Renders the page written in the {@code variant} way to {@code out}. */
  public void render(Variant variant, Writer out) throws IOException, TemplateException {
    templates.get(variant).process(model, out);
  }

  /** Renders the page written in the {@code variant} way to a string. */
  public String render(Variant variant) throws IOException, TemplateException {
    RecyclingWriter out = new RecyclingWriter();
    render(variant, out);
    return out.toString();
  }

  private static Map<String, Object> link(String href, String label, boolean active) {
    return Map.of("href", href, "label", label, "active", active);
  }

  private static String needsNoEscaping(String value) {
    if (!NEEDS_NO_ESCAPING.matcher(value).matches()) {
      throw new IllegalArgumentException(value + " would need JSON escaping, which the floor page does not do");
    }
    return value;
  }
}
