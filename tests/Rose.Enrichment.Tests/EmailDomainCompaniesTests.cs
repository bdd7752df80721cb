using Rose.Enrichment.Identification;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>The offline identification: a work e-mail names the company, free mail names nobody.</summary>
public sealed class EmailDomainCompaniesTests
{
    [Theory]
    [InlineData("ana.lopez@northwind-traders.com", "Northwind Traders", "northwind-traders.com")]
    [InlineData("Bob@Sales.Contoso.co.uk", "Contoso", "sales.contoso.co.uk")]
    [InlineData("li@fabrikam.de", "Fabrikam", "fabrikam.de")]
    public void Identify_names_the_company_of_a_work_address(string email, string name, string domain)
    {
        var company = EmailDomainCompanies.Identify(email);

        Assert.Equal((name, domain, MatchKinds.EmailDomain), (company?.Name, company?.Domain, company?.MatchedBy));
    }

    [Theory]
    [InlineData("someone@gmail.com")]
    [InlineData("someone@GMX.de")]
    [InlineData("quelqu.un@orange.fr")]
    [InlineData("not an address")]
    [InlineData(null)]
    public void Identify_names_nobody_for_free_mail_and_invalid_addresses(string? email) =>
        Assert.Null(EmailDomainCompanies.Identify(email));
}
