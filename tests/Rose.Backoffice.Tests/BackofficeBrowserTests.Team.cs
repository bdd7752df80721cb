using OpenQA.Selenium;
using Rose.Testing.Browser;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The team's accounts in Chromium: an invitation and a password reset, each followed from the offline Sent mail page.</summary>
public sealed partial class BackofficeBrowserTests
{
    private const string MemberEmail = "new.member@demo.rose.test";
    private const string MemberPassword = "member password one";
    private const string NewMemberPassword = "member password two";

    [Fact]
    public void Owner_invites_a_member_through_the_mail_page_and_the_member_resets_the_password_the_same_way()
    {
        using var chromium = new HeadlessChromium();
        SignIn(chromium, OwnerEmail, OwnerPassword);

        chromium.GoTo(new Uri(Host.Address, "/backoffice/team"));
        chromium.Wait(d => d.FindElement(By.CssSelector($"tr[data-member='{OwnerEmail}']")), "the owner in the team");
        chromium.Driver.FindElement(By.Id("invite-email")).SendKeys(MemberEmail);
        chromium.Driver.FindElement(By.XPath("//button[normalize-space()='Send the invitation']")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("[role=status]")).Text.Contains(MemberEmail, StringComparison.Ordinal), "the invitation sent");
        chromium.Wait(d => d.FindElement(By.CssSelector($"tr[data-invitation='{MemberEmail}']")), "the pending invitation");
        AxeScan.AssertAccessible(chromium, "backoffice-team");

        chromium.GoTo(new Uri(Host.Address, "/backoffice/mail"));
        var invitationLink = chromium.Wait(d => d.FindElement(By.CssSelector(".mail-body a[href*='/backoffice/invitations/']")), "the invitation's link on the mail page");
        AxeScan.AssertAccessible(chromium, "backoffice-mail");
        invitationLink.Click();

        chromium.Wait(d => d.FindElement(By.Id("confirm")), "the invitation's password form");
        AxeScan.AssertAccessible(chromium, "backoffice-invitation");
        chromium.Driver.FindElement(By.Id("password")).SendKeys(MemberPassword);
        chromium.Driver.FindElement(By.Id("confirm")).SendKeys(MemberPassword + Keys.Enter);
        chromium.Wait(d => d.FindElement(By.CssSelector(".who .email")).Text == MemberEmail, "signed in as the new member");

        foreach (var ownerOnly in new[] { "team", "mail", "webhooks" })
        {
            chromium.GoTo(new Uri(Host.Address, "/backoffice/" + ownerOnly));
            Assert.Equal("Not allowed", chromium.Wait(d => d.FindElement(By.TagName("h1")), $"{ownerOnly} refused to a member").Text);
        }

        chromium.Screenshot("backoffice-member-refused");
        SignOut(chromium);

        // "Forgot your password?" answers the same for an address without an account.
        RequestReset(chromium, "nobody@demo.rose.test");
        var unknownAnswer = chromium.Driver.FindElement(By.CssSelector("[data-reset-requested]")).Text;
        RequestReset(chromium, MemberEmail);
        Assert.Equal(unknownAnswer, chromium.Driver.FindElement(By.CssSelector("[data-reset-requested]")).Text);
        AxeScan.AssertAccessible(chromium, "backoffice-forgot-password");

        SignIn(chromium, OwnerEmail, OwnerPassword);
        chromium.GoTo(new Uri(Host.Address, "/backoffice/mail"));
        chromium.Wait(d => d.FindElement(By.CssSelector(".mail-body a[href*='/backoffice/reset-password/']")), "the reset link on the mail page").Click();
        chromium.Wait(d => d.FindElement(By.Id("confirm")), "the new password form");
        AxeScan.AssertAccessible(chromium, "backoffice-reset-password");
        chromium.Driver.FindElement(By.Id("password")).SendKeys(NewMemberPassword);
        chromium.Driver.FindElement(By.Id("confirm")).SendKeys(NewMemberPassword + Keys.Enter);
        chromium.Wait(d => d.FindElement(By.CssSelector("[data-reset-done]")), "the password changed");
        SignOut(chromium);

        chromium.GoTo(new Uri(Host.Address, "/backoffice/login"));
        chromium.Driver.FindElement(By.Id("email")).SendKeys(MemberEmail);
        chromium.Driver.FindElement(By.Id("password")).SendKeys(MemberPassword + Keys.Enter);
        chromium.Wait(d => d.FindElement(By.CssSelector(".sign-in .error")), "the old password refused");
        SignIn(chromium, MemberEmail, NewMemberPassword);
    }

    /// <summary>Signs in on the sign-in page and waits for the header to show the account.</summary>
    private void SignIn(HeadlessChromium chromium, string email, string password)
    {
        chromium.GoTo(new Uri(Host.Address, "/backoffice/login"));
        chromium.Wait(d => d.FindElement(By.Id("email")), "the sign-in form").SendKeys(email);
        chromium.Driver.FindElement(By.Id("password")).SendKeys(password + Keys.Enter);
        chromium.Wait(d => d.FindElement(By.CssSelector(".who .email")).Text == email, $"signed in as {email}");
    }

    private static void SignOut(HeadlessChromium chromium)
    {
        chromium.Driver.FindElement(By.CssSelector("form[action='logout'] button")).Click();
        chromium.Wait(d => d.Url.Contains("/backoffice/login", StringComparison.Ordinal), "the sign-in page after signing out");
    }

    private void RequestReset(HeadlessChromium chromium, string email)
    {
        chromium.GoTo(new Uri(Host.Address, "/backoffice/login"));
        chromium.Wait(d => d.FindElement(By.LinkText("Forgot your password?")), "the forgotten-password link").Click();
        chromium.Wait(d => d.FindElement(By.Id("email")), "the forgotten-password form").SendKeys(email + Keys.Enter);
        chromium.Wait(d => d.FindElement(By.CssSelector("[data-reset-requested]")), "the answer to the reset request");
    }
}
