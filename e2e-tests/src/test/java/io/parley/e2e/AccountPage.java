package io.parley.e2e;

import static org.awaitility.Awaitility.await;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The account screens as a person uses them, through the ids docs/web-client.md lists.
 */
final class AccountPage {

    private final Browser browser;

    AccountPage(Browser browser) {
        this.browser = browser;
    }

    void signUp(String email, String name, String password) {
        browser.get("/signup");
        type("signup-email", email);
        type("signup-name", name);
        type("signup-password", password);
        browser.driver().findElement(By.id("signup-submit")).click();
        awaitSignedInAs(name);
    }

    void signIn(String email, String password, String expectedName) {
        browser.get("/signin");
        type("signin-email", email);
        type("signin-password", password);
        browser.driver().findElement(By.id("signin-submit")).click();
        awaitSignedInAs(expectedName);
    }

    void signOut() {
        browser.driver().findElement(By.id("signout")).click();
        awaitState("guest");
    }

    /** The header shows the display name once the page knows who is signed in. */
    void awaitSignedInAs(String name) {
        awaitState("signed-in");
        await(browser.name() + " to show " + name + " in the header").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> name.equals(browser.driver().findElement(By.id("account-menu")).getText().strip()));
    }

    void awaitState(String state) {
        await(browser.name() + "'s header to be " + state).atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> state
                .equals(browser.driver().findElement(By.id("account-nav")).getDomAttribute("data-state")));
    }

    private void type(String id, String text) {
        await(browser.name() + " to show #" + id).atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> browser.driver().findElement(By.id(id)).isDisplayed());
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

}
