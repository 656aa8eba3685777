using Nop.Plugin.Misc.CustomFlows.Services.Secrets;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

[TestFixture]
public class SecretMaskTests
{
    [Test]
    public void A_long_secret_shows_only_dots_and_its_last_four_characters()
    {
        Assert.That(SecretMask.Mask(SecretKeys.NewHexSecret()), Does.Match("^••••••••[0-9A-F]{4}$"));
    }

    [Test]
    public void A_short_secret_shows_only_dots_because_four_characters_would_give_most_of_it_away()
    {
        Assert.That(SecretMask.Mask("abc123xyz"), Is.EqualTo(SecretMask.Dots));
    }

    [TestCase(null)]
    [TestCase(" ")]
    public void No_secret_has_no_mask_so_the_page_can_say_not_set(string secret)
    {
        Assert.That((SecretMask.Mask(secret), SecretMask.MaskConnectionString(secret)), Is.EqualTo(((string)null, (string)null)));
    }

    [TestCase("Server=sql01,1433;Initial Catalog=nop;User ID=sa;Password=P@ss;", "server=sql01,1433; initial catalog=nop; ••••••••")]
    [TestCase("Data Source=db;Database=shop;Pwd=p;Uid=root;AccessToken=t", "data source=db; database=shop; ••••••••")]
    [TestCase("Password=only-a-password", "••••••••")]
    [TestCase("this is not a connection string", "••••••••")]
    public void A_connection_string_shows_where_the_database_is_and_nothing_to_log_in_with(string connection, string expected)
    {
        Assert.That(SecretMask.MaskConnectionString(connection), Is.EqualTo(expected));
    }

    [Test]
    public void Every_new_secret_is_64_hex_characters_and_fresh()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => SecretKeys.NewHexSecret()).ToList();

        Assert.That(secrets, Has.All.Match("^[0-9A-F]{64}$"));
        Assert.That(secrets.Distinct().Count(), Is.EqualTo(20));
    }
}
