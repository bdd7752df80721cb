using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rose.Geo.Site;
using Rose.Testing;

namespace Rose.Geo.Tests.Support;

/// <summary>
/// The standalone host (embedded runtime, the demo tenant whose knowledge base is the repository's
/// docs/) with the recording publisher in place of the site publisher, or, without one, the host's
/// own site publisher (blob folder + IndexNow, whose endpoint the test then sets). Two factories on the
/// same <paramref name="dataPath"/>, one after the other, are a restart.
/// </summary>
public sealed class GeoAppFactory : RoseAppFactory<Program>
{
    private readonly RecordingSitePublisher? publisher;

    public GeoAppFactory(string dataPath, RecordingSitePublisher? publisher)
    {
        this.publisher = publisher;
        With("Rose:DataPath", dataPath);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (publisher is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IGeoSitePublisher>(publisher));
        }
    }
}
