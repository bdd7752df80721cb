namespace Rose.Enrichment.Identification;

/// <summary>
/// Mailbox providers whose addresses say nothing about the visitor's employer. Maintained by hand:
/// the large international ones plus the national ones of the markets Rose's clients sell in.
/// </summary>
public static class FreeMailDomains
{
    private static readonly HashSet<string> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.fr", "hotmail.de", "hotmail.co.uk",
        "live.com", "live.fr", "live.de", "msn.com", "yahoo.com", "yahoo.fr", "yahoo.de", "yahoo.co.uk", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "tutanota.com", "tuta.io",
        "gmx.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "posteo.de", "mail.de",
        "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "bbox.fr", "neuf.fr", "numericable.fr",
        "libero.it", "virgilio.it", "tiscali.it", "btinternet.com", "sky.com", "virginmedia.com", "ntlworld.com",
        "mail.com", "mail.ru", "yandex.com", "yandex.ru", "zoho.com", "fastmail.com", "hey.com", "qq.com", "163.com", "126.com",
        "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "bluewin.ch", "telenet.be", "skynet.be", "ziggo.nl", "kpnmail.nl",
    };

    public static bool Contains(string domain) => Domains.Contains(domain.Trim().TrimEnd('.'));
}
