using System.Buffers.Text;
using Rose.Backoffice.Pages.Accounts;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The secret of a one-time link: random, 32 bytes, looked up only by its SHA-256.</summary>
public sealed class OneTimeTokenTests
{
    [Fact]
    public void Create_gives_32_random_bytes_in_base64url_each_time_different()
    {
        var first = OneTimeToken.Create();
        var second = OneTimeToken.Create();

        Assert.Equal(32, Base64Url.DecodeFromChars(first).Length);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(first, c => c is '+' or '/' or '=');
    }

    [Fact]
    public void HashOfLink_is_the_sha256_of_a_token_and_null_for_text_that_cannot_be_one()
    {
        var token = OneTimeToken.Create();

        Assert.Equal(OneTimeToken.Hash(token), OneTimeToken.HashOfLink(token));
        Assert.Equal(64, OneTimeToken.Hash(token).Length);
        Assert.NotEqual(OneTimeToken.Hash(token), OneTimeToken.Hash(OneTimeToken.Create()));
        Assert.Null(OneTimeToken.HashOfLink(null));
        Assert.Null(OneTimeToken.HashOfLink(string.Empty));
        Assert.Null(OneTimeToken.HashOfLink(new string('a', 101)));
    }
}
