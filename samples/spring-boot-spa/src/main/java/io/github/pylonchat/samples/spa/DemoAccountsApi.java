package io.github.pylonchat.samples.spa;

import io.github.pylonchat.samples.demosite.DemoCredentials;
import io.github.pylonchat.samples.demosite.DemoUsers;
import io.github.pylonchat.samples.demosite.DemoUsers.Account;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/demo-accounts}: the demo accounts and their public passwords, for the sign-in
 * form. Only in the demo profile ({@link DemoCredentials#PROFILE}, the sample's default): with any
 * other active profile there is no such endpoint (404) and the page lists nobody.
 */
@RestController
@Profile(DemoCredentials.PROFILE)
class DemoAccountsApi {
  @GetMapping("/api/demo-accounts")
  List<Account> demoAccounts() {
    return DemoUsers.ACCOUNTS;
  }
}
